"""The /calendar feed: every remaining session as an all-day event in an iCalendar file.

`calendar_ics(sessions, feed_id=..., now=...)` turns the sessions the coach shows (adjusted,
with their reasons) into one .ics file. Each date keeps one UID per athlete, so importing the
file again, or a phone refreshing a subscription, updates the events instead of adding copies.

Friday rest days get no event: an empty day already says "rest", a calendar full of "Rest"
banners hides the sessions, and no rule ever turns a rest day into a session or a session into
a rest day, so leaving them out never leaves a stale event behind on a second import.

For the private subscription URL, `new_feed_token()` makes the secret and only its digest
(`feed_token_digest`) needs storing: a leaked database then leaks no working feed URL.
Revoking is deleting the digest; a new token makes a new URL.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Iterable

from icalendar import Calendar, Event

from coach.programme import PROGRAMME_DAYS, PROGRAMME_WEEKS
from coach.sessions import Session, SessionKind

PRODID = "-//TrailCoach//Training calendar 1.0//EN"
CALENDAR_NAME = "TrailCoach training"
CALENDAR_DESCRIPTION = "Your 12 weeks of adding trail running to your hiking, day by day."
UID_DOMAIN = "trailcoach"
# How often a subscribed calendar should look again (clients treat it as a hint).
REFRESH = dt.timedelta(hours=6)
# SEQUENCE counts minutes since this instant, so every file is newer than the one before it.
SEQUENCE_EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
FEED_TOKEN_BYTES = 32
MEDIA_TYPE = "text/calendar; charset=utf-8"
# Where the webhook server serves private feeds: CALENDAR_PATH/<token>.ics
CALENDAR_PATH = "/calendar"


def remaining_dates(start: dt.date, today: dt.date) -> list[dt.date]:
    """The programme's dates from `today` (or the start, if later) to the end of week 12."""
    last = start + dt.timedelta(days=PROGRAMME_DAYS - 1)
    first = max(start, today)
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def calendar_ics(
    sessions: Iterable[Session],
    *,
    feed_id: str,
    now: dt.datetime,
    name: str = CALENDAR_NAME,
) -> bytes:
    """An iCalendar file (UTF-8, CRLF lines) with one all-day event per session, rest days
    left out. `feed_id` names the athlete stably (their user id will do: it is hashed);
    `now`, an aware instant, stamps every event."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    stamp = now.astimezone(dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-caldesc", CALENDAR_DESCRIPTION)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH)
    for session in sorted(sessions, key=lambda s: s.date):
        if session.kind is not SessionKind.REST:
            calendar.add_component(_event(session, feed_id, stamp))
    return calendar.to_ical()


def event_uid(feed_id: str, on: dt.date) -> str:
    """The UID of the athlete's event on `on`: the same in every file, whatever the session."""
    athlete = hashlib.sha256(f"{UID_DOMAIN}-calendar:{feed_id}".encode()).hexdigest()[:20]
    return f"{on:%Y%m%d}-{athlete}@{UID_DOMAIN}"


def summary(session: Session) -> str:
    """The event's one line: the session's title and how long it takes."""
    duration = session.duration_text
    return f"{session.title} ({duration})" if duration else session.title


def description(session: Session) -> str:
    """The event's text: what to do, what changed and why, why it matters, the cues."""
    parts = [session.details]
    if session.adjusted_reason:
        parts.append(f"Changed: {session.adjusted_reason}")
    parts.append(session.why)
    if session.cues:
        parts.append("\n".join(f"• {cue}" for cue in session.cues))
    week = f"Week {session.week} of {PROGRAMME_WEEKS}"
    if session.week > PROGRAMME_WEEKS:
        week = "Maintenance, after the 12 weeks"
    parts.append(f"{week} · TrailCoach")
    return "\n\n".join(part for part in parts if part)


def new_feed_token() -> str:
    """A new secret for an athlete's subscription URL (URL-safe, 256 bits)."""
    return secrets.token_urlsafe(FEED_TOKEN_BYTES)


def feed_token_digest(token: str) -> str:
    """What to store for a token and look it up by: its SHA-256, in hex."""
    return hashlib.sha256(token.encode()).hexdigest()


def feed_token_matches(token: str, digest: str) -> bool:
    """True when `token` is the one `digest` was made from; the comparison takes the same time
    wherever the two differ."""
    return hmac.compare_digest(feed_token_digest(token), digest)


def _event(session: Session, feed_id: str, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", event_uid(feed_id, session.date))
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("sequence", max(0, int((stamp - SEQUENCE_EPOCH).total_seconds() // 60)))
    event.add("dtstart", session.date)
    event.add("dtend", session.date + dt.timedelta(days=1))
    event.add("summary", summary(session))
    event.add("description", description(session))
    # Training does not make the athlete unavailable: the day stays free in their calendar.
    event.add("transp", "TRANSPARENT")
    event.add("categories", ["Training"])
    return event
