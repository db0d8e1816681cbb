"""Answers as people read them: grouped by subject, one line of verdict, one line of reason.

Only rendering lives here. Every word of legal reasoning comes from the rules that fired.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
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
        self.requests = {r.id: request_name(r, self) for r in case.requests}
        self.entries = {e.id: entry_name(e, self) for e in case.entries}

    def subject_title(self, c: Conclusion) -> str:
        s = c.subject
        if "person" in s:
            return self.persons.get(s["person"], s["person"])
        if "mission" in s:
            return self.missions.get(s["mission"], s["mission"])
        if "request" in s:
            return capitalised(self.requests.get(s["request"], s["request"]))
        if "requesting" in s:
            return f"Extradition from {self.states.get(s['requested'], s['requested'])} to " \
                   f"{self.states.get(s['requesting'], s['requesting'])}"
        if "state" in s:
            return self.states.get(s["state"], s["state"])
        return "Other"

    def phrase(self, c: Conclusion) -> str:
        s = c.subject
        filled = {key: self.states.get(s.get(key, ""), s.get(key, "")) for key in ("state", "requesting", "requested")}
        filled.update(act=self.acts.get(s.get("act", ""), s.get("act", "")),
                      request=self.requests.get(s.get("request", ""), s.get("request", "")),
                      entry=self.entries.get(s.get("entry", ""), s.get("entry", "")),
                      action=self.humanise(s.get("action", "")))
        phrase = PHRASES.get(c.question, c.question.replace("_", " ")).format(**filled).replace("s's ", "s' ")
        if c.question == "available_action" and "act" in s:
            phrase += f", for {filled['act']}"
        return phrase

    def humanise(self, text: str) -> str:
        """Ids and state codes inside an action's name, replaced by names."""
        names = self._by_id()
        return re.sub(r"[A-Za-z0-9_-]+", lambda m: names.get(m.group(0), m.group(0)), text)

    def _by_id(self) -> dict[str, str]:
        """Every State's, person's and mission's name by its id (made once: a case may be big)."""
        if not hasattr(self, "_names"):
            self._names = {**self.states, **self.persons,
                           **{k: v[:1].lower() + v[1:] for k, v in self.missions.items()}}
        return self._names


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


@dataclass(frozen=True)
class Line:
    """One line of an answer as a reader sees it, before it is laid out: a heading, a subject's
    title, plain text, or an answer (its verdict, then its lines of words)."""

    text: str
    kind: str = "text"  # case (its title) | heading | title (of a subject) | text | answer
    verdict: str = ""
    more: tuple[str, ...] = ()


def _answers(c: Conclusion, names: Names, case: Case, detail: bool) -> Line:
    more: list[str] = []
    if detail:
        more.append(c.text)
        sources = f" Sources: {', '.join(c.sources)}." if c.sources else ""
        more.append(f"[{'; '.join(c.cites)}]{sources}")
        if c.window:
            start, end = c.window.split("/")
            more.append(f"Window: {start} to {end}.")
        if c.unverified:
            more.append(f"{UNVERIFIED}: {unverified_words(c, case)}.")
    return Line(names.phrase(c), "answer", verdict(c), tuple(more))


def _grouped(rows: list[tuple[str, list[Conclusion]]], names: Names, case: Case, detail: bool) -> list[Line]:
    out = []
    for title, group in rows:
        out.append(Line(title, "title"))
        out += [_answers(c, names, case, detail) for c in group]
    return out


def _by_subject(conclusions: list[Conclusion], names: Names) -> list[tuple[str, list[Conclusion]]]:
    groups: dict[str, list[Conclusion]] = {}
    for c in conclusions:
        groups.setdefault(names.subject_title(c), []).append(c)
    return list(groups.items())


def answer_view(answer: Answer, case: Case, brief: bool = False) -> list[Line]:
    """`now` and `at`: the day, the short answers, the detail (unless `brief`), the open
    questions, what each State can do next, and the reports cited."""
    names = Names(case)
    out = [Line(case.title, "case"), Line(when_asked(answer))]
    if answer.note:
        out.append(Line(f"Note: {answer.note}."))
    actions = [c for c in answer.conclusions if c.question == "available_action"]
    others = [c for c in answer.conclusions if c.question != "available_action"]
    first = [c for c in others if c.question in SUMMARY]
    if first:
        out += [Line(""), Line("In short", "heading")] + _grouped(_by_subject(first, names), names, case, False)
    if others and not brief:
        out += [Line(""), Line("In detail", "heading")] + _grouped(_by_subject(others, names), names, case, True)
    unknowns = [u for u in answer.unknowns if not brief or u.question in SUMMARY]
    if unknowns:
        out += [Line(""), Line("Open questions", "heading")]
        by_id = {c.id: c for c in answer.conclusions}
        for u in unknowns:
            c = by_id.get(u.id)
            what = f"{names.subject_title(c)}: {names.phrase(c)}" if c else u.question.replace("_", " ")
            out.append(Line(f"  {what}: needs {u.needs}"))
    if actions and not brief:
        out += [Line(""), Line("What each State can do next", "heading")]
        by_state = [(names.states.get(state, state), [c for c in actions if c.subject["state"] == state])
                    for state in dict.fromkeys(c.subject["state"] for c in actions)]
        out += _grouped(by_state, names, case, True)
    cited = sorted({label for c in (first if brief else answer.conclusions) for label in c.sources})
    if cited:
        out += [Line(""), Line("Sources", "heading")] + [Line(f"  {line}") for line in source_lines(case, cited)]
    return out


def plain(lines: list[Line]) -> str:
    """For a pipe or a file: whole lines (to grep), no colour, the answers' words under them."""
    out = []
    for line in lines:
        if line.kind == "title":
            out.append(f" {line.text}")
        elif line.kind == "answer":
            out.append(f"  {line.verdict:9} {line.text}")
            out += [f"            {more}" for more in line.more]
        else:
            out.append(line.text)
    return "\n".join(out)


def styled(lines: list[Line]) -> list:
    """For a terminal (rich): headings bold, verdicts coloured, each answer's words wrapped
    under it, beside its verdict."""
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    out: list = []
    table = None
    for line in lines:
        if line.kind == "answer":
            if table is None:
                table = Table.grid(padding=(0, 1))
                table.add_column(width=9, no_wrap=True)
                table.add_column()
                out.append(Padding(table, (0, 0, 0, 2), expand=False))
            table.add_row(Text(line.verdict, style=VERDICT_COLOUR[line.verdict]),
                          Text("\n".join((line.text, *line.more))))
            continue
        table = None
        if line.kind == "title":
            out.append(Padding(Text(line.text, style="bold"), (0, 0, 0, 1), expand=False))
        else:
            out.append(Text(line.text, style={"case": "bold", "heading": "bold underline"}.get(line.kind, "")))
    return out


def when_asked(answer: Answer) -> str:
    """'as of 10 August 2020 (2020-08-10)', or 'over August 2020 (2020-08-01 to 2020-08-31)'."""
    if answer.period:
        from engine.dates import FuzzyDate

        start, end = answer.period.split("/")
        return f"over {FuzzyDate(answer.as_of).label} ({start} to {end})"
    day = dt.date.fromisoformat(answer.as_of)
    return f"as of {day.day} {day.strftime('%B %Y')} ({answer.as_of})"


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
    return plain(answer_view(answer, case, brief))


def explanation(items, case: Case, evaluation=None) -> str:
    """Derivation trees as an indented outline, in words: the answer, the articles under it (each
    with its paraphrase), the case file's facts at the leaves with their reports. Rule ids, fact
    keys and answer ids are for `--json`; `evaluation` (the one explained) lets answers found on
    the way be named like the answer itself."""
    if not items:
        return "No conclusion answers that question for that subject on that day."
    words = _TreeWords(case, evaluation)
    lines = []
    for e in items:
        probe = _probe(e.question, e.subject)
        lines += [f"{words.names.subject_title(probe)}: {words.names.phrase(probe)}: {verdict(e)}",
                  f"  {e.text}"]
        if e.window:
            start, end = e.window.split("/")
            lines.append(f"  Window: {start} to {end}.")
        lines.append("  Because:")
        shown: set[str] = set()
        for node in e.grounds:
            lines += _tree(node, "    ", shown, words, top=True)
        if e.set_aside:
            lines.append("  Set aside (an exception or a decisive ground displaced them):")
            for node in e.set_aside:
                lines += _tree(node, "    ", shown, words)
        if e.considered:
            lines.append("  Also considered, did not apply:")
            for c in e.considered:
                flag = " [unverified]" if c.status == "unverified" else ""
                lines.append(f"    - {'; '.join(c.cites)}{flag}: {c.says}")
        lines.append("")
    return "\n".join(lines).rstrip()


def _tree(node, indent: str, shown: set[str], words: "_TreeWords", top: bool = False) -> list[str]:
    """One node and what it rests on: a step as its articles and their paraphrase, a fact as what
    it records and its reports; a fact already shown is named, not repeated."""
    if node.kind == "fact":
        text = words.fact(node)
        if node.key in shown:
            return [f"{indent}- fact (as above): {_fact_name(text)}"]
        shown.add(node.key)
        sources = f" [{', '.join(node.sources)}]" if node.sources else ""
        flag = f" ({node.status})" if node.status else ""
        return [f"{indent}- fact{sources}{flag}: {text}"]
    flag = " [unverified]" if node.status == "unverified" else ""
    lines = [f"{indent}- {'; '.join(node.cites)}{flag}", f"{indent}    {node.says}"]
    if not top:  # the answer's own text is printed once, above
        lines.append(f"{indent}    => {words.step(node)}")
    if node.needs and node.holds is None:
        lines.append(f"{indent}    needs: {node.needs}")
    for child in node.children:
        lines += _tree(child, indent + "    ", shown, words)
    return lines


def _probe(question: str, subject: dict) -> Conclusion:
    """A stand-in conclusion, for naming an answer by its question and subject."""
    return Conclusion(id="", question=question, subject=subject, holds=None, rule="", cites=[], because=[],
                      sources=[], text="")


def _fact_name(text: str) -> str:
    """A fact already shown, named by the first part of its description ('Hongkon Kim, Deputy Head
    of Mission, embassy of ... in Wellington'), without its dates and notes."""
    text = text.split(" Note: ")[0]
    return text.split(": ")[0].rstrip(".") if ": " in text else text.rstrip(".")


STANDING = re.compile(r"(consular standing|standing) of (\S+) at posting (\S+): (.*)", re.S)


class _TreeWords:
    """The steps and facts of an explanation in the case's words, where the tree's own text
    carries ids (an answer's question and subject, a posting, a request's parties)."""

    def __init__(self, case: Case, evaluation=None):
        self.case, self.names = case, Names(case)
        self.steps: dict[str, dict] = {}
        for ev in ([evaluation, *evaluation.settled.values()] if evaluation is not None else []):
            self.steps.update(ev.derived)

    def step(self, node) -> str:
        """What a step found: an answer as 'subject: question in words: VERDICT. reason'."""
        found = self.steps.get(node.key)
        if node.kind == "finding":
            read = STANDING.fullmatch(node.text)  # "standing of kim at posting kim-wellington: ..."
            if found and found["t"] in ("standing", "consular_standing"):
                read = (found["t"].replace("_", " "), found["person"], found["posting"], found["standing"])
            elif read:
                read = read.groups()
            if read:
                kind, who, posting, standing = read
                return f"{kind} of {self.names.persons.get(who, who)} at {self.posting_place(posting)}: " \
                       f"{standing.replace('_', ' ')}"
            return node.text
        word = {True: "YES", False: "NO"}.get(node.holds, "UNCERTAIN" if node.window else "UNKNOWN")
        question = node.key.split(":")[0]
        if found:
            subject = {k: found[k] for k in found["subject_keys"]}
            reason = found["reason"]
        else:  # the text is "question a/b/c: verdict. reason"
            subject = self.subject_of(question, node.key.split("#")[0].split(":", 1)[1])
            reason = node.text.partition(f": {word.lower()}. ")[2] or node.text
        probe = _probe(question, subject)
        return f"{self.names.subject_title(probe)}: {self.names.phrase(probe)}: {word}. {reason}".rstrip()

    def subject_of(self, question: str, values: str) -> dict:
        """A subject read back from an answer's id, by which of the case's ids each part is."""
        subject: dict[str, str] = {}
        states = ("requested", "requesting") if question.startswith("extradit") or \
            question == "must_submit_for_prosecution" else ("state",)
        for value in values.split("/"):
            kind = next((k for k, pool in (("person", self.names.persons), ("act", self.names.acts),
                                           ("mission", self.names.missions), ("request", self.names.requests))
                         if value in pool), None)
            if kind is None and value in self.names.states:
                kind = next((k for k in states if k not in subject), "state")
            subject[kind or "action"] = value
        return subject

    def posting_place(self, posting: str) -> str:
        p = next((p for p in self.case.postings if p.id == posting), None)
        if p is None:
            return posting
        return lowered(self.names.missions.get(p.mission, p.mission))

    def fact(self, node) -> str:
        """What a fact of the case file records, where the tree's text names things by id."""
        kind, _, rest = node.key.partition(":")
        if kind == "concerns":
            request, _, target = rest.partition("/")
            r = next((r for r in self.case.requests if r.id == request), None)
            names = self.names
            about = names.states.get(target) or names.persons.get(target) or names.acts.get(target) or \
                lowered(names.missions.get(target, target))
            return f"{capitalised(request_name(r, self.names)) if r else request} concerns {about}."
        if kind == "offence" and rest.startswith("none/"):
            _, act, state = rest.split("/")
            return f"The case file gives no offence under the law of {_party(state, self.names)} for " \
                   f"{self.names.acts.get(act, act)}."
        if kind == "request":
            r = next((r for r in self.case.requests if r.id == rest.split("#")[0]), None)
            if r is not None:
                return self.request(r, node.text)
        return node.text

    def request(self, r, text: str) -> str:
        """A request as the tree says it, its parties by name (the tree gives their ids)."""
        when = f" ({r.date.label})" if r.date else ""
        said = f"{capitalised(_party(r.from_, self.names))} asked {_party(r.to, self.names)}{when}: " \
               f"{r.purpose or r.kind.value}."
        if r.response:
            resp = r.response
            express = {True: ", expressly", False: ", not expressly", None: ""}[resp.express]
            at = f" ({resp.date.label})" if resp.date else ""
            said += f" Answer: {resp.outcome.value}{at} by {_party(resp.by or r.to, self.names)}{express}."
        note = text.partition(" Note: ")[2]
        return f"{said} Note: {note}" if note else said


def lowered(text: str) -> str:
    return text[:1].lower() + text[1:]


REQUEST_KINDS = {"waiver": "a waiver of immunity", "consent_to_enter_premises": "consent to enter the premises",
                 "mutual_legal_assistance": "mutual legal assistance", "recall": "a recall",
                 "persona_non_grata": "the recall of a person declared persona non grata"}
# How the one asked answers a request ({what}: what was asked for).
ANSWERS = {"granted": "grants the request for {what}", "declined": "declines the request for {what}",
           "pending": "has not yet answered the request for {what}",
           "conditional": "grants the request for {what} on conditions"}


def entry_name(e, names: Names) -> str:
    """'Ireland's entry into the embassy of Portugal in Dublin (6 February 2024)'."""
    when = f" ({e.date.label})" if e.date else ""
    mission = names.missions.get(e.mission, e.mission)
    return f"{_party(e.by, names)}'s entry into {mission[:1].lower() + mission[1:]}{when}".replace("s's ", "s' ")


def request_name(r, names: Names) -> str:
    """'New Zealand's request to the Republic of Korea for a waiver of immunity (September 2019)'."""
    when = f" ({r.date.label})" if r.date else ""
    said = f"{_party(r.from_, names)}'s request to {_party(r.to, names)} for {_asked_for(r)}{when}"
    return said.replace("s's ", "s' ")


def _party(ident: str, names: Names) -> str:
    """A State or a person, by name."""
    return names.states.get(ident) or names.persons.get(ident) or ident


def _asked_for(r) -> str:
    return REQUEST_KINDS.get(r.kind.value, r.kind.value.replace("_", " "))


def event_words(case: Case) -> dict[str, str]:
    """Each dated event of the case file (`Case.dated_events`, which names things by id, as the
    timeline's `--json` keeps them) in the case's words: who, where, what."""
    names = Names(case)

    def person(ident: str) -> str:
        return names.persons.get(ident, ident)

    def state(code: str) -> str:
        return names.states.get(code, code)

    said: dict[str, str] = {}
    for p in case.postings:
        mission = next((m for m in case.missions if m.id == p.mission), None)
        where, country = p.mission, p.mission
        if mission is not None:  # 'the embassy in Wellington': the sending State is said elsewhere
            country = state(mission.receiving_state)
            where = f"the {mission.kind.value.replace('_', ' ')} in {mission.city or country}"
        who = person(p.person)
        for label, words in (("is notified", f"{who}'s appointment to {where} is notified"),
                             ("arrives", f"{who} arrives at {where}"),
                             ("functions end", f"{who}'s functions at {where} end"),
                             ("leaves", f"{who} leaves {country}"),
                             ("reported in post", f"{who} reported in post at {where}")):
            said[f"{p.person} {label} ({p.id})"] = words
    for a in case.acts:
        said[f"act {a.id}"] = a.description
    for p in case.proceedings:
        kind = p.kind.value.replace("_", " ")
        said[f"{kind} {p.id}"] = f"{kind} against {person(p.person)} in {state(p.state)}"
    for r in case.requests:
        said[f"request {r.id} made"] = f"{_party(r.from_, names)} asks {_party(r.to, names)} for {_asked_for(r)}"
        if r.response:
            outcome = r.response.outcome.value
            answer = ANSWERS.get(outcome, outcome + " the request for {what}").format(what=_asked_for(r))
            said[f"request {r.id} {outcome}"] = f"{_party(r.response.by or r.to, names)} {answer}"
    for e in case.entries:
        where = lowered(names.missions.get(e.mission, e.mission))
        said[f"entry {e.id}"] = f"agents of {state(e.by)} enter {where} ({e.area.value.replace('_', ' ')})"
    for m in case.missions:
        said[f"mission {m.id} closed"] = f"{lowered(names.missions.get(m.id, m.id))} closes"
    for w in case.whereabouts:  # the period the reports place him in a State: from, until
        said[f"{w.person} in {w.state} from ({w.id})"] = f"{person(w.person)} in {state(w.state)} from"
        said[f"{w.person} in {w.state} until ({w.id})"] = f"{person(w.person)} in {state(w.state)} until"
    return {what: words.replace("s's ", "s' ") for what, words in said.items()}


def differences_text(found, sets, patch, as_of: str, case: Case) -> str:
    """What a change of facts changes, in words: each answer before and after, with its articles."""
    names = Names(case)
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
                lines.append(f"  {label:6} {verdict(side):9} {'; '.join(side.cites)}")
                lines.append(f"         {side.text}")
                if side.unverified:
                    lines.append(f"         {UNVERIFIED}: {unverified_words(side, case)}.")
        lines.append("")
    return "\n".join(lines).rstrip()


VERDICT_STYLE = {"yes": "bold green", "no": "bold red", "uncertain": "yellow", "unknown": "magenta", "none": "dim"}


def timeline_table(case: Case, rows, boxed: bool = True):
    """The timeline as a rich Table: one row per answer, its periods and the events (in words)
    that opened each. Printed through `to_text`: `boxed`, wrapped to a terminal's width; not
    boxed, for a pipe or a file, with no rules and no right edge, so each period runs on one
    line and no line is padded to the widest."""
    from rich.table import Table
    from rich.text import Text

    names = Names(case)
    said = event_words(case)
    words = {f"{what}, {date.label}": f"{said.get(what, what)}, {date.label}"
             for what, date, _ in case.dated_events()}
    title = f"{case.title}: answers over time"
    if boxed:
        table = Table(title=title, show_lines=True, expand=False)
    else:  # a blank line between answers instead of a rule
        table = Table(title=title, title_justify="left", title_style="bold", box=None, padding=(0, 2, 1, 0),
                      header_style="bold underline", expand=False)
    table.add_column("Subject", style="bold", max_width=28)
    table.add_column("Question", max_width=46)
    table.add_column("Periods (the event that opened each)")
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
                history.append(f"  <- {'; '.join(words.get(e, e) for e in p.changed_by)}", "dim")
            if i < len(row.periods) - 1:
                history.append("\n")
        probe = _probe(row.question, row.subject)
        table.add_row(names.subject_title(probe), names.phrase(probe), history)
    return table


def flips_text(targets, found, case: Case) -> str:
    """The changes of fact that would change each answer, in words: the answer, then each change
    (as the `--set` a user types) with the answer it gives and that answer's articles."""
    from types import SimpleNamespace

    from engine.evaluation import rule_index

    names, rules = Names(case), rule_index()
    lines = []
    for t in targets:
        lines += [f"{names.subject_title(t)}: {names.phrase(t)}: {verdict(t)}"]
        if t.unverified:
            lines.append(f"  {UNVERIFIED}: {unverified_words(t, case)}.")
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
                    cites = "; ".join(rules[f.rule].cites) if f.rule in rules else ""
                    cited = f" ({cites})" if cites else ""
                    lines.append(f"    --set {' --set '.join(f.changes)}  ->  {after}{cited}")
                    lines.append(f"        {f.text}")
                    if f.unverified:
                        said = unverified_words(SimpleNamespace(unverified=list(f.unverified)), case)
                        lines.append(f"        {UNVERIFIED}: {said}.")
        lines.append("")
    return "\n".join(lines).rstrip()
