"""The channel-neutral conversation: one incoming message in, the replies out."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError

from bot.dialogue import setup
from bot.dialogue.checkin_flow import answer_rpe_button, undo_last_checkin
from bot.dialogue.coaching import plan_reply, today_reply, week_reply
from bot.dialogue.context import Turn
from bot.dialogue.freetext import answer_question, route_text
from bot.dialogue.messages import Incoming, InputKind, Reply, echo, keyboard
from bot.dialogue.reminder_buttons import answer_reminder_button
from bot.dialogue.render import HELP
from bot.storage.database import Database
from coach.athletes import pause, resume
from coach.faq import KnowledgeBase

log = logging.getLogger(__name__)

TRY_AGAIN = (
    "Sorry, I couldn't reach my notebook just now, so nothing was saved. "
    "Please send that again in a minute."
)
UNSUPPORTED = (
    "I can only read text, I'm afraid. Tell me in words how your session went, "
    "or ask me a question. /help shows what I can do."
)
EDITED = (
    "I keep what you first sent, so edits don't change what I've logged. If a check-in was "
    "wrong, send /undo and then the corrected one."
)

Handler = Callable[[Turn], list[Reply]]


class Conversation:
    """Answers athletes. Telegram and the terminal chat both drive this class."""

    def __init__(self, database: Database, faq: KnowledgeBase, default_timezone: str) -> None:
        self._database = database
        self._faq = faq
        self._default_timezone = default_timezone
        self._commands: dict[str, Handler] = {
            "start": self._start,
            "today": self._needs_plan(today_reply),
            "week": self._needs_plan(week_reply),
            "plan": self._needs_plan(plan_reply),
            "settings": self._settings,
            "timezone": lambda turn: setup.set_directly(turn, "timezone", turn.incoming.argument),
            "remind": lambda turn: setup.set_directly(turn, "reminder", turn.incoming.argument),
            "startdate": lambda turn: setup.set_directly(
                turn, "start_date", turn.incoming.argument
            ),
            "pause": self._pause,
            "resume": self._resume,
            "deletedata": self._delete_data,
            "help": lambda turn: [Reply(text=HELP)],
            "ask": self._ask,
            "undo": undo_last_checkin,
            "cancel": self._cancel,
        }

    def handle(self, incoming: Incoming, now: dt.datetime) -> list[Reply]:
        """All replies to one incoming message; a database fault becomes a 'try again'."""
        try:
            with self._database.session() as db:
                turn = Turn(incoming, now, db, self._default_timezone)
                replies = self._dispatch(turn)
        except SQLAlchemyError:
            log.exception("database error for user %s (%s)", incoming.user_id, incoming.kind)
            return [Reply(text=TRY_AGAIN)]
        return [reply.fitted() for reply in replies]

    def _dispatch(self, turn: Turn) -> list[Reply]:
        incoming = turn.incoming
        if incoming.kind == InputKind.COMMAND:
            return self.command(turn, incoming.command)
        if incoming.kind == InputKind.BUTTON:
            return self._button(turn, incoming.button)
        if incoming.kind == InputKind.UNSUPPORTED:
            return [Reply(text=UNSUPPORTED)]
        if incoming.kind == InputKind.EDITED:
            return [Reply(text=EDITED)]
        return route_text(turn, incoming.text, self._faq)

    def command(self, turn: Turn, name: str) -> list[Reply]:
        handler = self._commands.get(name)
        if handler is None:
            return [
                Reply(text=f"I don't know /{echo(name, 40)}. Send /help to see what I can do.")
            ]
        return handler(turn)

    def _button(self, turn: Turn, data: str) -> list[Reply]:
        prefix = data.split(":", 1)[0]
        if prefix in {"step", "edit"}:
            return setup.answer_button(turn, data)
        if prefix == "cmd":
            return self.command(turn, data.removeprefix("cmd:"))
        if prefix == "del":
            return self._confirm_delete(turn, data == "del:yes")
        if prefix == "rpe":
            return answer_rpe_button(turn, data)
        if prefix == "rem":
            return answer_reminder_button(turn, data)
        return [Reply(text="That button has expired. Send /help to see what I can do.")]

    @staticmethod
    def _needs_plan(handler: Handler) -> Handler:
        def guarded(turn: Turn) -> list[Reply]:
            athlete = turn.athlete
            if athlete is None:
                return [Reply(text="Let's set you up first: send /start.")]
            if athlete.start_date is None:
                return setup.resume_onboarding(turn)
            return handler(turn)

        return guarded

    def _start(self, turn: Turn) -> list[Reply]:
        athlete = turn.athlete
        if athlete is not None and athlete.onboarding_step in setup.STEPS:
            return setup.resume_onboarding(turn)
        if athlete is None or not athlete.onboarded:
            return setup.begin(turn)
        return [Reply(text="Welcome back! Here's where you are."), *today_reply(turn)]

    def _settings(self, turn: Turn) -> list[Reply]:
        return [setup.settings_reply(turn.ensure_athlete())]

    def _pause(self, turn: Turn) -> list[Reply]:
        athlete = turn.ensure_athlete()
        if athlete.paused:
            return [Reply(text="You're already paused. Send /resume when you're ready.")]
        turn.save(pause(athlete, turn.today))
        return [
            Reply(
                text="Paused. No reminders until you send /resume, and your plan waits for "
                "you: you'll pick up on the same programme day you left."
            )
        ]

    def _resume(self, turn: Turn) -> list[Reply]:
        athlete = turn.ensure_athlete()
        if not athlete.paused:
            return [Reply(text="You're not paused: coaching is on. /today shows today's session.")]
        resumed = turn.save(resume(athlete, turn.today))
        moved = ""
        if resumed.start_date and resumed.start_date != athlete.start_date:
            moved = f" Your plan moved on with you: it now counts from {resumed.start_date:%d %B}."
        return [Reply(text=f"Welcome back!{moved} Send /today for today's session.")]

    def _delete_data(self, turn: Turn) -> list[Reply]:
        if turn.athlete is None:
            return [Reply(text="I don't have any data about you.")]
        return [
            Reply(
                text="This deletes your plan, settings and every check-in, for good. Sure?",
                buttons=keyboard([("Yes, delete everything", "del:yes"), ("No, keep", "del:no")]),
            )
        ]

    def _confirm_delete(self, turn: Turn, confirmed: bool) -> list[Reply]:
        if not confirmed:
            return [Reply(text="Nothing deleted. Your plan is still here.", edit=True)]
        if turn.athlete is None:
            return [Reply(text="There was nothing left to delete.", edit=True)]
        turn.athletes.delete_everything(turn.incoming.user_id)
        turn.athlete = None
        return [
            Reply(
                text="Done: everything I knew about you is deleted. Send /start if you ever "
                "want to begin again.",
                edit=True,
            )
        ]

    def _ask(self, turn: Turn) -> list[Reply]:
        question = turn.incoming.argument
        if not question:
            return [Reply(text="Ask me something, e.g. /ask what is power hiking?")]
        return answer_question(turn, question, self._faq)

    def _cancel(self, turn: Turn) -> list[Reply]:
        athlete = turn.athlete
        if (
            athlete
            and athlete.onboarding_step
            and athlete.onboarding_step.startswith(setup.EDIT_PREFIX)
        ):
            turn.save(athlete.model_copy(update={"onboarding_step": None}))
        return [Reply(text="OK, nothing changed.")]
