"""How early a crowded minute's reminders start, so that nobody is reminded far from their time.

Telegram lets a bot out at a fixed rate. If a fifth of 100,000 athletes chose 07:00 in one
zone, sending from 07:00 on makes the last one ten minutes late. Starting before 07:00 halves
that: the first go a little early, the last a little late. The plan here does it with the least
deviation either way that the rate allows, and never starts anyone more than `max_lead` early.

It works on counts of reminders still to send, grouped by due instant (the database knows
them ahead: reminder times are settings). Pure: no clock, no database.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# The plan looks this far ahead: a crowd further away cannot need an earlier start than
# MAX_LEAD, but one a little beyond it can still push back the groups before it.
LOOKAHEAD_FACTOR = 3


@dataclass(frozen=True)
class Group:
    """`count` reminders due at `due_at`."""

    due_at: dt.datetime
    count: int


@dataclass(frozen=True)
class ReleasePlan:
    """When each group may go: `releases[i]` for the groups due at `due[i]` and before.

    `bound` is the most any reminder in the plan is expected to deviate from its time (late or,
    within the lead, early), given the rate.
    """

    due: tuple[dt.datetime, ...] = ()
    releases: tuple[dt.datetime, ...] = ()
    bound: dt.timedelta = dt.timedelta(0)

    def next_release(self, at: dt.datetime) -> dt.datetime | None:
        """The first release after `at`, if the plan has one."""
        index = bisect.bisect_right(self.releases, at)
        return self.releases[index] if index < len(self.releases) else None

    def lead(self, at: dt.datetime, max_lead: dt.timedelta) -> dt.timedelta:
        """How far past `at` due times may be claimed at `at`: up to the last group whose
        release has come, at most `max_lead`, and never less than nothing."""
        released = bisect.bisect_right(self.releases, at)
        if released == 0:
            return dt.timedelta(0)
        return min(max(self.due[released - 1] - at, dt.timedelta(0)), max_lead)


def plan_releases(
    groups: Iterable[Group], now: dt.datetime, rate: float, max_lead: dt.timedelta
) -> ReleasePlan:
    """Release times that keep every reminder as close to its time as `rate` allows.

    First the smallest bound B for which sending in due order, starting each group no earlier
    than min(B, max_lead) before its time, keeps every reminder within B after its time. Then
    each group's release: its own due time, unless the groups after it need it out earlier to
    stay within B (the latest start that still lets them), and never earlier than `max_lead`.
    """
    merged: dict[dt.datetime, int] = {}
    for group in groups:
        if group.count > 0:
            merged[group.due_at] = merged.get(group.due_at, 0) + group.count
    if not merged:
        return ReleasePlan()
    ordered = sorted(merged.items())
    spacing = 1.0 / rate
    offsets = [((due - now).total_seconds(), count) for due, count in ordered]
    lead = max_lead.total_seconds()
    bound = _smallest_bound(offsets, spacing, lead)
    # Backwards: the latest each group may start so that it and every later group end in time.
    latest: list[float] = [0.0] * len(offsets)
    following = float("inf")
    for index in range(len(offsets) - 1, -1, -1):
        due, count = offsets[index]
        own = due + bound - (count - 1) * spacing
        latest[index] = min(own, following - count * spacing)
        following = latest[index]
    releases = []
    previous = float("-inf")
    for (due, _), last_start in zip(offsets, latest, strict=True):
        release = max(due - lead, min(due, last_start), previous)
        releases.append(release)
        previous = release
    return ReleasePlan(
        due=tuple(due for due, _ in ordered),
        releases=tuple(now + dt.timedelta(seconds=r) for r in releases),
        bound=dt.timedelta(seconds=bound),
    )


def _smallest_bound(offsets: Sequence[tuple[float, int]], spacing: float, lead: float) -> float:
    """Binary search, to a tenth of a second, for the least lateness a start up to
    min(bound, lead) early can achieve; offsets are seconds from now."""
    low, high = 0.0, max(0.0, -offsets[0][0]) + sum(c for _, c in offsets) * spacing
    if _lateness(offsets, spacing, 0.0) <= 0.0:
        return 0.0
    while high - low > 0.1:
        middle = (low + high) / 2
        if _lateness(offsets, spacing, min(middle, lead)) <= middle:
            high = middle
        else:
            low = middle
    return high


def _lateness(offsets: Sequence[tuple[float, int]], spacing: float, advance: float) -> float:
    """The worst lateness (seconds) when every group may start `advance` before its time and
    nothing goes before now (0)."""
    clock = 0.0
    worst = float("-inf")
    for due, count in offsets:
        start = max(clock, due - advance)
        last = start + (count - 1) * spacing
        worst = max(worst, last - due)
        clock = last + spacing
    return worst
