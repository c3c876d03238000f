"""How the weekly review reads on a phone."""

from __future__ import annotations

import datetime as dt

from bot.dialogue.messages import plain_text
from bot.dialogue.review_text import review_reply
from bot.services.reviews import KEY_KINDS, WeeklyReview
from coach.programme import week_sessions
from coach.schedule import Schedule

START = dt.date(2026, 12, 7)
KNEE = "You've reported knee pain, so no running until it has gone."


def review(load: int = 1720, earlier: float | None = None) -> WeeklyReview:
    following = [s for s in week_sessions(Schedule(start=START), 2) if s.kind in KEY_KINDS]
    adjusted = tuple(s.model_copy(update={"adjusted_reason": KNEE}) for s in following)
    return WeeklyReview(
        start=START,
        week=1,
        first_day=START,
        last_day=START + dt.timedelta(days=6),
        planned=5,
        done=4,
        skipped=1,
        load=load,
        earlier_weeks=0 if earlier is None else 1,
        earlier_average=earlier,
        adjustments=(),
        next_sessions=adjusted,
        complete_note=None,
    )


def test_one_reason_for_several_sessions_is_given_once_naming_the_days() -> None:
    text = plain_text(review_reply(review()).text)

    assert text.count(KNEE) == 1
    assert "✎ Tue, Thu and Sat: " + KNEE in text


def test_loads_are_written_with_thousands_separators() -> None:
    text = plain_text(review_reply(review(load=2460, earlier=1720)).text)

    assert "Load: 2,460" in text and "your average of 1,720" in text
