"""Bilateral extradition treaties, with each treaty's terms as data.

The rules here state what any such treaty's clauses do. The clauses themselves (the
dual-criminality threshold, whether own nationals may be refused, any duty to submit the
case for prosecution) are read from `rules/treaties/*.yaml`. Every answer cites the treaty's
own article from that data, and carries the data's certainty. So the NZ-ROK nationality
clause, which nobody has checked, is reported as unverified in every answer that uses it.

Questions are asked of a person accused in the requesting State: of an act
(`extraditable_offence`) and of the person (`extradition_refusable`,
`must_submit_for_prosecution`), between a requesting and a requested State.
"""

from engine.rulebook import NO, UNKNOWN, YES, Instrument, c, fact, m

TREATY = Instrument("Extradition treaty", "Bilateral extradition treaties (terms as data in rules/treaties)")
rule = TREATY.rule

def treaty_between():
    return fact("treaty", kind="extradition", in_force=("past",))


def accused_in(alias: str):
    """An accusation (charge, warrant, indictment, judgment) in the requesting State, dated by
    the case file on or before the day (or in a window containing it). An undated accusation
    cannot be placed in time, so no extradition question is asked of it."""
    return fact("accusation", state=getattr(getattr(c, alias), "requesting"), date=("past", "uncertain"))


# Dual criminality: the conduct must be punishable under the laws of both Parties by at least
# the treaty's minimum (NZ-ROK art. 2(1): deprivation of liberty for at least one year).
@rule("extradition.dual-criminality.met", article="(dual criminality)",
      says="An offence is extraditable when the law of both Parties punishes it with at least the "
           "treaty's minimum term of imprisonment.",
      when=[c.tr << treaty_between(),
            c.pr << accused_in("tr"),
            c.tm << fact("treaty_term", treaty=c.tr.treaty, term="dual_criminality"),
            c.a << fact("offence", m.max_months >= c.tm.min_months, act=c.pr.act, state=c.tr.requesting,
                        max_known=YES),
            c.b << fact("offence", m.max_months >= c.tm.min_months, act=c.a.act, state=c.tr.requested,
                        max_known=YES)])
def _(r):
    r.conclude("extraditable_offence", act=r.a.act, requesting=r.tr.requesting, requested=r.tr.requested,
               holds=YES, because=[r.tr, r.pr, r.tm, r.a, r.b], cites=[r.tm.cite],
               reason=f"Both laws punish the conduct with at least {r.tm.min_months} months' imprisonment: "
                      f"{r.a.law} ({r.a.name}, up to {r.a.max_months} months) in {r.tr.requesting_name}, "
                      f"{r.b.law} ({r.b.name}, up to {r.b.max_months} months) in {r.tr.requested_name}.")


def _below(side: str):
    other = "requested" if side == "requesting" else "requesting"

    @rule(f"extradition.dual-criminality.below-{side}", article="(dual criminality)",
          overrides=[f"extradition.dual-criminality.unknown-{other}"],
          says="An offence the law of either Party punishes with less than the treaty's minimum is not "
               "extraditable (whatever the other Party's law says).",
          when=[c.tr << treaty_between(),
                c.pr << accused_in("tr"),
                c.tm << fact("treaty_term", treaty=c.tr.treaty, term="dual_criminality"),
                c.a << fact("offence", m.max_months < c.tm.min_months, act=c.pr.act, state=getattr(c.tr, side),
                            max_known=YES)])
    def _(r):
        r.conclude("extraditable_offence", act=r.a.act, requesting=r.tr.requesting, requested=r.tr.requested,
                   holds=NO, because=[r.tr, r.pr, r.tm, r.a], cites=[r.tm.cite],
                   reason=f"{r.a.law} punishes the conduct with at most {r.a.max_months} months, below the "
                          f"treaty's minimum of {r.tm.min_months}.")


def _unknown(side: str):
    @rule(f"extradition.dual-criminality.unknown-{side}", article="(dual criminality)",
          says="Whether an offence is extraditable depends on the maximum penalty under each Party's law.",
          when=[c.tr << treaty_between(),
                c.pr << accused_in("tr"),
                c.tm << fact("treaty_term", treaty=c.tr.treaty, term="dual_criminality"),
                c.a << fact("offence", act=c.pr.act, state=getattr(c.tr, side), max_known=NO)])
    def _(r):
        state = r.tr.requesting_name if side == "requesting" else r.tr.requested_name
        r.conclude("extraditable_offence", act=r.a.act, requesting=r.tr.requesting, requested=r.tr.requested,
                   holds=UNKNOWN, because=[r.tr, r.pr, r.tm, r.a], cites=[r.tm.cite],
                   needs=f"the offence the conduct constitutes under the law of {state}, and its maximum penalty",
                   reason="The case file does not give the offence and its maximum penalty under both laws.")


for _side in ("requesting", "requested"):
    _below(_side)
    _unknown(_side)


# Own nationals: the treaty's nationality clause, as the data gives it.
@rule("extradition.nationality.own-national", article="(nationality of the person sought)",
      says="Where the treaty lets a Party refuse to extradite its own nationals, the requested State "
           "may refuse to surrender one of them.",
      when=[c.tr << treaty_between(),
            c.pr << accused_in("tr"),
            c.tm << fact("treaty_term", treaty=c.tr.treaty, term="nationality", own_nationals="may_refuse"),
            c.na << fact("nationality", person=c.pr.person, state=c.tr.requested, holds=YES)])
def _(r):
    r.conclude("extradition_refusable", person=r.na.person, requesting=r.tr.requesting,
               requested=r.tr.requested, holds=YES, because=[r.tr, r.pr, r.tm, r.na], cites=[r.tm.cite],
               reason=f"{r.na.person_name} is a national of {r.tr.requested_name}, which the treaty allows to "
                      "refuse to extradite its own nationals.")


@rule("extradition.nationality.not-national", article="(nationality of the person sought)",
      says="The nationality ground is not open where the person sought is not a national of the requested State.",
      when=[c.tr << treaty_between(),
            c.pr << accused_in("tr"),
            c.tm << fact("treaty_term", treaty=c.tr.treaty, term="nationality"),
            c.na << fact("nationality", person=c.pr.person, state=c.tr.requested, holds=NO)])
def _(r):
    r.conclude("extradition_refusable", person=r.na.person, requesting=r.tr.requesting,
               requested=r.tr.requested, holds=NO, because=[r.tr, r.pr, r.tm, r.na], cites=[r.tm.cite],
               reason=f"{r.na.person_name} is not a national of {r.tr.requested_name}: the nationality ground is "
                      "not open (the treaty's other grounds of refusal are not encoded).")


@rule("extradition.nationality.unknown", article="(nationality of the person sought)",
      says="Whether the nationality ground is open depends on the nationality of the person sought.",
      when=[c.tr << treaty_between(),
            c.pr << accused_in("tr"),
            c.tm << fact("treaty_term", treaty=c.tr.treaty, term="nationality"),
            c.na << fact("nationality", person=c.pr.person, state=c.tr.requested, holds=UNKNOWN)])
def _(r):
    r.conclude("extradition_refusable", person=r.na.person, requesting=r.tr.requesting,
               requested=r.tr.requested, holds=UNKNOWN, because=[r.tr, r.pr, r.tm, r.na], cites=[r.tm.cite],
               needs=f"whether {r.na.person_name} is a national of {r.tr.requested_name}",
               reason="The person's nationality is not reported.")


# Aut dedere aut judicare: whether a refusal on the ground of nationality obliges the requested
# State to submit the case to its prosecutors. The data says what the clause provides and how
# sure that is; an unverified clause settles nothing.
@rule("extradition.submit-for-prosecution", article="(submission for prosecution after refusal)",
      says="Where the treaty so provides, a Party that refuses to extradite its national must submit "
           "the case to its own authorities for prosecution.",
      when=[c.rf << fact("conclusion", question="extradition_refusable", holds=YES,
                         rule=("extradition.nationality.own-national", "kor-ea.9.own-national")),
            c.tr << fact("treaty", kind="extradition", requesting=c.rf.requesting, requested=c.rf.requested),
            c.tm << fact("treaty_term", treaty=c.tr.treaty, term="submit_for_prosecution")])
def _(r):
    subject = dict(person=r.rf.person, requesting=r.rf.requesting, requested=r.rf.requested)
    if r.tm.certainty != "verified":
        r.conclude("must_submit_for_prosecution", **subject, holds=UNKNOWN, because=[r.rf, r.tm],
                   cites=[r.tm.cite],
                   needs=f"the checked text of {r.tm.cite}: it is believed to apply "
                         f"{r.tm.on_refusal.replace('_', ' ')}, but that is {r.tm.certainty}",
                   reason=f"If {r.tr.requested_name} refused to extradite its national, whether it must then "
                          "submit the case for prosecution depends on a treaty clause nobody has checked.")
        return
    holds = {"always": YES, "on_request": YES, "none": NO}.get(r.tm.on_refusal, UNKNOWN)
    when = " if the requesting State asks" if r.tm.on_refusal == "on_request" else ""
    r.conclude("must_submit_for_prosecution", **subject, holds=holds, because=[r.rf, r.tm], cites=[r.tm.cite],
               reason=f"A refusal on the ground of nationality obliges {r.tr.requested_name} to submit the case "
                      f"to its prosecutors{when}." if holds == YES else
                      "The treaty imposes no duty to prosecute after a refusal.")


# Ne bis in idem: a person finally judged in the requested State for the same conduct may be
# refused there. The NZ-ROK treaty's grounds of refusal were not retrieved (legal brief §3.1: the
# full list, double jeopardy included, is unverified), so the term, and the rule, are unverified.
# A judgment whose finality is not reported leaves the ground open, and says so.
@rule("extradition.ne-bis-in-idem", article="(final judgment in the requested State)", status="unverified",
      says="Where the person sought has been finally judged in the requested State for the same conduct, "
           "that State may refuse to extradite him (ne bis in idem); a judgment not yet final does not "
           "found the ground.",
      when=[c.tr << treaty_between(),
            c.pr << accused_in("tr"),
            c.tm << fact("treaty_term", treaty=c.tr.treaty, term="ne_bis_in_idem"),
            c.jd << fact("accusation", person=c.pr.person, state=c.tr.requested, act=c.pr.act, kind="judgment",
                         date="past")])
def _(r):
    holds = r.jd.final
    court = f" ({r.jd.court})" if r.jd.court else ""
    requested = r.tr.requested_name[:1].upper() + r.tr.requested_name[1:]
    judged = f"{requested} judged him for the same conduct on {r.jd.date_label}{court}"
    reason = {YES: f"{judged}, and the judgment is final: it may refuse to extradite him for it.",
              NO: f"{judged}, but the judgment is not final: the ground is not (yet) open.",
              UNKNOWN: f"{judged}; whether that judgment has become final, which would let it refuse, is not "
                       "reported."}[holds]
    needs = (f"whether the judgment of {r.jd.date_label} in {r.tr.requested_name} has become final"
             if holds == UNKNOWN else None)
    subject = dict(person=r.pr.person, requesting=r.tr.requesting, requested=r.tr.requested)
    r.conclude("extradition_refusable", **subject, holds=holds, because=[r.tr, r.pr, r.tm, r.jd],
               cites=[r.tm.cite], needs=needs, reason=reason)
    r.conclude("available_action", state=r.tr.requested,
               action=f"refuse extradition to {r.tr.requesting}, having judged him for the same conduct",
               holds=holds, because=[r.tr, r.pr, r.tm, r.jd], cites=[r.tm.cite], needs=needs, reason=reason)


# No treaty: where the person sought is (or may be) in a State with which the requesting State
# has no extradition treaty the case records, the rules cannot say whether or how he could be
# surrendered (a State may extradite without a treaty, by its own law or an arrangement). They
# say so, rather than fall silent.
@rule("extradition.no-treaty", article="(treaty between the Parties)",
      says="Extradition under these rules needs a treaty between the two States; where the person sought "
           "is in a State with which none is recorded, whether and how he could be extradited is open.",
      when=[c.nt << fact("no_treaty", kind="extradition"),
            c.pr << fact("accusation", state=c.nt.requesting, date=("past", "uncertain")),
            c.pt << fact("conclusion", question="present_in_territory", person=c.pr.person, state=c.nt.requested,
                         holds=(YES, UNKNOWN))])
def _(r):
    where = "is in" if r.pt.holds == YES else "may be in"
    r.conclude("available_action", state=r.nt.requesting, action=f"request extradition from {r.nt.requested}",
               holds=UNKNOWN, because=[r.nt, r.pr, r.pt], window=r.pt.window,
               needs=f"an extradition treaty or other arrangement between {r.nt.requesting_name} and "
                     f"{r.nt.requested_name}: the case records none",
               reason=f"He {where} {r.nt.requested_name}, with which the case records no extradition treaty for "
                      f"{r.nt.requesting_name}: whether, and how, {r.nt.requested_name} could be asked to surrender "
                      "him is not something these rules can answer.")


# What each Party may do under the treaty, once the offence is extraditable. Extradition serves
# a prosecution in the requesting State: while immunity bars its courts from trying the act (VCDR
# art. 31(1); residual immunity for an official act, VCDR art. 39(2), VCCR art. 53(4)) and no valid
# waiver lifts it, there is nothing to arrest or surrender him for. And a State can arrest and
# surrender only a person in its territory: while the reports place him elsewhere, neither is open.
def _enforceable(r, what: str) -> tuple[str, list, str | None, str | None, str]:
    """holds, extra facts, needs, window and reason for an arrest or a surrender in the requested State."""
    state = r.tr.requested_name
    if r.tp.holds == NO:
        return (NO, [r.tp], None, None,
                f"{r.tr.requesting_name}'s courts may not try the act: immunity bars it and no valid waiver lifts "
                f"it, so there is no prosecution to {what} him for.")
    if r.tp.holds == UNKNOWN:
        return (UNKNOWN, [r.tp], r.tp.needs, r.tp.window,
                f"Whether there is a prosecution to {what} him for turns on whether {r.tr.requesting_name}'s courts "
                "may try the act, which is open.")
    if r.pt.holds == NO:
        return NO, [r.tp, r.pt], None, None, f"He is not in {state}: {r.pt.reason}"
    return YES, [r.tp, r.pt], None, None, ""


def enforcement(alias: str):
    """The trial the act would face in the requesting State (`tp`), and whether the person is in
    the requested State (`pt`), for the extraditable offence `alias`."""
    def eo(field: str):  # a fresh reference each time: durable-rules' references must not be reused
        return getattr(getattr(c, alias), field)

    return [c.ac << fact("act", act=eo("act")),
            c.tp << fact("conclusion", question="prosecutable", person=c.ac.person, state=eo("requesting"),
                         act=eo("act")),
            c.pt << fact("conclusion", question="present_in_territory", person=c.ac.person, state=eo("requested"))]


@rule("extradition.provisional-arrest", article="(provisional arrest)",
      says="In urgency, the requesting Party may ask for the person's provisional arrest before it "
           "presents the request, which must then follow within the treaty's time limit; not while "
           "immunity bars his trial, nor while he is known to be elsewhere.",
      when=[c.eo << fact("conclusion", question="extraditable_offence", holds=YES),
            c.tr << fact("treaty", kind="extradition", requesting=c.eo.requesting, requested=c.eo.requested),
            c.tm << fact("treaty_term", treaty=c.tr.treaty, term="provisional_arrest"),
            *enforcement("eo")])
def _(r):
    holds, extra, needs, window, reason = _enforceable(r, "arrest")
    if holds == YES:
        reason = (f"In urgency, {r.tr.requesting_name} may ask {r.tr.requested_name} to arrest him provisionally; "
                  f"the formal request must follow within {r.tm.days_for_request} days.")
    r.conclude("available_action", state=r.tr.requesting,
               action=f"request provisional arrest in {r.tr.requested}", holds=holds,
               because=[r.eo, r.tr, r.tm] + extra, cites=[r.tm.cite], needs=needs, window=window, reason=reason)


@rule("extradition.grant", article="(obligation to extradite)",
      says="The requested Party undertakes to extradite persons wanted for prosecution for an "
           "extraditable offence, subject to the treaty's grounds of refusal; not a person immunity shields "
           "from that prosecution, nor one who is not in its territory.",
      when=[c.eo << fact("conclusion", question="extraditable_offence", holds=YES),
            c.tr << fact("treaty", kind="extradition", requesting=c.eo.requesting, requested=c.eo.requested),
            c.tm << fact("treaty_term", treaty=c.tr.treaty, term="obligation"),
            *enforcement("eo")])
def _(r):
    holds, extra, needs, window, reason = _enforceable(r, "surrender")
    if holds == YES:
        reason = (f"The offence is extraditable, so on a formal request {r.tr.requested_name} may, and in "
                  "principle undertakes to, surrender him.")
    r.conclude("available_action", state=r.tr.requested,
               action=f"grant extradition to {r.tr.requesting} if formally requested", holds=holds,
               because=[r.eo, r.tr, r.tm] + extra, cites=[r.tm.cite], needs=needs, window=window, reason=reason)


@rule("extradition.refuse-own-national", article="(nationality of the person sought)",
      says="A Party the treaty lets refuse its own nationals may refuse to surrender one.",
      when=[c.rf << fact("conclusion", question="extradition_refusable", holds=YES,
                         rule="extradition.nationality.own-national")])
def _(r):
    r.conclude("available_action", state=r.rf.requested,
               action=f"refuse extradition of its national to {r.rf.requesting}", holds=YES, because=[r.rf],
               reason="It may refuse to surrender its own national, on the treaty's nationality clause.")
