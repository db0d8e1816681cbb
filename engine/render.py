"""Answers as people read them: grouped by subject, one line of verdict, one line of reason.

Only rendering lives here. Every word of legal reasoning comes from the rules that fired.
"""

from __future__ import annotations

import datetime as dt
import re

from engine.answer import Answer, Conclusion
from engine.facts import act_label, mission_name
from engine.model import Case

# How each contract question reads, with the subject's names filled in.
PHRASES = {
    "criminal_immunity": "immune from {state}'s criminal jurisdiction for {act}",
    "civil_immunity": "immune from {state}'s civil and administrative jurisdiction for {act}",
    "personal_inviolability": "inviolable in {state}: may not be arrested or detained",
    "residual_immunity": "immunity in {state} for {act} survives the end of his functions",
    "prosecutable": "{state}'s courts may try {act}",
    "present_in_territory": "present in {state}",
    "must_give_evidence": "may be compelled to give evidence in {state}",
    "must_respect_laws": "bound to respect {state}'s laws",
    "sending_state_jurisdiction": "{state} (sending State) has jurisdiction over {act}",
    "premises_inviolable": "premises inviolable",
    "archives_inviolable": "archives and documents inviolable",
    "entry_permitted": "entry by the receiving State's agents permitted ({request}{entry})",
    "waiver_effective": "valid waiver of immunity",
    "extraditable_offence": "{act}: an extraditable offence from {requested} to {requesting}",
    "extradition_refusable": "{requested} may refuse to extradite him to {requesting}",
    "must_submit_for_prosecution": "{requested} must submit the case for prosecution if it refuses to extradite",
    "available_action": "{action}",
    "extraditable_person": "extraditable to {requesting} (accused of an extradition offence)",
}


class Names:
    """The case's names for its ids, so output speaks of people and places, not keys."""

    def __init__(self, case: Case):
        self.states = {s.code: s.name for s in case.states}
        self.persons = {p.id: p.name for p in case.persons}
        self.acts = {a.id: act_label(a) for a in case.acts}
        self.missions = {mi.id: capitalised(mission_name(mi, self.states)) for mi in case.missions}
        self.requests = {r.id: r.id for r in case.requests}

    def subject_title(self, c: Conclusion) -> str:
        s = c.subject
        if "person" in s:
            return self.persons.get(s["person"], s["person"])
        if "mission" in s:
            return self.missions.get(s["mission"], s["mission"])
        if "request" in s:
            return f"Request {s['request']}"
        if "requesting" in s:
            return f"Extradition from {self.states.get(s['requested'], s['requested'])} to " \
                   f"{self.states.get(s['requesting'], s['requesting'])}"
        if "state" in s:
            return self.states.get(s["state"], s["state"])
        return "Other"

    def phrase(self, c: Conclusion) -> str:
        s = c.subject
        filled = {key: self.states.get(s.get(key, ""), s.get(key, "")) for key in ("state", "requesting", "requested")}
        filled.update(act=self.acts.get(s.get("act", ""), s.get("act", "")), request=s.get("request", ""),
                      entry=s.get("entry", ""),
                      action=self.humanise(s.get("action", "")))
        phrase = PHRASES.get(c.question, c.question.replace("_", " ")).format(**filled).replace("s's ", "s' ")
        if c.question == "available_action" and "act" in s:
            phrase += f", for {filled['act']}"
        return phrase

    def humanise(self, text: str) -> str:
        """Ids and state codes inside an action's name, replaced by names."""
        names = {**self.states, **self.persons, **{k: v[:1].lower() + v[1:] for k, v in self.missions.items()}}
        return re.sub(r"[A-Za-z0-9_-]+", lambda m: names.get(m.group(0), m.group(0)), text)


# How every output says that an answer rests on law the legal brief does not verify.
UNVERIFIED = "Rests on law not verified"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def verdict(c: Conclusion) -> str:
    if c.holds is True:
        return "YES"
    if c.holds is False:
        return "NO"
    return "UNCERTAIN" if c.window else "UNKNOWN"


# The answers a reader asks for first: is he immune, may he be arrested, may he be tried, and
# may the police enter the mission. `now` and `at` print these first, then the detail.
SUMMARY = ("criminal_immunity", "personal_inviolability", "prosecutable", "premises_inviolable")

VERDICT_COLOUR = {"YES": "bold green", "NO": "bold red", "UNCERTAIN": "bold yellow", "UNKNOWN": "bold magenta"}


def unverified_words(c: Conclusion, case: Case) -> str:
    """What an answer's unverified law and facts are, in words: the articles of the rules, and
    the facts by what they are (`offence:x (reported)` -> the offence's name, reported)."""
    from engine.evaluation import rule_index

    rules = rule_index()
    offences = {o.id: o.name for o in case.offences}
    said: list[str] = []
    for item in c.unverified:
        if item in rules:
            said.append("; ".join(rules[item].cites))
        else:
            key, _, certainty = item.partition(" (")
            kind, _, ident = key.partition(":")
            ident = ident.split("#")[0]
            name = offences.get(ident) or ident.replace("-", " ")
            said.append(f"{kind} {name} ({certainty}" if certainty else f"{kind} {name}")
    return ", ".join(dict.fromkeys(said))


def _row(table, c: Conclusion, names: Names, case: Case, detail: bool) -> None:
    word = verdict(c)
    body = [names.phrase(c)]
    if detail:
        body.append(c.text)
        sources = f" Sources: {', '.join(c.sources)}." if c.sources else ""
        body.append(f"[{'; '.join(c.cites)}]{sources}")
        if c.window:
            start, end = c.window.split("/")
            body.append(f"Window: {start} to {end}.")
        if c.unverified:
            body.append(f"{UNVERIFIED}: {unverified_words(c, case)}.")
    from rich.text import Text

    table.add_row(Text(word, style=VERDICT_COLOUR[word]), Text("\n".join(body)))


def _block(rows: list[tuple[str, list[Conclusion]]], names: Names, case: Case, detail: bool) -> list:
    """Groups of answers under their subject's name: the verdict, then its words, wrapped."""
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    out = []
    for title, group in rows:
        out.append(Padding(Text(title, style="bold"), (0, 0, 0, 1), expand=False))
        table = Table.grid(padding=(0, 1))
        table.add_column(width=9, no_wrap=True)
        table.add_column()
        for c in group:
            _row(table, c, names, case, bool(detail))
        out.append(Padding(table, (0, 0, 0, 2), expand=False))
    return out


def _by_subject(conclusions: list[Conclusion], names: Names) -> list[tuple[str, list[Conclusion]]]:
    groups: dict[str, list[Conclusion]] = {}
    for c in conclusions:
        groups.setdefault(names.subject_title(c), []).append(c)
    return list(groups.items())


def answer_view(answer: Answer, case: Case, brief: bool = False) -> list:
    """`now` and `at` as rich renderables: the day, the short answers, the detail (unless
    `brief`), the open questions, what each State can do next, and the reports cited."""
    from rich.text import Text

    names = Names(case)
    day = dt.date.fromisoformat(answer.as_of)
    out: list = [Text(case.title, style="bold"), Text(f"as of {day.day} {day.strftime('%B %Y')} ({answer.as_of})")]
    if answer.note:
        out.append(Text(f"Note: {answer.note}."))
    actions = [c for c in answer.conclusions if c.question == "available_action"]
    others = [c for c in answer.conclusions if c.question != "available_action"]
    first = [c for c in others if c.question in SUMMARY]
    if first:
        out += [Text(""), Text("In short", style="bold underline")]
        out += _block(_by_subject(first, names), names, case, detail=False)
    if others and not brief:
        out += [Text(""), Text("In detail", style="bold underline")]
        out += _block(_by_subject(others, names), names, case, detail=True)
    if answer.unknowns:
        out += [Text(""), Text("Open questions", style="bold underline")]
        by_id = {c.id: c for c in answer.conclusions}
        for u in answer.unknowns:
            c = by_id.get(u.id)
            what = f"{names.subject_title(c)}: {names.phrase(c)}" if c else u.question.replace("_", " ")
            out.append(Text(f"  {what}: needs {u.needs}"))
    if actions and not brief:
        out += [Text(""), Text("What each State can do next", style="bold underline")]
        by_state = [(names.states.get(state, state), [c for c in actions if c.subject["state"] == state])
                    for state in dict.fromkeys(c.subject["state"] for c in actions)]
        out += _block(by_state, names, case, detail=True)
    cited = sorted({label for c in (first if brief else answer.conclusions) for label in c.sources})
    if cited:
        out += [Text(""), Text("Sources", style="bold underline")]
        out += [Text(f"  {line}") for line in source_lines(case, cited)]
    return out


def source_lines(case: Case, labels: list[str] | None = None) -> list[str]:
    """Each report cited, as `A1  title. Publisher, date.`"""
    lines = []
    for s in case.sources:
        if labels is not None and s.label not in labels:
            continue
        said = s.title.rstrip(".")
        if s.publisher:
            said += f". {s.publisher}"
        if s.date:
            said += f", {s.date.label}"
        lines.append(f"{s.label:4} {said}.")
    return lines


def to_text(renderables: list, width: int | None = None, colour: bool = False) -> str:
    """Renderables as text: wrapped to `width` (a terminal's) with colour, or unwrapped and
    plain for a pipe or a file; never trailing spaces."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    console = Console(file=buffer, width=width or 10_000, color_system="standard" if colour else None,
                      force_terminal=colour, highlight=False, emoji=False, markup=False)
    for item in renderables:
        console.print(item)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines())


def human(answer: Answer, case: Case, brief: bool = False) -> str:
    """The answer as plain text (what `now` and `at` print to a pipe or a file)."""
    return to_text(answer_view(answer, case, brief))


def explanation(items, names: Names) -> str:
    """Derivation trees as an indented outline: answer, the rules under it, the facts at the leaves."""
    if not items:
        return "No conclusion answers that question for that subject on that day."
    lines = []
    for e in items:
        verdict_word = {True: "YES", False: "NO"}.get(e.holds, "UNCERTAIN" if e.window else "UNKNOWN")
        lines += [f"{e.id}: {verdict_word}", f"  {e.text}"]
        if e.window:
            start, end = e.window.split("/")
            lines.append(f"  Window: {start} to {end}.")
        lines.append("  Because:")
        shown: set[str] = set()
        for node in e.grounds:
            lines += _tree(node, "    ", shown, top=True)
        if e.set_aside:
            lines.append("  Set aside (an exception or a decisive ground displaced them):")
            for node in e.set_aside:
                lines += _tree(node, "    ", shown)
        if e.considered:
            lines.append("  Also considered, did not apply:")
            for c in e.considered:
                flag = " [unverified]" if c.status == "unverified" else ""
                lines.append(f"    - {c.rule} [{'; '.join(c.cites)}]{flag}: {c.says}")
        lines.append("")
    return "\n".join(lines).rstrip()


def _tree(node, indent: str, shown: set[str], top: bool = False) -> list[str]:
    """One node and what it rests on; a fact already shown is named, not repeated."""
    if node.kind == "fact":
        if node.key in shown:
            return [f"{indent}- fact {node.key} (as above)"]
        shown.add(node.key)
        sources = f" [{', '.join(node.sources)}]" if node.sources else ""
        flag = f" ({node.status})" if node.status else ""
        return [f"{indent}- fact {node.key}{sources}{flag}: {node.text}"]
    flag = " [unverified]" if node.status == "unverified" else ""
    lines = [f"{indent}- {node.rule} [{'; '.join(node.cites)}]{flag}", f"{indent}    {node.says}"]
    if not top:  # the answer's own text is printed once, above
        lines.append(f"{indent}    => {node.text}")
    if node.needs and node.holds is None:
        lines.append(f"{indent}    needs: {node.needs}")
    for child in node.children:
        lines += _tree(child, indent + "    ", shown)
    return lines


def differences_text(found, sets, patch, as_of: str, names: Names) -> str:
    said = [f"--set {s}" for s in sets] + ([f"--patch {patch}"] if patch else [])
    lines = [f"What if {'; '.join(said)}", f"as of {as_of} (the case file itself is not changed)", ""]
    if not found:
        return "\n".join(lines + ["No answer changes."])
    for d in found:
        c = d.after or d.before
        lines.append(f"{names.subject_title(c)}: {names.phrase(c)}")
        for label, side in (("before", d.before), ("after", d.after)):
            if side is None:
                lines.append(f"  {label:6} (no answer)")
            else:
                lines.append(f"  {label:6} {verdict(side):9} {side.rule} [{'; '.join(side.cites)}]")
                lines.append(f"         {side.text}")
                if side.unverified:
                    lines.append(f"         {UNVERIFIED}: {', '.join(side.unverified)}.")
        lines.append("")
    return "\n".join(lines).rstrip()


VERDICT_STYLE = {"yes": "bold green", "no": "bold red", "uncertain": "yellow", "unknown": "magenta", "none": "dim"}


def timeline_table(case: Case, rows, width: int = 150):
    """The timeline as a rich Table: one row per answer, its periods and what changed each."""
    from rich.table import Table
    from rich.text import Text

    names = Names(case)
    table = Table(title=f"{case.title}: answers over time", show_lines=True, expand=False)
    table.add_column("Subject", style="bold", max_width=28)
    table.add_column("Question", max_width=46)
    table.add_column("Periods (the event that opened each)", max_width=width - 78)
    for row in rows:
        history = Text()
        for i, p in enumerate(row.periods):
            if p.start and p.end:
                history.append(f"{p.start.isoformat()} to {p.end.isoformat()}: ")
            elif p.start or p.end:
                history.append(f"from {p.start.isoformat()}: " if p.start else f"until {p.end.isoformat()}: ")
            else:
                history.append("throughout: ")
            history.append(p.verdict.upper() if p.verdict != "none" else "(not asked)", VERDICT_STYLE[p.verdict])
            if p.changed_by:
                history.append(f"  <- {'; '.join(p.changed_by)}", "dim")
            if i < len(row.periods) - 1:
                history.append("\n")
        probe = Conclusion(id=row.id, question=row.question, subject=row.subject, holds=None, rule="",
                           cites=[], because=[], sources=[], text="")
        table.add_row(names.subject_title(probe), names.phrase(probe), history)
    return table


def flips_text(targets, found, names: Names) -> str:
    lines = []
    for t in targets:
        lines += [f"{t.id}: {verdict(t)}  ({names.phrase(t)})"]
        if t.unverified:
            lines.append(f"  {UNVERIFIED}: {', '.join(t.unverified)}.")
        flips = found[t.id]
        if not flips:
            lines += ["  No change of one or two facts in play would change this answer.", ""]
            continue
        reverses = [f for f in flips if f.reverses]
        opens = [f for f in flips if not f.reverses]
        for title, group in (("Would reverse it", reverses), ("Would leave it open or settle it", opens)):
            if group:
                lines.append(f"  {title}:")
                for f in group:
                    after = {True: "YES", False: "NO"}.get(f.after, "UNKNOWN")
                    lines.append(f"    --set {' --set '.join(f.changes)}  ->  {after} ({f.rule})")
                    lines.append(f"        {f.text}")
                    if f.unverified:
                        lines.append(f"        {UNVERIFIED}: {', '.join(f.unverified)}.")
        lines.append("")
    return "\n".join(lines).rstrip()
