"""New Zealand's Extradition Act 1999: what it says of requests New Zealand makes.

Checked against the 2009 reprint (S-EA99 in ../shared/case/legal-brief.md §3.2). Later
amendments were not checked. That "the Minister" in s 61 is the Minister of Justice is the
brief's unverified recollection, so the engine says "the Minister" and no more.
"""

from engine.rulebook import NO, UNKNOWN, YES, Instrument, c, fact, m

NZ_EA = Instrument("NZ Extradition Act 1999", "Extradition Act 1999 (New Zealand)")
rule = NZ_EA.rule

ACCUSATION = ("charge", "arrest_warrant", "indictment")
MIN_MONTHS = 12  # s 4(1)(b): an offence punishable by at least 12 months' imprisonment


# s 3: an extraditable person is one accused of, or convicted of, an extradition offence. A
# conviction is not needed. A report that Kim could not be extradited because he had not been
# found guilty was wrong: an accused person may be sought.
@rule("nz-ea.3.accused", article=["s 3", "s 4(1)(b)"],
      overrides=["nz-ea.3.accusation-undated"],
      says="A person accused of an offence punishable in New Zealand by at least 12 months' "
           "imprisonment is an extraditable person; no conviction is needed.",
      when=[c.pr << fact("accusation", kind=ACCUSATION, state="NZL", date="past"),
            c.of << fact("offence", m.max_months >= MIN_MONTHS, act=c.pr.act, state="NZL", max_known=YES)])
def _(r):
    r.conclude("extraditable_person", person=r.pr.person, requesting="NZL", holds=YES,
               because=[r.pr, r.of],
               reason=f"Accused in New Zealand ({r.pr.kind.replace('_', ' ')}, {r.pr.date_label}) of "
                      f"{r.of.name} ({r.of.law}, up to {r.of.max_months} months): an accused person is "
                      "extraditable. No conviction is required, whatever was reported to the contrary.")


@rule("nz-ea.3.accusation-undated", article="s 3",
      says="Whether the person was accused by the day depends on when the accusation was made.",
      when=[c.pr << fact("accusation", kind=ACCUSATION, state="NZL", date=("uncertain", UNKNOWN)),
            c.of << fact("offence", m.max_months >= MIN_MONTHS, act=c.pr.act, state="NZL", max_known=YES)])
def _(r):
    r.conclude("extraditable_person", person=r.pr.person, requesting="NZL", holds=UNKNOWN,
               because=[r.pr, r.of],
               needs=f"the date of the {r.pr.kind.replace('_', ' ')} in New Zealand",
               reason="An accused person is extraditable, but the case file does not date the accusation "
                      "against this day.")


# s 61: a request by New Zealand to a Part 3 country (the Republic of Korea is one, under the
# Extradition (Republic of Korea) Order 2002) may be made only by or with the authority of the
# Minister, directly or through diplomatic channels, following any treaty procedure. It concerns a
# person accused of an extradition offence who "is, or is suspected of being," in that country: the
# request goes to the State where he is, not to one the reports place him outside. And it is made
# so that he may be tried: not for an act his immunity still bars New Zealand's courts from trying
# (VCDR arts. 31(1) and 39(2), VCCR art. 53(4)), unless the sending State validly waives it.
@rule("nz-ea.61.request", article=["s 61", "s 3"],
      says="New Zealand may request the extradition of a person accused of an extradition offence who "
           "is in a treaty country; the request is made by or with the authority of the Minister. Not for "
           "an act immunity bars its courts from trying, nor of a State he is known not to be in.",
      when=[c.ep << fact("conclusion", question="extraditable_person", requesting="NZL", holds=YES),
            c.eo << fact("conclusion", question="extraditable_offence", requesting="NZL", holds=YES),
            c.ac << fact("act", act=c.eo.act, person=c.ep.person),
            c.pe << fact("person", person=c.ep.person),
            c.tr << fact("treaty", kind="extradition", requesting="NZL", requested=c.eo.requested),
            c.tm << fact("treaty_term", treaty=c.tr.treaty, term="obligation"),
            c.tp << fact("conclusion", question="prosecutable", person=c.ep.person, state="NZL", act=c.eo.act),
            c.pt << fact("conclusion", question="present_in_territory", person=c.ep.person, state=c.eo.requested)])
def _(r):
    because, needs, window = [r.ep, r.eo, r.pe, r.tr, r.tm], None, None
    if r.tp.holds == NO:
        holds, because = NO, because + [r.tp]
        reason = ("New Zealand's courts may not try the act: immunity bars it and no valid waiver lifts it, so "
                  "there is no trial to request his extradition for.")
    elif r.tp.holds == UNKNOWN:
        holds, because, needs, window = UNKNOWN, because + [r.tp], r.tp.needs, r.tp.window
        reason = "Whether there is a trial to request his extradition for turns on whether the act may be tried, which is open."
    elif r.pt.holds == NO:
        holds, because = NO, because + [r.tp, r.pt]
        reason = (f"He is not in {r.tr.requested_name}: {r.pt.reason} A request goes to the country where he is, "
                  "or is suspected of being.")
    else:
        holds = YES
        where = (f" He is in {r.tr.requested_name}." if r.pt.holds == YES else
                 f" Whether he is in {r.tr.requested_name} on this day is not settled: the request is for the "
                 "country where he is, or is suspected of being.")
        because += [r.tp, r.pt]
        reason = (f"New Zealand may formally request {r.tr.requested_name} to extradite "
                  f"{r.pe.person_name}: the offence is extraditable under the treaty and he is "
                  "accused (a conviction is not needed). The request is made by or with the authority "
                  f"of the Minister, under the treaty's procedure.{where}")
    r.conclude("available_action", state="NZL", action=f"request extradition from {r.tr.requested}",
               holds=holds, because=because, cites=[r.tm.cite], needs=needs, window=window, reason=reason)
