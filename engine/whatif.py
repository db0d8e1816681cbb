"""What if a fact were different? Evaluate a changed copy of a case and compare.

The user's file is read, copied in memory, changed and validated; it is never written. A
change is either `PATH=VALUE`, where PATH walks the case file and picks list items by their
id (`requests.waiver-2019-09.response.outcome=granted`), or a partial case file whose
items are merged into the case by id (a patch).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, Optional

import yaml

from engine.answer import Answer, Conclusion
from engine.case_bytes import yaml_problem
from engine.loading import TextDatesLoader, parse_case

ITEM_KEYS = ("id", "label", "code")  # how list items are named: most by id, sources by label, states by code


class ChangeError(ValueError):
    """A change that cannot be applied: the path does not exist, or the value does not parse."""


def apply_set(data: dict, assignment: str) -> dict:
    """A copy of `data` with one `PATH=VALUE` applied. VALUE is read as YAML (true, null, 12,
    [NZL, KOR]), dates kept as text."""
    path, sep, raw = assignment.partition("=")
    if not sep or not path:
        raise ChangeError(f"--set {assignment!r}: expected PATH=VALUE")
    try:
        value = yaml.load(raw, Loader=TextDatesLoader) if raw.strip() else None
    except yaml.YAMLError as exc:
        raise ChangeError(f"--set {path}: cannot read the value {raw!r}: {yaml_problem(exc, raw)}") from None
    changed = copy.deepcopy(data)
    parts = path.split(".")
    target = changed
    for i, part in enumerate(parts[:-1]):
        target = _step(target, part, ".".join(parts[: i + 1]), create=True)
    last = parts[-1]
    if isinstance(target, list):
        index = _index(target, last, path)
        target[index] = value
    elif isinstance(target, dict):
        target[last] = value
    else:
        raise ChangeError(f"--set {path}: {'.'.join(parts[:-1])} is a value, not a section")
    return changed


def _step(node: Any, part: str, where: str, create: bool) -> Any:
    if isinstance(node, dict):
        if part not in node or node[part] is None:
            if not create:
                raise ChangeError(f"{where}: no such field")
            node[part] = {}
        return node[part]
    if isinstance(node, list):
        return node[_index(node, part, where)]
    raise ChangeError(f"{where}: is a value, not a section")


def _index(items: list, part: str, where: str) -> int:
    for i, item in enumerate(items):
        if isinstance(item, dict) and any(str(item.get(k)) == part for k in ITEM_KEYS):
            return i
    if part.isdigit() and int(part) < len(items):
        return int(part)
    names = [str(item.get(k)) for item in items if isinstance(item, dict) for k in ITEM_KEYS if k in item]
    raise ChangeError(f"{where}: no item {part!r} (there are: {', '.join(names) or 'none'})")


def apply_patch(data: dict, patch: Any) -> dict:
    """A copy of `data` with a partial case file merged in: mappings merge key by key, list
    items merge with the item of the same id (or are added), other values are replaced."""
    if not isinstance(patch, dict):
        raise ChangeError("the patch must be a mapping of case-file sections")
    return _merge(copy.deepcopy(data), patch)


def _merge(base: Any, patch: Any) -> Any:
    if isinstance(base, dict) and isinstance(patch, dict):
        for key, value in patch.items():
            base[key] = _merge(base.get(key), value) if key in base else copy.deepcopy(value)
        return base
    if isinstance(base, list) and isinstance(patch, list) and all(isinstance(p, dict) for p in patch):
        for item in patch:
            name = next((k for k in ITEM_KEYS if k in item), None)
            match = next((b for b in base if isinstance(b, dict) and name and b.get(name) == item[name]), None)
            if match is not None:
                _merge(match, item)
            else:
                base.append(copy.deepcopy(item))
        return base
    return copy.deepcopy(patch)


def changed_case(data: dict, sets: list[str], patch: Optional[Any], file: str):
    """The validated changed case, or a CaseFileError naming what the change broke."""
    changed = apply_patch(data, patch) if patch is not None else copy.deepcopy(data)
    for assignment in sets:
        changed = apply_set(changed, assignment)
    return parse_case(changed, f"{file} (as changed)")


@dataclass(frozen=True)
class Difference:
    id: str
    question: str
    subject: dict
    before: Optional[Conclusion]
    after: Optional[Conclusion]

    def as_json(self) -> dict:
        def side(c: Optional[Conclusion]):
            if c is None:
                return None
            return {"holds": c.holds, "rule": c.rule, "cites": c.cites, "text": c.text,
                    "unverified": list(c.unverified)}

        return {"id": self.id, "question": self.question, "subject": self.subject,
                "before": side(self.before), "after": side(self.after)}


def differences(before: Answer, after: Answer) -> list[Difference]:
    """Conclusions whose answer changed, appeared or disappeared (a change of wording alone is
    not a difference)."""
    old = {c.id: c for c in before.conclusions}
    new = {c.id: c for c in after.conclusions}
    out = []
    for ident in list(old) + [i for i in new if i not in old]:
        a, b = old.get(ident), new.get(ident)
        if a is None or b is None or a.holds != b.holds or (a.holds is None and a.window != b.window):
            c = a or b
            out.append(Difference(ident, c.question, c.subject, a, b))
    return out

