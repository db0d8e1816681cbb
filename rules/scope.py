"""Who the Vienna Conventions do not cover: an explicit answer, never silence.

The VCDR governs diplomatic relations between States and their permanent diplomatic missions
(art. 2); the VCCR, consular posts. A permanent mission to an international organisation, a
minister on a visit, an official on a special mission, or anyone with no posting at all is
outside both: what protects them comes from other law (a headquarters agreement, customary
law on the immunity of senior officials, the Convention on Special Missions). The engine
does not encode that law, and it does not stay silent either: each immunity question such a
person raises is answered "unknown", saying that the Conventions do not cover it and what law
would. These rules read the Conventions' scope; the legal brief does not discuss it, so they
are marked unverified.
"""

from engine.rulebook import NO, UNKNOWN, c, fact
from rules.vcdr import VCDR

rule = VCDR.rule

OTHER_LAW = ("the law that governs this person, outside the VCDR and the VCCR (a headquarters agreement, "
             "customary law on senior officials, or the Convention on Special Missions)")


def _reason(why: str, person_name: str, state_name: str) -> str:
    return (f"Not covered by the VCDR or the VCCR: {why}; what protects {person_name} in {state_name} is "
            "governed by other law, which this engine does not encode.")


MISSION_LAW = "the law that governs the mission, outside the VCDR and the VCCR (e.g. a headquarters agreement)"


# The questions each rule answers are written out in its own body (the rulebook reads them there).
MEMBER_OF_A_PERMANENT_MISSION = "a member of a permanent mission to an international organisation"
NO_POSTING = "the case file gives this person no posting at a diplomatic mission or consular post"


# Art. 2 (scope): a permanent mission to an international organisation is not a diplomatic
# mission between two States, nor a consular post.
@rule("vcdr.2.scope-permanent-mission", article=["art. 1", "art. 2"], status="unverified",
      says="A permanent mission to an international organisation is neither a diplomatic mission between "
           "States nor a consular post: the Vienna Conventions do not govern its members.",
      when=[c.po << fact("posting", mission_kind="permanent_mission")])
def _(r):
    reason = _reason(MEMBER_OF_A_PERMANENT_MISSION, r.po.person_name, r.po.state_name)
    for question in ("personal_inviolability", "must_give_evidence"):
        r.conclude(question, person=r.po.person, state=r.po.state, holds=UNKNOWN, because=[r.po],
                   needs=OTHER_LAW, reason=reason, cites=["VCCR art. 1(1)"])


@rule("vcdr.2.scope-permanent-mission-act", article=["art. 1", "art. 2"], status="unverified",
      says="Whether a member of a permanent mission to an international organisation is immune for an act "
           "is a question for the law that governs that mission, not the Vienna Conventions.",
      when=[c.po << fact("posting", mission_kind="permanent_mission"),
            c.ac << fact("act", person=c.po.person, state=c.po.state)])
def _(r):
    reason = _reason(MEMBER_OF_A_PERMANENT_MISSION, r.po.person_name, r.po.state_name)
    for question in ("criminal_immunity", "civil_immunity"):
        r.conclude(question, person=r.po.person, state=r.po.state, act=r.ac.act, holds=UNKNOWN,
                   because=[r.po, r.ac], needs=OTHER_LAW, reason=reason, cites=["VCCR art. 1(1)"])


@rule("vcdr.2.scope-permanent-mission-premises", article=["art. 1(i)", "art. 2"], status="unverified",
      says="The premises and archives of a permanent mission to an international organisation are protected, "
           "if at all, by the law that governs that mission, not by the Vienna Conventions.",
      when=[c.mi << fact("mission", kind="permanent_mission")])
def _(r):
    reason = (f"Not covered by the VCDR or the VCCR: {r.mi.mission_name} is a permanent mission to an "
              "international organisation; its premises and archives are protected, if at all, by other law, "
              "which this engine does not encode.")
    for question in ("premises_inviolable", "archives_inviolable"):
        r.conclude(question, mission=r.mi.mission, holds=UNKNOWN, because=[r.mi], needs=MISSION_LAW,
                   reason=reason)


# Art. 1: the Conventions protect members of a mission or post (and their families). A person
# the case file gives no posting at all is not one. Asked where his act was done.
@rule("vcdr.1.scope-no-posting", article="art. 1", status="unverified",
      says="A person with no posting at a diplomatic mission or consular post (a visiting minister, an "
           "official on a special mission) is not covered by the Vienna Conventions.",
      when=[c.pe << fact("person", posted=NO),
            c.ac << fact("act", person=c.pe.person)])
def _(r):
    state = r.ac.state or "unknown"
    reason = _reason(NO_POSTING, r.pe.person_name, r.ac.state_name or "the State where the act was done")
    for question in ("personal_inviolability", "must_give_evidence"):
        r.conclude(question, person=r.pe.person, state=state, holds=UNKNOWN, because=[r.pe, r.ac],
                   needs=OTHER_LAW, reason=reason, cites=["VCCR art. 1(1)"])
    for question in ("criminal_immunity", "civil_immunity"):
        r.conclude(question, person=r.pe.person, state=state, act=r.ac.act, holds=UNKNOWN,
                   because=[r.pe, r.ac], needs=OTHER_LAW, reason=reason, cites=["VCCR art. 1(1)"])
