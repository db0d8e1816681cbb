"""A big case evaluated in parts, each part small enough for durable-rules to stay fast.

durable-rules keeps every fact of a session at about 8 KB and its cost per fact grows with
the session, so a case of thousands of persons is slow and large in one session. But no rule
joins two facts except through a shared id of a person, posting, act, request, proceeding,
offence or entry (`ENTITY_FIELDS`; tests/test_partition.py checks every rule for it), or
through what every part holds anyway: the case, the missions and the treaties
(`SHARED_KINDS`). So the facts fall into groups that no rule can join, each evaluated with the
shared facts in its own session; a derivation reached in several (a mission's premises) is
the same fact, kept once. Cases below `PART_SIZE` facts, every real one, run in one session.
"""

from __future__ import annotations

from typing import Iterator

SHARED_KINDS = frozenset({"case", "mission", "treaty", "treaty_term", "no_treaty"})
ENTITY_FIELDS = ("person", "posting", "household", "act", "acts", "request", "proceeding", "offence", "entry",
                 "target", "head", "by", "to", "from", "consent_by")
PART_SIZE = 1_000  # input facts per session (measured: 5,000 persons fastest near here)


def parts(facts: list[dict], size: int | None = None) -> Iterator[list[dict]]:
    """The facts in groups no rule joins across, packed into parts of about `size` facts,
    each with every shared fact; all the facts in one part when they are fewer than `size`."""
    size = PART_SIZE if size is None else size
    if len(facts) <= size:
        yield facts
        return
    shared = [f for f in facts if f["t"] in SHARED_KINDS]
    groups = _groups([f for f in facts if f["t"] not in SHARED_KINDS])
    part: list[dict] = []
    for group in groups:
        if part and len(part) + len(group) > size:
            yield shared + part
            part = []
        part += group
    if part or not groups:
        yield shared + part


def _groups(facts: list[dict]) -> list[list[dict]]:
    """Facts linked, directly or through others, by an id in one of their entity fields."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    ids_of = []
    for f in facts:
        ids = [f"{v}" for name in ENTITY_FIELDS if (value := f.get(name)) not in (None, "", "none")
               for v in (value if isinstance(value, list) else [value])]
        ids = ids or [f"fact:{f['key']}"]
        for other in ids[1:]:
            parent[root(other)] = root(ids[0])
        ids_of.append(ids[0])
    grouped: dict[str, list[dict]] = {}
    for f, first in zip(facts, ids_of):
        grouped.setdefault(root(first), []).append(f)
    return list(grouped.values())
