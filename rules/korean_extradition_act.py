"""Korea's Extradition Act: how Korea treats a request to surrender one of its nationals.

Arts. 3 and 3-2 were checked against the KLRI English translation (S-KEA in
../shared/case/legal-brief.md §3.3). That art. 9 makes nationality a discretionary ground of
refusal is the brief's unverified recollection, so the rule below is marked unverified.
Under art. 3-2, a treaty prevails where it conflicts with the Act.
"""

from engine.rulebook import YES, Instrument, c, fact

KEA = Instrument("Korean Extradition Act", "Extradition Act of the Republic of Korea")
rule = KEA.rule


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
