"""Reply latency: the real bot process against the local Telegram server, from a user's message
arriving at the server to the bot's reply reaching it."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from tests.botprocess import BotProcess, bot_environment
from tests.emulator import EmulatorThread
from tests.faq_model import CACHE_DIR, shared_knowledge_base

# Many users, one round each: a single user typing this fast would trip the flood guard.
USERS = range(4200, 4220)
# A realistic mix: commands that read the plan, a check-in that writes, an FAQ question.
MESSAGES = (
    "/today",
    "/week",
    "easy run 40 min rpe 4",
    "what is power hiking?",
    "/plan",
    "/help",
)
FLOOD_WINDOW_SECONDS = 4.0


def run() -> list[str]:
    shared_knowledge_base()  # fills the vector cache, so the bot's start is not timed encoding
    with tempfile.TemporaryDirectory() as folder, EmulatorThread() as emulator:
        tmp = Path(folder)
        env = bot_environment(
            emulator.base_url,
            emulator.base_file_url,
            f"sqlite:///{tmp / 'trailcoach.db'}",
            CLOCK_START="2026-12-08T09:00:00+00:00",
            LOG_LEVEL="WARNING",
            PTB_TIMEDELTA="true",
            # The FAQ as `make run` builds it: with the sentence model, its vectors cached.
            FAQ_MODEL="true",
            FAQ_CACHE_DIR=str(CACHE_DIR),
        )
        bot = BotProcess(env, tmp / "bot.log", tmp).start()
        try:
            _wait_until_polling(emulator, bot)
            _onboard(emulator)
            latencies = _measure(emulator)
        finally:
            bot.stop()
    latencies_ms = sorted(1000 * value for value in latencies)
    p95 = latencies_ms[int(0.95 * (len(latencies_ms) - 1))]
    return [
        f"latency.reply_median_ms: {statistics.median(latencies_ms):.1f} "
        f"(n={len(latencies_ms)}, target < 50)",
        f"latency.reply_p95_ms: {p95:.1f}",
    ]


def _wait_until_polling(emulator: EmulatorThread, bot: BotProcess, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(request.method.lower() == "getupdates" for request in emulator.requests()):
            return
        if not bot.running:
            raise RuntimeError(f"the bot exited:\n{bot.log()}")
        time.sleep(0.05)
    raise TimeoutError("the bot did not start polling")


def _exchange(emulator: EmulatorThread, user: int, text: str, replies: int = 1) -> None:
    if text.startswith("/"):
        emulator.command(user, text[1:])
    else:
        emulator.send(user, text)
    emulator.wait_for_replies(user, replies, timeout=10)


def _onboard(emulator: EmulatorThread) -> None:
    for user in USERS:
        for text in ("/start", "2026-12-07", "saturday", "Europe/Berlin", "07:00", "never"):
            _exchange(emulator, user, text, 2)
    time.sleep(FLOOD_WINDOW_SECONDS)


def _measure(emulator: EmulatorThread) -> list[float]:
    already = len(emulator.reply_latencies())
    for user in USERS:
        for text in MESSAGES:
            _exchange(emulator, user, text)
    return emulator.reply_latencies()[already:]


if __name__ == "__main__":
    print("\n".join(run()))
