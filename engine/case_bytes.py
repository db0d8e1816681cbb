"""From the bytes of a case file to plain data, or one sentence saying why not.

A case file is small hand-written text. Anything else that arrives (a Word document, a UTF-16
export, a 50 MB log, a YAML alias bomb, data nested 10,000 deep, a `!!python/...` tag) is
refused with a sentence a person can act on, before it can exhaust memory or the stack, run
code, or end in a traceback. The limits, and why:

- MAX_BYTES (32 MiB): the shipped cases are under 20 kB and a generated case of 10,000 persons
  is about 4 MB of JSON. Reading is bounded so that a path such as /dev/zero ends too.
- MAX_DEPTH (100 levels): a case file nests 5 levels, an exercise bank's patch about 9. Deeper
  data would meet Python's recursion limit later (deepcopy, pydantic, JSON output) as a
  RecursionError; libyaml itself stops at 1,000 levels, the json module near 1,000.
- ALIAS_BUDGET (100,000 values): PyYAML shares the object an alias repeats, so loading a
  "billion laughs" is cheap, but whatever walks or copies the data afterwards (validation,
  what-if, JSON output) would expand it. Aliases are allowed, not refused: a case may repeat a
  list of sources by alias. Written out in full, they may add at most this many values.

A UTF-8 byte order mark is accepted and skipped (Windows editors write one); UTF-16 and UTF-32
are refused, saying so. `.json` files are read by the json module (about 100 times faster than
PyYAML), refusing NaN, Infinity and numbers too large for a float, which JSON does not have.
"""

from __future__ import annotations

import codecs
import json
import math
import re
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError

MAX_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 100
ALIAS_BUDGET = 100_000
TOO_DEEP = f"nested deeper than {MAX_DEPTH} levels; a case file nests only a few (see `immunity schema`)"


class Unreadable(Exception):
    """Why the bytes are not plain data: one problem, as `field.path: ...` or `line L, column C: ...`."""

    def __init__(self, problem: str):
        super().__init__(problem)
        self.problem = problem


def field_path(loc: tuple) -> str:
    """('postings', 0, 'person') -> 'postings[0].person'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


# --- bytes ------------------------------------------------------------------------------------

def read_bytes(path: Path) -> bytes:
    """The file's bytes, at most MAX_BYTES of them."""
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise Unreadable("no such file") from None
    except IsADirectoryError:
        raise Unreadable("is a directory, expected a case file (.yaml or .json)") from None
    except OSError as exc:
        raise Unreadable(f"cannot be read: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise Unreadable(f"is larger than {MAX_BYTES // 2**20} MB; expected a case file "
                         f"(the shipped ones are under 20 kB)")
    return raw


_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),  # before UTF-16: FF FE 00 00
         (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))
_MAGIC = ((b"%PDF-", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (a .docx, .xlsx or .odt document is one)"),
          (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document (.doc, .xls)"), (b"\x89PNG", "a PNG image"),
          (b"\xff\xd8\xff", "a JPEG image"), (b"\x1f\x8b", "gzip-compressed"), (b"\x7fELF", "a program"))


def decode(raw: bytes) -> str:
    """UTF-8 text without its byte order mark, or why the bytes are not UTF-8 text."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            raise Unreadable(f"expected UTF-8 text, this looks like {encoding} (it starts with a {encoding} "
                             f"byte order mark); save it as UTF-8")
    for magic, what in _MAGIC:
        if raw.startswith(magic):
            raise Unreadable(f"expected UTF-8 text, this is {what}, not a case file")
    sample = raw[:4096]
    half = len(sample) // 2
    if half >= 2 and (sample[1::2].count(0) > half * 0.3) != (sample[0::2].count(0) > half * 0.3):
        raise Unreadable("expected UTF-8 text, this looks like UTF-16 (every other byte is NUL, and there "
                         "is no byte order mark); save it as UTF-8")
    nul = raw.find(b"\0")
    if nul >= 0:
        raise Unreadable(_not_text(raw, nul, "a NUL byte", "; a text file has none"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Unreadable(_not_text(raw, exc.start, f"the byte 0x{raw[exc.start]:02X}",
                                   " (saved as Latin-1 or Windows-1252?); save it as UTF-8")) from None
    return text.removeprefix("\ufeff")


def _not_text(raw: bytes, offset: int, found: str, hint: str) -> str:
    sample = raw[:4096].decode("utf-8", errors="replace")
    odd = sum(ch == "\ufffd" or (ch < " " and ch not in "\t\n\r") for ch in sample)
    if odd > len(sample) * 0.1:  # lines and columns mean nothing in a binary file
        return f"expected UTF-8 text, this looks like a binary file (found {found} at byte {offset:,})"
    line = raw.count(b"\n", 0, offset) + 1
    column = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}: expected UTF-8 text, found {found}{hint}"


def _line_column(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"line {line}, column {offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


# --- YAML -------------------------------------------------------------------------------------

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: ~10x faster


class NotPlainData(ConstructorError):
    """YAML that is well formed but is not the plain data a case file holds."""


class TextDatesLoader(_SafeLoader):
    """A safe loader that leaves 2018-02-14 as the text it is, so every date keeps its precision;
    that refuses a key written twice (YAML would keep the last silently) and any tag that is not
    plain data (`!!python/...` never runs: the safe loader has no constructor for it)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key, _ in node.value if isinstance(node, yaml.MappingNode) else ():
            if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                if (key.tag, key.value) in seen:
                    raise NotPlainData("while constructing a mapping", node.start_mark,
                                       f"found the key {key.value!r} twice; expected each key once",
                                       key.start_mark)
                seen.add((key.tag, key.value))
        return super().construct_mapping(node, deep=deep)


TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _refuse_tag(loader, node):
    shown = node.tag.replace("tag:yaml.org,2002:", "!!")
    raise NotPlainData(None, None, f"the tag {shown} is not allowed; expected plain data (text, numbers, "
                       "true/false, null, lists and mappings)", node.start_mark)


def _checked(construct):
    """A scalar constructor that says which value it cannot read (`!!int abc`, a 5,000-digit number)."""

    def checked(loader, node):
        try:
            return construct(loader, node)
        except (ValueError, KeyError, OverflowError):
            value = node.value if len(node.value) <= 40 else f"{node.value[:20]}... ({len(node.value):,} characters)"
            raise NotPlainData(None, None, f"cannot read {value!r} as "
                               f"{node.tag.replace('tag:yaml.org,2002:', '')}", node.start_mark) from None

    return checked


for _tag in ("binary", "set", "omap", "pairs"):
    TextDatesLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse_tag)
for _tag in ("int", "float", "bool"):
    TextDatesLoader.add_constructor(f"tag:yaml.org,2002:{_tag}",
                                    _checked(TextDatesLoader.yaml_constructors[f"tag:yaml.org,2002:{_tag}"]))
TextDatesLoader.add_constructor(None, _refuse_tag)


def yaml_problem(exc: yaml.YAMLError, text: str) -> str:
    """One line saying where and what, for any error PyYAML or libyaml raises."""
    if isinstance(exc, yaml.reader.ReaderError):
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return f"{_line_column(text, exc.position)}: expected text, found the control character U+{char:04X}"
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if "maximum nesting depth" in problem:
        return where + TOO_DEEP
    if isinstance(exc, NotPlainData):
        return where + problem
    context, start = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    if context and start and mark and start.line != mark.line:  # say where the unfinished thing began
        context += f" (from line {start.line + 1}, column {start.column + 1})"
    return f"{where}invalid YAML: {context + ', ' if context else ''}{problem}"


def parse_yaml(text: str) -> Any:
    loader = TextDatesLoader(text)
    try:
        return loader.get_single_data()
    except yaml.YAMLError as exc:
        raise Unreadable(yaml_problem(exc, text)) from None
    except RecursionError:  # the pure-Python composer recurses (libyaml stops at 1,000 levels first)
        raise Unreadable(TOO_DEEP) from None
    finally:
        loader.dispose()


# --- JSON -------------------------------------------------------------------------------------

class _NotFinite(str):
    """A JSON NaN or Infinity (not JSON, but some writers emit them), kept to be refused with its path."""

    expected = "a JSON value (JSON has no NaN or Infinity)"


class _TooLarge(_NotFinite):
    """A JSON number too large for a float (1e999 would read as infinity)."""

    expected = "a number that fits in a float"


class _KeyTwice(dict):
    """A JSON object with a key written twice (json keeps the last), kept to be refused with its path."""

    key: str


def _float(text: str) -> float | _NotFinite:
    number = float(text)
    return number if math.isfinite(number) else _TooLarge(text)


def _object(pairs: list) -> dict:
    obj = dict(pairs)
    if len(obj) < len(pairs):
        seen: set = set()
        obj = _KeyTwice(obj)
        obj.key = next(k for k, _ in pairs if k in seen or seen.add(k))
    return obj


def parse_json(text: str) -> Any:
    try:
        return json.loads(text, parse_constant=_NotFinite, parse_float=_float, object_pairs_hook=_object)
    except json.JSONDecodeError as exc:
        raise Unreadable(f"line {exc.lineno}, column {exc.colno}: invalid JSON: {exc.msg}") from None
    except RecursionError:
        depth, tokens = 0, re.finditer(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', text)
        for token in tokens:
            depth += {"[": 1, "{": 1, "]": -1, "}": -1}.get(token.group(), 0)
            if depth > MAX_DEPTH:
                raise Unreadable(f"{_line_column(text, token.start())}: {TOO_DEEP}") from None
        raise Unreadable(TOO_DEEP) from None
    except ValueError as exc:  # an integer of more than 4,300 digits (sys.get_int_max_str_digits)
        long = re.search(r"\d{4300,}", text)
        where = f"{_line_column(text, long.start())}: " if long else ""
        raise Unreadable(f"{where}invalid JSON: a number too long to read ({str(exc).split(':')[0]})") from None


# --- the shape of the data --------------------------------------------------------------------

def shape_problem(data: Any) -> str | None:
    """The first problem in the shape of parsed data, with its field path, or None.

    One iterative pass (no recursion, whatever the depth); a list or mapping that aliases share
    is walked once, and its size counted each time it is reached, as if written out. Most files
    have nothing to find and share nothing: `_surely_plain` says so first, 5-10x faster."""
    if not isinstance(data, (dict, list)) or _surely_plain(data):
        return None
    size: dict[int, int] = {}  # id(container) -> values it holds, aliases written out
    height: dict[int, int] = {}  # id(container) -> levels of nesting from it down
    open_: set[int] = set()  # the containers being walked: the current one's ancestors
    distinct = 0  # values the file spells out
    stack: list[tuple[Any, tuple, bool]] = [(data, (), False)]
    while stack:
        obj, path, leaving = stack.pop()
        children = list(obj.values()) if isinstance(obj, dict) else obj
        if leaving:
            inner = [c for c in children if isinstance(c, (dict, list))]
            size[id(obj)] = 1 + len(children) - len(inner) + sum(size[id(c)] for c in inner)
            height[id(obj)] = 1 + max((height[id(c)] for c in inner), default=0)
            open_.discard(id(obj))
            continue
        if id(obj) in open_:
            return (f"{field_path(path)}: a YAML alias here repeats a list or mapping that contains it "
                    "(a loop); expected data that ends")
        if id(obj) in size:  # reached again through an alias: already walked
            if len(path) + height[id(obj)] > MAX_DEPTH:
                return f"{_shown(path)}: {TOO_DEEP}"
            continue
        if len(path) >= MAX_DEPTH:
            return f"{_shown(path)}: {TOO_DEEP}"
        if isinstance(obj, _KeyTwice):
            return f"{field_path(path)}: found the key {obj.key!r} twice; expected each key once"
        open_.add(id(obj))
        stack.append((obj, path, True))
        distinct += 1
        keys = list(obj) if isinstance(obj, dict) else range(len(obj))
        for key, child in zip(reversed(keys), reversed(children)):
            if isinstance(obj, dict) and not isinstance(key, str):
                return f"{field_path(path)}: expected field names as text, got the key {key!r}"
            if isinstance(child, (dict, list)):
                stack.append((child, path + (key,), False))
                continue
            distinct += 1
            if isinstance(child, _NotFinite):
                return f"{field_path(path + (key,))}: expected {child.expected}, got {child}"
            if isinstance(child, float) and not math.isfinite(child):
                return f"{field_path(path + (key,))}: expected a finite number, got {child}"
    if size[id(data)] - distinct <= ALIAS_BUDGET:
        return None
    worst = max(data.items() if isinstance(data, dict) else enumerate(data),
                key=lambda kv: size.get(id(kv[1]), 1))[0]
    written = size.get(id(data[worst]), 1)
    return (f"{field_path((worst,))}: written out, its YAML aliases come to {written:,} values; "
            f"expected aliases to add at most {ALIAS_BUDGET:,} (is this a \"billion laughs\" alias bomb?)")


def _surely_plain(data: dict | list) -> bool:
    """True when nothing is shared (no YAML alias), deep, odd-keyed or non-finite; False: look closer."""
    seen: set[int] = set()
    stack = [(data, 1)]
    while stack:
        obj, depth = stack.pop()
        if depth > MAX_DEPTH or id(obj) in seen:
            return False
        seen.add(id(obj))
        if type(obj) is dict:
            for key in obj:
                if type(key) is not str:
                    return False
            values = obj.values()
        else:
            values = obj
        for value in values:
            kind = type(value)
            if kind is dict or kind is list:
                stack.append((value, depth + 1))
            elif kind is float:
                if value - value != 0:  # nan or infinity
                    return False
            elif kind is _KeyTwice or kind is _NotFinite or kind is _TooLarge:
                return False
    return type(data) is not _KeyTwice


def _shown(path: tuple) -> str:
    return field_path(path[:3]) + ("..." if len(path) > 3 else "")


def parse_bytes(raw: bytes, as_json: bool) -> Any:
    """Plain data from a case file's bytes (None for a file with nothing in it), or Unreadable."""
    text = decode(raw)
    if not text.strip():
        return None
    data = parse_json(text) if as_json else parse_yaml(text)
    problem = shape_problem(data)
    if problem:
        raise Unreadable(problem)
    return data
