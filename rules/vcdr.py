"""Vienna Convention on Diplomatic Relations, 1961 (VCDR): the articles this engine encodes.

Read top to bottom in treaty order. Each rule opens with its article and a one-line
paraphrase (`says`); the conditions (`when`) and the answer (`then`) follow. Paraphrases,
not the treaty's words: check them against the text (S-VCDR in ../shared/case/legal-brief.md).

Three kinds of facts flow through these rules:
- case facts (`posting`, `act`, `mission`, `request`, `concerns`), built from the case file
  with every date already placed against the day asked (past / future / uncertain / unknown);
- findings, which rules assert for other rules: a posting's `standing` (what the Convention
  grants that kind of member, arts. 1, 37, 38) and its `privileges` (whether they are in
  force on the day, art. 39);
- conclusions, the answers to the contract questions, which further rules may chain on.

The Convention's regime applies to members of an embassy (`mission_kind="embassy"`).
"""

from durable.lang import item

from engine.rulebook import NO, UNKNOWN, YES, Instrument, c, contains, differs, fact, m
from rules.common import NAMING, asks_a_waiver, how_privileges_ended, later, outcome, reach, waiver_reaching

VCDR = Instrument("VCDR", "Vienna Convention on Diplomatic Relations, 1961")
rule = VCDR.rule

EMBASSY = "embassy"
OPEN = ("uncertain", "unknown")  # a date the day falls inside, or a date not reported
NOT_YET = ("future", "unknown")  # not happened by the day, or not reported at all


def member_of_embassy(*also, **fields):
    """A posting to an embassy, with any further conditions on it."""
    return fact("posting", *also, mission_kind=EMBASSY, **fields)


# ---------------------------------------------------------------------------------------
# Art. 1 and arts. 37–38: who is entitled to what. Each rule records the posting's
# `standing`: the level of each protection the Convention gives that member.
#   criminal / civil:  full | official_acts | none | unknown
#   inviolability:     full | official_acts | none | unknown
#   witness (31(2)):   exempt | official_acts | compellable | unsettled | unknown
# ---------------------------------------------------------------------------------------

def standing(r, name, *, criminal, civil, inviolability, witness, needs=None):
    r.find("standing", because=[r.p], posting=r.p.posting, person=r.p.person, state=r.p.state,
           standing=name, criminal=criminal, civil=civil, inviolability=inviolability,
           witness=witness, needs=needs or "")


# Art. 1(e) with arts. 29 and 31: a diplomatic agent (head of mission or diplomatic staff)
# who is not a national or permanent resident of the receiving State has the full set.
@rule("vcdr.1-e.diplomatic-agent", article="art. 1(e)",
      says="A diplomatic agent who is neither a national nor a permanent resident of the receiving "
           "State is inviolable and immune from its criminal, civil and administrative jurisdiction.",
      when=[c.p << member_of_embassy(category="diplomatic_agent", rs_national=NO, rs_resident=NO)])
def _(r):
    standing(r, "diplomatic agent", criminal="full", civil="full", inviolability="full", witness="exempt")


def household(category):
    """The posting of the member of the mission whose household the family member `p` forms
    part of (the case file's `household_of`), when that member is of `category`."""
    return member_of_embassy(posting=c.p.household, category=category)


def family_standing(r, name, *, criminal, civil, inviolability, witness, needs=None):
    """A family member's standing, resting on his own posting and on the household's."""
    r.find("standing", because=[r.p, r.h], posting=r.p.posting, person=r.p.person, state=r.p.state,
           standing=name, criminal=criminal, civil=civil, inviolability=inviolability,
           witness=witness, needs=needs or "")


# Art. 37(1): the family of a diplomatic agent forming part of his household, if not
# nationals of the receiving State, have the privileges of arts. 29–36. The test is
# nationality alone: permanent residence in the receiving State does not exclude them.
@rule("vcdr.37-1.family", article="art. 37(1)",
      says="Household family of a diplomatic agent who are not nationals of the receiving State "
           "enjoy the privileges and immunities of arts. 29 to 36.",
      when=[c.p << member_of_embassy(category="family_member", rs_national=NO),
            c.h << household("diplomatic_agent")])
def _(r):
    family_standing(r, "family member of a diplomatic agent", criminal="full", civil="full",
                    inviolability="full", witness="exempt")


# Art. 37(1) and (2), read the other way: both cover family members only if they are not
# nationals of the receiving State (arts. 37(3)-(4) cover no family at all), so a family member
# who is its national has nothing from art. 37, whoever's household he forms part of.
@rule("vcdr.37-1.family-national", article=["art. 37(1)", "art. 37(2)"],
      says="Art. 37 covers family members only if they are not nationals of the receiving State: one "
           "who is has none of its privileges, whoever's household he forms part of.",
      when=[c.p << member_of_embassy(category="family_member", rs_national=YES)])
def _(r):
    standing(r, "family member who is a national of the receiving State", criminal="none",
             civil="none", inviolability="none", witness="compellable")


# Art. 37(2): administrative and technical staff who are neither nationals nor permanent
# residents: arts. 29–35, but civil and administrative immunity only for acts in the course of
# their duties. (Their household family: vcdr.37-2.family.)
@rule("vcdr.37-2.administrative-technical", article="art. 37(2)",
      says="Administrative and technical staff who are neither nationals nor permanent residents of "
           "the receiving State enjoy arts. 29 to 35, except that their civil and administrative "
           "immunity covers only acts performed in the course of their duties.",
      when=[c.p << member_of_embassy(category="administrative_technical", rs_national=NO, rs_resident=NO)])
def _(r):
    standing(r, "member of the administrative and technical staff", criminal="full",
             civil="official_acts", inviolability="full", witness="exempt")


# Art. 37(2): the household family of administrative and technical staff, if neither nationals
# nor permanent residents of the receiving State, have what the staff member has: arts. 29–35,
# civil and administrative immunity only for acts in the course of their duties.
@rule("vcdr.37-2.family", article="art. 37(2)",
      says="Household family of administrative and technical staff who are neither nationals nor "
           "permanent residents of the receiving State enjoy arts. 29 to 35, with civil and "
           "administrative immunity only for acts performed in the course of their duties.",
      when=[c.p << member_of_embassy(category="family_member", rs_national=NO, rs_resident=NO),
            c.h << household("administrative_technical")])
def _(r):
    family_standing(r, "family member of a member of the administrative and technical staff",
                    criminal="full", civil="official_acts", inviolability="full", witness="exempt")


# Art. 37(2) tests permanent residence too (art. 37(1) does not): household family of
# administrative and technical staff who are permanently resident in the receiving State have
# nothing from it. (Nationals: vcdr.37-1.family-national.)
@rule("vcdr.37-2.family-resident", article="art. 37(2)",
      says="Art. 37(2) covers household family of administrative and technical staff only if they "
           "are not permanently resident in the receiving State.",
      when=[c.p << member_of_embassy(category="family_member", rs_national=differs(YES), rs_resident=YES),
            c.h << household("administrative_technical")])
def _(r):
    family_standing(r, "family member of a member of the administrative and technical staff who is "
                       "permanently resident in the receiving State",
                    criminal="none", civil="none", inviolability="none", witness="compellable")


# Art. 37(3): service staff who are neither nationals nor permanent residents: immunity only
# for acts performed in the course of their duties. Whether they may refuse to give evidence
# is not settled by the text (legal brief: unverified); see vcdr.37-3.witness.
@rule("vcdr.37-3.service-staff", article="art. 37(3)",
      says="Service staff who are neither nationals nor permanent residents of the receiving State "
           "are immune only for acts performed in the course of their duties.",
      when=[c.p << member_of_embassy(category="service_staff", rs_national=NO, rs_resident=NO)])
def _(r):
    standing(r, "member of the service staff", criminal="official_acts", civil="official_acts",
             inviolability="none", witness="unsettled")


# Art. 37(3) gives service staff immunity for their own acts in the course of their duties and
# names no family: unlike art. 37(1)-(2), it extends nothing to their households.
@rule("vcdr.37-3.family-of-service-staff", article="art. 37(3)",
      says="Art. 37(3) extends nothing to the family of service staff: they have no privileges or "
           "immunities from the Convention.",
      when=[c.p << member_of_embassy(category="family_member", rs_national=differs(YES)),
            c.h << household("service_staff")])
def _(r):
    family_standing(r, "family member of a member of the service staff", criminal="none", civil="none",
                    inviolability="none", witness="compellable")


# Art. 37(4): private servants who are neither nationals nor permanent residents: only tax
# exemption on their emoluments; anything more only as the receiving State admits.
@rule("vcdr.37-4.private-servant", article="art. 37(4)",
      says="Private servants of members of the mission have no immunity from jurisdiction, "
           "save as the receiving State admits.",
      when=[c.p << member_of_embassy(category="private_servant", rs_national=NO, rs_resident=NO)])
def _(r):
    standing(r, "private servant", criminal="none", civil="none", inviolability="none",
             witness="compellable")


# Art. 37(4) gives private servants only a tax exemption and names no family.
@rule("vcdr.37-4.family-of-private-servant", article="art. 37(4)",
      says="Art. 37(4) extends nothing to the family of private servants: they have no privileges or "
           "immunities from the Convention.",
      when=[c.p << member_of_embassy(category="family_member", rs_national=differs(YES)),
            c.h << household("private_servant")])
def _(r):
    family_standing(r, "family member of a private servant", criminal="none", civil="none",
                    inviolability="none", witness="compellable")


# Art. 38(1): a diplomatic agent who is a national or permanent resident of the receiving
# State has immunity and inviolability only for official acts in the exercise of functions.
@rule("vcdr.38-1.national-agent", article="art. 38(1)",
      says="A diplomatic agent who is a national or permanent resident of the receiving State has "
           "immunity from jurisdiction and inviolability only for official acts in the exercise of "
           "his functions, unless that State grants more.",
      when=[c.p << member_of_embassy((m.rs_national == YES) | (m.rs_resident == YES),
                                     category="diplomatic_agent")])
def _(r):
    standing(r, "diplomatic agent who is a national or permanent resident of the receiving State",
             criminal="official_acts", civil="official_acts", inviolability="official_acts",
             witness="official_acts")


# Art. 38(2): other staff and private servants who are nationals or permanent residents of
# the receiving State have privileges only as far as that State admits.
@rule("vcdr.38-2.local-staff", article="art. 38(2)",
      says="Other staff and private servants who are nationals or permanent residents of the "
           "receiving State enjoy privileges and immunities only to the extent it admits them.",
      when=[c.p << member_of_embassy((m.rs_national == YES) | (m.rs_resident == YES),
                                     category=("administrative_technical", "service_staff", "private_servant"))])
def _(r):
    standing(r, "member of staff who is a national or permanent resident of the receiving State",
             criminal="none", civil="none", inviolability="none", witness="compellable")


# Art. 1(c)–(h): every protection depends on the member's category. Not reported: unknown.
# A consular category (VCCR art. 1(1)) says nothing of which diplomatic category a member of an
# embassy's consular section holds (VCDR art. 3(2)): for the VCDR it is as if none were reported.
@rule("vcdr.1-c.category-unknown", article=["art. 1(c)", "art. 37"],
      says="What a member of the mission is entitled to depends on his category of staff.",
      when=[c.p << member_of_embassy(category=(UNKNOWN, "consular_officer", "consular_employee"))])
def _(r):
    consular = "" if r.p.category == UNKNOWN else " (a consular rank is not one of them)"
    standing(r, "member of the mission of unreported category", criminal=UNKNOWN, civil=UNKNOWN,
             inviolability=UNKNOWN, witness=UNKNOWN,
             needs=f"{r.p.person_name}'s category of staff at the mission (VCDR art. 1(c)-(h)){consular}, "
                   f"and whether he is a national or permanent resident of {r.p.state_name} (arts. 37-38)")


# Arts. 37–38: for staff, nationality and permanent residence in the receiving State decide
# between art. 37 and art. 38. Not reported (and neither known to be yes): unknown.
@rule("vcdr.38.residence-unknown", article=["art. 37", "art. 38"],
      says="Whether a member of the mission is a national or permanent resident of the receiving "
           "State decides whether art. 37 or art. 38 applies.",
      when=[c.p << member_of_embassy(
          ((m.rs_national == UNKNOWN) & (m.rs_resident != YES)) | ((m.rs_resident == UNKNOWN) & (m.rs_national == NO)),
          category=("diplomatic_agent", "administrative_technical", "service_staff", "private_servant"))])
def _(r):
    standing(r, "member of the mission of unreported nationality or residence", criminal=UNKNOWN,
             civil=UNKNOWN, inviolability=UNKNOWN, witness=UNKNOWN,
             needs=f"whether {r.p.person_name} is a national or permanent resident of {r.p.state_name} "
                   "(VCDR arts. 37-38)")


@rule("vcdr.37-1.family-nationality-unknown", article="art. 37(1)",
      says="Art. 37(1) turns on whether the family member is a national of the receiving State.",
      when=[c.p << member_of_embassy(category="family_member", rs_national=UNKNOWN),
            c.h << household("diplomatic_agent")])
def _(r):
    family_standing(r, "family member of unreported nationality", criminal=UNKNOWN, civil=UNKNOWN,
                    inviolability=UNKNOWN, witness=UNKNOWN,
                    needs=f"whether {r.p.person_name} is a national of {r.p.state_name} (VCDR art. 37(1))")


@rule("vcdr.37-2.family-residence-unknown", article="art. 37(2)",
      says="Art. 37(2) turns on whether the family member is a national or permanent resident of the "
           "receiving State.",
      when=[c.p << member_of_embassy(
          ((m.rs_national == UNKNOWN) & (m.rs_resident != YES)) | ((m.rs_resident == UNKNOWN) & (m.rs_national == NO)),
          category="family_member"),
            c.h << household("administrative_technical")])
def _(r):
    family_standing(r, "family member of unreported nationality or residence", criminal=UNKNOWN,
                    civil=UNKNOWN, inviolability=UNKNOWN, witness=UNKNOWN,
                    needs=f"whether {r.p.person_name} is a national or permanent resident of {r.p.state_name} "
                          "(VCDR art. 37(2))")


# Art. 37(1)-(2): what a family member has depends on whose household he forms part of: a
# diplomatic agent's (37(1)), a member of the administrative and technical staff's (37(2)), or
# another's (nothing). Not reported: unknown, unless he is a national (nothing either way).
@rule("vcdr.37.household-unknown", article=["art. 37(1)", "art. 37(2)"],
      says="What a family member is entitled to depends on the category of the member of the mission "
           "whose household he forms part of.",
      when=[c.p << member_of_embassy(category="family_member", rs_national=differs(YES), household_known=NO)])
def _(r):
    nationality = "" if r.p.rs_national == NO else f", and whether he is a national of {r.p.state_name}"
    standing(r, "family member of an unreported member's household", criminal=UNKNOWN, civil=UNKNOWN,
             inviolability=UNKNOWN, witness=UNKNOWN,
             needs=f"whose household {r.p.person_name} forms part of: which member of the mission, of which "
                   f"category of staff{nationality} (VCDR art. 37(1)-(2))")


@rule("vcdr.37.household-category-unknown", article=["art. 1(c)", "art. 37(1)", "art. 37(2)"],
      says="A family member's entitlement follows the category of staff of the member whose household "
           "he forms part of.",
      when=[c.p << member_of_embassy(category="family_member", rs_national=differs(YES)),
            c.h << household(UNKNOWN)])
def _(r):
    family_standing(r, "family member of a member of the mission of unreported category", criminal=UNKNOWN,
                    civil=UNKNOWN, inviolability=UNKNOWN, witness=UNKNOWN,
                    needs=f"{r.h.person_name}'s category of staff at the mission, whose household "
                          f"{r.p.person_name} forms part of (VCDR art. 37(1)-(2))")


# ---------------------------------------------------------------------------------------
# Art. 22: the premises of the mission. Art. 24: its archives.
# ---------------------------------------------------------------------------------------

# Art. 22(1): the premises are inviolable; agents of the receiving State may not enter them
# without the consent of the head of the mission. The inviolability is the mission's, not
# any member's: it does not lapse when a diplomat's own immunity does.
@rule("vcdr.22-1.premises", article="art. 22(1)",
      says="The premises of the mission are inviolable: agents of the receiving State may not enter "
           "them except with the consent of the head of the mission.",
      when=[c.mi << fact("mission", kind=EMBASSY)])
def _(r):
    r.conclude("premises_inviolable", mission=r.mi.mission, holds=YES, because=[r.mi],
               reason=f"The premises of {r.mi.mission_name} are inviolable whatever became of any member "
                      "of the mission; the receiving State's agents may enter only with the head of "
                      "mission's consent.")


# Art. 22(1): consent of the head of the mission opens the premises to the purpose asked.
# Consent is not a waiver of immunity (legal brief §1, art. 22): a request framed as a "waiver"
# that asks to enter the premises is judged here, and the art. 32 rules give no answer on it
# (rules/common.py). The answer says so.
def as_consent(rq) -> str:
    if rq.kind != "waiver":
        return ""
    return (" Asked for as a waiver, entry is a matter of the head of mission's consent (art. 22(1)), not "
            "of a waiver of immunity under art. 32.")


@rule("vcdr.22-1.consent-by-head", article="art. 22(1)",
      says="Entry is lawful with the consent of the head of the mission.",
      when=[c.rq << fact("request", answer="granted", scope=contains("premises_entry")),
            c.cn << fact("concerns", request=c.rq.request, target_kind="mission"),
            c.mi << fact("mission", mission=c.cn.target, head=c.rq.by)])
def _(r):
    r.conclude("entry_permitted", mission=r.mi.mission, request=r.rq.request, holds=YES,
               because=[r.rq, r.cn, r.mi],
               reason=f"The head of {r.mi.mission_name} consented ({r.rq.answer_label}): its agents may "
                      f"enter for the purpose asked ({r.rq.purpose})." + as_consent(r.rq))


# Art. 22(1) names the head of the mission. We read a grant by the sending State itself
# (whose agent the head of mission is) as that consent: a reading, not the text.
@rule("vcdr.22-1.consent-by-sending-state", article="art. 22(1)", status="unverified",
      says="A grant by the sending State is read as the consent of the head of its mission.",
      when=[c.rq << fact("request", answer="granted", scope=contains("premises_entry")),
            c.cn << fact("concerns", request=c.rq.request, target_kind="mission"),
            c.mi << fact("mission", mission=c.cn.target, sending_state=c.rq.by)])
def _(r):
    r.conclude("entry_permitted", mission=r.mi.mission, request=r.rq.request, holds=YES,
               because=[r.rq, r.cn, r.mi],
               reason=f"{r.rq.by_name} granted the request ({r.rq.answer_label}); read as the head of "
                      f"mission's consent, its agents may enter for the purpose asked ({r.rq.purpose})."
                      + as_consent(r.rq))


@rule("vcdr.22-1.not-by-head", article="art. 22(1)",
      says="Only the head of the mission can consent to entry: a grant by anyone else is no consent.",
      when=[c.rq << fact("request", answer="granted", scope=contains("premises_entry")),
            c.cn << fact("concerns", request=c.rq.request, target_kind="mission"),
            c.mi << fact("mission", mission=c.cn.target, head=differs(c.rq.by), sending_state=differs(c.rq.by))])
def _(r):
    r.conclude("entry_permitted", mission=r.mi.mission, request=r.rq.request, holds=NO,
               because=[r.rq, r.cn, r.mi],
               reason=f"The grant came from {r.rq.by_name}, who cannot consent for {r.mi.mission_name}: only its head "
                      "of mission (or the sending State, read as acting through him) can." + as_consent(r.rq))


@rule("vcdr.22-1.no-consent", article="art. 22(1)",
      says="Without the head of mission's consent, entry is unlawful; a refusal or a request still "
           "unanswered is no consent.",
      when=[c.rq << fact("request", answer=("declined", "pending"), scope=contains("premises_entry"),
                         made=("past", "uncertain")),
            c.cn << fact("concerns", request=c.rq.request, target_kind="mission"),
            c.mi << fact("mission", mission=c.cn.target)])
def _(r):
    said = "declined" if r.rq.answer == "declined" else "not yet answered"
    r.conclude("entry_permitted", mission=r.mi.mission, request=r.rq.request, holds=NO,
               because=[r.rq, r.cn, r.mi],
               reason=f"The request to enter {r.mi.mission_name} ({r.rq.purpose}) was {said}: no consent, "
                      "so the premises stay closed to the receiving State's agents." + as_consent(r.rq))


@rule("vcdr.22-1.consent-open", article="art. 22(1)",
      says="Whether entry is lawful depends on the answer to the request for consent.",
      when=[c.rq << fact("request", answer=("uncertain", UNKNOWN, "none", "conditional"),
                         scope=contains("premises_entry"), made=("past", "uncertain")),
            c.cn << fact("concerns", request=c.rq.request, target_kind="mission"),
            c.mi << fact("mission", mission=c.cn.target)])
def _(r):
    if r.rq.answer == "uncertain":
        r.conclude("entry_permitted", mission=r.mi.mission, request=r.rq.request, holds=UNKNOWN,
                   because=[r.rq, r.cn, r.mi], window=r.rq.answer_window,
                   needs=f"the exact date of the answer within {r.rq.answer_label}",
                   reason=f"The answer came in {r.rq.answer_label}; on this day it is uncertain whether "
                          "it had yet been given." + as_consent(r.rq))
        return
    needs = {"conditional": "whether the conditions of the consent were met"}.get(
        r.rq.answer, "the answer given to the request, and when")
    r.conclude("entry_permitted", mission=r.mi.mission, request=r.rq.request, holds=UNKNOWN,
               because=[r.rq, r.cn, r.mi], needs=needs,
               reason="The case file does not settle whether the head of mission consented." + as_consent(r.rq))


# A request to enter the premises asked for as a "waiver" (the Kim case, September 2019) is a
# request for consent (art. 22(1)); whatever the answer, no waiver of anyone's immunity comes of it.
@rule("vcdr.22-1.consent-is-no-waiver", article="art. 22(1)",
      says="A request only for entry to the premises, even if called a request for a waiver, asks for the "
           "head of mission's consent: it produces no waiver of immunity, whatever the answer.",
      when=[c.rq << fact("request", m.scope.allItems(item == "premises_entry"), kind="waiver",
                         scope=contains("premises_entry"), made=("past", "uncertain"))])
def _(r):
    r.conclude("waiver_effective", request=r.rq.request, holds=NO, because=[r.rq],
               reason="The request asked for entry to the premises, which is a matter of the head of mission's "
                      "consent (art. 22(1)), not for a waiver of anyone's immunity: no waiver came of it, "
                      "whatever the answer.")


# Art. 24: the archives and documents of the mission are inviolable at any time and wherever
# they may be: no seizure, no search, whatever happens to any member of the mission.
@rule("vcdr.24.archives", article="art. 24",
      says="The archives and documents of the mission are inviolable at any time and wherever they may be.",
      when=[c.mi << fact("mission", kind=EMBASSY)])
def _(r):
    r.conclude("archives_inviolable", mission=r.mi.mission, holds=YES, because=[r.mi],
               reason=f"The archives and documents of {r.mi.mission_name} may not be seized or searched, "
                      "at any time and wherever they are.")


# ---------------------------------------------------------------------------------------
# Art. 29: personal inviolability.
# ---------------------------------------------------------------------------------------

@rule("vcdr.29.inviolable", article="art. 29",
      says="The person of a diplomatic agent is inviolable: he may not be arrested or detained.",
      when=[c.pv << fact("privileges", status="in_force"),
            c.sd << fact("standing", posting=c.pv.posting, inviolability="full")])
def _(r):
    r.conclude("personal_inviolability", person=r.pv.person, state=r.pv.state, holds=YES,
               about={"posting": r.pv.posting}, because=[r.pv, r.sd],
               reason=f"As a {r.sd.standing} in post, {r.pv.person_name} may not be arrested or "
                      f"detained by {r.pv.state_name}.")


@rule("vcdr.29.not-inviolable", article=["art. 29", "art. 37(3)", "art. 37(4)", "art. 38"],
      says="Members to whom the Convention does not extend art. 29 may be arrested (under art. 38(1), "
           "save for official acts).",
      when=[c.pv << fact("privileges", status="in_force"),
            c.sd << fact("standing", posting=c.pv.posting, inviolability=("none", "official_acts"))])
def _(r):
    save = " (save in respect of official acts)" if r.sd.inviolability == "official_acts" else ""
    r.conclude("personal_inviolability", person=r.pv.person, state=r.pv.state, holds=NO,
               about={"posting": r.pv.posting}, because=[r.pv, r.sd],
               reason=f"As a {r.sd.standing}, {r.pv.person_name} has no personal inviolability in "
                      f"{r.pv.state_name}{save}.")


# ---------------------------------------------------------------------------------------
# Art. 31: immunity from jurisdiction.
# ---------------------------------------------------------------------------------------

ELSEWHERE = {YES: "", NO: " at this mission (it was done elsewhere)"}


def acts_of(alias: str):
    """The acts alleged against the posting's member that may have happened by the day."""
    return fact("act", person=getattr(getattr(c, alias), "person"), done=("past", "uncertain", UNKNOWN))


# Art. 31(1), first sentence: immunity from the receiving State's criminal jurisdiction,
# with no exception for any offence, however grave.
@rule("vcdr.31-1.criminal", article="art. 31(1)",
      says="A diplomatic agent enjoys immunity from the criminal jurisdiction of the receiving State, "
           "without exception.",
      when=[c.pv << fact("privileges", status="in_force"),
            c.sd << fact("standing", posting=c.pv.posting, criminal="full"),
            c.ac << acts_of("pv")])
def _(r):
    r.conclude("criminal_immunity", person=r.pv.person, state=r.pv.state, act=r.ac.act, holds=YES,
               because=[r.pv, r.sd, r.ac], about={"posting": r.pv.posting},
               reason=f"{r.pv.person_name} is in post as a {r.sd.standing}: immune from {r.pv.state_name}'s "
                      "criminal jurisdiction whatever the act, however grave.")


# Art. 31(1), second sentence: civil and administrative immunity, save for (a) private
# immovable property, (b) succession, (c) private professional or commercial activity.
@rule("vcdr.31-1.civil", article="art. 31(1)",
      says="A diplomatic agent is immune from civil and administrative jurisdiction, except in the "
           "actions listed in art. 31(1)(a) to (c).",
      when=[c.pv << fact("privileges", status="in_force"),
            c.sd << fact("standing", posting=c.pv.posting, civil="full"),
            c.ac << acts_of("pv")])
def _(r):
    r.conclude("civil_immunity", person=r.pv.person, state=r.pv.state, act=r.ac.act, holds=YES,
               because=[r.pv, r.sd, r.ac], about={"posting": r.pv.posting},
               reason=f"{r.pv.person_name} is immune from {r.pv.state_name}'s civil and administrative "
                      "jurisdiction, unless the claim is one of art. 31(1)(a)-(c) (private immovable "
                      "property, succession, private professional or commercial activity).")


# Art. 31(1)(a)-(c): the three civil matters excepted from a diplomatic agent's immunity.
@rule("vcdr.31-1-abc.civil-exceptions", article=["art. 31(1)(a)", "art. 31(1)(b)", "art. 31(1)(c)"],
      overrides=["vcdr.31-1.civil"],
      says="No civil immunity for (a) a real action on private immovable property in the receiving State, "
           "(b) a succession in which he is involved as a private person, or (c) a professional or "
           "commercial activity outside his official functions.",
      when=[c.pv << fact("privileges", status="in_force"),
            c.sd << fact("standing", posting=c.pv.posting, civil="full"),
            c.ac << fact("act", m.civil_matter != "none", person=c.pv.person, done=("past", "uncertain", UNKNOWN))])
def _(r):
    matter = {"immovable_property": "a real action on private immovable property (a)",
              "succession": "a succession in which he is involved as a private person (b)",
              "professional_or_commercial": "a professional or commercial activity outside his functions (c)"}
    r.conclude("civil_immunity", person=r.pv.person, state=r.pv.state, act=r.ac.act, holds=NO,
               because=[r.pv, r.sd, r.ac], about={"posting": r.pv.posting},
               reason=f"The claim concerns {matter[r.ac.civil_matter]}: one of the matters art. 31(1) "
                      "excepts from a diplomatic agent's civil immunity.")


# Arts. 37(2)–(3), 38(1): immunity for acts performed in the exercise of functions only.
# Whether the act was official is a characterisation the case file states.
@rule("vcdr.38-1.official-acts-only", article=["art. 37(2)", "art. 37(3)", "art. 38(1)"],
      says="Where the Convention gives immunity only for acts performed in the exercise of functions, "
           "immunity turns on whether the act was such an act.",
      when=[c.pv << fact("privileges", status="in_force"),
            c.sd << fact("standing", (m.criminal == "official_acts") | (m.civil == "official_acts"),
                         posting=c.pv.posting),
            c.ac << fact("act_at_post", posting=c.pv.posting, done=("past", "uncertain", UNKNOWN))])
def _(r):
    for question, level in (("criminal_immunity", r.sd.criminal), ("civil_immunity", r.sd.civil)):
        if level != "official_acts":
            continue
        holds = r.ac.official
        if holds == YES:
            reason = f"As a {r.sd.standing}, {r.pv.person_name} is immune for acts in the exercise of functions, and this was one."
        elif holds == NO:
            reason = f"As a {r.sd.standing}, {r.pv.person_name} is immune only for acts in the exercise of functions, and this was not one{ELSEWHERE[r.ac.belongs]}."
        else:
            reason = f"As a {r.sd.standing}, {r.pv.person_name} is immune only for official acts; the case file does not say whether this was one."
        r.conclude(question, person=r.pv.person, state=r.pv.state, act=r.ac.act, holds=holds,
                   because=[r.pv, r.sd, r.ac], about={"posting": r.pv.posting}, reason=reason,
                   needs="whether the act was performed in the exercise of functions" if holds == UNKNOWN else None)


@rule("vcdr.37-4.no-immunity", article=["art. 37(4)", "art. 38(2)"],
      says="Members the Convention gives no immunity to are subject to the receiving State's jurisdiction.",
      when=[c.pv << fact("privileges", status="in_force"),
            c.sd << fact("standing", posting=c.pv.posting, criminal="none"),
            c.ac << acts_of("pv")])
def _(r):
    for question in ("criminal_immunity", "civil_immunity"):
        r.conclude(question, person=r.pv.person, state=r.pv.state, act=r.ac.act, holds=NO,
                   because=[r.pv, r.sd, r.ac], about={"posting": r.pv.posting},
                   reason=f"As a {r.sd.standing}, {r.pv.person_name} has no immunity from "
                          f"{r.pv.state_name}'s jurisdiction, save as that State admits.")


# Art. 31(2): a diplomatic agent is not obliged to give evidence as a witness.
@rule("vcdr.31-2.witness", article="art. 31(2)",
      says="A diplomatic agent (and those art. 37(1)-(2) assimilate to him) is not obliged to give "
           "evidence as a witness.",
      when=[c.pv << fact("privileges", status="in_force"),
            c.sd << fact("standing", posting=c.pv.posting, witness="exempt")])
def _(r):
    r.conclude("must_give_evidence", person=r.pv.person, state=r.pv.state, holds=NO,
               because=[r.pv, r.sd],
               reason=f"As a {r.sd.standing}, {r.pv.person_name} cannot be compelled to give evidence "
                      f"in {r.pv.state_name}.")


@rule("vcdr.31-2.compellable", article=["art. 31(2)", "art. 37(4)", "art. 38"],
      says="Art. 31(2) does not reach members without the agent's immunities: they may be compelled "
           "(under art. 38(1), save as to official acts).",
      when=[c.pv << fact("privileges", status="in_force"),
            c.sd << fact("standing", posting=c.pv.posting, witness=("compellable", "official_acts"))])
def _(r):
    save = " (save as to official acts)" if r.sd.witness == "official_acts" else ""
    r.conclude("must_give_evidence", person=r.pv.person, state=r.pv.state, holds=YES,
               because=[r.pv, r.sd],
               reason=f"As a {r.sd.standing}, {r.pv.person_name} may be compelled to give evidence in "
                      f"{r.pv.state_name}{save}.")


# Art. 37(3) gives service staff immunity for acts in the course of their duties but says
# nothing of evidence; that they may be compelled is the legal brief's unverified reading.
@rule("vcdr.37-3.witness", article="art. 37(3)", status="unverified",
      says="Service staff have no exemption from giving evidence (a reading of art. 37(3), unverified).",
      when=[c.pv << fact("privileges", status="in_force"),
            c.sd << fact("standing", posting=c.pv.posting, witness="unsettled")])
def _(r):
    r.conclude("must_give_evidence", person=r.pv.person, state=r.pv.state, holds=YES,
               because=[r.pv, r.sd],
               reason=f"As a {r.sd.standing}, {r.pv.person_name} may probably be compelled to give "
                      "evidence: art. 37(3) gives no exemption (unverified reading).")


# Art. 31(4): the immunity of a diplomatic agent from the receiving State's jurisdiction does
# not exempt him from the jurisdiction of the sending State. It concerns those the Convention
# makes immune in the receiving State (art. 31, and through art. 37 their households and other
# staff), not members it gives nothing (locally recruited staff, art. 38(2)). And it keeps the
# sending State's jurisdiction without conferring it: whether that State may prosecute an act
# done abroad is a matter of its own law (legal brief §1, art. 31: "In the Kim case this links
# to Korean Criminal Act art. 3", jurisdiction over its nationals' crimes abroad). So art.
# 31(4) joins an answer the sending State's law gives, and without one the answer is unknown.
# The question is the sending State's criminal jurisdiction: an act the case file brings before
# no criminal proceeding (a civil claim) raises it not. All this holds whatever his status on
# the day.
CRIMINAL_PROCEEDINGS = ("investigation", "charge", "arrest_warrant", "indictment")
IMMUNE_MEMBER = (m.criminal == "full") | (m.criminal == "official_acts")
MAYBE_IMMUNE_MEMBER = IMMUNE_MEMBER | (m.criminal == UNKNOWN)  # his category, say, not reported


@rule("vcdr.31-4.sending-state", article="art. 31(4)", overrides=["vcdr.31-4.basis-open"],
      says="Immunity from the receiving State's jurisdiction does not exempt a diplomatic agent from "
           "the jurisdiction of the sending State, which its own law gives.",
      when=[c.sj << fact("conclusion", question="sending_state_jurisdiction", holds=YES,
                         rule=differs("vcdr.31-4.sending-state")),
            c.p << member_of_embassy(person=c.sj.person, sending_state=c.sj.state),
            c.sd << fact("standing", IMMUNE_MEMBER, posting=c.p.posting)])
def _(r):
    r.conclude("sending_state_jurisdiction", person=r.p.person, state=r.p.sending_state, act=r.sj.act,
               holds=YES, because=[r.sj, r.p, r.sd],
               reason=f"His immunity in {r.p.state_name}, whatever it was, does not exempt {r.p.person_name} from "
                      f"the jurisdiction of {r.p.sending_state_name}, which sent him (art. 31(4)); that jurisdiction "
                      f"comes from {r.p.sending_state_name}'s own law.")


@rule("vcdr.31-4.basis-open", article="art. 31(4)",
      says="Art. 31(4) keeps the sending State's jurisdiction but does not confer it: whether it has "
           "jurisdiction over an act done abroad depends on its own law.",
      when=[c.p << member_of_embassy(),
            c.sd << fact("standing", MAYBE_IMMUNE_MEMBER, posting=c.p.posting),
            c.ac << fact("act", person=c.p.person, civil_matter="none", done=("past", "uncertain", UNKNOWN)),
            c.pr << fact("proceeding", kind=CRIMINAL_PROCEEDINGS, person=c.p.person)])
def _(r):
    if r.ac.act not in (r.pr.acts or []):
        return  # a proceeding about another act
    # The proceeding only shows the act to be a criminal matter; leaving it out of the grounds makes
    # the answer one, however many criminal proceedings there are about the act.
    r.conclude("sending_state_jurisdiction", person=r.p.person, state=r.p.sending_state, act=r.ac.act,
               holds=UNKNOWN, because=[r.p, r.sd, r.ac],
               needs=f"a basis in {r.p.sending_state_name}'s own law for its jurisdiction over the act (for "
                     "example over its nationals' crimes abroad): VCDR art. 31(4) keeps that jurisdiction but "
                     "does not give it",
               reason=f"His immunity in {r.p.state_name} does not exempt {r.p.person_name} from the jurisdiction of "
                      f"{r.p.sending_state_name}, which sent him; but whether {r.p.sending_state_name} has "
                      "jurisdiction over the act is a matter of its own law, which neither the case file nor "
                      "the law the engine encodes settles here.")


# ---------------------------------------------------------------------------------------
# Art. 31(1) and art. 32: whether the receiving State's courts may try the act now.
# ---------------------------------------------------------------------------------------

@rule("vcdr.31-1.bars-trial", article="art. 31(1)",
      says="While criminal immunity holds, the receiving State's courts may not try the act.",
      when=[c.ci << fact("conclusion", question="criminal_immunity", holds=YES),
            c.po << member_of_embassy(posting=c.ci.posting)])
def _(r):
    r.conclude("prosecutable", person=r.ci.person, state=r.ci.state, act=r.ci.act, holds=NO,
               because=[r.ci],
               reason="Immunity bars any trial of the act while it holds, unless the sending State waives it.")


@rule("vcdr.31-1.no-bar", article="art. 31(1)",
      says="Where the Convention gives no immunity for the act, nothing in it bars a trial.",
      when=[c.ci << fact("conclusion", question="criminal_immunity", holds=NO),
            c.pv << fact("privileges", posting=c.ci.posting, status=("in_force", "not_begun"))])
def _(r):
    r.conclude("prosecutable", person=r.ci.person, state=r.ci.state, act=r.ci.act, holds=YES,
               because=[r.ci, r.pv],
               reason=f"No immunity covers the act, so {r.pv.state_name}'s courts may try it "
                      "(presence for trial aside).")


# Immunity is procedural: once it has ended, the receiving State may try earlier acts not
# covered by residual immunity, including acts done while in post. The legal brief marks
# this general doctrine unverified (e.g. Denza, Diplomatic Law).
@rule("vcdr.39-2.procedural", article="art. 39(2)", status="unverified",
      says="Immunity is a procedural bar: once it has lapsed, earlier acts it no longer covers may be tried.",
      when=[c.ci << fact("conclusion", question="criminal_immunity", holds=NO),
            c.pv << fact("privileges", posting=c.ci.posting, status="ceased")])
def _(r):
    r.conclude("prosecutable", person=r.ci.person, state=r.ci.state, act=r.ci.act, holds=YES,
               because=[r.ci, r.pv],
               reason=f"The immunity that barred a trial has lapsed and does not survive for this act, so "
                      f"{r.pv.state_name}'s courts may try it (presence for trial aside).")


@rule("vcdr.31-1.trial-open", article="art. 31(1)",
      says="Where immunity for the act is unknown, so is whether it may be tried.",
      when=[c.ci << fact("conclusion", question="criminal_immunity", holds=UNKNOWN),
            c.po << member_of_embassy(posting=c.ci.posting)])
def _(r):
    r.conclude("prosecutable", person=r.ci.person, state=r.ci.state, act=r.ci.act, holds=UNKNOWN,
               because=[r.ci], window=r.ci.window, needs=r.ci.needs,
               reason="Whether the act may be tried turns on the immunity question left open above.")


# ---------------------------------------------------------------------------------------
# Art. 32(1)-(2): whether a valid waiver exists for a request made by the day: only the
# sending State may waive, and a waiver must always be express. A request that asks only for
# consent to enter the premises asks for no waiver (rules/common.py): art. 22(1) judges it,
# and these rules give no answer on it. What a valid waiver does follows below.
# ---------------------------------------------------------------------------------------

WAIVER = dict(kind="waiver", mission_kind=EMBASSY, made=("past", "uncertain"))


def waiver_request(*also, **fields):
    """A request for a waiver of some immunity, made by the day, about members of an embassy."""
    return fact("request", asks_a_waiver(), *also, **WAIVER, **fields)


@rule("vcdr.32-1.waiver", article=["art. 32(1)", "art. 32(2)"],
      says="A waiver is valid when the sending State makes it, expressly.",
      when=[c.rq << waiver_request(answer="granted", by=m.sending_state, express=YES)])
def _(r):
    r.conclude("waiver_effective", request=r.rq.request, holds=YES, because=[r.rq],
               reason=f"{r.rq.by_name}, the sending State, expressly waived immunity ({r.rq.answer_label}) "
                      f"for: {r.rq.purpose}.")


@rule("vcdr.32-1.not-by-sending-state", article="art. 32(1)",
      says="Only the sending State may waive: a waiver by anyone else, the person himself included, "
           "is no waiver.",
      when=[c.rq << waiver_request(answer="granted", by=differs(m.sending_state))])
def _(r):
    r.conclude("waiver_effective", request=r.rq.request, holds=NO, because=[r.rq],
               reason=f"The waiver came from {r.rq.by_name}, not from the sending State "
                      f"({r.rq.sending_state or 'not identified'}): only the sending State can waive.")


@rule("vcdr.32-2.not-express", article="art. 32(2)",
      says="A waiver must always be express: an implied one is no waiver.",
      when=[c.rq << waiver_request(answer="granted", by=m.sending_state, express=NO)])
def _(r):
    r.conclude("waiver_effective", request=r.rq.request, holds=NO, because=[r.rq],
               reason="What the sending State did was not an express waiver, and a waiver must always be express.")


@rule("vcdr.32-2.express-unknown", article="art. 32(2)",
      says="A waiver must always be express; whether it was decides its validity.",
      when=[c.rq << waiver_request(answer="granted", by=m.sending_state, express=UNKNOWN)])
def _(r):
    r.conclude("waiver_effective", request=r.rq.request, holds=UNKNOWN, because=[r.rq],
               needs="whether the sending State's waiver was express (VCDR art. 32(2))",
               reason="The sending State granted the request, but the case file does not say the waiver was express.")


@rule("vcdr.32-1.refused", article="art. 32(1)",
      says="A request declined, or not yet answered, is no waiver: silence and refusal waive nothing.",
      when=[c.rq << waiver_request(answer=("declined", "pending"))])
def _(r):
    said = "declined" if r.rq.answer == "declined" else "not yet answered"
    r.conclude("waiver_effective", request=r.rq.request, holds=NO, because=[r.rq],
               reason=f"The request ({r.rq.purpose}) was {said}: no waiver.")


@rule("vcdr.32-1.answer-open", article="art. 32(1)",
      says="Whether a waiver exists depends on the sending State's answer.",
      when=[c.rq << waiver_request(answer=("uncertain", UNKNOWN, "none", "conditional"))])
def _(r):
    if r.rq.answer == "uncertain":
        r.conclude("waiver_effective", request=r.rq.request, holds=UNKNOWN, because=[r.rq],
                   window=r.rq.answer_window, needs=f"the exact date of the answer within {r.rq.answer_label}",
                   reason=f"The answer came in {r.rq.answer_label}; on this day it is uncertain whether it had been given.")
        return
    needs = {"conditional": "whether the conditions attached to the waiver were met"}.get(
        r.rq.answer, "the sending State's answer to the request, and when it was given")
    r.conclude("waiver_effective", request=r.rq.request, holds=UNKNOWN, because=[r.rq], needs=needs,
               reason="The case file does not settle whether the sending State waived.")


# ---------------------------------------------------------------------------------------
# Art. 32: what a valid waiver does. A waiver reaches its own kind of jurisdiction and its
# own acts (rules/common.py): one of criminal jurisdiction lets the receiving State try the
# acts it reaches (and, on a reading the brief does not settle, arrest for them); one of civil
# jurisdiction lets its courts hear the claims it reaches; execution of a judgment needs a
# waiver of its own (art. 32(4)). Each effect has two rules: the request names the act, or it
# names the person and no act at all.
# ---------------------------------------------------------------------------------------

def _waiver_opens_trial(naming: str) -> None:
    reaches = {"act": "each act the request names",
               "person": "every act of the person it names, done by the time it was asked for, when it "
                         "names no particular act"}[naming]

    @rule(f"vcdr.32-1.waived-for-{naming}", article=["art. 32(1)", "art. 32(2)"],
          overrides=["vcdr.31-1.bars-trial"],
          says=f"An express waiver of criminal jurisdiction by the sending State lifts the immunity's bar on "
               f"trial of {reaches}; while its validity is open, so is the trial.",
          when=[c.ci << fact("conclusion", question="criminal_immunity", holds=YES),
                c.po << member_of_embassy(posting=c.ci.posting),
                *waiver_reaching("ci", "criminal_jurisdiction", (YES, UNKNOWN), naming)])
    def _(r):
        how, holds, needs, window = outcome(r, naming)
        reason = {
            "waived": f"The sending State expressly waived immunity from criminal jurisdiction {reach(naming)}, "
                      "so the act may be tried despite the immunity.",
            "open": "Immunity bars a trial unless the sending State validly waived it, and whether it did is "
                    f"open; the waiver asked for would be {reach(naming)}.",
            "later": "Immunity bars any trial of the act. ",
            "undated": "Immunity bars a trial unless a waiver reaches the act, and whether the waiver asked for "
                       "reaches it turns on when the act was done.",
        }[how] + (later(r) if how == "later" else "")
        r.conclude("prosecutable", person=r.ci.person, state=r.ci.state, act=r.ci.act, holds=holds,
                   because=[r.ci, r.we], reason=reason, needs=needs, window=window,
                   about={"request": r.rq.request})


for _naming in NAMING:
    _waiver_opens_trial(_naming)


# Art. 29 with art. 32(1): art. 32(1) waives "immunity from jurisdiction"; the inviolability of
# the person (art. 29) is a protection of its own. We read a waiver of criminal jurisdiction for
# an act as reaching the arrest its proceedings need, under a warrant for that act: inviolability
# follows the waiver where the waiver reaches the act. The legal brief does not settle this
# reading, so it is unverified, and every answer resting on it says so.
@rule("vcdr.32-1.arrest-after-waiver", article=["art. 29", "art. 32(1)"], status="unverified",
      says="A waiver of immunity from criminal jurisdiction for an act is read as letting the receiving "
           "State arrest the agent under a warrant for that act, his inviolability notwithstanding.",
      when=[c.pt << fact("conclusion", question="prosecutable", holds=(YES, UNKNOWN),
                         rule=tuple(f"vcdr.32-1.waived-for-{n}" for n in NAMING)),
            c.pi << fact("conclusion", question="personal_inviolability", person=c.pt.person, state=c.pt.state,
                         holds=YES),
            c.pr << fact("accusation", kind="arrest_warrant", person=c.pt.person, state=c.pt.state, act=c.pt.act,
                         date="past"),
            c.wh << fact("conclusion", question="present_in_territory", person=c.pt.person, state=c.pt.state)])
def _(r):
    if r.wh.holds == NO:
        return  # known to be elsewhere: a warrant is executed only at home (rules/cooperation.py says so)
    reason = ("A warrant exists for an act the sending State's waiver of criminal jurisdiction reaches: read as "
              "reaching the arrest its proceedings need, the waiver lets him be arrested despite his "
              "inviolability (a reading of arts. 29 and 32(1), not verified)."
              if r.pt.holds == YES else
              "A warrant exists for an act a waiver asked for may reach; whether it does, and so whether he may "
              "be arrested under the warrant despite his inviolability, is open.")
    r.conclude("available_action", state=r.pt.state, action=f"arrest {r.pt.person} if he is found there",
               holds=r.pt.holds, because=[r.pt, r.pi, r.pr, r.wh], needs=r.pt.needs, window=r.pt.window,
               reason=reason)


def _waiver_opens_civil_proceedings(naming: str) -> None:
    reaches = {"act": "the claims about each act the request names",
               "person": "every claim against the person it names about acts done by the time it was asked "
                         "for, when it names no particular act"}[naming]

    @rule(f"vcdr.32-1.civil-waived-for-{naming}", article=["art. 32(1)", "art. 32(2)"],
          says=f"An express waiver of civil and administrative jurisdiction by the sending State lets the "
               f"receiving State's courts hear {reaches} (not execute a judgment: art. 32(4)).",
          when=[c.ci << fact("conclusion", question="civil_immunity", holds=YES),
                c.po << member_of_embassy(posting=c.ci.posting),
                *waiver_reaching("ci", "civil_jurisdiction", (YES, UNKNOWN), naming)])
    def _(r):
        how, holds, needs, window = outcome(r, naming)
        reason = {
            "waived": f"The sending State expressly waived immunity from civil jurisdiction {reach(naming)}: the "
                      f"courts of {r.po.state_name} may hear the claim despite the immunity.",
            "open": f"The courts of {r.po.state_name} may hear the claim only if the sending State validly waived "
                    f"immunity from civil jurisdiction, and whether it did is open; the waiver asked for would be "
                    f"{reach(naming)}.",
            "later": "",
            "undated": "Whether the waiver asked for reaches the claim turns on when the act was done.",
        }[how] + (later(r) if how == "later" else "")
        r.conclude("available_action", state=r.ci.state, action=f"exercise civil jurisdiction over {r.ci.person}",
                   act=r.ci.act, holds=holds, because=[r.ci, r.we], reason=reason, needs=needs, window=window,
                   about={"request": r.rq.request, "waived_for": r.ci.person})


def _waiver_of_execution(naming: str) -> None:
    reaches = {"act": "about an act the request names",
               "person": "against the person it names, about acts done by the time it was asked for, when it "
                         "names no particular act"}[naming]

    @rule(f"vcdr.32-4.execution-waived-for-{naming}", article=["art. 32(4)", "art. 32(1)"],
          overrides=["vcdr.32-4.no-execution-waiver"],
          says=f"A waiver of immunity in respect of the execution of a judgment, given expressly and "
               f"separately, lets the receiving State execute a judgment {reaches}.",
          when=[c.ci << fact("conclusion", question="civil_immunity", holds=YES),
                c.po << member_of_embassy(posting=c.ci.posting),
                *waiver_reaching("ci", "execution", (YES, UNKNOWN), naming)])
    def _(r):
        how, holds, needs, window = outcome(r, naming)
        reason = {
            "waived": f"The sending State waived, separately and expressly, immunity from execution "
                      f"{reach(naming)}: a judgment on the claim may be executed in {r.po.state_name}.",
            "open": "Whether the sending State validly waived immunity from execution is open; the waiver asked "
                    f"for would be {reach(naming)}.",
            "later": "",
            "undated": "Whether the waiver of execution asked for reaches the claim turns on when the act was done.",
        }[how] + (later(r) if how == "later" else "")
        r.conclude("available_action", state=r.ci.state, action=f"execute a judgment against {r.ci.person}",
                   act=r.ci.act, holds=holds, because=[r.ci, r.we], reason=reason, needs=needs, window=window)


for _naming in NAMING:
    _waiver_opens_civil_proceedings(_naming)
    _waiver_of_execution(_naming)


# Art. 32(4): a waiver of immunity from civil jurisdiction does not imply one in respect of the
# execution of the judgment, for which a separate waiver is necessary.
@rule("vcdr.32-4.no-execution-waiver", article="art. 32(4)",
      says="Waiver of immunity from civil or administrative jurisdiction does not imply waiver in respect "
           "of the execution of the judgment: that needs a separate waiver.",
      when=[c.cj << fact("conclusion", question="available_action", holds=(YES, UNKNOWN),
                         rule=tuple(f"vcdr.32-1.civil-waived-for-{n}" for n in NAMING))])
def _(r):
    r.conclude("available_action", state=r.cj.state, action=f"execute a judgment against {r.cj.waived_for}",
               act=r.cj.act, holds=NO, because=[r.cj],
               reason="A waiver of immunity from civil jurisdiction does not extend to the execution of a "
                      "judgment: that needs a separate, express waiver, and none reaches this claim.")


# ---------------------------------------------------------------------------------------
# Art. 39: when privileges and immunities begin and end (the lifecycle). Each rule records
# the posting's `privileges` finding: in_force, not_begun, ceased, uncertain or unknown.
# ---------------------------------------------------------------------------------------

def privileges(r, status, *, deciding=None, needs=None):
    r.lifecycle("privileges", status, deciding=deciding, needs=needs)


# Arrival is proved by its date, or by the reports placing the person in post (`in_post`:
# yes inside the reported periods, "after" once they are over).
BEGUN = (m.arrived == "past") | (m.in_post == YES) | (m.in_post == "after")
NOT_BEGUN_KNOWN = m.in_post == NO
STILL_IN_POST = (m.arrived == "past") | (m.in_post == YES) | ((m.in_post == "after") & (m.end_reported == YES))


# Art. 39(1): privileges begin when the person enters the receiving State to take up the post.
@rule("vcdr.39-1.in-force", article="art. 39(1)",
      says="Privileges and immunities run from entry into the receiving State to take up the post.",
      when=[c.p << member_of_embassy(STILL_IN_POST, departed=NOT_YET, functions_ended=NOT_YET)])
def _(r):
    privileges(r, "in_force", deciding="arrived")


# Art. 39(1), second limb: a person already in the receiving State when appointed enjoys
# privileges "from the moment when his appointment is notified to the Ministry for Foreign Affairs".
@rule("vcdr.39-1.on-notification", article="art. 39(1)",
      says="A person already in the receiving State when appointed enjoys privileges from the moment his "
           "appointment is notified to its Ministry for Foreign Affairs.",
      when=[c.p << member_of_embassy(NOT_BEGUN_KNOWN, already_present=YES, departed=NOT_YET,
                                     functions_ended=NOT_YET)])
def _(r):
    status = {"past": "in_force", "future": "not_begun", "uncertain": "uncertain", UNKNOWN: "unknown"}[r.p.notified]
    needs = None
    if status == "uncertain":
        needs = f"the exact date {r.p.person_name}'s appointment was notified, within {r.p.notified_label}"
    elif status == "unknown":
        needs = f"when {r.p.person_name}'s appointment was notified to {r.p.state_name} (VCDR art. 39(1))"
    privileges(r, status, deciding="notified" if status != "unknown" else None, needs=needs)


@rule("vcdr.39.membership-unknown", article=["art. 39(1)", "art. 39(2)"],
      says="Privileges last as long as membership of the mission; when the reports stop placing the "
           "person in post and report no end, whether they still run is unknown.",
      when=[c.p << member_of_embassy(m.arrived != "past", in_post="after", end_reported=NO)])
def _(r):
    privileges(r, "unknown",
               needs=f"whether {r.p.person_name} was still a member of the mission on this day "
                     f"(the reports place him there in {r.p.in_post_label})")


@rule("vcdr.39-1.not-begun", article="art. 39(1)",
      says="Before entry to take up the post, privileges and immunities have not begun.",
      when=[c.p << member_of_embassy(NOT_BEGUN_KNOWN, m.already_present != YES, arrived="future")])
def _(r):
    privileges(r, "not_begun", deciding="arrived")


@rule("vcdr.39-1.arrival-window", article="art. 39(1)",
      says="Privileges begin on arrival; inside the reported window of arrival that moment is uncertain.",
      when=[c.p << member_of_embassy(NOT_BEGUN_KNOWN, m.already_present != YES, arrived="uncertain",
                                     departed=NOT_YET)])
def _(r):
    privileges(r, "uncertain", deciding="arrived",
               needs=f"the exact date {r.p.person_name} arrived to take up the post, within {r.p.arrived_label}")


@rule("vcdr.39-1.arrival-unknown", article="art. 39(1)",
      says="Privileges begin on arrival; when the case file gives no arrival date, their start is unknown.",
      when=[c.p << member_of_embassy(NOT_BEGUN_KNOWN, m.already_present != YES, arrived=UNKNOWN,
                                     departed=NOT_YET, functions_ended=(*NOT_YET, "uncertain"))])
def _(r):
    privileges(r, "unknown", needs=f"whether, and since when, {r.p.person_name} was a member of the mission "
                                   f"in {r.p.state_name} on this day (VCDR arts. 10, 39(1))")


# Art. 39(2), first sentence: when functions have ended, privileges subsist until the
# person leaves the country (or a reasonable period to do so expires).
@rule("vcdr.39-2.until-departure", article="art. 39(2)",
      says="When functions end, privileges subsist until the person leaves the country (within a "
           "reasonable period, which has only begun while the end of functions is this recent).",
      when=[c.p << member_of_embassy(BEGUN, functions_ended="uncertain", departed="future")])
def _(r):
    privileges(r, "in_force", deciding="departed")


@rule("vcdr.39-2.reasonable-period", article="art. 39(2)",
      says="When functions have ended, privileges cease on departure or on expiry of a reasonable "
           "period in which to leave.",
      when=[c.p << member_of_embassy(functions_ended="past", departed=("future", UNKNOWN), leave_period_ended=UNKNOWN)])
def _(r):
    privileges(r, "unknown", deciding="functions_ended",
               needs=f"when {r.p.person_name} left {r.p.state_name}, or whether a reasonable period to leave "
                     "had expired (VCDR art. 39(2))")


@rule("vcdr.39-2.period-to-leave", article="art. 39(2)",
      says="When functions have ended and the person has not left, privileges subsist until the reasonable "
           "period to leave that the case file records expires.",
      when=[c.p << member_of_embassy(functions_ended="past", departed=("future", UNKNOWN),
                                     leave_period_ended=("past", "future", "uncertain"))])
def _(r):
    status = {"past": "ceased", "future": "in_force", "uncertain": "uncertain"}[r.p.leave_period_ended]
    privileges(r, status, deciding="leave_period_ended",
               needs=f"the exact date the reasonable period for {r.p.person_name} to leave {r.p.state_name} "
                     f"expired, within {r.p.leave_period_ended_label}" if status == "uncertain" else None)


@rule("vcdr.39-2.functions-end-window", article=["art. 39(2)", "art. 43"],
      says="Whether privileges still run turns on when functions ended, uncertain inside its window.",
      when=[c.p << member_of_embassy(BEGUN, functions_ended="uncertain", departed=UNKNOWN)])
def _(r):
    privileges(r, "uncertain", deciding="functions_ended",
               needs=f"the exact date {r.p.person_name}'s functions ended, within {r.p.functions_ended_label}, "
                     "and when he left")


# Art. 39(2): privileges cease at the moment the person leaves the country.
@rule("vcdr.39-2.ceased", article="art. 39(2)",
      says="Privileges and immunities cease when the person, his functions at an end, leaves the country.",
      when=[c.p << member_of_embassy(departed="past")])
def _(r):
    privileges(r, "ceased", deciding="departed")


@rule("vcdr.39-2.departure-window", article="art. 39(2)",
      says="Privileges cease on departure; inside the reported window of departure that moment is uncertain.",
      when=[c.p << member_of_embassy(departed="uncertain")])
def _(r):
    privileges(r, "uncertain", deciding="departed",
               needs=f"the exact date {r.p.person_name} left {r.p.state_name}, within {r.p.departed_label}")


# Art. 39(2), second sentence: for acts performed in the exercise of functions as a member of
# the mission, immunity continues to subsist, without limit of time. Whether an act was such an
# act is a characterisation the case file states; the engine never assumes it.
@rule("vcdr.39-2.residual", article="art. 39(2)",
      says="Immunity continues, after functions end, only for acts performed in the exercise of functions.",
      when=[c.p << member_of_embassy(),
            c.ac << fact("act_at_post", posting=c.p.posting, done=("past", "uncertain", UNKNOWN))])
def _(r):
    official = r.ac.official
    reason = {
        YES: "The act was performed in the exercise of his functions: immunity for it survives the end of his functions.",
        NO: f"The act was not performed in the exercise of his functions{ELSEWHERE[r.ac.belongs]}: no immunity for "
            "it survives the end of his functions.",
        UNKNOWN: "Whether any immunity for the act survives depends on whether it was performed in the exercise of functions, which the case file leaves open.",
    }[official]
    r.conclude("residual_immunity", person=r.p.person, state=r.p.state, act=r.ac.act, holds=official,
               because=[r.p, r.ac], reason=reason,
               needs="whether the act was performed in the exercise of functions (VCDR art. 39(2))"
               if official == UNKNOWN else None)


# Art. 39(2) continues an immunity that existed; arts. 37(4) and 38(2) give the mission's staff
# who are nationals or permanent residents of the receiving State none from the Convention
# (only what that State admits). So for them nothing survives, whatever the act: an exception
# to the rule above, as VCCR art. 71(2) is at a consular post (rules/vccr.py).
@rule("vcdr.39-2.nothing-to-survive", article=["art. 39(2)", "art. 38(2)"],
      says="A member the Convention gives no immunity (save as the receiving State admits) has none "
           "to survive the end of his functions.",
      when=[c.p << member_of_embassy(),
            c.sd << fact("standing", posting=c.p.posting, criminal="none"),
            c.ac << fact("act_at_post", posting=c.p.posting, done=("past", "uncertain", UNKNOWN))],
      overrides=["vcdr.39-2.residual"])
def _(r):
    r.conclude("residual_immunity", person=r.p.person, state=r.p.state, act=r.ac.act, holds=NO,
               because=[r.p, r.sd, r.ac],
               reason=f"As a {r.sd.standing}, {r.p.person_name} had no immunity from {r.p.state_name}'s "
                      "jurisdiction under the Convention (save as that State admits), so none survives the "
                      "end of his functions, whatever the act.")


# Art. 39(2): once privileges have ceased, immunity from jurisdiction exists only as the
# residual immunity for official acts. Chains on the residual conclusion.
@rule("vcdr.39-2.functions-ended", article=["art. 39(2)", "art. 31(1)"],
      says="After privileges cease, immunity from jurisdiction remains only for acts performed in the "
           "exercise of functions.",
      when=[c.pv << fact("privileges", status="ceased"),
            c.ri << fact("conclusion", question="residual_immunity", person=c.pv.person,
                         state=c.pv.state)])
def _(r):
    for question in ("criminal_immunity", "civil_immunity"):
        r.conclude(question, person=r.pv.person, state=r.pv.state, act=r.ri.act, holds=r.ri.holds,
                   because=[r.pv, r.ri], about={"posting": r.pv.posting}, needs=r.ri.needs,
                   reason=f"{how_privileges_ended(r.pv, start=True)} after his functions ended, so his immunity "
                          "ceased; it survives only for official acts. "
                          + r.ri.reason)


@rule("vcdr.39-2.person-after", article="art. 39(2)",
      says="Once privileges have ceased, the former member is no longer inviolable nor exempt from "
           "giving evidence (official acts aside).",
      when=[c.pv << fact("privileges", status="ceased")])
def _(r):
    r.conclude("personal_inviolability", person=r.pv.person, state=r.pv.state, holds=NO, about={"posting": r.pv.posting}, because=[r.pv],
               reason=f"{how_privileges_ended(r.pv, start=True)} after his functions ended: "
                      "his inviolability ceased with his privileges.")
    r.conclude("must_give_evidence", person=r.pv.person, state=r.pv.state, holds=YES, because=[r.pv],
               reason=f"{r.pv.person_name}'s exemption from giving evidence in {r.pv.state_name} ceased with his "
                      "privileges (save as to official acts).")


@rule("vcdr.39-1.before-start", article="art. 39(1)",
      says="Before privileges begin, the Convention gives no protection.",
      when=[c.pv << fact("privileges", status="not_begun")])
def _(r):
    reason = f"{r.pv.person_name} had not yet arrived to take up the post ({r.pv.label})."
    r.conclude("personal_inviolability", person=r.pv.person, state=r.pv.state, holds=NO, about={"posting": r.pv.posting}, because=[r.pv],
               reason=reason)
    r.conclude("must_give_evidence", person=r.pv.person, state=r.pv.state, holds=YES, about={"posting": r.pv.posting}, because=[r.pv],
               reason=reason + " The Convention gives him no exemption from giving evidence yet.")


@rule("vcdr.39-1.before-start-act", article="art. 39(1)",
      says="Before privileges begin, there is no immunity from the receiving State's jurisdiction for any act.",
      when=[c.pv << fact("privileges", status="not_begun"), c.ac << acts_of("pv")])
def _(r):
    for question in ("criminal_immunity", "civil_immunity"):
        r.conclude(question, person=r.pv.person, state=r.pv.state, act=r.ac.act, holds=NO,
                   because=[r.pv, r.ac], about={"posting": r.pv.posting},
                   reason=f"{r.pv.person_name} had not yet arrived to take up the post ({r.pv.label}): on this day "
                          f"no immunity from {r.pv.state_name}'s jurisdiction had begun.")


@rule("vcdr.39.open-person", article="art. 39",
      says="While it is uncertain or unknown whether privileges are in force, so is every protection "
           "that depends on them.",
      when=[c.pv << fact("privileges", status=("uncertain", UNKNOWN))])
def _(r):
    for question in ("personal_inviolability", "must_give_evidence"):
        r.conclude(question, person=r.pv.person, state=r.pv.state, holds=UNKNOWN, because=[r.pv],
                   window=r.pv.window or None, needs=r.pv.needs,
                   reason=_open_reason(r.pv))


@rule("vcdr.39.open-act", article="art. 39",
      says="While it is uncertain or unknown whether privileges are in force, so is immunity for any act.",
      when=[c.pv << fact("privileges", status=("uncertain", UNKNOWN)), c.ac << acts_of("pv")])
def _(r):
    for question in ("criminal_immunity", "civil_immunity"):
        r.conclude(question, person=r.pv.person, state=r.pv.state, act=r.ac.act, holds=UNKNOWN,
                   because=[r.pv, r.ac], about={"posting": r.pv.posting},
                   window=r.pv.window or None, needs=r.pv.needs, reason=_open_reason(r.pv))


# An official act keeps immunity on both sides of the end of privileges (art. 31(1) while they
# run, art. 39(2) after), so not knowing exactly when they ended leaves it untouched.
@rule("vcdr.39.official-act-either-way", article=["art. 31(1)", "art. 39(2)"], overrides=["vcdr.39.open-act"],
      says="An act in the exercise of functions is immune whether or not privileges still run: under "
           "art. 31(1) while they do, under art. 39(2) after.",
      when=[c.pv << fact("privileges", status=("uncertain", UNKNOWN)),
            c.sd << fact("standing", (m.criminal == "full") | (m.criminal == "official_acts"), posting=c.pv.posting),
            c.ac << fact("act_at_post", posting=c.pv.posting, official=YES, done=("past", "uncertain", UNKNOWN))])
def _(r):
    for question in ("criminal_immunity", "civil_immunity"):
        r.conclude(question, person=r.pv.person, state=r.pv.state, act=r.ac.act, holds=YES,
                   because=[r.pv, r.sd, r.ac], about={"posting": r.pv.posting},
                   reason=f"Whether or not {r.pv.person_name}'s privileges in {r.pv.state_name} still ran on this day, "
                          "the act was performed in the exercise of his functions, so it is immune either way.")


@rule("vcdr.1-c.open-standing-person", article=["art. 1(c)", "art. 37", "art. 38"],
      says="While the member's category or residence is unknown, so is what the Convention gives him.",
      when=[c.pv << fact("privileges", status="in_force"),
            c.sd << fact("standing", posting=c.pv.posting, witness=UNKNOWN)])
def _(r):
    for question in ("personal_inviolability", "must_give_evidence"):
        r.conclude(question, person=r.pv.person, state=r.pv.state, holds=UNKNOWN, because=[r.pv, r.sd],
                   needs=r.sd.needs,
                   reason=f"{r.pv.person_name} was a member of the mission, but what that gives him "
                          "depends on facts the case file lacks.")


@rule("vcdr.1-c.open-standing-act", article=["art. 1(c)", "art. 37", "art. 38"],
      says="While the member's category, residence or household is unknown, so is his immunity for any act.",
      when=[c.pv << fact("privileges", status="in_force"),
            c.sd << fact("standing", posting=c.pv.posting, criminal=UNKNOWN),
            c.ac << acts_of("pv")])
def _(r):
    for question in ("criminal_immunity", "civil_immunity"):
        r.conclude(question, person=r.pv.person, state=r.pv.state, act=r.ac.act, holds=UNKNOWN,
                   because=[r.pv, r.sd, r.ac], about={"posting": r.pv.posting}, needs=r.sd.needs,
                   reason=f"{r.pv.person_name}'s privileges in {r.pv.state_name} were in force, but whether they make "
                          "him immune for the act depends on facts the case file lacks.")


def _open_reason(pv) -> str:
    if pv.window:
        return (f"{pv.person_name}'s privileges in {pv.state_name} changed in {pv.label}; "
                "on this day it is uncertain whether they were in force.")
    return f"The case file does not settle whether {pv.person_name}'s privileges in {pv.state_name} were in force."


# ---------------------------------------------------------------------------------------
# Art. 40: third States. Art. 45: premises and archives after a break or recall.
# ---------------------------------------------------------------------------------------

# Art. 40 gives a diplomat passing through a third State only what his transit needs. A post in
# a third State gives nothing against the former receiving State: there, what a consular post
# gives is functional immunity (VCCR art. 43), and only towards the State it is in. An
# additional ground for the answer the art. 39(2) rules give; never a ground of its own.
@rule("vcdr.40.third-state-post", article="art. 40",
      says="A post in a third State gives no immunity against the former receiving State; art. 40 "
           "protects only transit to or from a post.",
      when=[c.ci << fact("conclusion", question="criminal_immunity", holds=NO,
                         rule=("vcdr.39-2.functions-ended",)),
            c.ot << fact("consular_privileges", person=c.ci.person, status="in_force")])
def _(r):
    r.conclude("criminal_immunity", person=r.ci.person, state=r.ci.state, act=r.ci.act, holds=NO,
               because=[r.ci, r.ot], cites=["VCCR art. 43"], about={"posting": r.ci.posting},
               reason=f"His post in {r.ot.state_name} changes nothing: consular immunity there is functional "
                      f"(VCCR art. 43) and runs only against {r.ot.state_name}; art. 40 protects transit, not "
                      "a post elsewhere.")


# Art. 45(a): if relations are broken off or the mission is recalled, the receiving State must
# still respect and protect the premises, property and archives of the mission.
@rule("vcdr.45-a.after-closing", article="art. 45(a)",
      says="After relations are broken off or a mission is recalled, the receiving State must still "
           "respect and protect its premises, property and archives.",
      when=[c.mi << fact("mission", kind=EMBASSY, closed="past")])
def _(r):
    for question in ("premises_inviolable", "archives_inviolable"):
        r.conclude(question, mission=r.mi.mission, holds=YES, because=[r.mi],
                   reason=f"{r.mi.mission_name[:1].upper() + r.mi.mission_name[1:]} closed ({r.mi.closed_label}), "
                          "but its premises, property and archives must still be respected and protected.")


# ---------------------------------------------------------------------------------------
# Art. 41(1): the duty to respect the receiving State's laws.
# ---------------------------------------------------------------------------------------

@rule("vcdr.41-1.respect-laws", article="art. 41(1)",
      says="Everyone enjoying privileges must respect the receiving State's laws, without prejudice "
           "to those privileges: a breach does not remove immunity.",
      when=[c.pv << fact("privileges", status="in_force")])
def _(r):
    r.conclude("must_respect_laws", person=r.pv.person, state=r.pv.state, holds=YES, because=[r.pv],
               reason=f"{r.pv.person_name} must respect {r.pv.state_name}'s laws; breaking them does not "
                      "by itself remove his immunities (the remedies are waiver, persona non grata, or "
                      "prosecution at home).")
