"""Moving a session within its programme week, within the guide's rules, in buttons or words."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from coach.adjustments import (
    Adjustment,
    AthletePlan,
    adjustments_after_checkin,
    effective_session,
    planned_session,
)
from coach.checkins import Activity, LoggedCheckin
from coach.moves import (
    MoveProblem,
    MoveRequest,
    check_move,
    days_that_work,
    move,
    read_move,
    resolve,
)
from coach.schedule import Schedule, Weekday
from coach.sessions import RUNNING_KINDS, SessionKind

START = dt.date(2026, 12, 7)  # a Monday
SCHEDULE = Schedule(start=START)
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
K = SessionKind


def on(week: int, weekday: int) -> dt.date:
    return START + dt.timedelta(days=(week - 1) * 7 + weekday)


def plan(today: dt.date, stored: list[Adjustment] | None = None) -> AthletePlan:
    return AthletePlan(schedule=SCHEDULE, adjustments=tuple(stored or []), today=today)


def moved(today: dt.date, *moves: tuple[dt.date, dt.date]) -> AthletePlan:
    """The plan after the moves, each made (and stored) in turn."""
    shown = plan(today)
    for number, (a, b) in enumerate(moves, start=1):
        stored = move(shown, a, b).model_copy(update={"id": number})
        shown = shown.with_adjustments((*shown.adjustments, stored))
    return shown


def kinds(shown: AthletePlan, week: int) -> list[SessionKind]:
    return [planned_session(shown, on(week, day)).kind for day in range(7)]


def test_moving_tuesdays_run_to_wednesday_swaps_it_with_the_strength_session() -> None:
    shown = moved(on(10, MON), (on(10, TUE), on(10, WED)))
    assert kinds(shown, 10)[TUE : THU + 1] == [K.STRENGTH, K.EASY_RUN, K.HILL_REPEATS]


def test_a_moved_session_says_where_it_came_from() -> None:
    shown = moved(on(10, MON), (on(10, TUE), on(10, WED)))
    run = planned_session(shown, on(10, WED))
    assert run.date == on(10, WED)
    assert run.adjusted_reason == "Moved here from Tuesday, as you asked."


def test_a_move_keeps_the_weeks_sessions_nothing_dropped_or_doubled() -> None:
    shown = moved(on(6, MON), (on(6, TUE), on(6, WED)), (on(6, THU), on(6, SUN)))
    assert sorted(kinds(shown, 6)) == sorted(kinds(plan(on(6, MON)), 6))


def test_a_swap_keeps_the_weeks_two_runs_so_tuesdays_run_may_go_to_wednesday_in_week_3() -> None:
    assert check_move(plan(on(3, MON)), on(3, TUE), on(3, WED)).allowed


def test_a_refused_move_offers_the_nearest_day_that_works() -> None:
    check = check_move(plan(on(6, MON)), on(6, TUE), on(6, FRI))  # a run the day before
    assert check.problem is MoveProblem.HARD_BEFORE_LONG_HIKE
    assert check.nearest == on(6, THU)


def test_nothing_hard_goes_the_day_before_the_long_hike() -> None:
    check = check_move(plan(on(10, MON)), on(10, THU), on(10, FRI))
    assert check.problem is MoveProblem.HARD_BEFORE_LONG_HIKE
    assert "day before your long hike" in check.why


def test_no_run_goes_the_day_before_the_long_hike_either() -> None:
    check = check_move(plan(on(10, MON)), on(10, TUE), on(10, FRI))
    assert check.problem is MoveProblem.HARD_BEFORE_LONG_HIKE


def test_two_hard_days_in_a_row_are_refused() -> None:
    check = check_move(plan(on(10, MON)), on(10, THU), on(10, SUN))  # the day after the hike
    assert check.problem is MoveProblem.HARD_IN_A_ROW
    assert "two hard days in a row" in check.why


def test_the_long_hike_may_move_to_sunday() -> None:
    shown = moved(on(10, MON), (on(10, SAT), on(10, SUN)))
    assert kinds(shown, 10)[SAT:] == [K.RECOVERY_HIKE, K.LONG_HIKE]


def test_a_day_gone_by_can_neither_give_nor_take_a_session() -> None:
    check = check_move(plan(on(10, WED)), on(10, TUE), on(10, WED))
    assert check.problem is MoveProblem.PAST
    assert check.nearest is None


def test_a_day_already_logged_keeps_its_session() -> None:
    run = LoggedCheckin(date=on(10, TUE), activity=Activity.RUN, duration_min=50, rpe=5)
    shown = AthletePlan(schedule=SCHEDULE, history=(run,), today=on(10, TUE))
    check = check_move(shown, on(10, TUE), on(10, WED))
    assert check.problem is MoveProblem.DONE
    assert "logged Tuesday's training already" in check.why


def test_a_session_moves_only_within_its_programme_week() -> None:
    check = check_move(plan(on(10, MON)), on(10, TUE), on(11, TUE))
    assert check.problem is MoveProblem.OTHER_WEEK


def test_every_day_offered_for_a_move_keeps_the_rules() -> None:
    shown = plan(on(3, MON))
    for day in days_that_work(shown, on(3, TUE)):
        assert check_move(shown, on(3, TUE), day).allowed
    assert on(3, TUE) not in days_that_work(shown, on(3, TUE))


@pytest.mark.parametrize("week", [2, 6, 10])
def test_whatever_is_offered_a_week_keeps_at_most_two_runs_early_and_no_hard_pairs(
    week: int,
) -> None:
    shown = plan(on(week, MON))
    for a in range(7):
        for day in days_that_work(shown, on(week, a)):
            after = moved(on(week, MON), (on(week, a), day))
            week_kinds = kinds(after, week)
            if week <= 8:
                assert sum(kind in RUNNING_KINDS for kind in week_kinds) <= 2
            hard = [kind in (K.LONG_HIKE, K.HILL_REPEATS) for kind in week_kinds]
            assert not any(x and y for x, y in itertools.pairwise(hard))


def test_a_hard_hike_adjustment_follows_the_session_it_changed_when_it_moves() -> None:
    hike = LoggedCheckin(date=on(10, SAT), activity=Activity.HIKE, duration_min=300, rpe=9, id=1)
    scaled = adjustments_after_checkin(hike, [hike], SCHEDULE)
    shown = moved(on(11, MON), (on(11, THU), on(11, WED)))
    shown = shown.with_adjustments((*shown.adjustments, *scaled))
    wednesday = effective_session(shown, on(11, WED))
    assert wednesday.title == "Shorter hill repeats"
    assert "Moved here from Thursday" in (wednesday.adjusted_reason or "")


def test_a_move_that_no_longer_fits_the_programme_is_left_out() -> None:
    stale = move(plan(on(9, MON)), on(9, TUE), on(9, THU))  # the run and the hill repeats
    # A week's pause later those days are in week 8, where Thursday is a hilly walk.
    paused = AthletePlan(
        schedule=Schedule(start=START + dt.timedelta(days=7)),
        adjustments=(stale,),
        today=on(9, MON),
    )
    assert planned_session(paused, on(9, TUE)).adjusted_reason is None
    assert planned_session(paused, on(9, THU)).kind is K.RUN_WALK


def test_a_rotated_week_moves_by_its_own_days() -> None:
    sunday_hiker = AthletePlan(
        schedule=Schedule(start=START, long_hike_day=Weekday.SUNDAY), today=on(10, MON)
    )
    # The hill repeats fall on Friday, the day before Saturday's rest, two before the hike.
    check = check_move(sunday_hiker, on(10, FRI), on(10, SAT))
    assert check.problem is MoveProblem.HARD_BEFORE_LONG_HIKE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "move Tuesday's run to Wednesday",
            MoveRequest(
                from_day=Weekday.TUESDAY,
                kinds=RUNNING_KINDS,
                what="run",
                to_day=Weekday.WEDNESDAY,
            ),
        ),
        (
            "can I move my strength session to thursday?",
            MoveRequest(kinds=frozenset({K.STRENGTH}), what="strength", to_day=Weekday.THURSDAY),
        ),
        ("swap tue and fri", MoveRequest(from_day=Weekday.TUESDAY, to_day=Weekday.FRIDAY)),
        (
            "please push today's run to tomorrow",
            MoveRequest(
                from_day=Weekday.TUESDAY,
                kinds=RUNNING_KINDS,
                what="run",
                to_day=Weekday.WEDNESDAY,
            ),
        ),
        (
            "move the long hike to Sunday",
            MoveRequest(kinds=frozenset({K.LONG_HIKE}), what="long hike", to_day=Weekday.SUNDAY),
        ),
    ],
)
def test_a_move_in_words_is_read(text: str, expected: MoveRequest) -> None:
    assert read_move(text, on(10, TUE)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "moved my run to wednesday, 45 min rpe 5",
        "did the long hike, 6 h",
        "move to the mountains",
        "what if I move my run to wednesday and it rains",
        "move my run",
    ],
)
def test_words_that_do_not_ask_for_a_move_are_left_to_the_check_in_reader(text: str) -> None:
    assert read_move(text, on(10, TUE)) is None


def test_a_request_for_a_kind_of_session_finds_the_next_one_still_to_come() -> None:
    request = MoveRequest(kinds=RUNNING_KINDS, what="run", to_day=Weekday.WEDNESDAY)
    check = resolve(plan(on(10, MON)), request)
    assert (check.from_date, check.to_date) == (on(10, TUE), on(10, WED))


def test_a_request_naming_a_day_without_that_session_says_what_is_there() -> None:
    request = MoveRequest(
        from_day=Weekday.WEDNESDAY, kinds=RUNNING_KINDS, what="run", to_day=Weekday.FRIDAY
    )
    check = resolve(plan(on(10, MON)), request)
    assert check.problem is MoveProblem.NOT_FOUND
    assert "Wednesday has a strength session, not a run" in check.why
