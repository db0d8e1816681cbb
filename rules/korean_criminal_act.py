"""The Korean Criminal Act: Korea's jurisdiction over its nationals abroad, and the offence.

Art. 3 checked against an English translation (S-KCA in ../shared/case/legal-brief.md §3.5).
With VCDR art. 31(4), it is why Korea could always prosecute Kim at home, as it did in 2023-24.
"""

from engine.rulebook import YES, Instrument, c, differs, fact

KCA = Instrument("Korean Criminal Act", "Criminal Act of the Republic of Korea")
rule = KCA.rule


# Art. 3: the Act applies to all Korean nationals who commit crimes outside Korea.
@rule("kor-ca.3.nationals-abroad", article="art. 3",
      says="Korean criminal law applies to Korean nationals who commit crimes outside Korea.",
      when=[c.ac << fact("act", state=differs("KOR"), done=("past", "uncertain", "unknown")),
            c.na << fact("nationality", person=c.ac.person, state="KOR", holds=YES)])
def _(r):
    r.conclude("sending_state_jurisdiction", person=r.ac.person, state="KOR", act=r.ac.act, holds=YES,
               because=[r.ac, r.na],
               reason=f"{r.na.person_name} is a Korean national, and Korean criminal law reaches its nationals' "
                      "crimes abroad.")


# Art. 3 with VCDR art. 31(4): Korea may prosecute its national at home, whatever his immunity
# abroad; no request from anyone is needed.
@rule("kor-ca.3.prosecute-at-home", article="art. 3",
      says="Korea may prosecute a Korean national at home for a crime committed abroad.",
      when=[c.sj << fact("conclusion", question="sending_state_jurisdiction", state="KOR", holds=YES,
                         rule="kor-ca.3.nationals-abroad")])
def _(r):
    r.conclude("available_action", state="KOR", action="prosecute at home", holds=YES, because=[r.sj],
               cites=["VCDR art. 31(4)"],
               reason="Korea may prosecute him itself under its Criminal Act (art. 3); his immunity in another "
                      "State never exempted him from Korea's jurisdiction (VCDR art. 31(4)).")


# Art. 3, later events: once Korea has charged or indicted its national for the crime abroad, its
# prosecution at home is under way, and the answer says so rather than advise it afresh.
@rule("kor-ca.3.prosecuting", article="art. 3", overrides=["kor-ca.3.prosecute-at-home"],
      says="Where Korea has charged or indicted its national for the crime abroad, its prosecution at home "
           "is under way.",
      when=[c.sj << fact("conclusion", question="sending_state_jurisdiction", state="KOR", holds=YES,
                         rule="kor-ca.3.nationals-abroad"),
            c.ac << fact("accusation", person=c.sj.person, state="KOR", act=c.sj.act, date="past",
                         kind=("charge", "indictment"))])
def _(r):
    r.conclude("available_action", state="KOR", action="prosecute at home", holds=YES, because=[r.sj, r.ac],
               cites=["VCDR art. 31(4)"],
               reason=f"Korea may prosecute him itself under its Criminal Act (art. 3), and is doing so: "
                      f"{r.ac.kind} ({r.ac.date_label}). His immunity in another State never exempted him from "
                      "Korea's jurisdiction (VCDR art. 31(4)).")
