"""The flood guard: a user who sends 20 messages a second is answered, warned once, then ignored
until the window passes."""

from __future__ import annotations

from bot.channels.flood import FloodGuard, Verdict


def test_messages_within_the_limit_are_allowed() -> None:
    guard = FloodGuard(limit=3, window=2.0)
    assert [guard.check(1, t) for t in (0.0, 0.1, 0.2)] == [Verdict.ALLOW] * 3


def test_twenty_messages_in_a_second_are_warned_once_and_the_rest_dropped() -> None:
    guard = FloodGuard(limit=8, window=4.0)
    verdicts = [guard.check(1, i * 0.05) for i in range(20)]
    assert verdicts.count(Verdict.ALLOW) == 8
    assert verdicts.count(Verdict.WARN) == 1
    assert verdicts.count(Verdict.DROP) == 11


def test_a_flooding_user_is_answered_again_after_the_window() -> None:
    guard = FloodGuard(limit=2, window=1.0)
    for t in (0.0, 0.1, 0.2, 0.3):
        guard.check(1, t)
    assert guard.check(1, 1.5) is Verdict.ALLOW


def test_one_users_flood_does_not_slow_another_user() -> None:
    guard = FloodGuard(limit=2, window=1.0)
    for t in (0.0, 0.1, 0.2):
        guard.check(1, t)
    assert guard.check(2, 0.3) is Verdict.ALLOW


def test_memory_stays_bounded_with_many_users() -> None:
    guard = FloodGuard(limit=2, window=1.0, max_users=100)
    for user in range(1000):
        guard.check(user, 0.0)
    assert len(guard._seen) <= 100
