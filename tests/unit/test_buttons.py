"""Callback data: every press the coach makes reads back as itself; anything else reads as
nothing, however it was forged."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.dialogue.buttons import (
    MAX_ID,
    AnswerReminder,
    AnswerStep,
    ConfirmDelete,
    EditSetting,
    Press,
    RateCheckin,
    RunCommand,
    encode,
    parse_press,
)
from bot.services.reminders import ReminderAnswer
from bot.storage.records import Setting

PRESSES: list[Press] = [
    AnswerStep(setting=Setting.REMINDER, value="07:00"),
    AnswerStep(setting=Setting.TIMEZONE, value="America/New_York"),
    EditSetting(setting=Setting.START_DATE),
    RunCommand(name="pause"),
    ConfirmDelete(confirmed=True),
    ConfirmDelete(confirmed=False),
    RateCheckin(checkin_id=12, rpe=7),
    AnswerReminder(reminder_id=MAX_ID, answer=ReminderAnswer.HARD),
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
