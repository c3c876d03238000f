"""Two bot processes in webhook mode on one PostgreSQL database, one athlete's updates posted
to them in turn: the conversation carries over, an update delivered to both is handled once,
a reminder arrives once, and when the leader is killed the other replica sends the reminders
within a tick."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Callable

import pytest
from sqlalchemy import select

from bot.storage import migrate
from bot.storage.database import Database
from bot.storage.repositories import AthleteRepository, CheckinRepository
from bot.storage.tables import ReminderRow
from tests.emulator import SentMessage, TelegramEmulator
from tests.integration.webhooks import StartBot, WebhookBot, button_update, update

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

ANN, BEN = 5101, 5102
# 07:58:50 in Berlin on Tuesday 8 December: Ann's reminder, set to 07:59, is 10 s away.
CLOCK_START = "2026-12-08T06:58:50+00:00"
TICK_SECONDS = 1.0
LEADER_LINE = "this replica now sends the reminders"


async def wait_for(condition: Callable[[], object], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"no {what} within {timeout} s")
        await asyncio.sleep(0.05)


def reminders(messages: list[SentMessage]) -> list[SentMessage]:
    return [m for m in messages if "✅ Done" in m.button_texts]


class Athlete:
    """One athlete writing through whichever replica the balancer picks."""

    next_update = 1000

    def __init__(self, user_id: int, emulator: TelegramEmulator) -> None:
        self.user_id = user_id
        self.emulator = emulator

    def new_update(self, text: str) -> dict[str, object]:
        Athlete.next_update += 1
        return update(Athlete.next_update, self.user_id, text)

    async def say(self, replica: WebhookBot, text: str) -> list[SentMessage]:
        """Post one message and return the replies it got (the 200 comes once they went)."""
        before = len(self.emulator.messages(self.user_id))
        assert await replica.post(self.new_update(text)) == 200
        return self.emulator.messages(self.user_id)[before:]


@pytest.fixture
def url(postgres_schema_url: str) -> str:
    migrate.upgrade(postgres_schema_url)
    return postgres_schema_url


async def test_two_replicas_share_one_conversation_and_the_reminders(
    start_webhook_bot: StartBot, emulator: TelegramEmulator, url: str
) -> None:
    env = {"CLOCK_START": CLOCK_START, "REMINDER_TICK_SECONDS": str(TICK_SECONDS)}
    replicas = [await start_webhook_bot(url, **env), await start_webhook_bot(url, **env)]
    a, b = replicas
    ann = Athlete(ANN, emulator)

    # Onboarding begun on one replica and finished on the other, answer by answer.
    for replica, answer in zip(
        (a, b, a, b, a, b),
        ("/start", "2026-12-07", "saturday", "Europe/Berlin", "07:59", "never"),
        strict=True,
    ):
        replies = await ann.say(replica, answer)
    assert "You're all set" in replies[-1].text
    with Database(url) as database, database.session() as db:
        stored = AthleteRepository(db).get(ANN)
    assert stored is not None
    assert (stored.start_date, stored.timezone, stored.reminder_time) == (
        dt.date(2026, 12, 7),
        "Europe/Berlin",
        dt.time(7, 59),
    )

    # A check-in on one replica, its RPE button pressed on the other.
    replies = await ann.say(a, "easy run on the trail, 40 min")
    reply = next(r for r in replies if r.inline_keyboard)
    rpe_six = next(
        button["callback_data"]
        for row in reply.inline_keyboard
        for button in row
        if button["text"] == "6"
    )
    Athlete.next_update += 1
    press = button_update(Athlete.next_update, ANN, reply.message_id, rpe_six)
    assert await b.post(press) == 200
    with Database(url) as database, database.session() as db:
        [checkin] = CheckinRepository(db).list_since(ANN, dt.date(2026, 12, 8))
    assert (checkin.rpe, checkin.rpe_estimated, checkin.duration_min) == (6, False, 40)

    # The same update delivered to both replicas at once is handled once.
    twice = ann.new_update("walked 30 min, rpe 3")
    before = len(emulator.messages(ANN))
    assert await asyncio.gather(a.post(twice), b.post(twice)) == [200, 200]
    with Database(url) as database, database.session() as db:
        walks = [c for c in CheckinRepository(db).list_since(ANN, dt.date(2026, 12, 8))]
    assert [c.duration_min for c in walks] == [40, 30]
    answers = [m.text for m in emulator.messages(ANN)[before:]]
    assert answers and len(answers) == len(set(answers))

    # Ann's reminder at 07:59 comes once, from whichever replica leads.
    await wait_for(lambda: reminders(emulator.messages(ANN)), 40, "reminder for Ann")
    await asyncio.sleep(4 * TICK_SECONDS)
    assert len(reminders(emulator.messages(ANN))) == 1
    leaders = [r for r in replicas if LEADER_LINE in r.process.log()]
    assert len(leaders) == 1
    [leader] = leaders
    [survivor] = [r for r in replicas if r is not leader]

    # The leader dies; the other replica takes over within a tick and reminds Ben, who sets
    # everything up after the crash and is due already.
    leader.process.kill()
    killed = time.monotonic()
    await wait_for(lambda: LEADER_LINE in survivor.process.log(), 5 + TICK_SECONDS, "takeover")
    takeover = time.monotonic() - killed
    ben = Athlete(BEN, emulator)
    for command in ("/timezone Europe/Berlin", "/startdate 2026-12-07", "/remind 07:59"):
        await ben.say(survivor, command)
    await wait_for(lambda: reminders(emulator.messages(BEN)), 10, "reminder for Ben")
    await asyncio.sleep(3 * TICK_SECONDS)

    assert takeover < 2 + TICK_SECONDS
    assert len(reminders(emulator.messages(BEN))) == 1
    assert len(reminders(emulator.messages(ANN))) == 1
    with Database(url) as database, database.session() as db:
        rows = db.scalars(select(ReminderRow)).all()
    assert len(rows) == 2 and {row.local_date for row in rows} == {dt.date(2026, 12, 8)}
