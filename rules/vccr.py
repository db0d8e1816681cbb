"""Vienna Convention on Consular Relations, 1963 (VCCR): the articles this engine encodes.

Read top to bottom in treaty order; each rule opens with its article and a paraphrase. Check
them against the text (S-VCCR in ../shared/case/legal-brief.md).

Consular protection is functional and partial, where diplomatic protection is personal:
- immunity from jurisdiction only for acts in the exercise of consular functions (art. 43);
- a consular officer may be arrested pending trial for a grave crime on a judicial decision (art. 41);
- consular premises are inviolable only in the part used exclusively for the post's work, and
  consent to enter is assumed in a fire or other disaster (art. 31); a residence has none;
- a waiver must be express and communicated in writing (art. 45).

The findings here are `consular_standing` and `consular_privileges`, kept apart from the
VCDR's so that no diplomatic rule ever fires on a consular posting.
"""

from engine.rulebook import NO, UNKNOWN, YES, Instrument, c, differs, fact, m
from rules.common import NAMING, asks_a_waiver, how_privileges_ended, later, outcome, reach, waiver_reaching

VCCR = Instrument("VCCR", "Vienna Convention on Consular Relations, 1963")
rule = VCCR.rule

CONSULAR_POST = "consular_post"
NOT_YET = ("future", "unknown")


ELSEWHERE = {YES: "", NO: " at this post (it was done elsewhere)"}


def member_of_post(*also, **fields):
    """A posting to a consular post, with any further conditions on it."""
    return fact("posting", *also, mission_kind=CONSULAR_POST, **fields)


def standing(r, name, *, jurisdiction, inviolability, witness, needs=None):
    r.find("consular_standing", because=[r.p], posting=r.p.posting, person=r.p.person, state=r.p.state,
           standing=name, jurisdiction=jurisdiction, inviolability=inviolability, witness=witness,
           needs=needs or "")


# ---------------------------------------------------------------------------------------
# Art. 1(1)(d)-(e) with arts. 41, 43, 44 and art. 71: who is entitled to what.
#   jurisdiction:  official_acts | none | not_covered | unknown   (art. 43: functional only)
#   inviolability: save_grave_crime | official_acts | none | unknown   (art. 41)
#   witness:       may_decline | official_matters | compellable | not_covered | unknown  (art. 44)
# (not_covered: a family member, outside arts. 43 and 44 altogether.)
# ---------------------------------------------------------------------------------------

# Art. 1(1)(d), arts. 41, 43, 44: a consular officer who is neither a national nor a permanent
# resident of the receiving State.
@rule("vccr.1-d.consular-officer", article="art. 1(1)(d)",
      says="A consular officer who is neither a national nor a permanent resident of the receiving "
           "State has functional immunity (art. 43), limited inviolability (art. 41) and may decline "
           "to give evidence (art. 44).",
      when=[c.p << member_of_post(category="consular_officer", rs_national=NO, rs_resident=NO)])
def _(r):
    standing(r, "consular officer", jurisdiction="official_acts", inviolability="save_grave_crime",
             witness="may_decline")


# Art. 1(1)(e), arts. 43, 44: a consular employee (administrative or technical service).
@rule("vccr.1-e.consular-employee", article="art. 1(1)(e)",
      says="A consular employee who is neither a national nor a permanent resident of the receiving "
           "State has functional immunity (art. 43) but no personal inviolability, and may not "
           "refuse to give evidence save on matters connected with his functions (art. 44).",
      when=[c.p << member_of_post(category=("consular_employee", "administrative_technical"), rs_national=NO,
                                  rs_resident=NO)])
def _(r):
    # "administrative and technical staff" of a consular post are its consular employees (art. 1(1)(e))
    standing(r, "consular employee", jurisdiction="official_acts", inviolability="none",
             witness="official_matters")


# Art. 1(1)(f) and (i), arts. 43(1) and 44(1): the service staff and the private staff of a post.
# Art. 43 protects consular officers and employees only; art. 44(1) says a member of the service
# staff may not decline to give evidence; private staff are not members of the post at all.
@rule("vccr.1-f.service-and-private-staff", article=["art. 1(1)(f)", "art. 1(1)(i)", "art. 43(1)", "art. 44(1)"],
      says="Members of the service staff, and private staff, of a consular post have neither immunity "
           "from jurisdiction nor personal inviolability, and may be compelled to give evidence.",
      when=[c.p << member_of_post(category=("service_staff", "private_servant"), rs_national=NO, rs_resident=NO)])
def _(r):
    name = "member of the service staff of the consular post" if r.p.category == "service_staff" \
        else "member of the private staff of a member of the consular post"
    standing(r, name, jurisdiction="not_covered", inviolability="none", witness="compellable")


# Arts. 41 and 43 protect consular officers (and art. 43 consular employees) only. The family of a
# member of the post has the privileges of arts. 46-52 (registration, taxes, customs...), but
# neither inviolability nor immunity from jurisdiction, and, not being a member of the post, is
# outside art. 44. Whose household, and the family member's own nationality (art. 71(2)),
# change none of that, so neither is needed here.
@rule("vccr.43-1.family", article=["art. 41(1)", "art. 43(1)"],
      says="The family of a member of a consular post have neither personal inviolability (art. 41) "
           "nor immunity from jurisdiction (art. 43): those protect consular officers and employees only.",
      when=[c.p << member_of_post(category="family_member", rs_national=differs(YES), rs_resident=differs(YES))])
def _(r):
    standing(r, "family member of a member of the consular post", jurisdiction="not_covered",
             inviolability="none", witness="not_covered")


# Art. 71(1): a consular officer who is a national or permanent resident of the receiving State
# has immunity and inviolability only for official acts, and the art. 44(3) privilege.
@rule("vccr.71-1.national-officer", article="art. 71(1)",
      says="A consular officer who is a national or permanent resident of the receiving State has "
           "immunity from jurisdiction and personal inviolability only for official acts in the "
           "exercise of his functions.",
      when=[c.p << member_of_post((m.rs_national == YES) | (m.rs_resident == YES), category="consular_officer")])
def _(r):
    standing(r, "consular officer who is a national or permanent resident of the receiving State",
             jurisdiction="official_acts", inviolability="official_acts", witness="official_matters")


# Art. 71(2): other members of the post who are nationals or permanent residents of the
# receiving State have privileges only as far as it grants them.
@rule("vccr.71-2.local-members", article="art. 71(2)",
      says="Other members of the consular post who are nationals or permanent residents of the "
           "receiving State enjoy privileges and immunities only as far as that State grants them.",
      when=[c.p << member_of_post((m.rs_national == YES) | (m.rs_resident == YES),
                                  category=("consular_employee", "administrative_technical", "service_staff",
                                            "private_servant", "family_member"))])
def _(r):
    standing(r, "member of the consular post who is a national or permanent resident of the receiving State",
             jurisdiction="none", inviolability="none", witness="compellable")


@rule("vccr.1.standing-unknown", article=["art. 1(1)", "art. 71"],
      says="What a member of a consular post is entitled to depends on his category and on whether "
           "he is a national or permanent resident of the receiving State.",
      when=[c.p << member_of_post(
          ((m.category == UNKNOWN) | (m.category == "diplomatic_agent")
           | (((m.rs_national == UNKNOWN) & (m.rs_resident != YES)) | ((m.rs_resident == UNKNOWN) & (m.rs_national == NO))))
          & (m.category != "family_member"))])
def _(r):
    standing(r, "member of the consular post of unreported category or residence", jurisdiction=UNKNOWN,
             inviolability=UNKNOWN, witness=UNKNOWN,
             needs=f"{r.p.person_name}'s category at the consular post (VCCR art. 1(1)) and whether he is a "
                   f"national or permanent resident of {r.p.state_name} (art. 71)")


# ---------------------------------------------------------------------------------------
# Art. 31: consular premises, inviolable only in part. Art. 33: consular archives.
# ---------------------------------------------------------------------------------------

@rule("vccr.31-2.premises", article=["art. 31(1)", "art. 31(2)"],
      says="Consular premises are inviolable only to the extent of art. 31: the receiving State's "
           "authorities may not enter the part used exclusively for the post's work without consent.",
      when=[c.mi << fact("mission", kind=CONSULAR_POST)])
def _(r):
    r.conclude("premises_inviolable", mission=r.mi.mission, holds=YES, because=[r.mi],
               reason=f"The part of the premises of {r.mi.mission_name} used exclusively for its work may not be "
                      "entered without the consent of the head of post, his designee or the head of the "
                      "diplomatic mission; consent is assumed in a fire or other disaster requiring prompt "
                      "protective action. Other parts, and any residence, are not inviolable.")


@rule("vccr.31-2.entry-with-consent", article="art. 31(2)",
      says="Entry into the working part of consular premises is lawful with the consent of the head of "
           "post, his designee or the head of the sending State's diplomatic mission.",
      when=[c.en << fact("entry", m.consent_by != "none", area="work_area", date=("past", "uncertain", UNKNOWN)),
            c.mi << fact("mission", mission=c.en.mission, kind=CONSULAR_POST),
            c.po << fact("posting", mission=c.en.mission, person=c.en.consent_by)])
def _(r):
    r.conclude("entry_permitted", mission=r.mi.mission, entry=r.en.entry, holds=YES,
               because=[r.en, r.mi, r.po],
               reason=f"{r.po.person_name} of the post consented to the entry ({r.en.purpose}).")


@rule("vccr.31-2.fire-or-disaster", article="art. 31(2)",
      says="Consent to enter may be assumed in case of fire or other disaster requiring prompt protective action.",
      when=[c.en << fact("entry", area="work_area", consent_by="none", emergency=("fire", "disaster"),
                         date=("past", "uncertain", UNKNOWN)),
            c.mi << fact("mission", mission=c.en.mission, kind=CONSULAR_POST)])
def _(r):
    r.conclude("entry_permitted", mission=r.mi.mission, entry=r.en.entry, holds=YES, because=[r.en, r.mi],
               reason=f"No one consented, but there was a {r.en.emergency} requiring prompt protective action: "
                      "consent is assumed.")


@rule("vccr.31-2.no-consent", article="art. 31(2)",
      says="Without consent, and with no fire or disaster, the receiving State may not enter the part of "
           "consular premises used exclusively for the post's work.",
      when=[c.en << fact("entry", area="work_area", consent_by="none", emergency="none",
                         date=("past", "uncertain", UNKNOWN)),
            c.mi << fact("mission", mission=c.en.mission, kind=CONSULAR_POST)])
def _(r):
    r.conclude("entry_permitted", mission=r.mi.mission, entry=r.en.entry, holds=NO, because=[r.en, r.mi],
               reason=f"No consent and no emergency: entry into the working part of {r.mi.mission_name} "
                      f"({r.en.purpose}) is not permitted.")


@rule("vccr.31.outside-work-area", article="art. 31(2)",
      says="Art. 31(2) protects only the part used exclusively for the post's work; the VCCR gives no "
           "inviolability to other parts or to a consular officer's residence.",
      when=[c.en << fact("entry", area=("other_part", "residence"), date=("past", "uncertain", UNKNOWN)),
            c.mi << fact("mission", mission=c.en.mission, kind=CONSULAR_POST)])
def _(r):
    where = "a residence" if r.en.area == "residence" else "a part not used exclusively for the post's work"
    r.conclude("entry_permitted", mission=r.mi.mission, entry=r.en.entry, holds=YES, because=[r.en, r.mi],
               reason=f"The entry was into {where}, which the VCCR does not make inviolable.")


@rule("vccr.33.archives", article="art. 33",
      says="Consular archives and documents are inviolable at all times and wherever they may be.",
      when=[c.mi << fact("mission", kind=CONSULAR_POST)])
def _(r):
    r.conclude("archives_inviolable", mission=r.mi.mission, holds=YES, because=[r.mi],
               reason=f"The archives and documents of {r.mi.mission_name} (papers, films, tapes and registers "
                      "included) are inviolable at all times and wherever they are.")


# ---------------------------------------------------------------------------------------
# Art. 41: personal inviolability of consular officers.
# ---------------------------------------------------------------------------------------

@rule("vccr.41-1.inviolable", article="art. 41(1)",
      says="A consular officer is not liable to arrest or detention pending trial, except for a grave "
           "crime and on a decision of the competent judicial authority.",
      when=[c.pv << fact("consular_privileges", status="in_force"),
            c.sd << fact("consular_standing", posting=c.pv.posting, inviolability="save_grave_crime")])
def _(r):
    r.conclude("personal_inviolability", person=r.pv.person, state=r.pv.state, holds=YES, about={"posting": r.pv.posting}, because=[r.pv, r.sd],
               reason=f"As a {r.sd.standing}, {r.pv.person_name} may not be arrested or detained in "
                      f"{r.pv.state_name} pending trial, save for a grave crime on a judicial decision "
                      "(\"grave crime\" is not defined by the Convention).")


@rule("vccr.41.not-inviolable", article=["art. 41", "art. 71"],
      says="Consular employees, and officers who are nationals or permanent residents of the receiving "
           "State (save for official acts), have no personal inviolability.",
      when=[c.pv << fact("consular_privileges", status="in_force"),
            c.sd << fact("consular_standing", posting=c.pv.posting, inviolability=("none", "official_acts"))])
def _(r):
    r.conclude("personal_inviolability", person=r.pv.person, state=r.pv.state, holds=NO, about={"posting": r.pv.posting}, because=[r.pv, r.sd],
               reason=f"As a {r.sd.standing}, {r.pv.person_name} has no personal inviolability in {r.pv.state_name}.")


# Art. 1(1) with art. 71: while the member's category, nationality or residence is unknown, so is
# everything that turns on it. Said as "unknown", never left unsaid.
@rule("vccr.1.open-standing-person", article=["art. 1(1)", "art. 71"],
      says="While a member's category at the post, or his nationality or residence, is unknown, so is "
           "what the Convention gives him.",
      when=[c.pv << fact("consular_privileges", status="in_force"),
            c.sd << fact("consular_standing", posting=c.pv.posting, inviolability=UNKNOWN)])
def _(r):
    for question in ("personal_inviolability", "must_give_evidence"):
        r.conclude(question, person=r.pv.person, state=r.pv.state, holds=UNKNOWN, because=[r.pv, r.sd],
                   about={"posting": r.pv.posting}, needs=r.sd.needs,
                   reason=f"{r.pv.person_name} was a member of the consular post, but what that gives him "
                          "depends on facts the case file lacks.")


@rule("vccr.1.open-standing-act", article=["art. 1(1)", "art. 43(1)", "art. 71"],
      says="While a member's standing at the post is unknown, so is whether he is immune for an official "
           "act, unless he is a consular officer (immune for official acts whatever his nationality, "
           "arts. 43(1) and 71(1)); for any other act no member of any standing is immune.",
      when=[c.pv << fact("consular_privileges", status="in_force"),
            c.sd << fact("consular_standing", posting=c.pv.posting, jurisdiction=UNKNOWN),
            c.po << member_of_post(posting=c.pv.posting),
            c.ac << fact("act_at_post", posting=c.pv.posting, done=("past", "uncertain", UNKNOWN))])
def _(r):
    holds, needs = UNKNOWN, r.sd.needs
    reason = (f"Whether {r.pv.person_name} is immune for this act depends on his standing at the consular "
              "post, which the case file does not settle.")
    if r.ac.official == NO:
        holds, needs = NO, None
        reason = (f"Whatever {r.pv.person_name}'s standing at the consular post, no member of a post is immune "
                  f"in {r.pv.state_name} for an act outside consular functions{ELSEWHERE[r.ac.belongs]}.")
    elif r.ac.official == YES and r.po.category == "consular_officer":
        holds, needs = YES, None
        reason = (f"{r.pv.person_name} is a consular officer: immune in {r.pv.state_name} for acts in the "
                  "exercise of consular functions whether or not he is its national or permanent resident "
                  "(arts. 43(1) and 71(1)), and this was one.")
    for question in ("criminal_immunity", "civil_immunity"):
        r.conclude(question, person=r.pv.person, state=r.pv.state, act=r.ac.act, holds=holds,
                   because=[r.pv, r.sd, r.ac], about={"posting": r.pv.posting}, needs=needs, reason=reason)


# ---------------------------------------------------------------------------------------
# Art. 43: immunity from jurisdiction, for acts in the exercise of consular functions only.
# ---------------------------------------------------------------------------------------

@rule("vccr.43-1.functional", article="art. 43(1)",
      says="Consular officers and employees are immune from the receiving State's judicial and "
           "administrative jurisdiction only for acts performed in the exercise of consular functions.",
      when=[c.pv << fact("consular_privileges", status="in_force"),
            c.sd << fact("consular_standing", posting=c.pv.posting, jurisdiction="official_acts"),
            c.ac << fact("act_at_post", posting=c.pv.posting, done=("past", "uncertain", UNKNOWN))])
def _(r):
    official = r.ac.official
    reason = {
        YES: f"{r.pv.person_name} is a {r.sd.standing}: immune in {r.pv.state_name} for acts in the exercise of "
             "consular functions, and this was one.",
        NO: f"{r.pv.person_name} is a {r.sd.standing}: immune in {r.pv.state_name} only for acts in the exercise "
            f"of consular functions, and this was not one{ELSEWHERE[r.ac.belongs]}.",
        UNKNOWN: f"{r.pv.person_name} is a {r.sd.standing}: immune in {r.pv.state_name} only for official acts, "
                 "and the case file does not say whether this was one.",
    }[official]
    needs = "whether the act was performed in the exercise of consular functions" if official == UNKNOWN else None
    for question in ("criminal_immunity", "civil_immunity"):
        r.conclude(question, person=r.pv.person, state=r.pv.state, act=r.ac.act, holds=official,
                   because=[r.pv, r.sd, r.ac], about={"posting": r.pv.posting}, reason=reason, needs=needs)


@rule("vccr.43-1.not-covered", article="art. 43(1)",
      says="Art. 43(1) gives immunity from jurisdiction to consular officers and employees only: family "
           "members, service staff and private staff have none, whatever the act.",
      when=[c.pv << fact("consular_privileges", status="in_force"),
            c.sd << fact("consular_standing", posting=c.pv.posting, jurisdiction="not_covered"),
            c.ac << fact("act", person=c.pv.person, done=("past", "uncertain", UNKNOWN))])
def _(r):
    for question in ("criminal_immunity", "civil_immunity"):
        r.conclude(question, person=r.pv.person, state=r.pv.state, act=r.ac.act, holds=NO,
                   because=[r.pv, r.sd, r.ac], about={"posting": r.pv.posting},
                   reason=f"As a {r.sd.standing}, {r.pv.person_name} is not a consular officer or employee: "
                          f"the Convention gives him no immunity from {r.pv.state_name}'s jurisdiction.")


@rule("vccr.71-2.no-immunity", article="art. 71(2)",
      says="Members of the post the Convention gives nothing to are subject to the receiving State's jurisdiction.",
      when=[c.pv << fact("consular_privileges", status="in_force"),
            c.sd << fact("consular_standing", posting=c.pv.posting, jurisdiction="none"),
            c.ac << fact("act", person=c.pv.person, done=("past", "uncertain", UNKNOWN))])
def _(r):
    for question in ("criminal_immunity", "civil_immunity"):
        r.conclude(question, person=r.pv.person, state=r.pv.state, act=r.ac.act, holds=NO,
                   because=[r.pv, r.sd, r.ac], about={"posting": r.pv.posting},
                   reason=f"As a {r.sd.standing}, {r.pv.person_name} has no immunity in {r.pv.state_name} "
                          "save as that State grants.")


# ---------------------------------------------------------------------------------------
# Art. 44: liability to give evidence.
# ---------------------------------------------------------------------------------------

@rule("vccr.44-1.officer-may-decline", article="art. 44(1)",
      says="A consular officer may be called as a witness, but if he declines no coercive measure or "
           "penalty may be applied to him.",
      when=[c.pv << fact("consular_privileges", status="in_force"),
            c.sd << fact("consular_standing", posting=c.pv.posting, witness="may_decline")])
def _(r):
    r.conclude("must_give_evidence", person=r.pv.person, state=r.pv.state, holds=NO, because=[r.pv, r.sd],
               reason=f"{r.pv.person_name} may be called as a witness in {r.pv.state_name} but cannot be "
                      "compelled: no coercive measure or penalty if he declines.")


@rule("vccr.44-3.official-matters", article=["art. 44(1)", "art. 44(3)"],
      says="Other members of the post may not decline to give evidence, save on matters connected "
           "with their functions.",
      when=[c.pv << fact("consular_privileges", status="in_force"),
            c.sd << fact("consular_standing", posting=c.pv.posting, witness=("official_matters", "compellable"))])
def _(r):
    save = " save on matters connected with his functions" if r.sd.witness == "official_matters" else ""
    r.conclude("must_give_evidence", person=r.pv.person, state=r.pv.state, holds=YES, because=[r.pv, r.sd],
               reason=f"As a {r.sd.standing}, {r.pv.person_name} may be compelled to give evidence in "
                      f"{r.pv.state_name}{save}.")


@rule("vccr.44-1.family", article="art. 44(1)",
      says="Art. 44 concerns members of the consular post: the family of a member has no exemption "
           "from giving evidence under the Convention.",
      when=[c.pv << fact("consular_privileges", status="in_force"),
            c.sd << fact("consular_standing", posting=c.pv.posting, witness="not_covered")])
def _(r):
    r.conclude("must_give_evidence", person=r.pv.person, state=r.pv.state, holds=YES, because=[r.pv, r.sd],
               reason=f"As a {r.sd.standing}, {r.pv.person_name} is not himself a member of the post: the "
                      f"Convention gives him no exemption from giving evidence in {r.pv.state_name}.")


# ---------------------------------------------------------------------------------------
# Art. 45: waiver: by the sending State, express, and communicated in writing.
# ---------------------------------------------------------------------------------------

# A request that asks only for consent to enter the consular premises (art. 31(2)) asks for no
# waiver (rules/common.py): these rules give no answer on it.
WAIVER = dict(kind="waiver", mission_kind=CONSULAR_POST, made=("past", "uncertain"))


def waiver_request(*also, **fields):
    """A request for a waiver of some immunity, made by the day, about members of a consular post."""
    return fact("request", asks_a_waiver(), *also, **WAIVER, **fields)


@rule("vccr.45-2.waiver", article=["art. 45(1)", "art. 45(2)"],
      says="The sending State may waive; the waiver must be express and communicated to the receiving "
           "State in writing.",
      when=[c.rq << waiver_request(answer="granted", by=m.sending_state, express=YES, in_writing=YES)])
def _(r):
    r.conclude("waiver_effective", request=r.rq.request, holds=YES, because=[r.rq],
               reason=f"{r.rq.by_name}, the sending State, waived expressly and in writing ({r.rq.answer_label}).")


@rule("vccr.45-2.not-in-writing", article="art. 45(2)",
      says="A consular waiver not communicated in writing, or not express, is no waiver.",
      when=[c.rq << waiver_request((m.in_writing == NO) | (m.express == NO), answer="granted",
                                   by=m.sending_state)])
def _(r):
    missing = "in writing" if r.rq.in_writing == NO else "express"
    r.conclude("waiver_effective", request=r.rq.request, holds=NO, because=[r.rq],
               reason=f"The sending State's waiver was not {missing}; VCCR art. 45(2) requires an express "
                      "waiver communicated in writing.")


@rule("vccr.45-2.form-unknown", article="art. 45(2)",
      says="Whether a consular waiver is valid turns on whether it was express and in writing.",
      when=[c.rq << waiver_request(((m.in_writing == UNKNOWN) & (m.express != NO))
                                   | ((m.express == UNKNOWN) & (m.in_writing != NO)),
                                   answer="granted", by=m.sending_state)])
def _(r):
    r.conclude("waiver_effective", request=r.rq.request, holds=UNKNOWN, because=[r.rq],
               needs="whether the sending State's waiver was express and communicated in writing (VCCR art. 45(2))",
               reason="The sending State granted the request; the case file does not say it did so expressly in writing.")


@rule("vccr.45-1.only-sending-state", article="art. 45(1)",
      says="Only the sending State may waive a consular immunity.",
      when=[c.rq << waiver_request(m.by != m.sending_state, answer="granted")])
def _(r):
    r.conclude("waiver_effective", request=r.rq.request, holds=NO, because=[r.rq],
               reason=f"The waiver came from {r.rq.by_name}, not from the sending State: no waiver.")


@rule("vccr.45-1.refused", article="art. 45(1)",
      says="A request declined or unanswered is no waiver.",
      when=[c.rq << waiver_request(answer=("declined", "pending"))])
def _(r):
    r.conclude("waiver_effective", request=r.rq.request, holds=NO, because=[r.rq],
               reason=f"The request ({r.rq.purpose}) was {r.rq.answer}: no waiver.")


# ---------------------------------------------------------------------------------------
# Art. 53: beginning and end of consular privileges; residual immunity without time limit.
# ---------------------------------------------------------------------------------------

def privileges(r, status, *, deciding=None, needs=None):
    r.lifecycle("consular_privileges", status, deciding=deciding, needs=needs)


STILL_IN_POST = (m.arrived == "past") | (m.in_post == YES) | ((m.in_post == "after") & (m.end_reported == YES))


@rule("vccr.53-1.in-force", article="art. 53(1)",
      says="Consular privileges run from entry into the receiving State to take up the post.",
      when=[c.p << member_of_post(STILL_IN_POST, functions_ended=NOT_YET, departed=NOT_YET)])
def _(r):
    privileges(r, "in_force", deciding="arrived")


@rule("vccr.53.membership-unknown", article=["art. 53(1)", "art. 53(3)"],
      says="Consular privileges last as long as membership of the post; when the reports stop placing the "
           "person in post and report no end, whether they still run is unknown.",
      when=[c.p << member_of_post(m.arrived != "past", in_post="after", end_reported=NO)])
def _(r):
    privileges(r, "unknown",
               needs=f"whether {r.p.person_name} was still a member of the consular post on this day "
                     f"(the reports place him there in {r.p.in_post_label})")


@rule("vccr.53-1.not-begun", article="art. 53(1)",
      says="Before entry to take up the post, consular privileges have not begun.",
      when=[c.p << member_of_post(in_post="no", arrived="future")])
def _(r):
    privileges(r, "not_begun", deciding="arrived")


@rule("vccr.53-1.start-open", article="art. 53(1)",
      says="Privileges begin on entry; an entry date not reported, or a day inside its window, leaves "
           "the start open.",
      when=[c.p << member_of_post(in_post="no", arrived=("uncertain", UNKNOWN), functions_ended=NOT_YET,
                                  departed=NOT_YET)])
def _(r):
    if r.p.arrived == "uncertain":
        privileges(r, "uncertain", deciding="arrived",
                   needs=f"the exact date {r.p.person_name} took up the post, within {r.p.arrived_label}")
    else:
        privileges(r, "unknown", needs=f"when {r.p.person_name} took up the post in {r.p.state_name} (VCCR art. 53(1))")


@rule("vccr.53-1.before-start", article="art. 53(1)",
      says="Before consular privileges begin, the Convention gives no protection.",
      when=[c.pv << fact("consular_privileges", status="not_begun")])
def _(r):
    reason = f"{r.pv.person_name} had not yet entered {r.pv.state_name} to take up the post ({r.pv.label})."
    r.conclude("personal_inviolability", person=r.pv.person, state=r.pv.state, holds=NO,
               about={"posting": r.pv.posting}, because=[r.pv], reason=reason)
    r.conclude("must_give_evidence", person=r.pv.person, state=r.pv.state, holds=YES,
               about={"posting": r.pv.posting}, because=[r.pv],
               reason=reason + " The Convention gives him no exemption from giving evidence yet.")


@rule("vccr.53-1.before-start-act", article="art. 53(1)",
      says="Before consular privileges begin, there is no immunity from the receiving State's jurisdiction.",
      when=[c.pv << fact("consular_privileges", status="not_begun"),
            c.ac << fact("act", person=c.pv.person, done=("past", "uncertain", UNKNOWN))])
def _(r):
    for question in ("criminal_immunity", "civil_immunity"):
        r.conclude(question, person=r.pv.person, state=r.pv.state, act=r.ac.act, holds=NO,
                   because=[r.pv, r.ac], about={"posting": r.pv.posting},
                   reason=f"{r.pv.person_name} had not yet entered {r.pv.state_name} to take up the post "
                          f"({r.pv.label}): on this day no consular immunity had begun.")


# Art. 53(3): when functions end, privileges cease on leaving the receiving State or on expiry
# of a reasonable period to do so, "whichever is the sooner". Until the person leaves, whether
# that period has run out is a question the case file cannot settle.
@rule("vccr.53-3.ceased", article="art. 53(3)",
      says="When functions end, consular privileges cease on departure or on expiry of a reasonable "
           "period to leave, whichever is the sooner.",
      when=[c.p << member_of_post(departed="past")])
def _(r):
    privileges(r, "ceased", deciding="departed")


@rule("vccr.53-3.reasonable-period", article="art. 53(3)",
      says="After functions end and before departure, privileges last only for a reasonable period to leave.",
      when=[c.p << member_of_post(functions_ended="past", departed=("future", UNKNOWN), leave_period_ended=UNKNOWN)])
def _(r):
    privileges(r, "unknown", deciding="functions_ended",
               needs=f"when {r.p.person_name} left {r.p.state_name}, or whether a reasonable period to leave "
                     f"after his functions ended ({r.p.functions_ended_label}) had expired (VCCR art. 53(3))")


@rule("vccr.53-3.period-to-leave", article="art. 53(3)",
      says="When functions have ended and the person has not left, consular privileges subsist until the "
           "reasonable period to leave that the case file records expires, whichever is the sooner.",
      when=[c.p << member_of_post(functions_ended="past", departed=("future", UNKNOWN),
                                  leave_period_ended=("past", "future", "uncertain"))])
def _(r):
    status = {"past": "ceased", "future": "in_force", "uncertain": "uncertain"}[r.p.leave_period_ended]
    privileges(r, status, deciding="leave_period_ended",
               needs=f"the exact date the reasonable period for {r.p.person_name} to leave {r.p.state_name} "
                     f"expired, within {r.p.leave_period_ended_label}" if status == "uncertain" else None)


@rule("vccr.53-3.end-window", article="art. 53(3)",
      says="Inside the reported window of the end of functions or of departure, whether privileges still "
           "run is uncertain.",
      when=[c.p << member_of_post((m.departed == "uncertain")
                                  | ((m.functions_ended == "uncertain") & (m.departed != "past")))])
def _(r):
    deciding = "departed" if r.p.departed == "uncertain" else "functions_ended"
    event = "left" if deciding == "departed" else "ended his consular functions in"
    privileges(r, "uncertain", deciding=deciding,
               needs=f"the exact date {r.p.person_name} {event} {r.p.state_name}, within "
                     f"{r.p._d.get(deciding + '_label')}")


# Art. 53(4): for acts in the exercise of functions, immunity from jurisdiction continues
# without limitation of time.
@rule("vccr.53-4.residual", article="art. 53(4)",
      says="For acts performed by a consular officer or employee in the exercise of his functions, "
           "immunity from jurisdiction continues without limitation of time.",
      when=[c.p << member_of_post(category=("consular_officer", "consular_employee", "administrative_technical",
                                            "diplomatic_agent", UNKNOWN)),
            c.ac << fact("act_at_post", posting=c.p.posting, done=("past", "uncertain", UNKNOWN))])
def _(r):
    official = r.ac.official
    if r.p.category != "consular_officer" and YES in (r.p.rs_national, r.p.rs_resident):
        r.conclude("residual_immunity", person=r.p.person, state=r.p.state, act=r.ac.act, holds=NO,
                   because=[r.p, r.ac],
                   reason=f"As a national or permanent resident of {r.p.state_name}, {r.p.person_name} had no "
                          "immunity from its jurisdiction (art. 71(2)): none survives.")
        return
    # only officers and employees keep it (art. 53(4)); a diplomatic rank says not which a member of a post is
    if r.p.category in (UNKNOWN, "diplomatic_agent") and official != NO:
        r.conclude("residual_immunity", person=r.p.person, state=r.p.state, act=r.ac.act, holds=UNKNOWN,
                   because=[r.p, r.ac],
                   needs=f"{r.p.person_name}'s category at the consular post (VCCR art. 1(1)): art. 53(4) keeps "
                         "immunity for official acts of consular officers and employees only",
                   reason="Whether immunity for the act survives depends on whether he was a consular officer or "
                          "employee, which the case file does not say.")
        return
    reason = {
        YES: "The act was performed in the exercise of consular functions: immunity for it continues without limitation of time.",
        NO: f"The act was not performed in the exercise of consular functions{ELSEWHERE[r.ac.belongs]}: no immunity "
            "for it survives the end of those functions.",
        UNKNOWN: "Whether immunity for the act survives depends on whether it was performed in the exercise of consular functions.",
    }[official]
    r.conclude("residual_immunity", person=r.p.person, state=r.p.state, act=r.ac.act, holds=official,
               because=[r.p, r.ac], reason=reason,
               needs="whether the act was performed in the exercise of consular functions (VCCR art. 53(4))"
               if official == UNKNOWN else None)


@rule("vccr.53-4.nothing-to-survive", article=["art. 43(1)", "art. 53(4)"],
      says="Service staff, private staff and family had no immunity from jurisdiction under art. 43(1): "
           "none survives the end of functions.",
      when=[c.p << member_of_post(category=("service_staff", "private_servant", "family_member")),
            c.ac << fact("act_at_post", posting=c.p.posting, done=("past", "uncertain", UNKNOWN))])
def _(r):
    r.conclude("residual_immunity", person=r.p.person, state=r.p.state, act=r.ac.act, holds=NO,
               because=[r.p, r.ac],
               reason=f"{r.p.person_name} was not a consular officer or employee and had no immunity from "
                      f"{r.p.state_name}'s jurisdiction (art. 43(1)): none survives.")


@rule("vccr.53-4.after-end", article=["art. 53(3)", "art. 53(4)"],
      says="Once consular privileges have ceased, immunity remains only for acts in the exercise of functions.",
      when=[c.pv << fact("consular_privileges", status="ceased"),
            c.ri << fact("conclusion", question="residual_immunity", person=c.pv.person, state=c.pv.state)])
def _(r):
    for question in ("criminal_immunity", "civil_immunity"):
        r.conclude(question, person=r.pv.person, state=r.pv.state, act=r.ri.act, holds=r.ri.holds,
                   because=[r.pv, r.ri], about={"posting": r.pv.posting}, needs=r.ri.needs,
                   reason=f"{how_privileges_ended(r.pv, start=True)}; his consular privileges ceased. "
                          + r.ri.reason)


@rule("vccr.53-3.person-after", article="art. 53(3)",
      says="Once consular privileges have ceased, the former member is no longer inviolable nor exempt "
           "from giving evidence (official acts aside).",
      when=[c.pv << fact("consular_privileges", status="ceased")])
def _(r):
    r.conclude("personal_inviolability", person=r.pv.person, state=r.pv.state, holds=NO, about={"posting": r.pv.posting}, because=[r.pv],
               reason=f"{r.pv.person_name}'s consular inviolability in {r.pv.state_name} ended with his privileges: "
                      f"{how_privileges_ended(r.pv)}.")
    r.conclude("must_give_evidence", person=r.pv.person, state=r.pv.state, holds=YES, about={"posting": r.pv.posting},
               because=[r.pv],
               reason=f"{r.pv.person_name}'s exemption from giving evidence in {r.pv.state_name} ceased with his "
                      "privileges, save as to matters connected with his former functions.")


@rule("vccr.53.open", article="art. 53",
      says="While it is uncertain or unknown whether consular privileges run, so is every protection "
           "that depends on them.",
      when=[c.pv << fact("consular_privileges", status=("uncertain", UNKNOWN))])
def _(r):
    for question in ("personal_inviolability", "must_give_evidence"):
        r.conclude(question, person=r.pv.person, state=r.pv.state, holds=UNKNOWN, because=[r.pv],
                   window=r.pv.window or None, needs=r.pv.needs,
                   reason=f"It is not settled whether {r.pv.person_name}'s consular privileges in "
                          f"{r.pv.state_name} were in force on this day.")


@rule("vccr.53.official-act-either-way", article=["art. 43(1)", "art. 53(4)"], overrides=["vccr.53.open-act"],
      says="An act in the exercise of consular functions is immune whether or not privileges still run: under "
           "art. 43(1) while they do, under art. 53(4) after.",
      when=[c.pv << fact("consular_privileges", status=("uncertain", UNKNOWN)),
            c.sd << fact("consular_standing", posting=c.pv.posting, jurisdiction="official_acts"),
            c.ac << fact("act_at_post", posting=c.pv.posting, official=YES, done=("past", "uncertain", UNKNOWN))])
def _(r):
    for question in ("criminal_immunity", "civil_immunity"):
        r.conclude(question, person=r.pv.person, state=r.pv.state, act=r.ac.act, holds=YES,
                   because=[r.pv, r.sd, r.ac], about={"posting": r.pv.posting},
                   reason=f"Whether or not {r.pv.person_name}'s consular privileges still ran on this day, the act "
                          "was performed in the exercise of consular functions, so it is immune either way.")


@rule("vccr.53.open-act", article="art. 53",
      says="While it is uncertain or unknown whether consular privileges run, immunity for an act is "
           "settled only if the act was not official (art. 43 covers official acts alone).",
      when=[c.pv << fact("consular_privileges", status=("uncertain", UNKNOWN)),
            c.ac << fact("act_at_post", posting=c.pv.posting, done=("past", "uncertain", UNKNOWN))])
def _(r):
    # Functional immunity does not depend on the dates for a non-official act: there is none
    # whether or not the post is still held; the dates matter only for official acts.
    if r.ac.official == NO:
        holds, needs, window = NO, None, None
        reason = (f"Whether or not {r.pv.person_name}'s consular privileges still ran, they never covered an act "
                  "outside consular functions.")
    else:
        holds, needs, window = UNKNOWN, r.pv.needs, r.pv.window or None
        reason = f"It is not settled whether {r.pv.person_name}'s consular privileges were in force on this day."
    for question in ("criminal_immunity", "civil_immunity"):
        r.conclude(question, person=r.pv.person, state=r.pv.state, act=r.ac.act, holds=holds,
                   because=[r.pv, r.ac], about={"posting": r.pv.posting}, needs=needs, window=window,
                   reason=reason)


# Art. 25(a): the functions of a member of a consular post end on notification by the sending
# State that they have come to an end; the sending State may so recall him at any time.
@rule("vccr.25-a.recall", article="art. 25(a)",
      says="The sending State may end a consular member's functions by notifying the receiving State.",
      when=[c.pv << fact("consular_privileges", status="in_force"),
            c.po << fact("posting", posting=c.pv.posting)])
def _(r):
    r.conclude("available_action", state=r.po.sending_state, action=f"recall {r.pv.person}", holds=YES,
               because=[r.pv, r.po],
               reason=f"{r.po.sending_state_name} may recall {r.pv.person_name} from {r.po.mission_name}; his "
                      "functions end when it notifies the receiving State.")


# ---------------------------------------------------------------------------------------
# Whether the receiving State may try the act, or arrest the member, under the VCCR.
# ---------------------------------------------------------------------------------------

@rule("vccr.43.bars-trial", article="art. 43(1)",
      says="An act covered by consular immunity may not be tried in the receiving State, unless the "
           "sending State waives.",
      when=[c.ci << fact("conclusion", question="criminal_immunity", holds=YES),
            c.po << member_of_post(posting=c.ci.posting)])
def _(r):
    r.conclude("prosecutable", person=r.ci.person, state=r.ci.state, act=r.ci.act, holds=NO, because=[r.ci, r.po],
               reason="Consular immunity covers the act, so it may not be tried, unless the sending State waives.")


@rule("vccr.43.no-bar", article=["art. 43(1)", "art. 41(3)"],
      says="Consular immunity never covered an act outside consular functions: it may be tried (the "
           "officer must appear, art. 41(3)).",
      when=[c.ci << fact("conclusion", question="criminal_immunity", holds=NO),
            c.po << member_of_post(posting=c.ci.posting)])
def _(r):
    r.conclude("prosecutable", person=r.ci.person, state=r.ci.state, act=r.ci.act, holds=YES, because=[r.ci, r.po],
               reason=f"No consular immunity covers the act, so the Convention does not bar a trial in "
                      f"{r.po.state_name}, if its courts have jurisdiction over the act; a consular officer must "
                      "appear, and the proceedings should hamper his functions as little as possible.")


@rule("vccr.43.trial-open", article="art. 43(1)",
      says="Where consular immunity for the act is open, so is whether it may be tried.",
      when=[c.ci << fact("conclusion", question="criminal_immunity", holds=UNKNOWN),
            c.po << member_of_post(posting=c.ci.posting)])
def _(r):
    r.conclude("prosecutable", person=r.ci.person, state=r.ci.state, act=r.ci.act, holds=UNKNOWN,
               because=[r.ci, r.po], window=r.ci.window, needs=r.ci.needs,
               reason="Whether the act may be tried turns on the immunity question left open above.")


# Art. 45(1)-(2): a valid waiver of criminal jurisdiction lifts the bar on trial of the acts it
# reaches: those the request names, or, if it names the person and no act, every act of his done
# by the time it was asked for (rules/common.py). While its validity is open, so is the trial.
def _waiver_opens_trial(naming: str) -> None:
    reaches = {"act": "each act the request names",
               "person": "every act of the person it names, done by the time it was asked for, when it "
                         "names no particular act"}[naming]

    @rule(f"vccr.45.waived-for-{naming}", article=["art. 45(1)", "art. 45(2)"], overrides=["vccr.43.bars-trial"],
          says=f"A valid consular waiver of criminal jurisdiction lifts the immunity's bar on trial of {reaches}.",
          when=[c.ci << fact("conclusion", question="criminal_immunity", holds=YES),
                c.po << member_of_post(posting=c.ci.posting),
                *waiver_reaching("ci", "criminal_jurisdiction", (YES, UNKNOWN), naming)])
    def _(r):
        how, holds, needs, window = outcome(r, naming)
        reason = {
            "waived": "The sending State waived immunity from criminal jurisdiction expressly and in writing, so "
                      f"the act may be tried; the waiver is {reach(naming)}.",
            "open": "Consular immunity bars a trial unless the sending State validly waived it, and whether it "
                    f"did is open; the waiver asked for would be {reach(naming)}.",
            "later": "Consular immunity bars any trial of the act. ",
            "undated": "Consular immunity bars a trial unless a waiver reaches the act, and whether the waiver "
                       "asked for reaches it turns on when the act was done.",
        }[how] + (later(r) if how == "later" else "")
        r.conclude("prosecutable", person=r.ci.person, state=r.ci.state, act=r.ci.act, holds=holds,
                   because=[r.ci, r.we], reason=reason, needs=needs, window=window,
                   about={"request": r.rq.request})


for _naming in NAMING:
    _waiver_opens_trial(_naming)


# Art. 41(1), with arts. 43(1) and 53(4): a warrant is executed only for an act the receiving
# State's courts may try (not one consular immunity still covers, during the post or, for an
# official act, after it, unless the sending State validly waives), and only in its territory:
# while the reports place him elsewhere, there is no arrest to make.
@rule("vccr.41-1.arrest-if-found", article="art. 41(1)",
      says="A consular officer may be arrested pending trial only for a grave crime and on a decision of "
           "the competent judicial authority; others without inviolability may be arrested under a warrant; "
           "never for an act immunity bars the courts from trying, nor while he is known to be elsewhere.",
      when=[c.pi << fact("conclusion", question="personal_inviolability", holds=(YES, NO)),
            c.po << member_of_post(posting=c.pi.posting),
            c.pr << fact("accusation", kind="arrest_warrant", person=c.pi.person, state=c.pi.state, date="past"),
            c.tp << fact("conclusion", question="prosecutable", person=c.pi.person, state=c.pi.state,
                         act=c.pr.act),
            c.pt << fact("conclusion", question="present_in_territory", person=c.pi.person, state=c.pi.state)])
def _(r):
    action = f"arrest {r.pi.person} if he is found there"
    because = [r.pi, r.po, r.pr]
    if r.tp.holds in (NO, UNKNOWN):
        barred = r.tp.holds == NO
        r.conclude("available_action", state=r.pi.state, action=action, holds=NO if barred else UNKNOWN,
                   because=because + [r.tp], needs=None if barred else r.tp.needs,
                   window=None if barred else r.tp.window,
                   reason=f"A warrant exists, but for an act {r.po.state_name}'s courts may not try: consular "
                          "immunity for it bars any exercise of criminal jurisdiction, arrest included, unless the "
                          "sending State validly waives it." if barred else
                          "Whether the warrant may be executed turns on whether the act may be tried, which is open.")
        return
    because += [r.tp, r.pt]  # the trial is open; where he is decides the rest
    if r.pt.holds == NO:
        r.conclude("available_action", state=r.pi.state, action=action, holds=NO, because=because,
                   reason=f"A warrant exists, but he is not in {r.po.state_name}: {r.pt.reason} A warrant is executed "
                          "only in the territory of the State that issued it; to bring him before its courts, it must "
                          "ask the State where he is to extradite him.")
        return
    if r.pi.holds == NO:
        here = f" He is in {r.po.state_name}." if r.pt.holds == YES else ""
        r.conclude("available_action", state=r.pi.state, action=action, holds=YES, because=because,
                   reason="A warrant exists and he has no consular inviolability: he may be arrested." + here)
        return
    r.conclude("available_action", state=r.pi.state, action=action, holds=UNKNOWN, because=because,
               needs="whether the offence is a grave crime and the warrant a decision of the competent judicial "
                     "authority (VCCR art. 41(1); the Convention does not define a grave crime)",
               reason="A consular officer may be arrested pending trial only for a grave crime on a judicial decision.")
