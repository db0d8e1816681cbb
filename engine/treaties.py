"""Bilateral treaties as data: terms that vary between pairs of States live in
`rules/treaties/*.yaml`, and rules read them (as OpenFisca reads its parameters).

Each term says which article it comes from and how sure the legal brief is of it; an answer
that uses a term which is not verified says so.
"""

from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from engine.dates import FuzzyDate
from engine.loading import TextDatesLoader
from engine.model import Certainty, Id, StateCode

class Term(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)

    article: str
    certainty: Certainty


class Treaty(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Id
    kind: Literal["extradition", "mutual_legal_assistance"]
    title: str
    short: str
    parties: tuple[StateCode, StateCode]
    signed: FuzzyDate | None = None
    in_force: FuzzyDate | None = None
    source: str
    terms: dict[str, Term]


class TreatyDataError(RuntimeError):
    """A treaty data file is malformed: a defect of the installation, not of the user's case."""


@lru_cache(maxsize=1)
@lru_cache(maxsize=1)
def load_treaties() -> tuple[Treaty, ...]:
    """The treaties shipped in rules/treaties (read once: they are installed data)."""
    treaties = []
    import rules

    for path in sorted((Path(rules.__file__).parent / "treaties").glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=TextDatesLoader)
        try:
            treaties.append(Treaty.model_validate(data))
        except ValidationError as exc:
            raise TreatyDataError(f"{path}: {exc}") from None
    return tuple(treaties)

