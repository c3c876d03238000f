"""`trailcoach ask TEXT` answers one question from the FAQ; `trailcoach faq unanswered` lists
the questions athletes asked that the coach declined; `trailcoach faq warm` fills the FAQ's
vector cache, so that the bot starts without encoding its phrasings (an image does it at build
time)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from bot.commands.arguments import open_app
from bot.settings import Settings


def register(subparsers: Any) -> None:
    ask = subparsers.add_parser("ask", help="answer one question from the FAQ")
    ask.add_argument("text", help="the question")
    ask.add_argument("--json", action="store_true", help="print JSON")
    ask.set_defaults(handler=handle_ask)
    faq = subparsers.add_parser("faq", help="the FAQ's records")
    faq_commands = faq.add_subparsers(dest="faq_command", required=True)
    unanswered = faq_commands.add_parser("unanswered", help="declined questions, newest first")
    unanswered.add_argument("--limit", type=int, default=50, help="how many (default 50)")
    unanswered.set_defaults(handler=handle_unanswered)
    warm = faq_commands.add_parser("warm", help="encode the FAQ's phrasings into FAQ_CACHE_DIR")
    warm.set_defaults(handler=handle_warm)


def handle_ask(args: argparse.Namespace) -> int:
    from bot.app import build_faq

    answer = build_faq(Settings()).answer(args.text)
    if args.json:
        print(json.dumps(answer.model_dump(mode="json"), ensure_ascii=False))
    else:
        print(answer.answer)
        print(f"({answer.topic or 'declined'}, score {answer.score:.2f})")
    return 0


def handle_unanswered(args: argparse.Namespace) -> int:
    from bot.services.questions import unanswered_questions
    from bot.services.unit_of_work import UnitOfWork

    app = open_app(Settings(), migrate=False, faq_model=False)
    if app is None:
        return 2
    try:
        with UnitOfWork(app.database) as uow:
            questions = unanswered_questions(uow, args.limit)
    finally:
        app.close()
    if not questions:
        print("No unanswered questions.")
    for question in questions:
        when = question.created_at.strftime("%Y-%m-%d %H:%M") if question.created_at else "?"
        who = f"user {question.user_id}" if question.user_id is not None else "no athlete"
        print(f"{when}  {who}  score {question.score:.2f}  {question.text}")
    return 0


def handle_warm(args: argparse.Namespace) -> int:
    from bot.app import build_faq

    settings = Settings()
    if not build_faq(settings).uses_meaning:
        print(
            "trailcoach: no sentence model (not installed, or FAQ_MODEL is off): nothing to cache",
            file=sys.stderr,
        )
        return 1
    print(f"The FAQ's vectors are cached in {settings.faq_cache_dir}.")
    return 0
