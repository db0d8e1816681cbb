"""What the receiving and the sending State can lawfully do next, under the VCDR.

These are VCDR rules, registered with the VCDR instrument and citing its articles; they live
apart from rules/vcdr.py because they answer a different question: not "what protects him?"
but "what may each State do?" (`available_action`, subject: the State and the action).
Actions under other instruments sit with their instrument: extradition (rules/extradition.py,
rules/nz_extradition_act.py), mutual assistance (rules/mutual_assistance.py), prosecution at
home (rules/korean_criminal_act.py).
"""

from engine.rulebook import NO, UNKNOWN, YES, c, fact, m
from rules.vcdr import VCDR

rule = VCDR.rule


# Art. 32(1): only the sending State can waive, so the receiving State's remedy is to ask. It is
# worth asking only while there is an immunity to waive.
@rule("vcdr.32-1.waiver-available", article="art. 32(1)",
      says="While a member of the mission is immune for an act, the receiving State may ask the sending "
           "State to waive that immunity, and the sending State may waive it.",
      when=[c.ci << fact("conclusion", question="criminal_immunity", rule=("vcdr.31-1.criminal",
                                                                            "vcdr.39-2.functions-ended",
                                                                            "vcdr.38-1.official-acts-only",
                                                                            "vcdr.39.open-act")),
            c.po << fact("posting", posting=c.ci.posting)])
def _(r):
    holds = r.ci.holds
    if holds == YES:
        reason = ("He is immune for the act, so the receiving State may ask the sending State to waive the "
                  "immunity, expressly (art. 32(2)); only the sending State can.")
    elif holds == NO:
        reason = "He has no immunity left for the act, so there is nothing to waive."
    else:
        reason = "Whether there is an immunity to waive is itself open."
    for state, action in ((r.ci.state, f"request waiver of {r.ci.person}'s immunity"),
                          (r.po.sending_state, f"waive {r.ci.person}'s immunity")):
        r.conclude("available_action", state=state, action=action, act=r.ci.act, holds=holds,
                   because=[r.ci, r.po], reason=reason, needs=r.ci.needs, window=r.ci.window)


# Art. 9(1): the receiving State may at any time, without giving reasons, declare a member of
# the diplomatic staff persona non grata; the sending State must then recall him or end his
# functions. If it does not, the receiving State may refuse to recognise him (art. 9(2)), which
# ends his functions (art. 43(b)). Immunity still lasts until he leaves (art. 39(2)).
@rule("vcdr.9-1.persona-non-grata", article=["art. 9(1)", "art. 9(2)", "art. 43(b)"],
      says="The receiving State may at any time declare a member of the mission persona non grata; "
           "the sending State must then recall him or end his functions. (Offered here for members "
           "the case accuses of an act.)",
      # family members and private servants are not members of the mission's staff (art. 1(b)-(h))
      when=[c.pv << fact("privileges", status=("in_force", "not_begun", "ceased", "uncertain", UNKNOWN)),
            c.po << fact("posting", (m.category != "family_member") & (m.category != "private_servant"),
                         posting=c.pv.posting),
            c.ac << fact("act", person=c.pv.person)])
def _(r):
    status = r.pv.status
    holds = {"in_force": YES, "not_begun": YES, "ceased": NO}.get(status, UNKNOWN)
    if holds == YES:
        reason = (f"{r.pv.state_name} may declare {r.pv.person_name} persona non grata, without reasons; "
                  f"{r.po.sending_state_name} must then recall him or end his functions, and his immunity lasts "
                  "until he leaves or a reasonable period to do so expires (art. 39(2)).")
    elif holds == NO:
        reason = f"{r.pv.person_name} is no longer a member of the mission: there is no one to declare persona non grata."
    else:
        reason = f"Whether {r.pv.person_name} was still a member of the mission on this day is open."
    r.conclude("available_action", state=r.pv.state, action=f"declare {r.pv.person} persona non grata",
               holds=holds, because=[r.pv, r.po, r.ac], reason=reason,
               needs=(r.pv.needs or None) if holds == UNKNOWN else None,
               window=(r.pv.window or None) if holds == UNKNOWN else None)


# Art. 31(4) (with art. 41): the sending State's jurisdiction remains, so the receiving State may
# ask it to prosecute.
@rule("vcdr.31-4.ask-to-prosecute", article=["art. 31(4)", "art. 41(1)"],
      says="Since immunity never exempts a diplomat from the sending State's jurisdiction, the receiving "
           "State may ask the sending State to prosecute him.",
      when=[c.sj << fact("conclusion", question="sending_state_jurisdiction", holds=YES,
                         rule="vcdr.31-4.sending-state"),
            c.po << fact("posting", person=c.sj.person, mission_kind="embassy", sending_state=c.sj.state)])
def _(r):
    r.conclude("available_action", state=r.po.state, action=f"ask {r.sj.state} to prosecute {r.sj.person}",
               act=r.sj.act, holds=YES, because=[r.sj, r.po],
               reason=f"{r.po.state_name} may ask {r.po.sending_state_name} to prosecute him there, where his "
                      "immunity never applied.")


# Art. 31(4), later events: once the sending State has itself brought proceedings against him for
# the act (a charge or an indictment), asking it to prosecute is moot. The answer says so.
@rule("vcdr.31-4.already-prosecuting", article="art. 31(4)", overrides=["vcdr.31-4.ask-to-prosecute"],
      says="Once the sending State has charged or indicted him for the act, a request that it prosecute "
           "him is moot: it already does.",
      when=[c.sj << fact("conclusion", question="sending_state_jurisdiction", holds=YES,
                         rule="vcdr.31-4.sending-state"),
            c.po << fact("posting", person=c.sj.person, mission_kind="embassy", sending_state=c.sj.state),
            c.ac << fact("accusation", person=c.sj.person, state=c.sj.state, act=c.sj.act, date="past",
                         kind=("charge", "indictment"))])
def _(r):
    r.conclude("available_action", state=r.po.state, action=f"ask {r.sj.state} to prosecute {r.sj.person}",
               act=r.sj.act, holds=YES, because=[r.sj, r.po, r.ac],
               reason=f"{r.po.state_name} may ask {r.po.sending_state_name} to prosecute him, but that is moot: "
                      f"{r.po.sending_state_name} has already brought proceedings against him for the act "
                      f"({r.ac.kind}, {r.ac.date_label}).")


# Art. 22(1): entry to the embassy needs the head of mission's consent: asking for it, and
# giving it, are always open.
@rule("vcdr.22-1.consent-available", article="art. 22(1)",
      says="The receiving State may ask the head of the mission to consent to entry; the sending State "
           "(through him) may consent.",
      when=[c.mi << fact("mission", kind="embassy")])
def _(r):
    r.conclude("available_action", state=r.mi.receiving_state,
               action=f"ask consent to enter {r.mi.mission}", holds=YES, because=[r.mi],
               reason=f"Police inquiries inside {r.mi.mission_name} need the head of mission's consent; the "
                      "receiving State may ask for it.")
    r.conclude("available_action", state=r.mi.sending_state,
               action=f"consent to entry into {r.mi.mission}", holds=YES, because=[r.mi],
               reason=f"The head of {r.mi.mission_name} may consent to entry, e.g. for police inquiries; nothing "
                      "obliges him to.")


# Arts. 29 and 39(2), with art. 31(1): once the person is no longer inviolable in the receiving
# State, a warrant for his arrest may be executed if he is found there, but only for an act its
# courts may try. A warrant for an act his immunity still covers (residual immunity for an
# official act, art. 39(2)) may not be executed unless the sending State validly waives (art. 32).
# A State executes its warrants only in its own territory: while the reports place him
# elsewhere, there is no arrest to make, and extradition is the way (rules/extradition.py).
@rule("vcdr.29.arrest-if-found", article=["art. 29", "art. 39(2)"],
      says="A former diplomat whose inviolability has ended may be arrested under a warrant if he is "
           "found in the receiving State, for an act its courts may try; not while immunity bars the "
           "trial, nor while he is known to be elsewhere.",
      when=[c.pi << fact("conclusion", question="personal_inviolability", holds=(YES, NO)),
            c.po << fact("posting", posting=c.pi.posting, mission_kind="embassy"),
            c.pr << fact("accusation", kind="arrest_warrant", person=c.pi.person, state=c.pi.state, date="past"),
            c.tp << fact("conclusion", question="prosecutable", person=c.pi.person, state=c.pi.state,
                         act=c.pr.act),
            c.pt << fact("conclusion", question="present_in_territory", person=c.pi.person, state=c.pi.state)])
def _(r):
    holds, because, needs, window = YES, [r.pi, r.po, r.pr, r.tp, r.pt], None, None
    if r.pi.holds == YES:
        holds, because = NO, [r.pi, r.po, r.pr]
        reason = "A warrant exists, but while he is inviolable it cannot be executed against him."
    elif r.tp.holds == NO:
        holds, because = NO, [r.pi, r.po, r.pr, r.tp]
        reason = (f"A warrant exists and he is no longer inviolable, but it is for an act {r.po.state_name}'s courts "
                  "may not try: his immunity for it bars any exercise of criminal jurisdiction, arrest included, "
                  "unless the sending State validly waives it.")
    elif r.tp.holds == UNKNOWN:
        holds, because, needs, window = UNKNOWN, [r.pi, r.po, r.pr, r.tp], r.tp.needs, r.tp.window
        reason = ("A warrant exists and he is no longer inviolable, but whether it may be executed turns on whether "
                  "the act may be tried, which is open.")
    elif r.pt.holds == NO:
        holds = NO
        reason = (f"A warrant exists and he is no longer inviolable there, but he is not in {r.po.state_name}: "
                  f"{r.pt.reason} A warrant is executed only in the territory of the State that issued it; to bring "
                  "him before its courts, it must ask the State where he is to extradite him.")
    elif r.pt.holds == YES:
        reason = (f"A warrant exists, he is no longer inviolable there, and he is in {r.po.state_name}: he may be "
                  "arrested.")
    else:
        reason = ("A warrant exists and he is no longer inviolable there: he may be arrested if he enters the "
                  "country (where he is on this day is not settled).")
    r.conclude("available_action", state=r.pi.state, action=f"arrest {r.pi.person} if he is found there",
               holds=holds, because=because, reason=reason, needs=needs, window=window)


# Recall: the sending State may recall any member of its missions at any time (arts. 9(1) and
# 43(a) presuppose it); it ends his functions on notification.
@rule("vcdr.43-a.recall", article=["art. 43(a)"],
      says="The sending State may recall a member of its mission, ending his functions on notification.",
      when=[c.pv << fact("privileges", status="in_force"),
            c.po << fact("posting", posting=c.pv.posting)])
def _(r):
    r.conclude("available_action", state=r.po.sending_state, action=f"recall {r.pv.person}", holds=YES,
               because=[r.pv, r.po],
               reason=f"{r.po.sending_state_name} may recall {r.pv.person_name} from {r.po.mission_name} at any time; "
                      "his functions end when it notifies the receiving State.")


# Art. 9(1): once the receiving State has declared a member persona non grata, the sending State
# must recall him or end his functions with the mission.
@rule("vcdr.9-1.must-recall", article="art. 9(1)",
      says="After a declaration of persona non grata, the sending State shall recall the person or end "
           "his functions with the mission.",
      when=[c.rq << fact("request", kind="persona_non_grata", made=("past", "uncertain")),
            c.cn << fact("concerns", request=c.rq.request, target_kind="person"),
            c.po << fact("posting", person=c.cn.target, mission_kind="embassy", state=getattr(c.rq, "from"))])
def _(r):
    r.conclude("available_action", state=r.po.sending_state,
               action=f"recall {r.po.person} or end his functions (obliged)", holds=YES,
               because=[r.rq, r.cn, r.po],
               reason=f"{r.po.state_name} declared {r.po.person_name} persona non grata; {r.po.sending_state_name} "
                      "must now recall him or end his functions. His immunity lasts until he leaves or a "
                      "reasonable period to do so expires (art. 39(2)).")


# Art. 9(2) with art. 43(b): if the sending State refuses, or fails within a reasonable period,
# the receiving State may refuse to recognise him as a member of the mission; notifying that
# refusal ends his functions.
@rule("vcdr.9-2.refuse-recognition", article=["art. 9(2)", "art. 43(b)"],
      says="If the sending State refuses or fails to act on a declaration of persona non grata, the "
           "receiving State may refuse to recognise the person, which ends his functions.",
      when=[c.rq << fact("request", kind="persona_non_grata", answer=("declined", "pending")),
            c.cn << fact("concerns", request=c.rq.request, target_kind="person"),
            c.po << fact("posting", person=c.cn.target, mission_kind="embassy", state=getattr(c.rq, "from"))])
def _(r):
    said = "refused" if r.rq.answer == "declined" else "has not yet acted"
    r.conclude("available_action", state=r.po.state,
               action=f"refuse to recognise {r.po.person} as a member of the mission", holds=YES,
               because=[r.rq, r.cn, r.po],
               reason=f"{r.po.sending_state_name} {said}: {r.po.state_name} may refuse to recognise him (art. 9(2), "
                      "after a reasonable period if it has merely not acted); notifying that ends his functions "
                      "(art. 43(b)), and his immunity then lasts until he leaves or a reasonable period expires.")
