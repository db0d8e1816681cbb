"""Small helpers for tests that vary a case in memory and check one answer."""

import datetime as dt

import pytest

from engine.evaluation import evaluate
from engine.loading import DEFAULT_CASE, parse_case, read_data


def answer(data: dict, day: str):
    """The answer for case data (as read from a file, maybe changed) on an ISO day."""
    return evaluate(parse_case(data), dt.date.fromisoformat(day)).answer


def one(ans, question: str, **subject):
    """The single conclusion answering `question` about `subject`."""
    found = ans.find(question, **subject)
    assert len(found) == 1, (question, subject, [c.id for c in found])
    return found[0]


@pytest.fixture
def kim() -> dict:
    """The shipped Kim case's data, fresh for each test."""
    return read_data(DEFAULT_CASE)[0]
