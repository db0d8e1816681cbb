"""What is worked out once per case object and reused: indexes by id, the situation cache.

A `Case` is frozen, so anything derived from it stays true for as long as the object lives.
The store is keyed by the object's identity and holds the object itself, so an identity cannot
be reused by another case while its entry lives; only the most recently used cases are kept.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

CASES_KEPT = 16

_store: OrderedDict[int, tuple[Any, dict]] = OrderedDict()
_lock = threading.Lock()


def per_case(case: Any) -> dict:
    """The memo of `case`: a dict the caller fills in (each user under its own key)."""
    with _lock:
        entry = _store.get(id(case))
        if entry is None or entry[0] is not case:
            entry = _store[id(case)] = (case, {})
            while len(_store) > CASES_KEPT:
                _store.popitem(last=False)
        _store.move_to_end(id(case))
        return entry[1]
