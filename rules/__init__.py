"""The law, one module per instrument. Every rule cites its instrument and article.

`INSTRUMENTS` lists them in the order their rules are read: when several rules reach the
same answer, the first in this order is the answer's rule and the others further grounds.
"""

from rules import cooperation, scope  # noqa: F401  (they register their VCDR rules on the VCDR instrument)
from rules.extradition import TREATY
from rules.korean_criminal_act import KCA
from rules.korean_extradition_act import KEA
from rules.mutual_assistance import MLAT
from rules.nz_extradition_act import NZ_EA
from rules.vccr import VCCR
from rules.vcdr import VCDR
from rules.whereabouts import WHEREABOUTS

INSTRUMENTS = (VCDR, VCCR, WHEREABOUTS, TREATY, NZ_EA, MLAT, KCA, KEA)
RULES = [rule for instrument in INSTRUMENTS for rule in instrument.rules]
