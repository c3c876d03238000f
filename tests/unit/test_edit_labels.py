"""How /edit names each check-in on its button."""

from __future__ import annotations

import datetime as dt

from bot.dialogue.edit_flow import label
from coach.checkins import Activity, LoggedCheckin, PainSite

SATURDAY = dt.date(2026, 12, 12)


def test_a_session_is_named_by_what_was_done() -> None:
    hike = LoggedCheckin(date=SATURDAY, activity=Activity.HIKE, duration_min=360, rpe=7)
    assert label(hike) == "Sat 12 Dec · hike, 6 h, RPE 7"


def test_a_skip_is_named_as_one() -> None:
    skip = LoggedCheckin(date=SATURDAY, activity=Activity.HIKE, skipped=True)
    assert label(skip) == "Sat 12 Dec · skipped hike"


def test_pain_news_is_named_by_its_words_not_as_a_session() -> None:
    news = LoggedCheckin(date=SATURDAY, cleared=[PainSite.KNEE], raw_text="knee feels fine now")
    assert label(news) == "Sat 12 Dec · “knee feels fine now”"


def test_long_pain_news_is_shortened_on_its_button() -> None:
    words = "the knee is a lot better today but still a bit stiff on stairs"
    news = LoggedCheckin(date=SATURDAY, pain=[PainSite.KNEE], raw_text=words)
    assert len(label(news)) < 50 and label(news).endswith("…”")
