"""The lead plan: a crowded minute starts early, balanced either side of its time, never more
than the lead bound early; a lone reminder goes at its time."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.reminders.lead import Group, plan_releases

NOW = dt.datetime(2026, 12, 8, 5, 50, tzinfo=dt.UTC)
LEAD = dt.timedelta(minutes=10)
RATE = 30.0


def minutes(value: float) -> dt.timedelta:
    return dt.timedelta(minutes=value)


def test_a_lone_reminder_is_released_at_its_time_not_before() -> None:
    plan = plan_releases([Group(NOW + minutes(5), 1)], NOW, RATE, LEAD)

    assert plan.bound == dt.timedelta(0)
    assert plan.lead(NOW + minutes(4.9), LEAD) == dt.timedelta(0)
    assert plan.next_release(NOW) == NOW + minutes(5)


def test_a_crowd_starts_early_by_half_the_time_it_takes_to_send() -> None:
    crowd = 9000  # five minutes' worth at 30 a second
    plan = plan_releases([Group(NOW + minutes(10), crowd)], NOW, RATE, LEAD)

    half = dt.timedelta(seconds=(crowd - 1) / RATE / 2)
    assert abs(plan.bound - half) < dt.timedelta(seconds=0.2)
    start = NOW + minutes(10) - plan.bound
    assert plan.lead(start - dt.timedelta(seconds=1), LEAD) == dt.timedelta(0)
    assert plan.lead(start + dt.timedelta(seconds=1), LEAD) > dt.timedelta(0)


def test_no_crowd_is_started_earlier_than_the_lead_bound() -> None:
    crowd = 60 * 60 * 30  # an hour's worth
    plan = plan_releases([Group(NOW + minutes(30), crowd)], NOW, RATE, LEAD)

    release = plan.next_release(NOW)
    assert release is not None
    assert dt.timedelta(0) <= release - (NOW + minutes(30) - LEAD) < dt.timedelta(seconds=1)
    for offset in (0, 19.9, 20, 25, 30):
        assert plan.lead(NOW + minutes(offset), LEAD) <= LEAD


def test_reminders_before_a_crowd_still_go_at_their_own_time() -> None:
    crowd = Group(NOW + minutes(10), 9000)
    plan = plan_releases([Group(NOW + minutes(2), 3), crowd], NOW, RATE, LEAD)

    assert plan.releases[0] == NOW + minutes(2)
    assert plan.releases[1] < crowd.due_at


def test_a_backlog_already_due_is_released_at_once() -> None:
    plan = plan_releases([Group(NOW - minutes(3), 100)], NOW, RATE, LEAD)

    assert plan.next_release(NOW - minutes(4)) is not None
    assert plan.lead(NOW, LEAD) == dt.timedelta(0)
    assert plan.bound >= minutes(3)


@pytest.mark.parametrize("crowds", [1, 2, 5])
def test_sending_in_due_order_from_the_releases_keeps_everyone_within_the_bound(
    crowds: int,
) -> None:
    groups = [Group(NOW + minutes(4 + 3 * i), 4000) for i in range(crowds)]
    groups += [Group(NOW + minutes(1 + i), 20) for i in range(20)]
    plan = plan_releases(groups, NOW, RATE, LEAD)

    clock = NOW
    worst = dt.timedelta(0)
    for group in sorted(groups, key=lambda g: g.due_at):
        released = plan.releases[plan.due.index(group.due_at)]
        assert group.due_at - released <= LEAD
        for _ in range(group.count):
            clock = max(clock, released)
            worst = max(worst, abs(clock - group.due_at))
            clock += dt.timedelta(seconds=1 / RATE)
    assert worst <= plan.bound + dt.timedelta(seconds=1)
