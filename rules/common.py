"""Conditions shared by more than one instrument's rules."""

from engine.rulebook import c, contains, fact


def criminal_waiver(holds: str) -> list:
    """A request concerning the immune person (`c.ci`) that asks for a waiver of criminal
    jurisdiction, and whether a valid waiver came of it (`holds`): joined as `cn`, `rq`, `we`."""
    return [c.cn << fact("concerns", target=c.ci.person),
            c.rq << fact("request", request=c.cn.request, scope=contains("criminal_jurisdiction")),
            c.we << fact("conclusion", question="waiver_effective", request=c.cn.request, holds=holds)]
