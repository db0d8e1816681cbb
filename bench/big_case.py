"""A generated embassy of N persons, for measuring scale (bench/) and testing it (tests/).

Persons come in five kinds that repeat in order, so every person of a kind has the same facts
as every other of that kind, up to names and ids: a diplomat who assaulted someone in a bar,
his wife, a technician, a locally recruited driver, and a diplomat who has left. Identical
facts must give identical answers, however many persons the case holds.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

KINDS = ("diplomat", "spouse", "technician", "driver", "departed")


def kind_of(index: int) -> str:
    return KINDS[index % len(KINDS)]


def big_case(persons: int) -> dict:
    """A valid case-file mapping with `persons` persons in one embassy (Portugal in Ireland)."""
    case = {
        "id": f"generated-{persons}",
        "title": f"A generated embassy of {persons} persons (invented, for measuring scale)",
        "sources": [{"label": "G1", "title": "Generated for measuring scale: no real persons or events",
                     "publisher": "immunity project (generated)"}],
        "states": [{"code": "PRT", "name": "Portugal"}, {"code": "IRL", "name": "Ireland"}],
        "persons": [], "postings": [], "acts": [],
        "missions": [{"id": "embassy", "kind": "embassy", "sending_state": "PRT", "receiving_state": "IRL",
                      "city": "Dublin", "sources": ["G1"]}],
    }
    for i in range(persons):
        kind, pid = kind_of(i), f"p{i}"
        person = {"id": pid, "name": f"Person {i}", "sources": ["G1"],
                  "nationalities": ["IRL"] if kind == "driver" else ["PRT"],
                  "permanent_resident_of": ["IRL"] if kind in ("driver", "technician") else []}
        posting = {"id": f"{pid}-post", "person": pid, "mission": "embassy", "sources": ["G1"],
                   "notified": "2019-01-10", "arrived": "2019-01-10"}
        if kind in ("diplomat", "departed"):
            posting.update(category="diplomatic_agent", title="Second Secretary")
        elif kind == "spouse":
            posting.update(category="family_member", household_of=f"p{i - 1}-post", title="spouse")
        elif kind == "technician":
            posting.update(category="administrative_technical", title="technician")
        else:
            posting.update(category="service_staff", title="driver")
            del posting["notified"]
        if kind == "departed":
            posting.update(functions_ended="2020-03-01", departed="2020-03-05")
        case["persons"].append(person)
        case["postings"].append(posting)
        if kind in ("diplomat", "departed"):
            case["acts"].append({"id": f"{pid}-assault", "person": pid, "when": "2019-06-01", "state": "IRL",
                                 "place": "a bar in Dublin", "description": "an alleged assault in a bar",
                                 "official": False, "sources": ["G1"]})
    return case


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python bench/big_case.py PERSONS OUT.json", file=sys.stderr)
        return 2
    Path(argv[1]).write_text(json.dumps(big_case(int(argv[0]))), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
