"""What the athlete can take away: /progress (a picture), /calendar (an .ics file, and a
private subscription address where the bot serves one), /export (the whole record as JSON),
and /why (the plan's changes and what caused each)."""

from __future__ import annotations

import datetime as dt
import html

from bot.dialogue.context import Turn
from bot.dialogue.messages import Attachment, AttachmentKind, Reply, echo
from bot.export import MEDIA_TYPE as JSON_TYPE
from bot.export import export_filename, export_json
from bot.services.history import (
    PlanChanges,
    calendar_file,
    export_record,
    new_calendar_link,
    plan_changes,
    progress_figures,
    revoke_calendar_link,
)
from coach.programme import PROGRAMME_WEEKS
from coach.safety import site_names

CALENDAR_TYPE = "text/calendar"
NOTHING_CHANGED = (
    "Your plan is exactly as the programme has it: nothing has been changed in the last two "
    "weeks, and no injury is keeping runs off."
)


def progress(turn: Turn) -> list[Reply]:
    """/progress: the 12 weeks in one picture, drawn from what the athlete logged."""
    athlete = turn.athlete
    assert athlete is not None and athlete.start_date is not None
    data = progress_figures(turn.uow, athlete, turn.today)
    picture = turn.renderer.render(data)
    if data.current_week is None:
        caption = f"Your {PROGRAMME_WEEKS} weeks start on {athlete.start_date:%A %d %B}."
    else:
        done = sum(week.done for week in data.weeks[: data.current_week])
        planned = sum(week.planned for week in data.weeks[: data.current_week])
        caption = (
            f"Week {data.current_week} of {PROGRAMME_WEEKS}: {done} of {planned} sessions "
            "done so far."
        )
    return [
        Reply(
            text=caption,
            attachment=Attachment(
                kind=AttachmentKind.PHOTO,
                filename="trailcoach-progress.png",
                data=picture.png,
                media_type="image/png",
            ),
        )
    ]


def calendar(turn: Turn) -> list[Reply]:
    """/calendar: the sessions to come as a calendar file; `/calendar link` for a private
    address a phone calendar can subscribe to, `/calendar revoke` to turn it off."""
    athlete = turn.athlete
    assert athlete is not None and athlete.start_date is not None
    argument = turn.incoming.argument.strip().lower()
    if argument == "revoke":
        gone = revoke_calendar_link(turn.uow, athlete)
        return [
            Reply(
                text="Done: your calendar address no longer works."
                if gone
                else "You have no calendar address to turn off."
            )
        ]
    if argument == "link":
        if turn.calendar_base_url is None:
            return [Reply(text="This coach can't serve a calendar address, only the file.")]
        token = new_calendar_link(turn.uow, athlete)
        address = f"{turn.calendar_base_url}/{token}.ics"
        return [
            Reply(
                text="Your private calendar address (subscribe to it in your phone's calendar "
                f"and it stays current):\n{html.escape(address)}\nKeep it to yourself. "
                "Sending /calendar link again gives a new one; /calendar revoke turns it off."
            )
        ]
    data = calendar_file(turn.uow, athlete, turn.today, turn.now)
    link = (
        " Or send /calendar link for an address that stays current."
        if turn.calendar_base_url
        else ""
    )
    return [
        Reply(
            text="Your sessions to come, for your calendar. Open the file to add them; ask "
            f"again after a change to get the new version.{link}",
            attachment=Attachment(
                kind=AttachmentKind.DOCUMENT,
                filename="trailcoach-sessions.ics",
                data=data,
                media_type=CALENDAR_TYPE,
            ),
        )
    ]


def export(turn: Turn) -> list[Reply]:
    """/export: everything kept about the athlete, as one JSON file."""
    athlete = turn.athlete
    assert athlete is not None
    record = export_record(turn.uow, athlete, turn.now)
    return [
        Reply(
            text="Everything I keep about you, in one file. /deletedata erases it all.",
            attachment=Attachment(
                kind=AttachmentKind.DOCUMENT,
                filename=export_filename(record),
                data=export_json(record).encode(),
                media_type=JSON_TYPE,
            ),
        )
    ]


def why(turn: Turn) -> list[Reply]:
    """/why (or "why is Thursday easier?"): each change to the plan with its reason and the
    check-in behind it, so a change is never a mystery."""
    athlete = turn.athlete
    assert athlete is not None and athlete.start_date is not None
    return [Reply(text=render_changes(plan_changes(turn.uow, athlete, turn.today)))]


def render_changes(found: PlanChanges) -> str:
    if not found.changes and not found.injuries:
        return NOTHING_CHANGED
    lines = ["<b>Why your plan changed</b>"]
    for change in found.changes:
        adjustment = change.adjustment
        line = (
            f"• {_day(adjustment.session_date)}: {html.escape(adjustment.title)}. "
            f"{html.escape(adjustment.reason)}"
        )
        if change.cause is not None:
            line += (
                f"\n  From your check-in of {_day(change.cause.date)}: "
                f"“{echo(change.cause.raw_text, 80)}”"
            )
        lines.append(line)
    if found.injuries:
        reported = ", ".join(
            f"{site_names([injury.site])} since {_day(injury.reported_on)}"
            for injury in found.injuries
        )
        lines.append(
            f"• Runs are walks while this pain is open: {html.escape(reported)}. Tell me when "
            "it has gone."
        )
    return "\n".join(lines)


def _day(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b}"
