"""Never silent: every posting, on every day, gets its answers, even with facts missing.

Generated case files (tests/test_isolation.py's generator: random categories, nationalities,
dates and acts, any of them missing) are evaluated on random days. Whatever is missing, each
posting's holder is answered, in the State that received him, on whether he may be arrested
(`personal_inviolability`) and whether he may be compelled to give evidence
(`must_give_evidence`), and on immunity from its criminal jurisdiction for each act he has done
there: yes, no, or unknown with what it needs; a person the Conventions do
not cover gets "unknown" saying so. A missing fact never makes a question disappear.
"""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.evaluation import evaluate
from engine.loading import parse_case
from test_isolation import case_files

PERSON_QUESTIONS = ("personal_inviolability", "must_give_evidence")


def silent(data: dict, day: dt.date) -> list[str]:
    case = parse_case(data)
    answer = evaluate(case, day).answer
    receiving = {m.id: m.receiving_state for m in case.missions}
    missing = [f"{q} for {po.person} in {receiving[po.mission]} ({po.id})"
               for po in case.postings for q in PERSON_QUESTIONS
               if not answer.find(q, person=po.person, state=receiving[po.mission])]
    for po in case.postings:  # and immunity for each act he has done in that State by the day
        state = receiving[po.mission]
        for act in case.acts:
            where = receiving.get(act.place, act.state)
            done = act.when is None or act.when.start <= day
            if act.person == po.person and where == state and done and \
                    not answer.find("criminal_immunity", person=po.person, state=state, act=act.id):
                missing.append(f"criminal_immunity for {po.person} in {state} for {act.id} ({po.id})")
    return missing


# 200 examples; `pytest --slow` loads a profile of 10,000 (tests/conftest.py)
@settings(max_examples=max(200, settings.default.max_examples), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(data=case_files(), day=st.dates(dt.date(2013, 1, 1), dt.date(2024, 12, 31)))
def test_no_question_about_a_posting_is_ever_left_unanswered(data: dict, day: dt.date) -> None:
    assert silent(data, day) == []


def test_every_posting_of_the_shipped_cases_is_answered_on_every_day_its_answers_change() -> None:
    from engine.loading import load_case, shipped_cases
    from engine.timeline import checkpoints

    for name, path in shipped_cases().items():
        loaded = load_case(path)
        data = loaded.case.model_dump(mode="json", by_alias=True, exclude_none=True)
        for day in checkpoints(loaded.case):
            assert silent(data, day) == [], (name, day)
