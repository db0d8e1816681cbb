"""Bilateral treaties on mutual legal assistance in criminal matters, terms as data.

For New Zealand and Korea: the treaty done at Wellington on 15 September 1999, in force in
New Zealand from 30 March 2000 (legal brief §3.4, verified). Its articles were not retrieved:
what the treaty covers is the brief's unverified recollection (taking evidence, locating
persons, search and seizure), so its terms are data marked unverified
(rules/treaties/nzl-kor-mutual-assistance.yaml), and every answer using one is flagged.
"""

from engine.rulebook import YES, Instrument, c, fact

MLAT = Instrument("Mutual assistance treaty", "Bilateral treaties on mutual legal assistance in criminal matters")
rule = MLAT.rule


@rule("mla.request", article="(requests for assistance)",
      says="Once a mutual assistance treaty is in force, either Party may formally ask the other for "
           "assistance in a criminal matter.",
      when=[c.tr << fact("treaty", kind="mutual_legal_assistance", in_force="past"),
            c.tm << fact("treaty_term", treaty=c.tr.treaty, term="assistance"),
            c.pr << fact("proceeding", state=c.tr.requesting, date=("past", "uncertain"))])
def _(r):
    r.conclude("available_action", state=r.tr.requesting,
               action=f"request mutual legal assistance from {r.tr.requested}", holds=YES,
               because=[r.tr, r.tm, r.pr], cites=[r.tm.cite],
               reason=f"{r.tr.requesting_name} may formally ask {r.tr.requested_name} for assistance with its "
                      f"criminal proceedings; the treaty has been in force since {r.tr.in_force_label}. What kinds "
                      "of assistance it covers was not checked.")
