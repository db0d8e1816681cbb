"""The timeline as a picture a teacher can project: one lane per answer, coloured by period.

The terminal table is as wide as the terminal; shrunk to a projector it cannot be read. This draws
the same rows (from `engine.timeline.timeline`) on a real time axis at 1920x1080, with the
case file's dated events marked and numbered, and a key giving their words and sources.

Colours are Okabe-Ito (safe for colour-blind readers); every verdict also has its own hatch
and, where the bar is wide enough, its word, so the picture survives a greyscale printer.
matplotlib is imported only here, and only when a picture is asked for, so that the CLI
starts as fast as before.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from engine.answer import Conclusion
from engine.atomic import write_atomically
from engine.evaluation import facts_known_until, sources_by_key
from engine.model import Case
from engine.render import Names, event_words

WIDTH, HEIGHT, DPI = 1920, 1080, 100  # pixels: the figure is 19.2 x 10.8 inches at 100 dpi
FORMATS = {".svg": "svg", ".png": "png"}


@dataclass(frozen=True)
class Look:
    """How one verdict is drawn: colour, hatch (for greyscale) and the word on the bar."""

    colour: str
    hatch: str
    word: str
    legend: str


LOOKS = {  # Okabe-Ito colours
    "yes": Look("#009E73", "", "YES", "YES"),
    "no": Look("#D55E00", "///", "NO", "NO"),
    "uncertain": Look("#F0E442", "...", "UNCERTAIN", "UNCERTAIN (inside a date's window)"),
    "unknown": Look("#56B4E9", "xx", "UNKNOWN", "UNKNOWN (a fact is missing)"),
    "none": Look("#BBBBBB", "", "", "(no answer: not asked then)"),
}

# The answers a reader asks first; the rest follow in the timeline's own order.
FIRST_QUESTIONS = ("criminal_immunity", "personal_inviolability", "prosecutable", "premises_inviolable",
                   "waiver_effective")

# Sizes in points (at 100 dpi a point is 1.39 px, so 8 pt is 11 px: the smallest text here).
TITLE_PT, TEXT_PT, SMALL_PT = 17, 10, 9
MARGIN = 28  # px
LABELS_WIDTH = 660  # px: the panel of lane labels, left of the chart
LANE_MIN, LANE_MAX = 38, 120  # px: two lines of label fit in the smallest lane
BAR_MAX = 46  # px: in a tall lane (few rows) the bar stays a bar
BADGE_LEVELS = 4  # rows of event numbers above the chart, at most
KEY_LINES = 8  # lines in a column of the event key, at most
EVENT_GREY = "#555555"
HATCH_INK = "#00000070"  # hatch lines: dark, half transparent, so the colour still shows


def picture_format(path: Path) -> str:
    """'svg' or 'png', from the file name: the format must be what the name promises."""
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise ValueError(f"{path}: a timeline picture is saved as .svg or .png, "
                         f"not {Path(path).suffix or 'a name without a suffix'}")
    return fmt


def save_timeline_picture(case: Case, path: Path, rows=None, days=None) -> None:
    """Draw the timeline of `case` (or the given rows and checkpoint days) and write it to
    `path` atomically: a reader never sees half a picture, and a failure leaves no file."""
    path = Path(path)
    fmt = picture_format(path)
    if rows is None:
        from engine.timeline import timeline

        all_days, rows = timeline(case)
        days = all_days if days is None else days
    elif days is None:
        from engine.timeline import checkpoints

        days = checkpoints(case)  # the same days, without evaluating the case again
    data = _render(case, list(rows), list(days), fmt)
    write_atomically(path, data)


def by_importance(rows) -> list:
    """The rows a reader asks about first (criminal immunity, inviolability, trial, premises,
    waiver), then the others in the timeline's order."""
    def rank(indexed):
        i, row = indexed
        first = FIRST_QUESTIONS.index(row.question) if row.question in FIRST_QUESTIONS else len(FIRST_QUESTIONS)
        return first, i

    return [row for _, row in sorted(enumerate(rows), key=rank)]


def _render(case: Case, rows: list, days: list[dt.date], fmt: str) -> bytes:
    import matplotlib

    settings = {"svg.fonttype": "none", "svg.hashsalt": "immunity-timeline", "font.family": "sans-serif",
                "font.sans-serif": ["DejaVu Sans"], "hatch.linewidth": 1.0, "axes.unicode_minus": False}
    with matplotlib.rc_context(settings):
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        fig = Figure(figsize=(WIDTH / DPI, HEIGHT / DPI), dpi=DPI, facecolor="white")
        FigureCanvasAgg(fig)  # the Agg backend, explicitly: no display is ever needed
        _Drawing(fig, case, rows, days).draw()
        buffer = io.BytesIO()
        # no metadata: its RDF block would bring in three more URLs, and a date would make two
        # runs on the same case differ
        metadata = ({"Creator": None, "Date": None, "Format": None, "Type": None} if fmt == "svg"
                    else {"Software": None})
        fig.savefig(buffer, format=fmt, dpi=DPI, metadata=metadata)
    data = buffer.getvalue()
    if fmt == "svg":  # the prolog's DTD address is the one URL matplotlib adds; SVG needs neither
        data = data[data.index(b"<svg"):]  # (UTF-8 is the default without the XML declaration)
    return data


@dataclass
class EventMark:
    """Events that share one date (or window): one number on the chart, one entry in the key."""

    number: int
    start: dt.date
    end: dt.date  # inclusive; equal to start for an exact day
    label: str  # the date as the case file gives it
    what: list[str]  # in words (render.event_words), not the ids of Case.dated_events
    sources: list[str]

    @property
    def middle(self) -> dt.date:
        return self.start + (self.end + dt.timedelta(days=1) - self.start) / 2

    def entry(self) -> str:
        """'February 2018 [A1, A2]: Hongkon Kim leaves New Zealand; ...': the reports before the
        words, so that an entry cut short for room still cites them."""
        cited = f" [{', '.join(self.sources)}]" if self.sources else ""
        return f"{self.label}{cited}: {'; '.join(self.what)}"


def event_marks(case: Case) -> list[EventMark]:
    """The case's dated events in words, grouped by date, in order of time, with their sources' labels."""
    sources = sources_by_key(case)
    words = event_words(case)
    grouped: dict[tuple, EventMark] = {}
    for what, date, key in case.dated_events():
        mark = grouped.setdefault((date.start, date.end), EventMark(0, date.start, date.end, date.label, [], []))
        mark.what.append(words.get(what, what))
        for label in sources.get(key.split("#")[0], []):
            if label not in mark.sources:
                mark.sources.append(label)
    marks = sorted(grouped.values(), key=lambda m: (m.middle, m.start))  # numbered left to right
    for number, mark in enumerate(marks, start=1):
        mark.number = number
    return marks


class _Drawing:
    """One figure, laid out in pixels from the top: title, legend, chart with its lanes, the
    event key, and a caption. Text is measured in the font's own metrics, so nothing overlaps."""

    def __init__(self, fig, case: Case, rows: list, days: list[dt.date]):
        from matplotlib.font_manager import FontProperties

        self.fig, self.case, self.rows, self.days = fig, case, rows, days
        self.names = Names(case)
        self.marks = event_marks(case)
        self.advances: dict[tuple, float] = {}
        self.font = FontProperties(size=TEXT_PT)
        self.bold = FontProperties(size=TEXT_PT, weight="bold")
        self.small = FontProperties(size=SMALL_PT)
        self.small_bold = FontProperties(size=SMALL_PT, weight="bold")
        self.title_font = FontProperties(size=TITLE_PT, weight="bold")
        self.line = TEXT_PT * DPI / 72 * 1.3  # px between two lines of text

    # -- measuring and placing, in pixels from the top left ---------------------------------
    def width(self, text: str, font) -> float:
        """Pixels `text` takes: the sum of its glyphs' advances (cached; asking the renderer for
        every trial fit took most of the drawing time)."""
        return sum(self.advance(ch, font) for ch in text)

    def advance(self, ch: str, font) -> float:
        key = (ch, font.get_size_in_points(), font.get_weight())
        if key not in self.advances:
            from matplotlib.font_manager import findfont, get_font

            face = get_font(findfont(font))
            face.set_size(font.get_size_in_points(), DPI)
            self.advances[key] = face.load_char(ord(ch)).horiAdvance / 64  # 26.6 fixed point
        return self.advances[key]

    def text(self, x: float, y: float, s: str, font, **kw):
        return self.fig.text(x / WIDTH, 1 - y / HEIGHT, s, fontproperties=font, **kw)

    def fit(self, words: list[str], room: float, font) -> tuple[str, list[str]]:
        """As many words as fit in `room` px, and the words left over (room is kept 2% short:
        a viewer's font may be a little wider than the one measured)."""
        room *= 0.98
        taken: list[str] = []
        for i, word in enumerate(words):
            if self.width(" ".join(taken + [word]), font) > room:
                return " ".join(taken), words[i:]
            taken.append(word)
        return " ".join(taken), []

    def ellipsis(self, text: str, room: float, font) -> str:
        room *= 0.98
        if self.width(text, font) <= room:
            return text
        while text and self.width(text + "…", font) > room:
            text = text[:-1]
        return text.rstrip(" ,;:") + "…"

    # -- the whole picture -------------------------------------------------------------------
    def draw(self) -> None:
        self.text(MARGIN, 20, f"{self.case.title}: answers over time", self.title_font, va="top")
        self.legend(62)
        levels = self.badge_levels()
        chart_top = 118 + max(levels.values(), default=0) * 24
        columns = self.key_columns()
        key_height = (max(map(len, columns)) + 1) * self.line + 12 if self.marks else 0
        caption_top = HEIGHT - MARGIN - 2 * self.line  # room for two lines of caption
        bottom = caption_top - key_height - 44  # 44: the axis and its dates
        fits = max(1, int((bottom - chart_top) // LANE_MIN))
        shown = by_importance(self.rows)[:fits]
        lane = min(LANE_MAX, (bottom - chart_top) / max(1, len(shown)))
        chart_bottom = chart_top + lane * max(1, len(shown))
        self.chart(shown, chart_top, chart_bottom, lane)
        self.badges(levels, chart_top)
        self.key(columns, chart_bottom + 48)
        for i, line in enumerate(self.caption_lines(shown)):
            self.text(MARGIN, caption_top + (i + 1) * self.line, line, self.font, va="baseline", color="#222222")

    def legend(self, y: float) -> None:
        from matplotlib.patches import Rectangle

        x = MARGIN
        swatches = [(look.legend, look) for look in LOOKS.values()]
        for label, look in swatches:
            self.swatch(x, y, look)
            self.text(x + 34, y + 9, label, self.font, va="center")
            x += 34 + self.width(label, self.font) + 26
        # the two ways an event is marked: a line for a day, a shaded window for a month or year
        self.fig.add_artist(Rectangle((x / WIDTH, 1 - (y + 18) / HEIGHT), 28 / WIDTH, 18 / HEIGHT,
                                      facecolor=EVENT_GREY, alpha=0.22, edgecolor="none"))
        self.fig.add_artist(Rectangle(((x + 13) / WIDTH, 1 - (y + 18) / HEIGHT), 1.5 / WIDTH, 18 / HEIGHT,
                                      facecolor=EVENT_GREY, edgecolor="none"))
        self.text(x + 34, y + 9, "event: a line for a day, a shaded window for a month or year", self.font,
                  va="center")

    def swatch(self, x: float, y: float, look: Look) -> None:
        from matplotlib.patches import Rectangle

        tall = 18 if look.word else 6
        box = ((x / WIDTH, 1 - (y + 9 + tall / 2) / HEIGHT), 28 / WIDTH, tall / HEIGHT)
        self.fig.add_artist(Rectangle(*box, facecolor=look.colour, edgecolor="none"))
        if look.hatch:
            self.fig.add_artist(Rectangle(*box, facecolor="none", edgecolor=HATCH_INK, hatch=look.hatch,
                                          linewidth=0))

    # -- the chart ---------------------------------------------------------------------------
    def span(self) -> tuple[dt.date, dt.date]:
        """From a little before the first dated fact to a little after the last one: periods
        left open run on to the right edge."""
        dates = list(self.days) + [d for m in self.marks for d in (m.start, m.end)]
        if not dates:
            today = dt.date.today()
            return today - dt.timedelta(days=365), today + dt.timedelta(days=365)
        first, last = min(dates), max(dates)
        margin = max(dt.timedelta(days=120), (last - first) * 0.08)
        return first - margin, last + margin

    def chart(self, shown: list, top: float, bottom: float, lane: float):
        import matplotlib.dates as mdates

        left, right = MARGIN + LABELS_WIDTH, WIDTH - MARGIN - 8
        ax = self.fig.add_axes([left / WIDTH, 1 - bottom / HEIGHT, (right - left) / WIDTH, (bottom - top) / HEIGHT])
        start, end = self.span()
        x0, x1 = mdates.date2num(start), mdates.date2num(end)
        ax.set_xlim(x0, x1)
        ax.set_ylim(max(1, len(shown)), 0)
        self.px_per_day, self.lane = (right - left) / (x1 - x0), lane
        for spine in ("left", "right", "top"):
            ax.spines[spine].set_visible(False)
        ax.set_yticks([])
        locator = mdates.AutoDateLocator(minticks=4, maxticks=12)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, show_offset=False))
        ax.xaxis.set_minor_locator(mdates.MonthLocator())
        ax.tick_params(axis="x", labelsize=TEXT_PT + 1, length=6, pad=6)
        ax.tick_params(axis="x", which="minor", length=3)
        ax.grid(axis="x", color="#DDDDDD", linewidth=0.8, zorder=0)
        ax.set_axisbelow(True)
        ax.patch.set_alpha(0)  # the lanes' stripes run on under the bars
        for i, row in enumerate(shown):
            if i % 2 == 0:  # zebra stripes across labels and chart guide the eye along a lane
                self.stripe(top + i * lane, lane)
            self.lane_label(row, top + i * lane, lane)
            for period in row.periods:
                self.bar(ax, i, period, (x0, x1))
        if not shown:
            ax.text(0.5, 0.5, "No answer matches the filters.", transform=ax.transAxes, ha="center",
                    va="center", fontproperties=self.font)
        for mark in self.marks:
            lo, hi = mdates.date2num(mark.start), mdates.date2num(mark.end + dt.timedelta(days=1))
            if mark.start == mark.end:
                ax.axvline((lo + hi) / 2, color=EVENT_GREY, linewidth=1.1, alpha=0.7, zorder=3)
            else:
                ax.axvspan(lo, hi, color=EVENT_GREY, alpha=0.12, linewidth=0, zorder=1)
        return ax

    def stripe(self, y: float, lane: float) -> None:
        from matplotlib.patches import Rectangle

        self.fig.add_artist(Rectangle((MARGIN / 2 / WIDTH, 1 - (y + lane) / HEIGHT), 1 - MARGIN / WIDTH,
                                      lane / HEIGHT, facecolor="#F3F3F3", edgecolor="none", zorder=-10))

    def lane_label(self, row, y: float, lane: float) -> None:
        """The subject in bold, then the question in words, over at most two lines."""
        probe = Conclusion(id=row.id, question=row.question, subject=row.subject, holds=None, rule="", cites=[],
                           because=[], sources=[], text="")
        room = LABELS_WIDTH - 24
        words = self.names.phrase(probe).split() or [""]
        subject = self.ellipsis(self.names.subject_title(probe), room - self.width(words[0] + "  ", self.font),
                                self.bold)
        lead = self.fig.canvas.get_renderer().get_text_width_height_descent(subject, self.bold, False)[0] + 10
        first, rest = self.fit(words, room - lead, self.font)
        if rest and not self.fit(words, room, self.font)[1]:  # better whole on a line of its own than cut
            first, rest = "", words
        second = self.ellipsis(" ".join(rest), room, self.font) if rest else ""
        top = y + lane / 2 - (self.line / 2 if second else 0)
        self.text(MARGIN, top, subject, self.bold, va="center")
        if first:
            self.text(MARGIN + lead, top, first, self.font, va="center")
        if second:
            self.text(MARGIN, top + self.line, second, self.font, va="center")

    def bar(self, ax, i: int, period, limits: tuple[float, float]) -> None:
        import matplotlib.dates as mdates
        from matplotlib.patches import Rectangle

        x0, x1 = limits
        lo = mdates.date2num(period.start) if period.start else x0
        hi = mdates.date2num(period.end + dt.timedelta(days=1)) if period.end else x1
        lo, hi = max(lo, x0), min(hi, x1)
        if hi <= lo:
            return
        look = LOOKS[period.verdict]
        height = min(0.56, BAR_MAX / self.lane) * (1 if look.word else 0.25)
        corner = (lo, i + 0.5 - height / 2)
        ax.add_patch(Rectangle(corner, hi - lo, height, facecolor=look.colour, edgecolor="white", linewidth=1,
                               zorder=2))
        if look.hatch:  # a second patch: the hatch takes the edge colour, which the bar keeps white
            ax.add_patch(Rectangle(corner, hi - lo, height, facecolor="none", edgecolor=HATCH_INK,
                                   hatch=look.hatch, linewidth=0, zorder=2))
        room = (hi - lo) * self.px_per_day
        if look.word and self.width(look.word, self.bold) + 14 <= room:
            ax.text((lo + hi) / 2, i + 0.5, look.word, ha="center", va="center", fontproperties=self.bold,
                    color="black", zorder=4,
                    bbox={"boxstyle": "round,pad=0.15", "facecolor": look.colour, "edgecolor": "none"})

    # -- events: numbers on the chart, words in the key --------------------------------------
    def x_of(self, mark: EventMark) -> float:
        """The pixel column of an event's middle (the middle of its window)."""
        start, end = self.span()
        scale = (WIDTH - 2 * MARGIN - LABELS_WIDTH - 8) / (end - start).days
        return MARGIN + LABELS_WIDTH + (mark.middle - start).days * scale

    def badge_levels(self) -> dict[int, int]:
        """A row for each event's number above the chart, so that numbers close in time do not
        overlap: the lowest row where the previous number is far enough to the left."""
        right_edge: list[float] = []
        levels = {}
        for mark in self.marks:
            x = self.x_of(mark)
            free = [n for n, edge in enumerate(right_edge) if edge + 26 <= x]
            if free or len(right_edge) < BADGE_LEVELS:
                level = free[0] if free else len(right_edge)
            else:  # crowded: overlap where the last number is furthest left
                level = min(range(BADGE_LEVELS), key=right_edge.__getitem__)
            right_edge[level:level + 1] = [x]
            levels[mark.number] = level
        return levels

    def badges(self, levels: dict[int, int], chart_top: float) -> None:
        from matplotlib.lines import Line2D

        for mark in self.marks:
            x, y = self.x_of(mark), chart_top - 16 - levels[mark.number] * 24
            self.fig.add_artist(Line2D([x / WIDTH, x / WIDTH], [1 - y / HEIGHT, 1 - chart_top / HEIGHT],
                                       color=EVENT_GREY, linewidth=1))
            self.number(x, y, mark.number, va="center")

    def number(self, x: float, y: float, n: int, va: str) -> None:
        """An event's number, white in a dark disc, as on the chart and in the key."""
        self.text(x, y, str(n), self.small_bold, ha="center", va=va, color="white", zorder=5,
                  bbox={"boxstyle": "circle,pad=0.22", "facecolor": "#333333", "edgecolor": "none"})

    def key_columns(self) -> list[list[tuple[int | None, str]]]:
        """The event key in up to three columns of at most KEY_LINES lines: (number or None for a
        continued entry, words), each entry wrapped to its column. What does not fit is counted."""
        if not self.marks:
            return [[]]
        count = 3 if len(self.marks) > 4 else len(self.marks)
        room = (WIDTH - 2 * MARGIN) / count - 40
        entries = [(mark.number, self.wrap(mark.entry(), room, self.small, most=3)) for mark in self.marks]
        per_column = min(KEY_LINES, -(-sum(len(lines) for _, lines in entries) // count))
        columns: list[list[tuple[int | None, str]]] = [[]]
        for i, (number, lines) in enumerate(entries):
            if columns[-1] and len(columns[-1]) + len(lines) > per_column:
                if len(columns) == count:  # no room left: say how many entries are missing
                    self.note_missing(columns[-1], len(entries) - i, per_column)
                    break
                columns.append([])
            columns[-1] += [(number, lines[0])] + [(None, line) for line in lines[1:]]
        return columns

    @staticmethod
    def note_missing(column: list, missing: int, most: int) -> None:
        """End a full column with how many entries are left out, dropping whole entries to make room."""
        while len(column) >= most:
            while column[-1][0] is None:
                column.pop()
            column.pop()
            missing += 1
        column.append((None, f"… and {missing} more events: the table (immunity timeline) lists them all"))

    def wrap(self, text: str, room: float, font, most: int) -> list[str]:
        """`text` in lines of at most `room` px (continuation lines indented), at most `most` lines."""
        first, rest = self.fit(text.split(), room, font)
        lines = [first]
        while rest and len(lines) < most:
            more, rest = self.fit(rest, room - 14, font)
            lines.append(more)
        if rest:
            lines[-1] = self.ellipsis(lines[-1] + " " + " ".join(rest), room - 14, font)
        return lines

    def key(self, columns: list[list[tuple[int | None, str]]], y: float) -> None:
        if not self.marks:
            return
        self.text(MARGIN, y, "Events of the case file (numbered on the chart; report labels in brackets)",
                  self.bold, va="top")
        width = (WIDTH - 2 * MARGIN) / len(columns)
        for c, lines in enumerate(columns):
            for n, (number, words) in enumerate(lines):
                top = y + (n + 1) * self.line
                if number is not None:
                    self.number(MARGIN + c * width + 10, top, number, va="top")
                self.text(MARGIN + c * width + 26, top, words, self.small, va="top")

    def caption_lines(self, shown: list) -> list[str]:
        """What the picture leaves out and how to narrow it; what an open bar means."""
        known = facts_known_until(self.case)
        lines = []
        if len(shown) < len(self.rows):
            lines.append(f"Showing {len(shown)} of {len(self.rows)} answers, the ones asked first; "
                         f"{len(self.rows) - len(shown)} more left out. "
                         f"Narrow the picture with {self.narrowing_hint(shown)}.")
        lines.append("Each bar is one answer over time. Bars that reach the right edge go on"
                     + (f" (the case file's facts run to {known.label})." if known else "."))
        return lines

    def narrowing_hint(self, shown: list) -> str:
        """The options that narrow the picture, with examples from the rows left out."""
        hidden = [r for r in self.rows if r not in shown]
        question = hidden[0].question if hidden else FIRST_QUESTIONS[0]
        subject = next((r.subject["person"] for r in hidden + shown if "person" in r.subject), None)
        example = f" (e.g. --subject {subject})" if subject else ""
        return f"--question (e.g. --question {question}) or --subject{example}"


