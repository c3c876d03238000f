"""The reply right after a check-in: acknowledgement, load, plan changes, pain advice."""

from __future__ import annotations

import datetime as dt

from coach.adjustments import adjustments_after_checkin
from coach.checkins import Activity, CheckinReading, LoggedCheckin, PainSite
from coach.feedback import checkin_feedback, duration_text, skipped_reply
from coach.schedule import Schedule
from coach.sessions import SessionKind

START = dt.date(2026, 12, 7)  # a Monday
SCHEDULE = Schedule(start=START)
WEEK_10_SATURDAY = START + dt.timedelta(days=9 * 7 + 5)


def hike(rpe: int = 5, **fields: object) -> LoggedCheckin:
    return LoggedCheckin(
        date=WEEK_10_SATURDAY, activity=Activity.HIKE, duration_min=300, rpe=rpe, **fields
    )


def test_the_reply_acknowledges_the_session_with_its_load() -> None:
    reply = checkin_feedback(hike(rpe=6))
    assert reply.startswith("Hike logged: 5 h, RPE 6, load 1,800")


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


def test_something_done_in_place_of_the_session_is_acknowledged_as_logged() -> None:
    walk = LoggedCheckin(
        date=WEEK_10_SATURDAY, activity=Activity.WALK, duration_min=45, skipped=True
    )
    reply = checkin_feedback(walk, planned=SessionKind.EASY_RUN)
    assert reply.startswith("Walk logged (45 min) in place of the run.")
    assert "aren't made up" in reply


def test_a_swim_in_place_of_strength_is_logged_as_cross_training() -> None:
    swim = LoggedCheckin(
        date=WEEK_10_SATURDAY, activity=Activity.OTHER, duration_min=40, skipped=True
    )
    reply = checkin_feedback(swim, planned=SessionKind.STRENGTH)
    assert reply.startswith("Cross-training logged (40 min) in place of the strength session.")


def test_a_plain_skip_of_the_planned_session_is_let_go() -> None:
    run = LoggedCheckin(date=WEEK_10_SATURDAY, activity=Activity.RUN, skipped=True)
    assert checkin_feedback(run, planned=SessionKind.EASY_RUN).startswith(
        "No problem, we'll let the run go."
    )


def test_the_reply_explains_a_plan_change() -> None:
    checkin = hike(rpe=9)
    reply = checkin_feedback(checkin, adjustments_after_checkin(checkin, [], SCHEDULE))
    assert "Change for Thursday 18 Feb: Shorter hill repeats." in reply
    assert "RPE 9" in reply


def test_the_reply_gives_advice_for_pain() -> None:
    reply = checkin_feedback(hike(pain=[PainSite.CALF]))
    assert "never run through pain" in reply


def test_the_reply_does_not_announce_a_run_while_running_is_blocked() -> None:
    checkin = hike(rpe=10, pain=[PainSite.KNEE])
    adjustments = adjustments_after_checkin(checkin, [], SCHEDULE)
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
    adjustments = adjustments_after_checkin(checkin, [], SCHEDULE)
    reply = checkin_feedback(checkin, adjustments, {PainSite.IT_BAND, PainSite.ACHILLES})
    assert len(reply) <= 600
    assert not set(reply) & set("*_`<>[]#")


def test_durations_read_as_hours_and_minutes() -> None:
    assert [duration_text(m) for m in (45, 300, 270)] == ["45 min", "5 h", "4 h 30 min"]


def run(rpe: int, minutes: int = 45) -> LoggedCheckin:
    return LoggedCheckin(
        date=WEEK_10_SATURDAY, activity=Activity.RUN, duration_min=minutes, rpe=rpe
    )


def test_pain_gets_no_praise() -> None:
    reply = checkin_feedback(hike(pain=[PainSite.KNEE]), [], {PainSite.KNEE})
    assert "Nice work" not in reply and "well done" not in reply.lower()


def test_a_skip_gets_no_praise() -> None:
    skipped = LoggedCheckin(date=WEEK_10_SATURDAY, activity=Activity.HIKE, skipped=True)
    assert "Nice work" not in checkin_feedback(skipped)


def test_illness_gets_no_praise() -> None:
    ill = LoggedCheckin(date=WEEK_10_SATURDAY, activity=Activity.REST, illness=True)
    assert "Nice work" not in checkin_feedback(ill)


def test_a_hard_session_is_acknowledged_as_tough() -> None:
    assert "A tough one" in checkin_feedback(hike(rpe=9))


def test_an_easy_run_at_rpe_7_gets_the_first_lesson() -> None:
    reply = checkin_feedback(run(7), planned=SessionKind.EASY_RUN)
    assert "start much slower" in reply and "walk the climbs" in reply


def test_an_easy_run_at_rpe_5_gets_no_lesson() -> None:
    assert "slower" not in checkin_feedback(run(5), planned=SessionKind.EASY_RUN)


def test_hill_repeats_at_rpe_8_are_meant_to_be_hard_so_no_lesson() -> None:
    assert "slower" not in checkin_feedback(run(8), planned=SessionKind.HILL_REPEATS)


def test_uphills_feeling_easier_after_six_weeks_is_praised_as_the_payoff() -> None:
    checkin = hike(raw_text="long hike 5h rpe 6, the uphills felt so much easier")
    reply = checkin_feedback(checkin, week=7)
    assert "payoff" in reply and "week 7" in reply


def test_uphills_feeling_easier_early_is_an_early_sign() -> None:
    checkin = hike(raw_text="climbs felt easier today")
    assert "early sign" in checkin_feedback(checkin, week=3)


def test_uphills_not_easier_are_not_praised() -> None:
    checkin = hike(raw_text="the hills were not easier at all")
    assert "payoff" not in checkin_feedback(checkin, week=8)


def test_the_longest_run_so_far_is_noticed() -> None:
    earlier = [run(5, minutes=40), run(5, minutes=44)]
    assert "longest run so far" in checkin_feedback(run(5), earlier=earlier)


def test_a_shorter_run_is_not_the_longest() -> None:
    assert "longest" not in checkin_feedback(run(5), earlier=[run(5, minutes=50)])


def test_clearing_the_last_pain_says_the_first_week_back_is_run_walk() -> None:
    reading = CheckinReading(date=WEEK_10_SATURDAY, pain_cleared=True)
    reply = checkin_feedback(reading, [], set(), {PainSite.KNEE})
    assert "first week your runs are run-walk" in reply


def test_an_easy_run_too_hard_gets_the_lesson_not_praise_for_the_effort() -> None:
    reply = checkin_feedback(run(8), planned=SessionKind.EASY_RUN)
    assert "well done" not in reply.lower() and "Nice work" not in reply


def test_pain_gone_with_no_session_is_not_logged_as_one() -> None:
    reading = CheckinReading(date=WEEK_10_SATURDAY, cleared=[PainSite.KNEE])
    reply = checkin_feedback(reading, [], set(), {PainSite.KNEE})
    assert reply.startswith("Glad the pain has gone!")
    assert "Logged" not in reply and "Nice work" not in reply


def test_pain_news_with_nothing_to_say_is_noted() -> None:
    reading = CheckinReading(date=WEEK_10_SATURDAY, pain_cleared=True)
    assert checkin_feedback(reading, [], set(), set()) == "Noted, thanks for telling me."
