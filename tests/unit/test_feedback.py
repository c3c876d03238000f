"""The reply right after a check-in: acknowledgement, load, plan changes, pain advice."""

from __future__ import annotations

import datetime as dt

from coach.adjustments import adjustments_after_checkin
from coach.checkins import Activity, CheckinReading, LoggedCheckin, PainSite
from coach.feedback import checkin_feedback, duration_text, skipped_reply

START = dt.date(2026, 12, 7)  # a Monday
WEEK_10_SATURDAY = START + dt.timedelta(days=9 * 7 + 5)


def hike(rpe: int = 5, **fields: object) -> LoggedCheckin:
    return LoggedCheckin(
        date=WEEK_10_SATURDAY, activity=Activity.HIKE, duration_min=300, rpe=rpe, **fields
    )


def test_the_reply_acknowledges_the_session_with_its_load() -> None:
    reply = checkin_feedback(hike(rpe=6))
    assert reply.startswith("Hike logged: 5 h, RPE 6, load 1800")


def test_the_reply_works_for_a_reading_not_yet_stored() -> None:
    reading = CheckinReading(date=WEEK_10_SATURDAY, activity=Activity.RUN, duration_min=40, rpe=4)
    assert "load 160" in checkin_feedback(reading)


def test_an_estimated_rpe_is_shown_as_an_estimate() -> None:
    assert "RPE about 6" in checkin_feedback(hike(rpe=6, rpe_estimated=True))


def test_a_skip_is_acknowledged_without_guilt_or_a_make_up() -> None:
    skipped = LoggedCheckin(date=WEEK_10_SATURDAY, activity=Activity.RUN, skipped=True)
    reply = checkin_feedback(skipped)
    assert reply == skipped_reply(skipped)
    assert "No problem" in reply
    assert "aren't made up" in reply


def test_the_reply_explains_a_plan_change() -> None:
    checkin = hike(rpe=9)
    reply = checkin_feedback(checkin, adjustments_after_checkin(checkin, [], START))
    assert "Change for Thursday 18 Feb: Shorter hill repeats." in reply
    assert "RPE 9" in reply


def test_the_reply_gives_advice_for_pain() -> None:
    reply = checkin_feedback(hike(pain=[PainSite.CALF]))
    assert "never run through pain" in reply


def test_the_reply_does_not_announce_a_run_while_running_is_blocked() -> None:
    checkin = hike(rpe=10, pain=[PainSite.KNEE])
    adjustments = adjustments_after_checkin(checkin, [], START)
    reply = checkin_feedback(checkin, adjustments, {PainSite.KNEE})
    assert "Zone 2 run" not in reply
    assert "No running until the knee pain has gone" in reply


def test_the_reply_reminds_of_an_injury_still_active() -> None:
    reply = checkin_feedback(hike(), [], {PainSite.SHIN})
    assert "Still no running until the shin pain has gone" in reply


def test_the_reply_welcomes_cleared_pain() -> None:
    reading = CheckinReading(date=WEEK_10_SATURDAY, pain_cleared=True)
    assert "Running is back on" in checkin_feedback(reading, [], set(), {PainSite.KNEE})


def test_a_pain_gone_with_no_injury_open_is_not_welcomed_as_a_return_to_running() -> None:
    reading = CheckinReading(date=WEEK_10_SATURDAY, pain_cleared=True)
    assert "pain has gone" not in checkin_feedback(reading, [], set(), set())


def test_clearing_one_site_of_two_keeps_running_blocked_for_the_other() -> None:
    reading = CheckinReading(date=WEEK_10_SATURDAY, cleared=[PainSite.KNEE])
    reply = checkin_feedback(reading, [], {PainSite.ACHILLES}, {PainSite.KNEE})
    assert "Good news about the knee" in reply
    assert "Still no running until the Achilles pain has gone" in reply
    assert "Running is back on" not in reply


def test_the_busiest_reply_stays_phone_sized_and_plain() -> None:
    checkin = hike(rpe=10, rpe_estimated=True, pain=[PainSite.IT_BAND, PainSite.HAMSTRING])
    adjustments = adjustments_after_checkin(checkin, [], START)
    reply = checkin_feedback(checkin, adjustments, {PainSite.IT_BAND, PainSite.ACHILLES})
    assert len(reply) <= 600
    assert not set(reply) & set("*_`<>[]#")


def test_durations_read_as_hours_and_minutes() -> None:
    assert [duration_text(m) for m in (45, 300, 270)] == ["45 min", "5 h", "4 h 30 min"]
