"""What the coach's buttons carry: one typed press per kind, written and read in one place.

Callback data comes back from Telegram as the client sent it, so anyone can forge it: every
press is parsed by `parse_press`, which bounds every number, and anything it cannot read is
answered as an expired button and otherwise ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from bot.services.reminders import ReminderAnswer
from bot.storage.records import Setting
from coach.checkins import Activity

# Row ids fit PostgreSQL's integer; anything bigger was never one of ours.
MAX_ID = 2**31 - 1
# Telegram's limit on callback data.
MAX_DATA_BYTES = 64

RowId = Annotated[int, Field(ge=1, le=MAX_ID)]
# A day the coach could have put on a button: the programme's years, nothing else.
Day = Annotated[dt.date, Field(ge=dt.date(2000, 1, 1), le=dt.date(2100, 12, 31))]


class CheckinField(StrEnum):
    """What /edit can change in a check-in, or that it goes."""

    RPE = "rpe"
    DURATION = "duration"
    ACTIVITY = "activity"
    DELETE = "delete"


class _Press(BaseModel):
    model_config = ConfigDict(frozen=True)


class AnswerStep(_Press):
    """An answer to an onboarding or settings question: `step:<setting>:<value>`."""

    kind: Literal["step"] = "step"
    setting: Setting
    value: Annotated[str, Field(max_length=40)]


class EditSetting(_Press):
    """Change one setting from /settings: `edit:<setting>`."""

    kind: Literal["edit"] = "edit"
    setting: Setting


class RunCommand(_Press):
    """A command on a button: `cmd:<name>`."""

    kind: Literal["cmd"] = "cmd"
    name: Literal["pause", "resume", "deletedata", "today", "week", "move", "edit"]


class ConfirmDelete(_Press):
    """The answer to /deletedata: `del:yes` or `del:no`."""

    kind: Literal["del"] = "del"
    confirmed: bool


class RateCheckin(_Press):
    """An RPE for a check-in: `rpe:<checkin id>:<1–10>`."""

    kind: Literal["rpe"] = "rpe"
    checkin_id: RowId
    rpe: Annotated[int, Field(ge=1, le=10)]


class AnswerReminder(_Press):
    """A reminder's Done / Skipped / Too hard: `rem:<reminder id>:<answer>`."""

    kind: Literal["rem"] = "rem"
    reminder_id: RowId
    answer: ReminderAnswer


class OpenCheckin(_Press):
    """One check-in in /edit, to pick what to change: `ck:<checkin id>`."""

    kind: Literal["ck"] = "ck"
    checkin_id: RowId


class EditCheckin(_Press):
    """Change one field of a check-in, or delete it: `ckf:<checkin id>:<field>`."""

    kind: Literal["ckf"] = "ckf"
    checkin_id: RowId
    field: CheckinField


class SetActivity(_Press):
    """The corrected activity of a check-in: `cka:<checkin id>:<activity>`."""

    kind: Literal["cka"] = "cka"
    checkin_id: RowId
    activity: Activity


class DeleteCheckin(_Press):
    """The answer to "delete this check-in?": `ckd:<checkin id>:yes|no`."""

    kind: Literal["ckd"] = "ckd"
    checkin_id: RowId
    confirmed: bool


class PickMove(_Press):
    """The session to move, by its day: `mvf:<YYYY-MM-DD>`."""

    kind: Literal["mvf"] = "mvf"
    from_date: Day


class MoveSession(_Press):
    """Move a session to another day: `mv:<from YYYY-MM-DD>:<to YYYY-MM-DD>`."""

    kind: Literal["mv"] = "mv"
    from_date: Day
    to_date: Day


Press = (
    AnswerStep
    | EditSetting
    | RunCommand
    | ConfirmDelete
    | RateCheckin
    | AnswerReminder
    | OpenCheckin
    | EditCheckin
    | SetActivity
    | DeleteCheckin
    | PickMove
    | MoveSession
)
_PRESS: TypeAdapter[Press] = TypeAdapter(Annotated[Press, Field(discriminator="kind")])
_FIELDS = {
    "step": ("setting", "value"),
    "edit": ("setting",),
    "cmd": ("name",),
    "del": ("confirmed",),
    "rpe": ("checkin_id", "rpe"),
    "rem": ("reminder_id", "answer"),
    "ck": ("checkin_id",),
    "ckf": ("checkin_id", "field"),
    "cka": ("checkin_id", "activity"),
    "ckd": ("checkin_id", "confirmed"),
    "mvf": ("from_date",),
    "mv": ("from_date", "to_date"),
}
_DIGITS = re.compile(r"[0-9]{1,10}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def encode(press: Press) -> str:
    """The callback data for a press."""
    parts = [press.kind]
    for name in _FIELDS[press.kind]:
        value = getattr(press, name)
        if isinstance(value, bool):
            parts.append("yes" if value else "no")
        elif isinstance(value, dt.date):
            parts.append(value.isoformat())
        else:
            parts.append(str(value.value if hasattr(value, "value") else value))
    data = ":".join(parts)
    if len(data.encode()) > MAX_DATA_BYTES:
        raise ValueError(f"callback data longer than {MAX_DATA_BYTES} bytes: {data!r}")
    return data


def parse_press(data: str) -> Press | None:
    """The press that `data` encodes, or None when it is not one of ours or out of range."""
    if not data or len(data.encode(errors="replace")) > MAX_DATA_BYTES:
        return None
    kind, _, rest = data.partition(":")
    names = _FIELDS.get(kind)
    if names is None:
        return None
    values = rest.split(":", len(names) - 1) if rest else []
    if len(values) != len(names):
        return None
    fields: dict[str, object] = {"kind": kind}
    for name, value in zip(names, values, strict=True):
        if name.endswith("_id") or name == "rpe":
            if not _DIGITS.fullmatch(value):
                return None
            fields[name] = int(value)
        elif name == "confirmed":
            if value not in {"yes", "no"}:
                return None
            fields[name] = value == "yes"
        elif name.endswith("_date"):
            if not _DATE.fullmatch(value):
                return None
            fields[name] = value
        else:
            fields[name] = value
    try:
        return _PRESS.validate_python(fields)
    except ValidationError:
        return None
