"""What an evaluation returns: conclusions with their provenance (the `--json` contract).

An `Answer` is a decision record a person can keep: the engine's version, the hash of the
case file, the day asked, and every conclusion with the rule, articles, facts and sources
it rests on. The same inputs give byte-identical JSON.
"""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# The contract's questions, in the order answers are shown.
QUESTIONS = (
    "criminal_immunity", "civil_immunity", "personal_inviolability", "residual_immunity",
    "prosecutable", "present_in_territory", "must_give_evidence", "must_respect_laws",
    "sending_state_jurisdiction", "premises_inviolable", "archives_inviolable", "entry_permitted",
    "waiver_effective", "extraditable_offence", "extraditable_person", "extradition_refusable",
    "must_submit_for_prosecution", "available_action",
)


# When several grounds answer the same question differently (one person holding two postings in
# one State, say), a protection needs only one ground: the answer a single ground makes decisive,
# then "unknown", then the rest. Questions absent here must never disagree.
DECISIVE = {
    "criminal_immunity": "yes", "civil_immunity": "yes", "personal_inviolability": "yes",
    "residual_immunity": "yes", "premises_inviolable": "yes", "archives_inviolable": "yes",
    "sending_state_jurisdiction": "yes", "must_respect_laws": "yes", "extradition_refusable": "yes",
    "must_give_evidence": "no", "prosecutable": "no",
    # an act is extraditable if any offence it constitutes meets the threshold (several offences
    # under one State's law may be recorded for it)
    "extraditable_offence": "yes",
    # an action is open if any ground opens it; those resting on a protection (arrest, waiver)
    # are settled first, where the protection itself is combined
    "available_action": "yes",
}


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Conclusion(Record):
    id: str = Field(description="question:subject, stable across evaluations")
    question: str
    subject: dict[str, str]
    holds: bool | None = Field(description="null: unknown or uncertain, see `needs` and `window`")
    rule: str
    also: list[str] = Field(default_factory=list, description="further rules reaching the same answer")
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
    """`immunity now/at --json`: every answer on the day asked (the decision record)."""

    shape: Literal["answer"] = Field("answer", description="which output this is")
    shape_version: Literal[1] = Field(1, description="the version of the shape")
    case: str
    as_of: str = Field(description="the day asked (YYYY-MM-DD), or the month or year (YYYY-MM, YYYY)")
    period: str | None = Field(None, description="start/end of the month or year asked, when one was")
    engine: str
    case_sha256: str | None = None
    facts_known_until: str | None = Field(None, description="the end of the latest dated fact")
    note: str | None = None
    conclusions: list[Conclusion]
    unknowns: list[Unknown]

    def selected(self, question: str | None, subject: dict[str, str]) -> "Answer":
        """Only the conclusions (and unknowns) answering `question`, about a subject that
        includes every given key and value."""
        def kept(c) -> bool:
            return (question is None or c.question == question) and \
                all(c.subject.get(k) == v for k, v in subject.items())

        return self.model_copy(update={"conclusions": [c for c in self.conclusions if kept(c)],
                                       "unknowns": [u for u in self.unknowns if kept(u)]})

    def find(self, question: str, **subject: str) -> list[Conclusion]:
        """Conclusions answering `question` whose subject includes every given key and value."""
        return [c for c in self.conclusions if c.question == question
                and all(c.subject.get(k) == v for k, v in subject.items())]
