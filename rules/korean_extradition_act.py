"""Korea's Extradition Act: how Korea treats a request to surrender one of its nationals.

Arts. 3 and 3-2 were checked against the KLRI English translation (S-KEA in
../shared/case/legal-brief.md §3.3). That art. 9 makes nationality a discretionary ground of
refusal is the brief's unverified recollection, so the rule below is marked unverified.
Under art. 3-2, a treaty prevails where it conflicts with the Act.
"""

from engine.rulebook import NO, UNKNOWN, YES, Instrument, c, differs, fact

KEA = Instrument("Korean Extradition Act", "Extradition Act of the Republic of Korea")
rule = KEA.rule


# Art. 7 (from memory, unverified): Korea shall not extradite where a final judgment on the case
# has already been given in Korea, an absolute ground. A judgment whose finality is not reported
# leaves the ground open, and says so.
@rule("kor-ea.7.judged-in-korea", article=["art. 7", "art. 3-2"], status="unverified",
      says="Korea must refuse extradition where a final judgment on the same case has already been given "
           "in Korea (an absolute ground); a treaty prevails over the Act where they conflict.",
      when=[c.pr << fact("accusation", state=differs("KOR"), date=("past", "uncertain")),
            c.jd << fact("accusation", person=c.pr.person, state="KOR", act=c.pr.act, kind="judgment", date="past")])
def _(r):
    holds = r.jd.final
    judged = f"A Korean court judged him for the same conduct on {r.jd.date_label}"
    reason = {YES: f"{judged}, and the judgment is final: Korea's Extradition Act bars his extradition for it "
                   "(art. 7, unverified), subject to the treaty (art. 3-2).",
              NO: f"{judged}, but the judgment is not final, so art. 7 does not yet bar extradition.",
              UNKNOWN: f"{judged}; if that judgment is final, Korea's Extradition Act bars his extradition for it "
                       "(art. 7, unverified), but its finality is not reported."}[holds]
    r.conclude("extradition_refusable", person=r.pr.person, requesting=r.pr.state, requested="KOR", holds=holds,
               because=[r.pr, r.jd], reason=reason,
               needs=f"whether the Korean judgment of {r.jd.date_label} has become final" if holds == UNKNOWN else None)


@rule("kor-ea.9.own-national", article=["art. 9", "art. 3-2"], status="unverified",
      says="Korea may refuse to extradite a Korean national (a discretionary ground); a treaty prevails "
           "over the Act where they conflict.",
      when=[c.rf << fact("conclusion", question="extradition_refusable", requested="KOR", holds=YES,
                         rule="extradition.nationality.own-national"),
            c.na << fact("nationality", person=c.rf.person, state="KOR", holds=YES)])
def _(r):
    r.conclude("extradition_refusable", person=r.rf.person, requesting=r.rf.requesting, requested="KOR",
               holds=YES, because=[r.rf, r.na],
               reason="Korea's own Extradition Act also lets it refuse to surrender a Korean national "
                      "(art. 9, unverified), subject to the treaty (art. 3-2).")
