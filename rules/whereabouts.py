"""Where a person is: `present_in_territory`, read from the case file's reported whereabouts.

No treaty says where a person is; the reports do. These rules only read the case file's
`whereabouts` (periods throughout which the sources place a person in a State) and say what
follows for a day. They come before the law that needs them: a State may execute its arrest
warrant only in its own territory, and extradition is asked of the State where the person is
(NZ Extradition Act 1999 s 61: a person "suspected of being in" another country).

For each person with a posting, an act or a reported stay, presence is asked in the States of
his postings, acts and stays, in the States accusing him, and in their extradition-treaty
partners (engine/facts.py `presence_asked`). The answer is never silent:
- yes: a stay covers the day for certain;
- no: a stay places him in another State for certain that day (one is in one place at a time);
- uncertain: the day falls inside the window of a stay's start or end;
- unknown: no reported stay covers the day ("needs where he was on that day"). Leaving a State
  is not proof of absence ever after: he may have come back.
"""

from engine.rulebook import NO, UNKNOWN, YES, Instrument, c, differs, fact

WHEREABOUTS = Instrument("Whereabouts", "Where a person is, as the case file's sources place him (fact, not law)")
rule = WHEREABOUTS.rule


def _period(st) -> str:
    until = f"until {st.until_label}" if st.until_label else "with no end reported"
    return f"from {st.from_label}, {until}"


@rule("whereabouts.there", article="(presence)", overrides=["whereabouts.elsewhere", "whereabouts.window"],
      says="A person is present in a State on a day that a period the sources place him there covers "
           "for certain.",
      when=[c.st << fact("stay", during=YES)])
def _(r):
    r.conclude("present_in_territory", person=r.st.person, state=r.st.state, holds=YES, because=[r.st],
               reason=f"The reports place {r.st.person_name} in {r.st.state_name} on this day ({_period(r.st)}).")


@rule("whereabouts.elsewhere", article="(presence elsewhere)",
      overrides=["whereabouts.window", "whereabouts.not-reported"],
      says="A person the sources place for certain in one State on a day is not present in any other "
           "State that day.",
      when=[c.st << fact("stay", during=YES),
            c.ot << fact("stay", person=c.st.person, state=differs(c.st.state), during=("window", UNKNOWN))])
def _(r):
    r.conclude("present_in_territory", person=r.ot.person, state=r.ot.state, holds=NO, because=[r.st, r.ot],
               reason=f"{r.st.person_name} was in {r.st.state_name} on this day ({_period(r.st)}), so not in "
                      f"{r.ot.state_name}.")


@rule("whereabouts.window", article="(presence)",
      says="Inside the window of the reported start or end of a stay, whether the person is there is uncertain.",
      when=[c.st << fact("stay", during="window")])
def _(r):
    r.conclude("present_in_territory", person=r.st.person, state=r.st.state, holds=UNKNOWN, because=[r.st],
               window=r.st.window,
               needs=f"the exact date {r.st.deciding} which {r.st.person_name} was in {r.st.state_name}, "
                     f"within {r.st.label}",
               reason=f"The reports place {r.st.person_name} in {r.st.state_name} {_period(r.st)}; this day falls "
                      f"within {r.st.label}.")


@rule("whereabouts.not-reported", article="(presence)",
      says="Where no reported stay covers the day, whether the person is in a State is unknown, not \"no\".",
      when=[c.st << fact("stay", during=UNKNOWN)])
def _(r):
    r.conclude("present_in_territory", person=r.st.person, state=r.st.state, holds=UNKNOWN, because=[r.st],
               needs=f"where {r.st.person_name} was on that day",
               reason=f"The case file places {r.st.person_name} neither in {r.st.state_name} nor, for certain, "
                      "anywhere else on this day.")
