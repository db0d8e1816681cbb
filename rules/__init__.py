"""The law, one module per instrument. Every rule cites its instrument and article."""

from rules.vcdr import VCDR

INSTRUMENTS = (VCDR,)
RULES = [rule for instrument in INSTRUMENTS for rule in instrument.rules]
