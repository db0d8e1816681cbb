"""`immunity timeline --svg/--png`: a picture a teacher can project at 1920x1080.

The picture replaced a terminal screenshot that was 1848x5979 px, fetched its fonts from a
CDN and could not be read once a browser shrank it. These tests hold the promises of the
replacement: its size, its palette really in the pixels, its words (lanes in words, events
with their sources, dates on the axis) kept as text, no address to fetch, the command's
filters, the most important answers first when they do not all fit, atomic writing, clean
errors, and matplotlib imported only when a picture is asked for.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import cairosvg
import pytest
from PIL import Image
from typer.testing import CliRunner

from engine.cli import app
from engine.loading import load_case
from engine.render import event_words
from engine.timeline import timeline
from engine.timeline_picture import FIRST_QUESTIONS, LOOKS, by_importance, event_marks, save_timeline_picture

ROOT = Path(__file__).resolve().parents[1]
KIM = ROOT / "scenarios" / "cases" / "kim.yaml"
CONSULAR = ROOT / "scenarios" / "cases" / "consular.yaml"
RUNNER = CliRunner()
NAMESPACES = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
SCALE = 1920 / 1382.4  # the SVG's user units (points) to pixels at 1920 px wide
OKABE_ITO = {"yes": "#009E73", "no": "#D55E00", "uncertain": "#F0E442", "unknown": "#56B4E9"}


def run(*args: str, code: int = 0):
    result = RUNNER.invoke(app, list(args))
    assert result.exit_code == code, (result.exit_code, result.output, result.exception)
    return result


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def texts(svg: Path) -> list[str]:
    """Every text element of the SVG, as a viewer would show it (entities decoded)."""
    found = ET.parse(svg).getroot().iter("{http://www.w3.org/2000/svg}text")
    return [" ".join("".join(t.itertext()).split()) for t in found]


def to_png(svg: Path) -> Image.Image:
    return Image.open(io.BytesIO(cairosvg.svg2png(url=str(svg), output_width=1920))).convert("RGB")


def pixels_of(image: Image.Image, colour: str) -> int:
    wanted = rgb(colour)
    return sum(n for n, c in image.getcolors(maxcolors=1 << 20) if c == wanted)


@pytest.fixture(scope="module")
def kim_svg(tmp_path_factory) -> Path:
    svg = tmp_path_factory.mktemp("kim") / "kim.svg"
    assert f"saved {svg}" in run("timeline", "--svg", str(svg)).stdout
    return svg


@pytest.fixture(scope="module")
def kim_png(kim_svg) -> Image.Image:
    return to_png(kim_svg)


def test_the_svg_renders_at_1920_by_1080(kim_svg, kim_png) -> None:
    assert kim_png.size == (1920, 1080)
    assert kim_svg.read_text(encoding="utf-8").startswith("<svg")
    root = ET.parse(kim_svg).getroot()
    assert (root.get("width"), root.get("height")) == ("1382.4pt", "777.6pt")  # 19.2 x 10.8 in


def test_the_palette_is_in_the_pixels(kim_png) -> None:
    assert {v: LOOKS[v].colour for v in OKABE_ITO} == OKABE_ITO  # colour-blind safe
    for verdict, colour in OKABE_ITO.items():
        assert pixels_of(kim_png, colour) > 2_000, verdict
    # the answers the case turns on are wide bars: yes and no dominate
    assert pixels_of(kim_png, OKABE_ITO["yes"]) > 100_000
    assert pixels_of(kim_png, OKABE_ITO["no"]) > 50_000


def test_lanes_are_labelled_in_words_and_events_with_their_sources(kim_svg) -> None:
    words = texts(kim_svg)
    text = "\n".join(words)
    case = load_case(KIM).case
    assert "Hongkon Kim" in words
    assert "immune from New Zealand's criminal jurisdiction for three alleged" in text
    assert "The embassy of the Republic of Korea in Wellington" in words
    assert not [w for w in words if re.search(r"\w+:\w+/", w)], "an answer's internal id as a label"
    flat = text.replace("\n", " ")
    said = event_words(case)  # the events in words (who did what), not by the case file's ids
    for mark in event_marks(case):  # each date's entry: its date and reports, then its words as far as they fit
        assert mark.entry().split(": ", 1)[0] + ": " in flat and mark.entry()[:60] in flat, mark.entry()
    events = [said[what] for what, _, _ in case.dated_events()]
    shown = [e for e in events if e in flat]
    assert len(shown) >= len(events) - 2, sorted(set(events) - set(shown))  # the end of a long entry cut with "…"
    assert ("February 2018 [A1, A2, A3, P1, P2, P3]: Hongkon Kim's functions at the embassy in Wellington end; "
            "Hongkon Kim leaves New Zealand; Hongkon Kim in New Zealand until") in flat
    assert "(kim-wellington)" not in flat
    assert "[A2]" in flat  # the arrest warrant rests on one report only
    assert {"2017", "2018", "2019", "2020"} <= set(words), "years on the time axis"
    assert {"YES", "NO", "UNCERTAIN", "UNKNOWN"} <= set(words), "verdicts written on the bars"


def test_the_text_is_large_enough_to_read_when_projected(kim_svg) -> None:
    sizes = [float(s) for s in re.findall(r"font-size: ([\d.]+)px", kim_svg.read_text(encoding="utf-8"))]
    assert len(sizes) > 50
    assert min(sizes) * SCALE >= 11, min(sizes) * SCALE


def test_nothing_is_fetched_from_the_network(kim_svg) -> None:
    svg = kim_svg.read_text(encoding="utf-8")
    assert set(re.findall(r"https?://[^\s\"'<>)]+", svg)) <= NAMESPACES
    assert "<image" not in svg and "@import" not in svg and "@font-face" not in svg
    assert "sans-serif" in svg  # a generic family: any viewer has one


def test_when_not_all_answers_fit_the_first_asked_are_shown_and_the_rest_counted(kim_svg) -> None:
    flat = " ".join(texts(kim_svg))
    total = len(timeline(load_case(KIM).case)[1])
    shown = re.search(r"Showing (\d+) of (\d+) answers", flat)
    assert shown and int(shown[2]) == total and 12 <= int(shown[1]) < total
    assert f"{total - int(shown[1])} more left out" in flat
    assert "--question" in flat and "--subject" in flat
    for phrase in ("criminal jurisdiction", "inviolable in New Zealand", "courts may try",
                   "premises inviolable"):
        assert phrase in flat, phrase
    assert "request provisional arrest" not in flat  # an action, last in importance: left out


def test_rows_are_ordered_by_what_a_reader_asks_first() -> None:
    rows = by_importance(timeline(load_case(KIM).case)[1])
    firsts = [r.question for r in rows if r.question in FIRST_QUESTIONS]
    assert [r.question for r in rows[:len(firsts)]] == firsts
    assert firsts == sorted(firsts, key=FIRST_QUESTIONS.index)
    assert rows[0].id == "criminal_immunity:kim/NZL/assault-2017"


def test_the_question_filter_applies_to_the_picture(tmp_path) -> None:
    svg = tmp_path / "criminal.svg"
    run("timeline", "--question", "criminal_immunity", "--svg", str(svg))
    flat = " ".join(texts(svg))
    assert flat.count("criminal jurisdiction") == 2  # New Zealand and the Philippines
    for other in ("inviolable", "courts may try", "civil and administrative", "valid waiver", "Showing"):
        assert other not in flat, other


def test_the_subject_filter_applies_to_the_picture(tmp_path) -> None:
    svg = tmp_path / "embassy.svg"
    run("timeline", "--subject", "mission=rok-embassy-wellington", "--svg", str(svg))
    words = texts(svg)
    lanes = words[:next(i for i, w in enumerate(words) if w.startswith("Events of the case file"))]  # not the key
    assert "The embassy of the Republic of Korea in Wellington" in lanes
    assert "premises inviolable" in lanes and "archives and documents inviolable" in lanes
    assert "Hongkon Kim" not in lanes  # no lane of his
    assert not [w for w in lanes if "Philippines" in w or "criminal jurisdiction" in w]


def test_png_output_is_a_1920_by_1080_png(tmp_path) -> None:
    png = tmp_path / "kim.png"
    result = run("timeline", "--png", str(png), "--svg", str(tmp_path / "kim.svg"))
    assert f"saved {png}" in result.stdout and "answers over time" in result.stdout  # the table too
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    image = Image.open(io.BytesIO(data)).convert("RGB")
    assert image.size == (1920, 1080)
    assert pixels_of(image, OKABE_ITO["yes"]) > 100_000 and pixels_of(image, OKABE_ITO["no"]) > 50_000


def test_the_file_is_replaced_atomically_and_leaves_no_temporary_file(tmp_path) -> None:
    target = tmp_path / "kim.svg"
    target.write_text("an old picture")
    before = target.stat().st_ino
    save_timeline_picture(load_case(KIM).case, target)
    assert target.read_text(encoding="utf-8").startswith("<svg")
    assert target.stat().st_ino != before, "written in place, not renamed over the old file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kim.svg"]


def test_a_failed_write_leaves_nothing_behind(tmp_path) -> None:
    (tmp_path / "taken.svg").mkdir()  # a directory where the picture should go
    with pytest.raises(IsADirectoryError):
        save_timeline_picture(load_case(KIM).case, tmp_path / "taken.svg")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.svg"]


def test_the_same_case_gives_the_same_svg(tmp_path) -> None:
    case = load_case(KIM).case
    days, rows = timeline(case)
    for name in ("a.svg", "b.svg"):
        save_timeline_picture(case, tmp_path / name, rows=rows, days=days)
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()


def test_an_unknown_format_is_refused(tmp_path) -> None:
    with pytest.raises(ValueError, match=r"\.svg or \.png"):
        save_timeline_picture(load_case(KIM).case, tmp_path / "kim.jpg")
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("option, name", [("--svg", "kim.png"), ("--png", "kim.svg"), ("--svg", "kim")])
def test_the_command_refuses_a_name_that_promises_another_format(tmp_path, option, name) -> None:
    result = run("timeline", option, str(tmp_path / name), code=2)
    assert f"immunity: {tmp_path / name}: {option} saves" in result.stderr
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("option", ["--svg", "--png"])
def test_a_picture_with_json_is_refused(tmp_path, option) -> None:
    target = tmp_path / f"t.{option[2:]}"
    result = run("timeline", "--json", option, str(target), code=2)
    assert option in result.stderr and not target.exists()


@pytest.mark.parametrize("where, why", [("missing/t.svg", "No such file or directory"),
                                        ("a-file/t.png", "Not a directory")])
def test_a_path_that_cannot_be_written_is_reported_without_a_traceback(tmp_path, where, why) -> None:
    (tmp_path / "a-file").write_text("not a directory")
    target = tmp_path / where
    proc = subprocess.run([sys.executable, "-c", "from engine.cli import main; main()", "timeline",
                           "--svg" if where.endswith(".svg") else "--png", str(target)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert f"immunity: {target}: {why}" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_the_consular_case_draws_too(tmp_path) -> None:
    svg = tmp_path / "consular.svg"
    run("timeline", str(CONSULAR), "--svg", str(svg))
    image = to_png(svg)
    assert image.size == (1920, 1080)
    assert pixels_of(image, OKABE_ITO["yes"]) > 50_000 and pixels_of(image, OKABE_ITO["no"]) > 20_000
    flat = " ".join(texts(svg))
    case = load_case(CONSULAR).case
    said = event_words(case)
    for what, date, _ in case.dated_events():
        assert said[what] in flat and date.label in flat, said[what]
    for label in ("[F1]", "[F2]", "[F3]", "[F4]"):
        assert label in flat, label
    assert "Mateo Ibarra" in flat and "Diego Salas" in flat
    assert set(re.findall(r"https?://[^\s\"'<>)]+", svg.read_text(encoding="utf-8"))) <= NAMESPACES


def test_a_crowded_case_still_fits_and_says_what_it_leaves_out(tmp_path) -> None:
    """Forty more dated events, two weeks apart: the event key counts those it cannot list."""
    import yaml

    data = yaml.safe_load(KIM.read_text(encoding="utf-8"))
    for i in range(40):
        data["proceedings"].append({"id": f"hearing-{i}", "kind": "investigation", "person": "kim",
                                    "acts": ["assault-2017"], "state": "NZL", "status": "open", "sources": ["A2"],
                                    "date": f"2018-{3 + i // 4:02d}-{1 + 7 * (i % 4):02d}"})
    crowded = tmp_path / "crowded.yaml"
    crowded.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    svg = tmp_path / "crowded.svg"
    run("timeline", str(crowded), "--svg", str(svg))
    words = texts(svg)
    first_line = r"(\d{1,2} )?([A-Z][a-z]+ )?\d{4}( \[[^\]]*\])?: "  # an entry's: date, [reports]: words
    listed = [w for w in words if re.match(first_line, w)]
    missing = next(w for w in words if w.startswith("… and "))
    total = len(event_marks(load_case(crowded).case))
    assert 10 < len(listed) < total
    assert int(re.search(r"and (\d+) more events", missing)[1]) == total - len(listed)
    assert to_png(svg).size == (1920, 1080)


def test_matplotlib_is_imported_only_for_a_picture() -> None:
    probe = ("import sys, engine.cli, engine.timeline_picture; "
             "print(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib'))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.replace("'", '"')) == []
