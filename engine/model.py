"""The case file: dated, sourced facts, validated before any rule sees them.

Every field that a report may leave silent is optional, and `None` means "not reported"
(never "no"). An empty list means the case file states there are none. The rules rely on
that difference: an unreported fact makes the answer "unknown", not a guess.
"""

import datetime as dt
from enum import Enum
from typing import Annotated, Iterator

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from engine.dates import FuzzyDate
from engine.per_case import per_case

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
StateCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
SourceLabel = Annotated[str, StringConstraints(min_length=1)]

NOT_REPORTED = "left out: not reported"  # the words every optional fact's description ends with


def described(**values: str):
    """Describe each value of an enum in the JSON Schema, as a `oneOf` of `const` and
    `description`: the form every validator and editor understands. Validation is unchanged;
    an enum missing a value's description fails at import, not in a user's editor."""

    def decorate(cls: type[Enum]) -> type[Enum]:
        if [m.value for m in cls] != list(values):
            raise TypeError(f"{cls.__name__}: describe each value, in order: {[m.value for m in cls]}")

        def json_schema(core_schema, handler):
            schema = handler(core_schema)
            handler.resolve_ref_schema(schema)["oneOf"] = [
                {"const": value, "description": text} for value, text in values.items()]
            return schema

        cls.__get_pydantic_json_schema__ = staticmethod(json_schema)
        return cls

    return decorate


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


Alias = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


class Named(Strict):
    """Something scenarios and exercises may call by a short name of the case's own choosing."""

    aliases: list[Alias] = Field(
        default_factory=list,
        description="short names a scenario may use for it besides its id and name, e.g. 'Kim', "
        "'the 2017 assaults'; each names one thing in the case",
        examples=[["Kim", "the deputy head of mission"]])


class Sourced(Strict):
    """A fact a report supports: which report(s), and a note where the fact needs one."""

    sources: list[SourceLabel] = Field(
        default_factory=list, description="the reports that support this fact, by their `label` in `sources`",
        examples=[["A1", "P3"]])
    note: str | None = Field(
        None, description="a remark in plain words on the fact or its sources (a doubt, a gap, how a date was "
        "worked out), shown with the fact; the rules do not read it")


class Source(Strict):
    """A report the facts rest on, so every answer can say where its facts come from."""

    label: SourceLabel = Field(description="a short label the facts cite in their `sources`; unique in the case",
                               examples=["A1", "LB"])
    title: str = Field(description="the report's headline or title")
    publisher: str | None = Field(None, description="who published it, e.g. a newspaper or a court; " + NOT_REPORTED,
                                  examples=["New Zealand Herald"])
    date: FuzzyDate | None = Field(None, description="when it was published; " + NOT_REPORTED)
    file: str | None = Field(None, description="a local copy of the report, as a path relative to the case file",
                             examples=["../shared/case/articles/article-1-pressure-on-korea.txt"])


class State(Named):
    """A State the case involves; facts name it by its code."""

    code: StateCode = Field(description="the State's ISO 3166-1 alpha-3 code, in capitals; unique in the case",
                            examples=["NZL", "KOR"])
    name: str = Field(description="the State's name as answers should say it", examples=["New Zealand"])


class Person(Sourced, Named):
    """Someone whose immunity, or whose acts, the case is about."""

    id: Id = Field(description="a short unique id the other facts name the person by (lower case, digits, - or _)",
                   examples=["kim"])
    name: str = Field(description="the person's name as answers should say it", examples=["Hongkon Kim"])
    nationalities: list[StateCode] | None = Field(
        None, description="the States whose national the person is, by code; an empty list: none; " + NOT_REPORTED
        + " (some immunities depend on not being a national of the receiving State)", examples=[["KOR"]])
    permanent_resident_of: list[StateCode] | None = Field(
        None, description="the States where the person is permanently resident, by code; an empty list: none; "
        + NOT_REPORTED, examples=[[]])


@described(
    embassy="a diplomatic mission of one State to another (Vienna Convention on Diplomatic Relations, VCDR)",
    consular_post="a consulate-general, consulate, vice-consulate or consular agency (Vienna Convention on "
    "Consular Relations, VCCR)",
    permanent_mission="a State's mission to an international organisation: neither Vienna Convention "
    "covers it, so the engine answers 'unknown'",
)
class MissionKind(str, Enum):
    """Which kind of mission: it decides which convention, if any, governs its members."""

    embassy = "embassy"
    consular_post = "consular_post"
    permanent_mission = "permanent_mission"


class Mission(Sourced, Named):
    """An embassy, consular post or permanent mission: where the persons are posted."""

    id: Id = Field(description="a short unique id the other facts name the mission by",
                   examples=["rok-embassy-wellington"])
    kind: MissionKind = Field(description="which kind of mission it is")
    sending_state: StateCode = Field(description="the State the mission represents, by code", examples=["KOR"])
    receiving_state: StateCode = Field(description="the State where the mission is, by code", examples=["NZL"])
    city: str | None = Field(None, description="the city it sits in", examples=["Wellington"])
    head: Id | None = Field(None, description="the person heading the mission, by person id, if named")
    closed: FuzzyDate | None = Field(
        None, description="when relations were broken off, or the mission recalled or closed (VCDR art. 45, "
        "VCCR art. 27); left out: none reported (the mission is taken as open)")


@described(
    diplomatic_agent="the head of the mission or a member of its diplomatic staff (VCDR art. 1(e))",
    administrative_technical="a member of the administrative and technical staff (VCDR art. 1(f))",
    service_staff="a member of the mission's domestic service, e.g. a driver or cook (VCDR art. 1(g), "
    "VCCR art. 1(1)(f))",
    private_servant="a domestic servant of a member of the mission, not employed by the sending State "
    "(VCDR art. 1(h), VCCR art. 1(1)(i))",
    family_member="a member of the family of a member of the mission, forming part of his household "
    "(VCDR art. 37, VCCR art. 71(2)); say whose in `household_of`",
    consular_officer="a person entrusted with consular functions, e.g. a consul (VCCR art. 1(1)(d))",
    consular_employee="a member of the administrative or technical staff of a consular post (VCCR art. 1(1)(e))",
)
class Category(str, Enum):
    """A member's place in the mission: the conventions give each category different immunities."""

    diplomatic_agent = "diplomatic_agent"
    administrative_technical = "administrative_technical"
    service_staff = "service_staff"
    private_servant = "private_servant"
    family_member = "family_member"
    consular_officer = "consular_officer"
    consular_employee = "consular_employee"


class Posting(Sourced, Named):
    """A person's membership of a mission, from arrival to final departure."""

    id: Id = Field(description="a short unique id the other facts name the posting by",
                   examples=["kim-wellington"])
    person: Id = Field(description="who is posted, by person id", examples=["kim"])
    mission: Id = Field(description="where, by mission id", examples=["rok-embassy-wellington"])
    category: Category | None = Field(None, description="the member's category; " + NOT_REPORTED
                                      + " (the answers then say what each category would mean)")
    household_of: Id | None = Field(
        None, description="for a family member: the member of the mission whose household he forms part "
        "of, as the id of that member's posting at the same mission, or of the person (if he has one "
        "posting there); left out: not reported (VCDR art. 37 and VCCR art. 71(2) turn on it)")
    title: str | None = Field(None, description="the job title as the reports give it",
                              examples=["Deputy Head of Mission"])
    notified: FuzzyDate | None = Field(
        None, description="when the sending State notified the receiving State of the appointment; " + NOT_REPORTED)
    arrived: FuzzyDate | None = Field(
        None, description="entry into the receiving State to take up the post; " + NOT_REPORTED,
        examples=["2015-12-14", "2018"])
    already_in_territory: bool | None = Field(
        None, description="already in the receiving State when appointed: then diplomatic privileges begin "
        "on notification of the appointment (`notified`, VCDR art. 39(1)), and consular ones when he enters "
        "on his duties (give that day as `arrived`, VCCR art. 53(1)); not reported: taken as arriving")
    functions_ended: FuzzyDate | None = Field(
        None, description="when the person's functions with the mission came to an end (e.g. on notice of "
        "recall, VCDR art. 43); " + NOT_REPORTED)
    departed: FuzzyDate | None = Field(
        None, description="final departure from the receiving State; " + NOT_REPORTED + " (not taken as "
        "still there)", examples=["2018-02"])
    leave_period_ended: FuzzyDate | None = Field(
        None, description="when the reasonable period to leave after the end of functions expired, as the "
        "receiving State fixed or allowed it (VCDR art. 39(2), VCCR art. 53(3)); not reported: whether it "
        "has expired before departure is unknown")
    in_post_during: list[FuzzyDate] = Field(
        default_factory=list,
        description="periods throughout which the reports place the person in this post; "
        "they prove arrival by their start when the arrival date is not reported",
        examples=[["2017"]],
    )


@described(
    immovable_property="(a) a real action relating to private immovable property in the receiving State",
    succession="(b) an action relating to a succession in which he is involved as a private person",
    professional_or_commercial="(c) an action relating to a professional or commercial activity outside "
    "his official functions",
)
class CivilMatter(str, Enum):
    """The civil matters excepted from a diplomatic agent's immunity (VCDR art. 31(1)(a)-(c))."""

    immovable_property = "immovable_property"
    succession = "succession"
    professional_or_commercial = "professional_or_commercial"


class Act(Sourced, Named):
    """Conduct alleged against a person: what immunity may shield from the courts."""

    id: Id = Field(description="a short unique id the other facts name the act by", examples=["assault-2017"])
    person: Id = Field(description="who is said to have done it, by person id", examples=["kim"])
    when: FuzzyDate | None = Field(None, description="when it happened; " + NOT_REPORTED,
                                   examples=["2017", "2025-01-10"])
    place: str = Field(description="where: a mission id, or a place in words",
                       examples=["rok-embassy-wellington", "a hotel in Rome"])
    state: StateCode | None = Field(None, description="the State where it happened, by code, if not at a mission")
    description: str = Field(description="what was done, in plain words", examples=["indecent assault"])
    counts: int = Field(1, ge=1, description="how many times it was done, as separate counts; 1 if not said")
    civil_matter: CivilMatter | None = Field(
        None, description="for a civil claim: one of the VCDR art. 31(1)(a)-(c) matters, if it is one")
    official: bool | None = Field(
        description="performed in the exercise of functions? a legal characterisation the "
        "case file states, with a note; null: not established (the key must be there)"
    )


@described(
    verified="checked against the text of the law",
    reported="taken from press or secondary reports",
    unverified="not confirmed from any source",
)
class Certainty(str, Enum):
    """How sure a statement of law in the case file is (as the legal brief tags it)."""

    verified = "verified"
    reported = "reported"
    unverified = "unverified"


class Offence(Sourced, Named):
    """An offence under one State's law that the alleged conduct would constitute."""

    id: Id = Field(description="a short unique id for the offence", examples=["nz-indecent-assault"])
    state: StateCode = Field(description="the State whose law makes it an offence, by code", examples=["NZL"])
    law: str = Field(description="the provision, e.g. 'Crimes Act 1961 s 135'", examples=["Crimes Act 1961 s 135"])
    name: str = Field(description="the offence's name in that law", examples=["indecent assault"])
    acts: list[Id] = Field(default_factory=list, description="the acts that would constitute it, by act id")
    max_penalty_months: int | None = Field(None, ge=0, description="maximum imprisonment in months; "
                                           + NOT_REPORTED, examples=[84])
    certainty: Certainty = Field(Certainty.verified, description="how sure the statement of the law is")


@described(
    work_area="the part of the premises used exclusively for the work of the post (VCCR art. 31(2))",
    other_part="another part of the premises",
    residence="a residence of a member of the mission or post",
)
class Area(str, Enum):
    """Which part of the premises: a consular post's inviolability covers only its work area."""

    work_area = "work_area"
    other_part = "other_part"
    residence = "residence"


@described(
    fire="a fire",
    disaster="another disaster requiring prompt protective action",
)
class Emergency(str, Enum):
    """An emergency in which a consular post's consent to enter is assumed (VCCR art. 31(2))."""

    fire = "fire"
    disaster = "disaster"


class Entry(Sourced, Named):
    """Agents of the receiving State entering (or seeking to enter) a mission's premises."""

    id: Id = Field(description="a short unique id for the entry", examples=["search-2023-03"])
    mission: Id = Field(description="whose premises, by mission id")
    by: StateCode = Field(description="the State whose agents enter, by code", examples=["CAN"])
    date: FuzzyDate | None = Field(None, description="when; " + NOT_REPORTED)
    area: Area = Field(Area.work_area, description="which part of the premises; the work area if not said")
    emergency: Emergency | None = Field(None, description="the emergency, if there was one; left out: none")
    consent_by: str | None = Field(None, description="who consented, by person id or state code; left out: "
                                   "no consent")
    purpose: str | None = Field(None, description="what the agents came for, in plain words",
                                examples=["the police searched the visa section for a file"])


@described(
    complaint="a complaint to the police or another authority",
    investigation="a police or prosecutor's investigation",
    charge="a charge laid against the person",
    arrest_warrant="a warrant for the person's arrest",
    indictment="an indictment for trial",
    trial="a trial",
    judgment="a court's judgment; say in `final` whether it is final",
)
class ProceedingKind(str, Enum):
    """What step of proceedings against a person: each gives rise to different questions of immunity."""

    complaint = "complaint"
    investigation = "investigation"
    charge = "charge"
    arrest_warrant = "arrest_warrant"
    indictment = "indictment"
    trial = "trial"
    judgment = "judgment"


class Proceeding(Sourced, Named):
    """A step that a State's police, prosecutors or courts took against a person."""

    id: Id = Field(description="a short unique id for the step", examples=["nz-police-investigation"])
    kind: ProceedingKind = Field(description="what kind of step it is")
    person: Id = Field(description="against whom, by person id", examples=["kim"])
    acts: list[Id] = Field(default_factory=list, description="the acts it concerns, by act id")
    court: str | None = Field(None, description="the court, if one", examples=["Wellington District Court"])
    state: StateCode = Field(description="the State taking the step, by code", examples=["NZL"])
    date: FuzzyDate | None = Field(None, description="when; " + NOT_REPORTED)
    status: str | None = Field(None, description="where it stands, in plain words", examples=["pending"])
    final: bool | None = Field(
        None, description="for a judgment: whether it is final (no appeal pending or still open), as the "
        "sources report it; left out: not reported. A final judgment in a State is a ground on which that "
        "State may refuse to extradite the person for the same conduct (ne bis in idem)")


class Whereabouts(Sourced, Named):
    """A person's known whereabouts: a period throughout which the sources place him in one State.

    The engine answers `present_in_territory` from these records alone (a posting does not prove
    presence on a given day), and arrest and extradition turn on that answer: a State may execute
    its warrant only where he is, and extradition is asked of the State where he is. A day inside
    the window of either bound is uncertain; a day no record covers is unknown, not "absent".
    """

    id: Id = Field(description="a short unique id for the period", examples=["baek-in-korea"])
    person: Id = Field(description="the person, an id from `persons`")
    state: StateCode = Field(description="the State the sources place him in, a code from `states`")
    from_: FuzzyDate = Field(
        alias="from", description="when the period begins: his arrival in the State, or, where that is not "
        "reported, the earliest date the sources place him there")
    until: FuzzyDate | None = Field(
        None, description="when the period ends: his departure from the State, or the last date the sources "
        "place him there; left out: the sources report no end, and the period is taken to run on (answers "
        "say that no end is reported)")


@described(
    waiver="asking the sending State to waive a person's immunity (VCDR art. 32, VCCR art. 45)",
    consent_to_enter_premises="asking the head of a mission or post for consent to enter its premises",
    extradition="asking a State to extradite the person",
    mutual_legal_assistance="asking a State for help with evidence or an investigation",
    recall="asking the sending State to recall the person",
    persona_non_grata="the receiving State notifying the sending State that the person is persona non grata: "
    "it must then recall him or end his functions (VCDR art. 9, VCCR art. 23)",
    surrender="asking a State to send the person back to face proceedings, short of a formal extradition request",
)
class RequestKind(str, Enum):
    """What one State (or person) asks of another."""

    waiver = "waiver"
    consent_to_enter_premises = "consent_to_enter_premises"
    extradition = "extradition"
    mutual_legal_assistance = "mutual_legal_assistance"
    recall = "recall"
    persona_non_grata = "persona_non_grata"
    surrender = "surrender"


@described(
    premises_entry="entry into a mission's premises (a consent, not a waiver of immunity)",
    witness_evidence="the person's giving evidence as a witness",
    criminal_jurisdiction="criminal proceedings",
    civil_jurisdiction="civil or administrative proceedings",
    execution="measures of execution of a judgment (VCDR art. 32(4) needs a separate waiver)",
)
class Scope(str, Enum):
    """What a waiver or consent is asked for (VCDR art. 32 waivers are scoped)."""

    premises_entry = "premises_entry"
    witness_evidence = "witness_evidence"
    criminal_jurisdiction = "criminal_jurisdiction"
    civil_jurisdiction = "civil_jurisdiction"
    execution = "execution"


@described(
    granted="the request was granted",
    declined="the request was refused",
    pending="no answer yet",
    conditional="agreed on conditions (say which in the note)",
)
class Outcome(str, Enum):
    """How a request was answered."""

    granted = "granted"
    declined = "declined"
    pending = "pending"
    conditional = "conditional"


class Response(Sourced):
    """The answer to a request: a waiver counts only if express (and, under the VCCR, in writing)."""

    outcome: Outcome = Field(description="how the request was answered")
    date: FuzzyDate | None = Field(None, description="when it was answered; " + NOT_REPORTED)
    by: str | None = Field(None, description="who answered, by state code or person id; left out: the State asked")
    express: bool | None = Field(None, description="whether the answer was given expressly; " + NOT_REPORTED)
    in_writing: bool | None = Field(None, description="whether the answer was given in writing; " + NOT_REPORTED)


class Request(Sourced, Named):
    """A request between States (or from a person) about the case, and its answer."""

    id: Id = Field(description="a short unique id for the request", examples=["waiver-note"])
    kind: RequestKind = Field(description="what is asked")
    from_: str = Field(alias="from", description="who asks, by state code or person id", examples=["NZL"])
    to: str = Field(description="who is asked, by state code or person id", examples=["KOR"])
    concerning: list[Id] = Field(default_factory=list, description="ids of the persons, acts or missions it is "
                                 "about", examples=[["kim", "assault-2017"]])
    purpose: str | None = Field(None, description="what it is for, in plain words",
                                examples=["to question him about the assaults"])
    scope: list[Scope] = Field(default_factory=list, description="what a waiver or consent is asked for")
    date: FuzzyDate | None = Field(None, description="when it was made; " + NOT_REPORTED)
    response: Response | None = Field(None, description="the answer; left out: none reported")


class Case(Strict):
    """A case file: the reports, and the dated facts they support, that the rules reason over.

    A JSON Schema cannot say that a reference resolves (a posting's `person` is an id in `persons`),
    that ids are unique or that dates are in order: the engine checks those when it loads the file.
    """

    model_config = ConfigDict(json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"})

    id: Id = Field(description="a short id for the case (lower case, digits, - or _)", examples=["kim"])
    title: str = Field(description="a one-line title for the case")
    sources: list[Source] = Field(default_factory=list, description="the reports the facts rest on")
    states: list[State] = Field(default_factory=list, description="the States involved")
    persons: list[Person] = Field(default_factory=list, description="the people involved")
    missions: list[Mission] = Field(default_factory=list, description="the embassies, consular posts and "
                                    "permanent missions involved")
    postings: list[Posting] = Field(default_factory=list, description="who was a member of which mission, "
                                    "and when")
    acts: list[Act] = Field(default_factory=list, description="the conduct alleged")
    proceedings: list[Proceeding] = Field(default_factory=list, description="what police, prosecutors and "
                                          "courts did about it")
    requests: list[Request] = Field(default_factory=list, description="what States asked of each other, and "
                                    "the answers")
    offences: list[Offence] = Field(default_factory=list, description="the offences the acts would constitute "
                                    "under each State's law")
    entries: list[Entry] = Field(default_factory=list, description="entries of the receiving State's agents "
                                 "into a mission's premises")
    whereabouts: list[Whereabouts] = Field(
        default_factory=list, description="where the persons were over time, period by period, as the sources "
        "place them (`present_in_territory`); two periods of one person in different States may not overlap")

    @model_validator(mode="after")
    def _references_resolve(self):
        problems = list(_reference_problems(self))
        if problems:
            raise ValidationError.from_exception_data("Case", problems)
        return self

    def find(self, collection: str, id_: str):
        """The item of `collection` with this id (the first, if the file repeats one), or None."""
        memo = per_case(self)
        by_id = memo.get(("by_id", collection))
        if by_id is None:
            by_id = memo[("by_id", collection)] = {}
            for x in getattr(self, collection):
                by_id.setdefault(x.id, x)
        return by_id.get(id_)

    def postings_of(self, person: str) -> list["Posting"]:
        """A person's postings, in file order."""
        memo = per_case(self)
        if "postings_of" not in memo:
            out: dict[str, list[Posting]] = {}
            for po in self.postings:
                out.setdefault(po.person, []).append(po)
            memo["postings_of"] = out
        return memo["postings_of"].get(person, [])

    def members_of(self, mission: str) -> list["Posting"]:
        """The postings at a mission that are not a family member's: whose household one may join."""
        memo = per_case(self)
        if "members_of" not in memo:
            out: dict[str, list[Posting]] = {}
            for po in self.postings:
                if po.category != Category.family_member:
                    out.setdefault(po.mission, []).append(po)
            memo["members_of"] = out
        return memo["members_of"].get(mission, [])

    def household(self, posting: "Posting") -> "Posting | None":
        """The posting of the member of the mission whose household a family member forms part
        of (`household_of`); None when not reported."""
        return household_of(self, posting)[0] if posting.household_of is not None else None

    def dated_events(self) -> Iterator[tuple[str, FuzzyDate, str]]:
        """Every date the case file gives to an event (not the reports' own dates), as
        (what happens, when, the key of the fact it belongs to)."""
        for p in self.postings:
            for name, label in (("notified", "is notified"), ("arrived", "arrives"),
                                ("functions_ended", "functions end"), ("departed", "leaves")):
                if getattr(p, name):
                    yield f"{p.person} {label} ({p.id})", getattr(p, name), f"posting:{p.id}"
            for date in p.in_post_during:
                yield f"{p.person} reported in post ({p.id})", date, f"posting:{p.id}"
        for a in self.acts:
            if a.when:
                yield f"act {a.id}", a.when, f"act:{a.id}"
        for p in self.proceedings:
            if p.date:
                yield f"{p.kind.value.replace('_', ' ')} {p.id}", p.date, f"proceeding:{p.id}"
        for r in self.requests:
            if r.date:
                yield f"request {r.id} made", r.date, f"request:{r.id}"
            if r.response and r.response.date:
                yield f"request {r.id} {r.response.outcome.value}", r.response.date, f"request:{r.id}"
        for e in self.entries:
            if e.date:
                yield f"entry {e.id}", e.date, f"entry:{e.id}"
        for m in self.missions:
            if m.closed:
                yield f"mission {m.id} closed", m.closed, f"mission:{m.id}"
        for w in self.whereabouts:
            yield f"{w.person} in {w.state} from ({w.id})", w.from_, f"whereabouts:{w.id}"
            if w.until:
                yield f"{w.person} in {w.state} until ({w.id})", w.until, f"whereabouts:{w.id}"


def _problem(loc: tuple, kind: str, message: str, value: object) -> InitErrorDetails:
    return InitErrorDetails(type=PydanticCustomError(kind, message), loc=loc, input=value)


def _reference_problems(case: Case) -> Iterator[InitErrorDetails]:
    """Cross-references, uniqueness and the order of dates: what a schema alone cannot check."""
    ids: dict[str, set[str]] = {}
    for collection in ("persons", "missions", "postings", "acts", "proceedings", "requests", "offences",
                       "entries", "whereabouts"):
        seen: set[str] = set()
        for i, item in enumerate(getattr(case, collection)):
            if item.id in seen:
                yield _problem((collection, i, "id"), "duplicate_id",
                               f"expected a unique id; {item.id!r} is used twice in {collection}", item.id)
            seen.add(item.id)
        ids[collection] = seen
    for collection, key in (("sources", "label"), ("states", "code")):  # what references name them by
        named: set[str] = set()
        for i, item in enumerate(getattr(case, collection)):
            if getattr(item, key) in named:
                yield _problem((collection, i, key), "duplicate_id", f"expected a unique {key}; "
                               f"{getattr(item, key)!r} is used twice in {collection}", getattr(item, key))
            named.add(getattr(item, key))
    states = {s.code for s in case.states}
    labels = {s.label for s in case.sources}
    yield from _alias_problems(case)

    def must_be(loc, value, pool, what):
        if value not in pool:
            listed = ", ".join(sorted(pool)) or "none listed"
            return _problem(loc, "dangling_reference", f"expected {what} ({listed}), got {value!r}", value)
        return None

    def check(loc, value, pool, what):
        problem = must_be(loc, value, pool, what)
        if problem:
            yield problem

    def sourced(loc, item):
        for j, label in enumerate(item.sources):
            yield from check(loc + ("sources", j), label, labels, "a label from `sources`")

    for i, p in enumerate(case.persons):
        for field in ("nationalities", "permanent_resident_of"):
            for j, code in enumerate(getattr(p, field) or []):
                yield from check(("persons", i, field, j), code, states, "a state code from `states`")
        yield from sourced(("persons", i), p)
    for i, m in enumerate(case.missions):
        for field in ("sending_state", "receiving_state"):
            yield from check(("missions", i, field), getattr(m, field), states, "a state code from `states`")
        if m.head is not None:
            yield from check(("missions", i, "head"), m.head, ids["persons"], "a person id from `persons`")
        yield from sourced(("missions", i), m)
    for i, p in enumerate(case.postings):
        yield from check(("postings", i, "person"), p.person, ids["persons"], "a person id from `persons`")
        yield from check(("postings", i, "mission"), p.mission, ids["missions"], "a mission id from `missions`")
        yield from _date_order(("postings", i), p)
        yield from _household_problems(case, i, p)
        yield from sourced(("postings", i), p)
    for i, a in enumerate(case.acts):
        yield from check(("acts", i, "person"), a.person, ids["persons"], "a person id from `persons`")
        if a.state is not None:
            yield from check(("acts", i, "state"), a.state, states, "a state code from `states`")
        yield from sourced(("acts", i), a)
    for i, p in enumerate(case.proceedings):
        yield from check(("proceedings", i, "person"), p.person, ids["persons"], "a person id from `persons`")
        yield from check(("proceedings", i, "state"), p.state, states, "a state code from `states`")
        for j, act in enumerate(p.acts):
            yield from check(("proceedings", i, "acts", j), act, ids["acts"], "an act id from `acts`")
        yield from sourced(("proceedings", i), p)
    parties = states | ids["persons"]
    anything = ids["persons"] | ids["acts"] | ids["missions"]
    for i, r in enumerate(case.requests):
        yield from check(("requests", i, "from"), r.from_, parties, "a state code or person id")
        yield from check(("requests", i, "to"), r.to, parties, "a state code or person id")
        for j, target in enumerate(r.concerning):
            yield from check(("requests", i, "concerning", j), target, anything,
                             "the id of a person, act or mission")
        yield from sourced(("requests", i), r)
        if r.response is not None:
            if r.response.by is not None:
                yield from check(("requests", i, "response", "by"), r.response.by, parties,
                                 "a state code or person id")
            if r.date and r.response.date and r.response.date.end < r.date.start:
                yield _problem(("requests", i, "response", "date"), "date_order",
                               f"expected a response on or after the request ({r.date}), "
                               f"got {r.response.date}", str(r.response.date))
            yield from sourced(("requests", i, "response"), r.response)
    yield from _more_references(case, ids, states, check, sourced)


def _more_references(case: Case, ids, states, check, sourced) -> Iterator[InitErrorDetails]:
    for i, o in enumerate(case.offences):
        yield from check(("offences", i, "state"), o.state, states, "a state code from `states`")
        for j, act in enumerate(o.acts):
            yield from check(("offences", i, "acts", j), act, ids["acts"], "an act id from `acts`")
        yield from sourced(("offences", i), o)
    for i, e in enumerate(case.entries):
        yield from check(("entries", i, "mission"), e.mission, ids["missions"], "a mission id from `missions`")
        yield from check(("entries", i, "by"), e.by, states, "a state code from `states`")
        if e.consent_by is not None:
            yield from check(("entries", i, "consent_by"), e.consent_by, states | ids["persons"],
                             "a state code or person id")
        yield from sourced(("entries", i), e)
    yield from _whereabouts_problems(case, ids, states, check, sourced)


def _whereabouts_problems(case: Case, ids, states, check, sourced) -> Iterator[InitErrorDetails]:
    """Each period names a known person and State, ends after it begins, and no person is placed
    surely in two States on one day (the days from the end of one `from` window to the start of
    the `until` window are those the record places him there for certain)."""
    for i, w in enumerate(case.whereabouts):
        yield from check(("whereabouts", i, "person"), w.person, ids["persons"], "a person id from `persons`")
        yield from check(("whereabouts", i, "state"), w.state, states, "a state code from `states`")
        yield from sourced(("whereabouts", i), w)
        if w.until and w.until.end < w.from_.start:
            yield _problem(("whereabouts", i, "until"), "date_order",
                           f"expected until on or after from ({w.from_}), got {w.until}", str(w.until))
    earlier: dict[str, list] = {}  # each person's periods so far: only his own can overlap
    for i, a in enumerate(case.whereabouts):
        for b in earlier.get(a.person, []):
            if a.state == b.state:
                continue
            first = max(a.from_.end, b.from_.end)
            last = min(x.until.start if x.until else dt.date.max for x in (a, b))
            if first < last:
                yield _problem(("whereabouts", i, "from"), "overlap",
                               f"expected no overlap with whereabouts {b.id!r}: both place {a.person} for certain "
                               f"in two States ({b.state}, {a.state}) from {first.isoformat()}", str(a.from_))
        earlier.setdefault(a.person, []).append(a)


def _alias_problems(case: Case) -> Iterator[InitErrorDetails]:
    """An alias names one thing: the same words may not stand for two things of the case."""
    owner: dict[str, str] = {}
    for collection in ("states", "persons", "missions", "postings", "acts", "proceedings", "requests",
                       "offences", "entries", "whereabouts"):
        for i, item in enumerate(getattr(case, collection)):
            ident = getattr(item, "id", None) or getattr(item, "code")
            for j, alias in enumerate(item.aliases):
                words = alias.casefold()
                here = f"{collection} {ident}"
                if owner.setdefault(words, here) != here:
                    yield _problem((collection, i, "aliases", j), "duplicate_alias",
                                   f"expected an alias naming one thing; {alias!r} also names {owner[words]}",
                                   alias)


def household_of(case: Case, po: Posting) -> tuple[Posting | None, str | None]:
    """The posting a family member's `household_of` names, or why it names none. It may name a
    posting, or a person who has exactly one posting at the same mission; either way that
    posting must be a member's of the same mission, not another family member's."""
    ref = po.household_of

    def member(p: Posting) -> bool:
        return p.mission == po.mission and p.id != po.id and p.person != po.person \
            and p.category != Category.family_member

    def expected() -> str:  # listing every member costs as much as the mission is big: only on error
        ids = [p.id for p in case.members_of(po.mission) if member(p)]
        listed = ", ".join(ids[:10]) + (f" and {len(ids) - 10} more" if len(ids) > 10 else "") or "none listed"
        return f"expected the posting (or person) of a member of {po.mission} who is not a family member ({listed})"

    head = case.find("postings", ref)
    if head is None and case.find("persons", ref) is not None:
        there = [p for p in case.postings_of(ref) if member(p)]
        if len(there) > 1:
            return None, f"expected one posting; {ref!r} has several at {po.mission} ({', '.join(p.id for p in there)}): name the posting"
        head = there[0] if there else None
        if head is None:
            return None, f"{expected()}, got {ref!r}, who has no such posting there"
    if head is None or not member(head):
        why = ("" if head is None else ", the family member's own posting" if head.id == po.id or head.person == po.person
               else f", a posting at {head.mission}" if head.mission != po.mission else ", another family member's posting")
        return None, f"{expected()}, got {ref!r}{why}"
    return head, None


def _household_problems(case: Case, i: int, po: Posting) -> Iterator[InitErrorDetails]:
    """A family member's household names a member of the same mission (VCDR art. 37)."""
    if po.household_of is None or case.find("missions", po.mission) is None:
        return
    loc = ("postings", i, "household_of")
    if po.category not in (None, Category.family_member):
        yield _problem(loc, "household_of_not_family",
                       f"expected household_of only on a family member's posting (category family_member), "
                       f"but this posting's category is {po.category.value}", po.household_of)
        return
    _, problem = household_of(case, po)
    if problem:
        yield _problem(loc, "dangling_reference", problem, po.household_of)


def _date_order(loc: tuple, posting: Posting) -> Iterator[InitErrorDetails]:
    """Nobody ends functions or leaves before arriving. (Functions may formally end after the
    departure, e.g. by a later art. 43(a) notification, so those two are not ordered.)"""
    arrived = posting.arrived
    for later in ("functions_ended", "departed"):
        date = getattr(posting, later)
        if arrived and date and date.end < arrived.start:
            yield _problem(loc + (later,), "date_order",
                           f"expected {later} on or after the arrival ({arrived}), got {date}", str(date))
