"""Reading what athletes type for settings: dates, time zones and reminder times."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from zoneinfo import available_timezones

from rapidfuzz import fuzz, process

from coach.athletes import Experience
from coach.schedule import Weekday

MAX_DAYS_IN_PAST = 84
MAX_DAYS_AHEAD = 365

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)

# Cities people name that are not themselves IANA zone names.
CITY_ZONES = {
    "munich": "Europe/Berlin",
    "hamburg": "Europe/Berlin",
    "frankfurt": "Europe/Berlin",
    "cologne": "Europe/Berlin",
    "zurich": "Europe/Zurich",
    "geneva": "Europe/Zurich",
    "innsbruck": "Europe/Vienna",
    "edinburgh": "Europe/London",
    "manchester": "Europe/London",
    "glasgow": "Europe/London",
    "cardiff": "Europe/London",
    "barcelona": "Europe/Madrid",
    "milan": "Europe/Rome",
    "lyon": "Europe/Paris",
    "chamonix": "Europe/Paris",
    "krakow": "Europe/Warsaw",
    "seattle": "America/Los_Angeles",
    "san francisco": "America/Los_Angeles",
    "portland": "America/Los_Angeles",
    "boston": "America/New_York",
    "washington": "America/New_York",
    "atlanta": "America/New_York",
    "miami": "America/New_York",
    "salt lake city": "America/Denver",
    "boulder": "America/Denver",
    "austin": "America/Chicago",
    "dallas": "America/Chicago",
    "houston": "America/Chicago",
    "calgary": "America/Edmonton",
    "montreal": "America/Toronto",
    "delhi": "Asia/Kolkata",
    "new delhi": "Asia/Kolkata",
    "mumbai": "Asia/Kolkata",
    "bangalore": "Asia/Kolkata",
    "bengaluru": "Asia/Kolkata",
    "wellington": "Pacific/Auckland",
    "queenstown": "Pacific/Auckland",
    "christchurch": "Pacific/Auckland",
    "cape town": "Africa/Johannesburg",
    "kyoto": "Asia/Tokyo",
    "osaka": "Asia/Tokyo",
    "beijing": "Asia/Shanghai",
    "canberra": "Australia/Sydney",
    "uk": "Europe/London",
    "gmt": "Europe/London",
}


class InputError(ValueError):
    """Typed input the coach cannot use; the message says what would work."""


@lru_cache(maxsize=1)
def _zone_index() -> dict[str, str]:
    """Lower-case zone names and their last parts ('new york') mapped to IANA names."""
    index: dict[str, str] = {}
    for name in sorted(available_timezones()):
        if name.startswith(("Etc/", "SystemV/")) or ("/" not in name and name != "UTC"):
            continue
        index.setdefault(name.lower(), name)
        city = name.rsplit("/", 1)[-1].replace("_", " ").lower()
        index.setdefault(city, name)
    index["utc"] = "UTC"
    index.update(CITY_ZONES)
    return index


def parse_timezone(text: str) -> str:
    """An IANA time zone name from a zone name or a city, forgiving case and small typos."""
    cleaned = " ".join(text.strip().replace("_", " ").split()).lower()
    if not cleaned or len(cleaned) > 64:
        raise InputError("Send a time zone like Europe/Berlin, or the city you live in.")
    index = _zone_index()
    for candidate in (cleaned, cleaned.replace(" ", "_"), cleaned.split(",")[0].strip()):
        if candidate in index:
            return index[candidate]
    match = process.extractOne(cleaned, index.keys(), scorer=fuzz.ratio, score_cutoff=88)
    if match is not None:
        return index[match[0]]
    raise InputError(
        f"I don't know the time zone “{text.strip()[:40]}”. "
        "Try a name like Europe/Berlin or America/New_York, or a big city near you."
    )


_TIME = re.compile(
    r"^(?P<hour>\d{1,2})(?:[:.h](?P<minute>\d{2}))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)?$"
)


def parse_reminder_time(text: str) -> dt.time | None:
    """A local time of day ('07:00', '7am', '6.30 pm', '19h30'); None for 'off'."""
    cleaned = text.strip().lower()
    if cleaned in {"off", "none", "no", "stop", "never", "no reminders"}:
        return None
    match = _TIME.match(cleaned)
    if not match:
        raise InputError(
            f"“{text.strip()[:20]}” isn't a time I can use. Send it as HH:MM, e.g. 07:00."
        )
    hour = int(match.group("hour"))
    minute = int(match.group("minute") or 0)
    ampm = (match.group("ampm") or "").replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            raise InputError(f"{hour} {ampm} isn't a time. Send it as HH:MM, e.g. 07:00.")
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23 or minute > 59:
        raise InputError(
            f"{text.strip()[:20]} isn't a time of day: hours go 00–23 and minutes 00–59."
        )
    return dt.time(hour, minute)


_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?(?:\s+(\d{4}))?$")
_MONTH_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$")
_ISO_LIKE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_start_date(text: str, today: dt.date) -> dt.date:
    """A programme start date: today, tomorrow, (next) monday, 2026-12-07, 7 Dec, Dec 7.

    A date up to 12 weeks in the past is allowed, for athletes already under way.
    """
    cleaned = " ".join(text.strip().lower().split())
    day = _read_date(cleaned, today)
    if day < today - dt.timedelta(days=MAX_DAYS_IN_PAST):
        raise InputError(
            f"{day:%d %B %Y} is more than 12 weeks ago. Pick a date within the last 12 weeks, "
            "or start fresh from today."
        )
    if day > today + dt.timedelta(days=MAX_DAYS_AHEAD):
        raise InputError(f"{day:%d %B %Y} is more than a year away. Pick a nearer date.")
    return day


def next_monday(today: dt.date) -> dt.date:
    """The next Monday strictly after today."""
    return today + dt.timedelta(days=7 - today.weekday())


def _read_date(cleaned: str, today: dt.date) -> dt.date:
    if cleaned in {"today", "now"}:
        return today
    if cleaned == "tomorrow":
        return today + dt.timedelta(days=1)
    words = cleaned.removeprefix("next ").removeprefix("this ")
    if words in WEEKDAYS or (words[:3] in {w[:3] for w in WEEKDAYS} and len(words) <= 4):
        target = next(i for i, w in enumerate(WEEKDAYS) if w.startswith(words[:3]))
        ahead = (target - today.weekday()) % 7 or 7
        return today + dt.timedelta(days=ahead)
    iso = _ISO_LIKE.match(cleaned)
    if iso:
        return _checked_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)), cleaned)
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        match = pattern.match(cleaned)
        if match and match.group(month_group)[:3] in MONTHS:
            month = MONTHS.index(match.group(month_group)[:3]) + 1
            year = int(match.group(3)) if match.group(3) else _nearest_year(today, month)
            return _checked_date(year, month, int(match.group(day_group)), cleaned)
    raise InputError(
        f"I can't read “{cleaned[:30]}” as a date. Send it as YYYY-MM-DD, e.g. "
        f"{next_monday(today).isoformat()}, or tap a button."
    )


def _nearest_year(today: dt.date, month: int) -> int:
    """A day-and-month without a year: this year, or next year when that month is long gone."""
    return today.year + 1 if month < today.month - 3 else today.year


def _checked_date(year: int, month: int, day: int, shown: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise InputError(
            f"{shown} isn't a real date (check the day and month), e.g. 2026-12-07."
        ) from None


MAX_DURATION_MIN = 24 * 60
_DURATION = re.compile(
    r"^(?:(?P<hours>\d{1,2}(?:[.,]\d{1,2})?)\s*(?:h|hr|hrs|hours?)\.?"
    r"(?:\s*(?P<and>\d{1,2})\s*(?:m|min|mins|minutes?)?\.?)?"
    r"|(?P<clock_h>\d{1,2}):(?P<clock_m>\d{2})"
    r"|(?P<minutes>\d{1,4})\s*(?:m|min|mins|minutes?)?\.?)$"
)


def read_duration(text: str) -> int | None:
    """Minutes from a typed duration ('45', '45 min', '1:30', '1 h 30', '2.5 h'); None when the
    text is not a duration. One outside 1 minute to 24 h raises InputError."""
    cleaned = " ".join(text.strip().lower().split())
    match = _DURATION.match(cleaned)
    if match is None:
        return None
    if match.group("hours") is not None:
        minutes = round(float(match.group("hours").replace(",", ".")) * 60)
        minutes += int(match.group("and") or 0)
    elif match.group("clock_h") is not None:
        if int(match.group("clock_m")) > 59:
            raise InputError("Minutes go up to 59: try 1:30 or 1 h 30.")
        minutes = int(match.group("clock_h")) * 60 + int(match.group("clock_m"))
    else:
        minutes = int(match.group("minutes"))
    if not 1 <= minutes <= MAX_DURATION_MIN:
        raise InputError("A session lasts from 1 minute to 24 hours. How long was it?")
    return minutes


def parse_weekday(text: str) -> Weekday:
    """A weekday as people type it: 'Sunday', 'sun', 'sundays', 'on Sunday'."""
    cleaned = " ".join(text.strip().lower().split()).removeprefix("on ").rstrip(".!")
    for name in (cleaned, cleaned.removesuffix("s")):
        if name in WEEKDAYS:
            return Weekday(name)
        if len(name) >= 3 and len(name) <= 5:
            matches = [day for day in WEEKDAYS if day.startswith(name)]
            if len(matches) == 1:
                return Weekday(matches[0])
    raise InputError("Tap a day, or type one: Saturday, Sunday, Friday…")


_EXPERIENCE_WORDS = (
    (Experience.NEVER, ("never", "none", "no ", "not ", "zero", "beginner", "new")),
    (Experience.REGULAR, ("regular", "often", "lots", "every week", "weekly", "a lot")),
    (Experience.SOME, ("some", "bit", "little", "few", "occasional", "sometimes", "once")),
)


def parse_experience(text: str) -> Experience:
    """How much the athlete has run: never, some or regular, in their own words."""
    lowered = f" {text.strip().lower()} "
    for experience, words in _EXPERIENCE_WORDS:
        if lowered.strip() == experience.value or any(word in lowered for word in words):
            return experience
    raise InputError("Tap a button, or type never, some or regular.")
