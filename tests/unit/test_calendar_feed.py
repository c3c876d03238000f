"""The /calendar file: every remaining session an all-day event with a UID that stays put,
read back with the icalendar library."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from bot.calendar_feed import (
    PRODID,
    calendar_ics,
    event_uid,
    feed_token_digest,
    feed_token_matches,
    new_feed_token,
    remaining_dates,
)
from coach.adjustments import AthletePlan, adjustments_after_checkin, effective_session
from coach.checkins import Activity, LoggedCheckin, PainSite
from coach.programme import session_on
from coach.safety import Injury
from coach.schedule import Schedule
from coach.sessions import Session, SessionKind

START = dt.date(2026, 12, 7)  # a Monday
SCHEDULE = Schedule(start=START)
TODAY = dt.date(2027, 1, 13)  # the Wednesday of week 6
NOW = dt.datetime(2027, 1, 13, 7, 30, tzinfo=dt.UTC)
FEED = "4242"


def sessions(today: dt.date = TODAY) -> list[Session]:
    return [session_on(SCHEDULE, day) for day in remaining_dates(START, today)]


def parsed(ics: bytes) -> Calendar:
    return Calendar.from_ical(ics)


def events(ics: bytes) -> dict[dt.date, object]:
    return {event.decoded("dtstart"): event for event in parsed(ics).walk("VEVENT")}


def test_the_file_parses_back_as_a_calendar_with_our_name_and_product() -> None:
    calendar = parsed(calendar_ics(sessions(), feed_id=FEED, now=NOW))
    assert (str(calendar["prodid"]), str(calendar["version"])) == (PRODID, "2.0")
    assert str(calendar["x-wr-calname"]) == "TrailCoach training"


def test_remaining_dates_run_from_today_to_the_last_day_of_week_twelve() -> None:
    dates = remaining_dates(START, TODAY)
    assert (dates[0], dates[-1]) == (TODAY, START + dt.timedelta(days=83))
    assert len(dates) == 84 - (TODAY - START).days


def test_before_the_start_all_84_days_remain() -> None:
    assert len(remaining_dates(START, START - dt.timedelta(days=10))) == 84


def test_after_week_twelve_nothing_remains() -> None:
    assert remaining_dates(START, START + dt.timedelta(days=84)) == []


def test_there_is_one_event_per_remaining_session_and_none_for_a_rest_day() -> None:
    remaining = sessions()
    found = events(calendar_ics(remaining, feed_id=FEED, now=NOW))
    expected = {s.date for s in remaining if s.kind is not SessionKind.REST}
    assert set(found) == expected and all(day.weekday() != 4 for day in found)


def test_every_event_is_all_day_ending_the_next_day() -> None:
    for day, event in events(calendar_ics(sessions(), feed_id=FEED, now=NOW)).items():
        assert type(day) is dt.date and event["dtstart"].params["VALUE"] == "DATE"
        assert event.decoded("dtend") == day + dt.timedelta(days=1)


def test_the_summary_is_the_title_and_the_duration() -> None:
    saturday = TODAY + dt.timedelta(days=3)
    event = events(calendar_ics(sessions(), feed_id=FEED, now=NOW))[saturday]
    assert str(event["summary"]) == "Long hike with full pack (4–7 h)"


def test_the_description_holds_the_details_why_and_week() -> None:
    session = session_on(SCHEDULE, TODAY)
    text = str(events(calendar_ics([session], feed_id=FEED, now=NOW))[TODAY]["description"])
    assert session.details in text and session.why in text and "Week 6 of 12" in text


def test_uids_stay_the_same_when_the_file_is_made_again_later() -> None:
    first = events(calendar_ics(sessions(), feed_id=FEED, now=NOW))
    later = NOW + dt.timedelta(days=2)
    second = events(calendar_ics(sessions(TODAY + dt.timedelta(days=2)), feed_id=FEED, now=later))
    assert all(str(second[day]["uid"]) == str(first[day]["uid"]) for day in second)


def test_uids_differ_between_athletes_and_between_dates() -> None:
    assert event_uid("1", TODAY) != event_uid("2", TODAY)
    assert event_uid("1", TODAY) != event_uid("1", TODAY + dt.timedelta(days=1))


def test_a_uid_does_not_show_the_athletes_id() -> None:
    assert "987654321" not in event_uid("987654321", TODAY)


def test_a_file_made_later_has_a_higher_sequence_so_calendars_take_the_update() -> None:
    first = events(calendar_ics(sessions(), feed_id=FEED, now=NOW))[TODAY]
    again = calendar_ics(sessions(), feed_id=FEED, now=NOW + dt.timedelta(hours=1))
    assert events(again)[TODAY].decoded("sequence") > first.decoded("sequence")


def test_every_event_is_stamped_with_now_in_utc() -> None:
    now = dt.datetime(2027, 1, 13, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    for event in events(calendar_ics(sessions(), feed_id=FEED, now=now)).values():
        assert event.decoded("dtstamp") == NOW


def test_a_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        calendar_ics(sessions(), feed_id=FEED, now=NOW.replace(tzinfo=None))


def test_an_adjusted_session_shows_its_new_shape_and_the_reason() -> None:
    start = dt.date(2027, 1, 4)  # a Monday, so week 9 begins on 8 March
    hike = LoggedCheckin(
        id=7, date=dt.date(2027, 3, 6), activity=Activity.HIKE, duration_min=400, rpe=9
    )
    schedule = Schedule(start=start)
    stored = adjustments_after_checkin(hike, [hike], schedule)
    thursday = stored[0].session_date
    plan = AthletePlan(
        schedule=schedule, history=(hike,), adjustments=tuple(stored), today=dt.date(2027, 3, 7)
    )
    session = effective_session(plan, thursday)
    event = events(calendar_ics([session], feed_id=FEED, now=NOW))[thursday]
    assert str(event["summary"]) == "Shorter hill repeats (30 min)"
    assert f"Changed: {stored[0].reason}" in str(event["description"])


def test_a_run_stopped_by_an_injury_says_why_in_its_description() -> None:
    tuesday = TODAY + dt.timedelta(days=6)
    knee = Injury(site=PainSite.KNEE, reported_on=TODAY)
    plan = AthletePlan(schedule=SCHEDULE, injuries=(knee,), today=TODAY)
    session = effective_session(plan, tuesday)
    text = str(events(calendar_ics([session], feed_id=FEED, now=NOW))[tuesday]["description"])
    assert "no running until it has gone" in text


def test_accented_and_emoji_text_survives_the_round_trip() -> None:
    session = session_on(SCHEDULE, TODAY).model_copy(update={"title": "Côte du Rhône 🏔️"})
    event = events(calendar_ics([session], feed_id=FEED, now=NOW))[TODAY]
    assert str(event["summary"]).startswith("Côte du Rhône 🏔️")


def test_every_line_of_the_file_is_at_most_75_octets() -> None:
    ics = calendar_ics(sessions(), feed_id=FEED, now=NOW)
    assert max(len(line) for line in ics.split(b"\r\n")) <= 75


def test_new_feed_tokens_are_long_and_never_repeat() -> None:
    tokens = {new_feed_token() for _ in range(50)}
    assert len(tokens) == 50 and min(len(t) for t in tokens) >= 43


def test_a_feed_token_matches_its_own_digest_only() -> None:
    token, other = new_feed_token(), new_feed_token()
    assert feed_token_matches(token, feed_token_digest(token))
    assert not feed_token_matches(other, feed_token_digest(token))
