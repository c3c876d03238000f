"""`python -m tests.emulator --port 8081`: the emulator as a process, driven via /_control."""

from __future__ import annotations

import argparse
import asyncio
import signal

from tests.emulator.emulator import TelegramEmulator


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Local Telegram Bot API emulator for tests.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081, help="0 picks a free port")
    parser.add_argument("--token", help="accept only this bot token (others get 401)")
    parser.add_argument("--strict-chats", action="store_true", help="400 for never-seen chats")
    return parser.parse_args(argv)


async def serve(args: argparse.Namespace) -> None:
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stopping.set)
    emulator = TelegramEmulator(args.host, args.port, args.token, strict_chats=args.strict_chats)
    async with emulator:
        # The line tells a parent process the port and that requests can be sent now.
        print(f"Telegram emulator listening: base_url={emulator.base_url}", flush=True)
        await stopping.wait()


def main(argv: list[str] | None = None) -> None:
    asyncio.run(serve(parse_args(argv)))


if __name__ == "__main__":
    main()
