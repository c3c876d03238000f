"""The channel-neutral conversation: one incoming message in, the replies out."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bot.dialogue import history, setup
from bot.dialogue.buttons import (
    AnswerReminder,
    AnswerStep,
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
from bot.dialogue.checkin_flow import answer_rpe_button, undo
from bot.dialogue.coaching import plan_reply, today_reply, tomorrow_reply, week_reply
from bot.dialogue.context import Turn
from bot.dialogue.edit_flow import (
    delete_checkin,
    edit_command,
    edit_field,
    open_checkin,
    set_activity,
)
from bot.dialogue.files import handle_document
from bot.dialogue.freetext import answer, route_text
from bot.dialogue.messages import Incoming, InputKind, Reply, echo, keyboard
from bot.dialogue.move_flow import move_command, move_pressed, pick_move
from bot.dialogue.reminder_buttons import answer_reminder_button
from bot.dialogue.render import HELP
from bot.progress import ProgressRenderer
from bot.services.athletes import forget_athlete, pause_coaching, resume_coaching
from bot.services.unit_of_work import StorageUnavailable, UnitOfWork
from bot.services.updates import first_delivery
from bot.storage.records import DialogueState, Setting
from coach.faq import KnowledgeBase

if TYPE_CHECKING:
    from bot.storage.database import Database

log = logging.getLogger(__name__)

TRY_AGAIN = (
    "Sorry, I couldn't reach my notebook just now, so nothing was saved. "
    "Please send that again in a minute."
)
UNSUPPORTED = (
    "I can only read text and activity files (GPX, FIT, TCX), I'm afraid. Tell me in words "
    "how your session went, or ask me a question. /help shows what I can do."
)
EDITED = (
    "I keep what you first sent, so edits don't change what I've logged. If a check-in was "
    "wrong, send /edit to correct it."
)
EXPIRED = "That button has expired."

Handler = Callable[[Turn], list[Reply]]
# Each press of a kind is answered by one function of the dialogue.
_PRESSES: dict[type[Press], Callable[[Turn, Any], list[Reply]]] = {
    AnswerStep: setup.answer_step,
    EditSetting: setup.edit_setting,
    RateCheckin: answer_rpe_button,
    AnswerReminder: answer_reminder_button,
    OpenCheckin: open_checkin,
    EditCheckin: edit_field,
    SetActivity: set_activity,
    DeleteCheckin: delete_checkin,
    PickMove: pick_move,
    MoveSession: move_pressed,
}


class Conversation:
    """Answers athletes. Telegram and the terminal chat both drive this class."""

    def __init__(
        self,
        database: Database,
        faq: KnowledgeBase,
        default_timezone: str,
        *,
        renderer: ProgressRenderer | None = None,
        calendar_base_url: str | None = None,
    ) -> None:
        self._database = database
        self._faq = faq
        self._default_timezone = default_timezone
        self._renderer = renderer or ProgressRenderer()
        self._calendar_base_url = calendar_base_url
        self._commands: dict[str, Handler] = {
            "start": self._start,
            "today": self._needs_plan(today_reply),
            "tomorrow": self._needs_plan(tomorrow_reply),
            "week": self._needs_plan(week_reply),
            "plan": self._needs_plan(plan_reply),
            "settings": self._settings,
            "timezone": self._setting(Setting.TIMEZONE),
            "remind": self._setting(Setting.REMINDER),
            "review": self._setting(Setting.REVIEW),
            "startdate": self._setting(Setting.START_DATE),
            "longhike": self._setting(Setting.LONG_HIKE_DAY),
            "pause": self._pause,
            "resume": self._resume,
            "deletedata": self._delete_data,
            "help": lambda turn: [Reply(text=HELP)],
            "ask": self._ask,
            "undo": undo,
            "edit": edit_command,
            "move": self._needs_plan(move_command),
            "cancel": self._cancel,
            "progress": self._needs_plan(history.progress),
            "calendar": self._needs_plan(history.calendar),
            "export": self._export,
            "why": self._needs_plan(history.why),
        }

    def handle(self, incoming: Incoming, now: dt.datetime) -> list[Reply]:
        """All replies to one incoming message; a database fault becomes a 'try again'. An
        update handled before (delivered twice) gets no reply and changes nothing."""
        try:
            with UnitOfWork(self._database) as uow:
                if not first_delivery(uow, incoming.update_id, now):
                    log.info("update %s was handled already; skipped", incoming.update_id)
                    return []
                turn = Turn(
                    incoming,
                    now,
                    uow,
                    self._faq,
                    self._default_timezone,
                    self._renderer,
                    self._calendar_base_url,
                )
                replies = self._dispatch(turn)
                uow.commit()
        except StorageUnavailable:
            log.exception("database unavailable for user %s (%s)", incoming.user_id, incoming.kind)
            return [Reply(text=TRY_AGAIN)]
        return [reply.fitted() for reply in replies]

    def _dispatch(self, turn: Turn) -> list[Reply]:
        incoming = turn.incoming
        if incoming.kind == InputKind.COMMAND:
            return self.command(turn, incoming.command)
        if incoming.kind == InputKind.BUTTON:
            return self._button(turn, incoming.button)
        if incoming.kind == InputKind.DOCUMENT and incoming.document is not None:
            return handle_document(turn, incoming.document)
        if incoming.kind == InputKind.UNSUPPORTED:
            return [Reply(text=UNSUPPORTED)]
        if incoming.kind == InputKind.EDITED:
            return [Reply(text=EDITED)]
        return route_text(turn, incoming.text)

    def command(self, turn: Turn, name: str) -> list[Reply]:
        handler = self._commands.get(name)
        if handler is None:
            return [
                Reply(text=f"I don't know /{echo(name, 40)}. Send /help to see what I can do.")
            ]
        # A command moves on from any value the coach was waiting for.
        turn.stop_waiting()
        return handler(turn)

    def _button(self, turn: Turn, data: str) -> list[Reply]:
        press = parse_press(data)
        if isinstance(press, RunCommand):
            return self.command(turn, press.name)
        if isinstance(press, ConfirmDelete):
            return self._confirm_delete(turn, press.confirmed)
        answer = _PRESSES.get(type(press)) if press is not None else None
        if answer is None:
            # Not a press we made, or one from long ago: the spinner stops, nothing else.
            return [Reply(text="", toast=EXPIRED)]
        return answer(turn, press)

    @staticmethod
    def _needs_plan(handler: Handler) -> Handler:
        def guarded(turn: Turn) -> list[Reply]:
            athlete = turn.athlete
            if athlete is None:
                return [Reply(text="Let's set you up first: send /start.")]
            if athlete.start_date is None:
                if turn.state.onboarding is not None:
                    return setup.resume_onboarding(turn)
                return [
                    Reply(
                        text="I need your start date first: send /startdate 2026-12-07, or "
                        "/start to set everything up."
                    )
                ]
            return handler(turn)

        return guarded

    def _setting(self, setting: Setting) -> Handler:
        return lambda turn: setup.set_directly(turn, setting, turn.incoming.argument)

    def _start(self, turn: Turn) -> list[Reply]:
        """Set up someone new; for anyone else, show where they stand, changing nothing."""
        athlete = turn.athlete
        if turn.state.onboarding is not None:
            return setup.resume_onboarding(turn)
        if athlete is None or athlete.start_date is None:
            return setup.begin(turn)
        replies = [Reply(text="Welcome back! Here's where you are."), *today_reply(turn)]
        missing = setup.status_lines(athlete)
        if missing:
            replies.append(Reply(text="\n".join(missing)))
        return replies

    def _settings(self, turn: Turn) -> list[Reply]:
        return [setup.settings_reply(turn.ensure_athlete())]

    def _pause(self, turn: Turn) -> list[Reply]:
        paused = pause_coaching(turn.uow, turn.ensure_athlete(), turn.today)
        if paused is None:
            return [Reply(text="You're already paused. Send /resume when you're ready.")]
        turn.athlete = paused
        return [
            Reply(
                text="Paused. No reminders until you send /resume, and your plan waits for "
                "you: you'll pick up on the same programme day you left."
            )
        ]

    def _resume(self, turn: Turn) -> list[Reply]:
        athlete = turn.ensure_athlete()
        resumed = resume_coaching(turn.uow, athlete, turn.today)
        if resumed is None:
            return [Reply(text="You're not paused: coaching is on. /today shows today's session.")]
        turn.athlete = resumed
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
                buttons=keyboard(
                    [
                        ("Yes, delete everything", encode(ConfirmDelete(confirmed=True))),
                        ("No, keep", encode(ConfirmDelete(confirmed=False))),
                    ]
                ),
            )
        ]

    def _confirm_delete(self, turn: Turn, confirmed: bool) -> list[Reply]:
        if not confirmed:
            return [Reply(text="Nothing deleted. Your plan is still here.", edit=True)]
        if turn.athlete is None:
            return [Reply(text="There was nothing left to delete.", edit=True)]
        forget_athlete(turn.uow, turn.incoming.user_id)
        turn.athlete, turn.state = None, DialogueState()
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
        return answer(turn, question)

    def _export(self, turn: Turn) -> list[Reply]:
        if turn.athlete is None:
            return [Reply(text="I don't have any data about you.")]
        return history.export(turn)

    def _cancel(self, turn: Turn) -> list[Reply]:
        # The wait, if any, ended as the command came in (see `command`).
        return [Reply(text="OK, nothing changed.")]
