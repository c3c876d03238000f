"""Callback data: every press the coach makes reads back as itself; anything else reads as
nothing, however it was forged."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.dialogue.buttons import (
    MAX_DATA_BYTES,
    MAX_ID,
    AnswerReminder,
    AnswerStep,
    CheckinField,
    ConfirmDelete,
    DeleteCheckin,
    EditCheckin,
    EditSetting,
    MoveSession,
    OpenCheckin,
    PickMove,
    Press,
    RateCheckin,
    RunCommand,
    SetActivity,
    encode,
    parse_press,
)
from bot.services.reminders import ReminderAnswer
from bot.storage.records import Setting
from coach.checkins import Activity

PRESSES: list[Press] = [
    AnswerStep(setting=Setting.REMINDER, value="07:00"),
    AnswerStep(setting=Setting.TIMEZONE, value="America/New_York"),
    EditSetting(setting=Setting.START_DATE),
    RunCommand(name="pause"),
    ConfirmDelete(confirmed=True),
    ConfirmDelete(confirmed=False),
    RateCheckin(checkin_id=12, rpe=7),
    AnswerReminder(reminder_id=MAX_ID, answer=ReminderAnswer.HARD),
    AnswerStep(setting=Setting.LONG_HIKE_DAY, value="sunday"),
    RunCommand(name="move"),
    RunCommand(name="edit"),
    OpenCheckin(checkin_id=MAX_ID),
    EditCheckin(checkin_id=5, field=CheckinField.DURATION),
    SetActivity(checkin_id=5, activity=Activity.STRENGTH),
    DeleteCheckin(checkin_id=5, confirmed=True),
    PickMove(from_date=dt.date(2026, 12, 8)),
    MoveSession(from_date=dt.date(2026, 12, 8), to_date=dt.date(2026, 12, 9)),
]


@pytest.mark.parametrize("press", PRESSES, ids=lambda press: encode(press))
def test_every_press_reads_back_as_itself(press: Press) -> None:
    assert parse_press(encode(press)) == press


@pytest.mark.parametrize(
    "data",
    ["rpe:12:5", "rem:3:done", "step:experience:never", "edit:timezone", "cmd:resume", "del:no"],
)
def test_buttons_already_in_chats_keep_working(data: str) -> None:
    press = parse_press(data)
    assert press is not None and encode(press) == data


@pytest.mark.parametrize(
    "data",
    [
        "rpe:99999999999999999999:5",  # beyond any row id: never stored, never looked up
        f"rpe:{MAX_ID + 1}:5",
        "rpe:0:5",
        "rpe:12:11",
        "rpe:12:-3",
        "rpe:12:five",
        "rpe:１２:5",  # full-width digits
        "rem:3:maybe",
        "rem:3",
        "step:favourite_colour:blue",
        "cmd:deletedata_now",
        "del:perhaps",
        "edit:",
        "ckf:5:colour",
        "cka:5:swimming",
        "ckd:5:maybe",
        "ck:0",
        "mv:2026-02-30:2026-03-01",  # no such day
        "mv:2026-12-08",
        "mv:1999-12-08:1999-12-09",  # outside the days the coach puts on buttons
        "mvf:20261208",
        "mvf:2026-12-08:x",
        "unknown:1",
        "",
        "x" * 65,
    ],
)
def test_forged_or_stale_callback_data_reads_as_nothing(data: str) -> None:
    assert parse_press(data) is None


@given(st.text(max_size=80))
def test_any_callback_data_is_read_without_an_error(data: str) -> None:
    press = parse_press(data)
    assert press is None or parse_press(encode(press)) == press


@pytest.mark.parametrize("press", PRESSES, ids=lambda press: encode(press))
def test_every_press_fits_in_telegrams_64_bytes(press: Press) -> None:
    assert len(encode(press).encode()) <= MAX_DATA_BYTES
