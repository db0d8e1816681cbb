"""What an evaluation returns: conclusions with their provenance (the `--json` contract).

An `Answer` is a decision record a person can keep: the engine's version, the hash of the
case file, the day asked, and every conclusion with the rule, articles, facts and sources
it rests on. The same inputs give byte-identical JSON.
"""

from pydantic import BaseModel, ConfigDict, Field

# The contract's questions, in the order answers are shown.
QUESTIONS = (
    "criminal_immunity", "civil_immunity", "personal_inviolability", "residual_immunity",
    "prosecutable", "present_in_territory", "must_give_evidence", "must_respect_laws",
    "sending_state_jurisdiction", "premises_inviolable", "archives_inviolable", "entry_permitted",
    "waiver_effective", "extraditable_offence", "extradition_refusable",
    "must_submit_for_prosecution", "available_action",
)


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Conclusion(Record):
    id: str = Field(description="question:subject, stable across evaluations")
    question: str
    subject: dict[str, str]
    holds: bool | None = Field(description="null: unknown or uncertain, see `needs` and `window`")
    rule: str
    cites: list[str]
    because: list[str] = Field(description="the case-file facts the conclusion rests on")
    sources: list[str] = Field(description="the reports those facts cite")
    text: str
    unverified: list[str] = Field(default_factory=list,
                                  description="rules resting on unverified law that this answer uses")
    needs: str | None = None
    window: str | None = Field(None, description="start/end of the date window the day falls in")
    set_aside: list[str] = Field(default_factory=list,
                                 description="rules whose answer this one displaced as an exception")


class Unknown(Record):
    id: str
    question: str
    subject: dict[str, str]
    needs: str


class Answer(Record):
    case: str
    as_of: str
    engine: str
    case_sha256: str | None = None
    facts_known_until: str | None = Field(None, description="the end of the latest dated fact")
    note: str | None = None
    conclusions: list[Conclusion]
    unknowns: list[Unknown]

    def find(self, question: str, **subject: str) -> list[Conclusion]:
        """Conclusions answering `question` whose subject includes every given key and value."""
        return [c for c in self.conclusions if c.question == question
                and all(c.subject.get(k) == v for k, v in subject.items())]
