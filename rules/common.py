"""Conditions shared by more than one instrument's rules: what a waiver is asked for, and
which acts it reaches.

What a waiver reaches (VCDR art. 32, VCCR art. 45):
- its **kind of jurisdiction**, from the request's `scope`: a waiver of criminal jurisdiction is
  not one of civil jurisdiction, and neither is a waiver of execution (VCDR art. 32(4), VCCR
  art. 45(4); legal brief §1, art. 32: "Waiver is scoped: a criminal waiver ≠ a civil waiver;
  a civil waiver ≠ a waiver of execution"). Consent to enter the premises is no waiver at all:
  it is the head of mission's consent under VCDR art. 22(1) (VCCR art. 31(2)), and a request
  asking only for it is judged there and produces no waiver answer (brief §1, art. 22: "It is
  not a 'waiver of immunity' under art. 32");
- its **acts**, from the request's `concerning`. A waiver must always be express (VCDR art.
  32(2), VCCR art. 45(2)): nothing reaches further than what was expressly asked and granted.
  So a request that names acts reaches those acts, and no other act, even of the same person.
  A request that names the person and no act asks, expressly, for his immunity from that kind
  of jurisdiction without naming proceedings: it reaches every act of his that it could have
  been about, that is every act done by the time it was made; an act done later is beyond it
  (reading it as a waiver in advance for acts not yet done would imply what was not expressed),
  and for an act the case file does not date the answer is unknown. (A request naming several
  persons and some acts is read by the acts it names.)

"Names no act" is a negation over the case file's `concerns` facts. Every rule using it joins
first on a conclusion (which only actions assert, after every case fact is in), so the
negation is judged over the complete case file (../shared/durable-rules-notes.md, pitfall 3).
"""

from durable.lang import item, none

from engine.rulebook import NO, UNKNOWN, YES, c, contains, fact, m

# What a waiver can give: anything in a request's scope but consent to enter the premises.
NOT_A_WAIVER = "premises_entry"
NAMING = ("act", "person")  # how a request reaches an act: by naming it, or by naming only its author


def asks_a_waiver():
    """A condition on a request: its scope asks for something a waiver can give (immunity from
    criminal or civil jurisdiction, from execution, from giving evidence), not only consent to
    enter the premises."""
    return m.scope.anyItem(item != NOT_A_WAIVER)


def waiver_reaching(alias: str, scope: str, holds, naming: str) -> list:
    """A request for a waiver of `scope` that may reach the act of the conclusion joined as
    `alias` (its `act` and `person`), and whether a valid waiver came of it (`holds`, a value or
    a tuple): joined as `cn` (the request naming the act, or the person), `rq`, `we`, and, when
    it names only the person, `wa` (the act, for its date: see `outcome`).

    `naming="act"`: the request names the act. `naming="person"`: it names the person and no act."""
    def of(field: str):  # a fresh reference each time: durable-rules extends a reference in place
        return getattr(getattr(c, alias), field)

    if naming == "act":
        named = [c.cn << fact("concerns", target=of("act"), target_kind="act")]
    elif naming == "person":
        named = [c.cn << fact("concerns", target=of("person"), target_kind="person")]
    else:
        raise ValueError(f"naming must be one of {NAMING}, got {naming!r}")
    joined = named + [
        c.rq << fact("request", request=c.cn.request, kind="waiver", scope=contains(scope)),
        c.we << fact("conclusion", question="waiver_effective", request=c.cn.request, holds=holds)]
    if naming == "person":
        joined += [c.wa << fact("act", act=of("act")),
                   none(fact("concerns", request=c.cn.request, target_kind="act"))]
    return joined


def outcome(r, naming: str) -> tuple[str, str, str | None, str | None]:
    """What the waiver joined by `waiver_reaching` does for the act: (how, holds, needs, window).

    how: "waived" (a valid waiver reaches the act), "open" (it would, and its validity is open),
    "later" (it names only the person and the act was done after it was asked for: it cannot
    reach it), "undated" (it names only the person, and the case file does not date the act)."""
    if naming == "person":
        done, made = r.wa.done_window, r.rq.made_window
        if not done:
            return ("undated", UNKNOWN, f"when the act was done: a waiver asked for ({r.rq.made_label}) that "
                                        "names the person and no act reaches only his acts done by then", None)
        if made and done.split("/")[0] > made.split("/")[1]:
            return "later", NO, None, None
    if r.we.holds == YES:
        return "waived", YES, None, None
    return "open", UNKNOWN, r.we.needs, r.we.window


def reach(naming: str) -> str:
    """How the waiver reaches the act, in words, for an answer's reason."""
    if naming == "act":
        return "for this act, which the request names"
    return "for every act of his done by the time it was asked for (the request names him and no particular act)"


def later(r) -> str:
    """Why a waiver naming only the person does not reach a later act, in words."""
    return (f"The waiver asked for ({r.rq.made_label}) names the person and no particular act, so it reaches only "
            f"his acts done by then; this act was done later ({r.wa.done_label}), and no waiver reaches it.")


def how_privileges_ended(pv, start: bool = False) -> str:
    """'Hongkon Kim left New Zealand (February 2018)', or, where the receiving State's period to
    leave ran out first, 'the reasonable period for X to leave Y expired (June 2024)' (capitalised
    if it `start`s a sentence)."""
    if pv.event == "leave_period_ended":
        said = f"the reasonable period for {pv.person_name} to leave {pv.state_name} expired ({pv.label})"
        return said[:1].upper() + said[1:] if start else said
    return f"{pv.person_name} left {pv.state_name} ({pv.label})"
