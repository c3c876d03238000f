"""The week as the athlete lives it, through the conversation on real databases: the long-hike
day, moving sessions, correcting check-ins, what /week shows happened, a fair hard-hike rule
and coaching around injuries. The clock is pinned: every message carries its own instant."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.dialogue.conversation import Conversation
from bot.dialogue.messages import Incoming, InputKind, Reply, plain_text
from bot.storage.database import Database
from bot.storage.repositories import AdjustmentRepository, AthleteRepository, CheckinRepository
from coach.faq import KnowledgeBase, load_knowledge_base
from coach.schedule import Weekday

# Week 10 of a programme that began on Monday 5 October 2026.
START = "2026-10-05"
MONDAY = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC)


def day(offset: int, hour: int = 9) -> dt.datetime:
    """`offset` days after Monday 7 December 2026, at `hour` UTC (Berlin is an hour ahead)."""
    return MONDAY.replace(hour=hour) + dt.timedelta(days=offset)


@pytest.fixture(scope="module")
def faq() -> KnowledgeBase:
    return load_knowledge_base()


class Chat:
    """One athlete talking to the coach, the clock pinned to `now`."""

    def __init__(self, conversation: Conversation, user: int, now: dt.datetime = MONDAY):
        self.conversation, self.user, self.now = conversation, user, now
        self.last: list[Reply] = []

    def say(self, line: str) -> str:
        self.last = self.conversation.handle(Incoming.typed(self.user, self.user, line), self.now)
        return "\n".join(plain_text(reply.text) for reply in self.last)

    def press(self, label_part: str) -> str:
        """Press the button of the last replies whose label holds `label_part`."""
        data = next(
            button.data
            for reply in self.last
            for row in reply.buttons
            for button in row
            if label_part in button.label
        )
        incoming = Incoming(
            user_id=self.user, chat_id=self.user, kind=InputKind.BUTTON, button=data
        )
        self.last = self.conversation.handle(incoming, self.now)
        return "\n".join(plain_text(reply.text) for reply in self.last)

    def labels(self) -> list[str]:
        return [button.label for reply in self.last for row in reply.buttons for button in row]

    def onboard(self, start: str = START, long_hike: str = "saturday") -> None:
        for line in ("/start", start, long_hike, "Europe/Berlin", "07:00", "never"):
            self.say(line)


def chat(database: Database, faq: KnowledgeBase, user: int, **kwargs: object) -> Chat:
    talk = Chat(Conversation(database, faq, "UTC"), user)
    talk.onboard(**kwargs)  # type: ignore[arg-type]
    return talk


def week_line(week: str, label: str) -> str:
    return next(line for line in week.splitlines() if label in line)


# The long-hike day


def test_onboarding_asks_the_long_hike_day_right_after_the_start_date(
    database: Database, faq: KnowledgeBase
) -> None:
    talk = Chat(Conversation(database, faq, "UTC"), 1)
    talk.say("/start")
    reply = talk.say("2026-12-14")
    assert "Which day is your long hike?" in reply
    assert talk.labels() == ["Saturday", "Sunday", "Another day…"]
    talk.press("Another day")
    assert talk.labels() == [day.label for day in Weekday]
    assert "Long hike on Wednesdays. ✔" in talk.press("Wednesday")
    with database.session() as db:
        athlete = AthleteRepository(db).get(1)
    assert athlete is not None and athlete.long_hike_day is Weekday.WEDNESDAY


def test_asking_about_next_week_shows_the_week_after_this_one(
    database: Database, faq: KnowledgeBase
) -> None:
    talk = chat(database, faq, 61)
    assert talk.say("what's on next week?").startswith("Week 11 of 12")
    assert talk.say("/week").startswith("Week 10 of 12")


def test_a_sunday_long_hike_turns_the_whole_week(database: Database, faq: KnowledgeBase) -> None:
    talk = chat(database, faq, 2, start="2026-12-14", long_hike="sunday")
    talk.now = day(13)  # Sunday 20 December, week 1
    today = talk.say("/today")
    assert "Long hike with full pack" in today and "Week 1 of 12 · Sunday" in today
    assert "Sunday's long hike is the main training stimulus" in today
    talk.now = day(12)
    assert "Fresh legs for Sunday" in talk.say("/today")
    assert "Sunday's long hike with full pack" in talk.say("/plan")


def test_changing_the_long_hike_day_mid_programme_takes_effect_next_week(
    database: Database, faq: KnowledgeBase
) -> None:
    talk = chat(database, faq, 3)
    reply = talk.say("/longhike sunday")
    assert "from Monday 14 December" in reply and "this week stays as planned" in reply
    assert "Sat 12 Dec: 🥾 Long hike" in talk.say("/week")
    assert "Saturdays, then Sundays from 14 Dec" in talk.say("/settings")
    talk.now = day(13)  # Sunday 20 December
    assert "Long hike with full pack" in talk.say("/today")


def test_a_hard_sunday_long_hike_scales_back_the_session_after_next_by_its_real_day(
    database: Database, faq: KnowledgeBase
) -> None:
    talk = chat(database, faq, 4, start="2026-12-14", long_hike="sunday")
    talk.now = day(13 + 63)  # Sunday 21 February 2027, week 10
    reply = talk.say("long hike today, 6 h, rpe 9")
    assert "Change for Friday 26 Feb: Shorter hill repeats" in reply
    assert "Friday's hill repeats are fewer and shorter" in reply


# Moving sessions


def test_moving_tuesdays_run_to_wednesday_in_words_swaps_the_two_days(
    database: Database, faq: KnowledgeBase
) -> None:
    talk = chat(database, faq, 5)
    reply = talk.say("move Tuesday's run to Wednesday")
    assert "your run is on Wednesday now, and Tuesday has the strength session" in reply
    week = talk.say("/week")
    assert "Tue 08 Dec: 🏋️ Strength session" in week
    assert "Wed 09 Dec: 🏃 Easy trail run in Zone 2" in week
    assert "Moved here from Tuesday, as you asked." in week


def test_a_move_the_rules_forbid_says_why_and_offers_the_nearest_day(
    database: Database, faq: KnowledgeBase
) -> None:
    talk = chat(database, faq, 6)
    reply = talk.say("move thursday's hill repeats to friday")
    assert "the day before your long hike" in reply
    assert "The nearest day that works is Wednesday." in reply
    assert "hill repeats is on Wednesday now" in talk.press("Move it to Wednesday")


def test_a_session_told_as_postponed_to_tomorrow_is_moved_and_not_logged(
    database: Database, faq: KnowledgeBase
) -> None:
    talk = chat(database, faq, 50)
    talk.now = day(1)  # Tuesday
    reply = talk.say("weather's awful, pushed the run to tomorrow")
    assert "your run is on Wednesday now" in reply
    with database.session() as db:
        assert CheckinRepository(db).latest(50) is None


def test_a_session_moved_without_a_day_asks_which_day_and_logs_nothing(
    database: Database, faq: KnowledgeBase
) -> None:
    talk = chat(database, faq, 51)
    talk.now = day(1)
    assert "Which day should it go to?" in talk.say("postponing the run till later")
    with database.session() as db:
        assert CheckinRepository(db).latest(51) is None


def test_a_weekend_told_in_one_message_logs_both_days_and_scales_thursday_back(
    database: Database, faq: KnowledgeBase
) -> None:
    talk = chat(database, faq, 52)
    talk.now = day(7)  # the Monday after
    reply = talk.say("sat 6h over the pass with the big pack, totally wrecked. sun skipped")
    assert "Also logged Saturday: hike, 6 h" in reply
    assert "Your Saturday hike was a hard one" in talk.say("/week")


def test_an_earlier_day_already_logged_is_not_logged_again(
    database: Database, faq: KnowledgeBase
) -> None:
    talk = chat(database, faq, 53)
    talk.now = day(5)  # Saturday
    talk.say("long hike 5 h")
    talk.now = day(6)
    assert "Also logged" not in talk.say("sat 5h hike, today 1h recovery walk")
    with database.session() as db:
        assert len(CheckinRepository(db).list_since(53, MONDAY.date())) == 2


def test_a_move_by_buttons_from_the_week(database: Database, faq: KnowledgeBase) -> None:
    talk = chat(database, faq, 7)
    talk.say("/week")
    talk.press("Move a session")
    assert "Tue 🏃 Easy trail run in Zone 2" in talk.labels()
    talk.press("Easy trail run")
    assert "Fri 11" not in talk.labels()  # a run the day before the long hike
    assert "Wednesday now" in talk.press("Wed 9")
    with database.session() as db:
        [moved] = AdjustmentRepository(db).list_between(7, MONDAY.date(), day(6).date())
    assert moved.cause == "move" and moved.moved_to == day(2).date()


def test_undo_takes_back_the_latest_change_a_move_then_the_checkin_before_it(
    database: Database, faq: KnowledgeBase
) -> None:
    talk = chat(database, faq, 8)
    talk.say("easy walk 30 min rpe 2")
    talk.say("move tuesday's run to wednesday")
    assert "Move undone: your run is back on Tuesday" in talk.say("/undo")
    assert "Tue 08 Dec: 🏃 Easy trail run in Zone 2" in talk.say("/week")
    assert "Removed your check-in “easy walk 30 min rpe 2”" in talk.say("/undo")
    assert "nothing to undo" in talk.say("/undo")


# Correcting check-ins


def test_edit_lists_the_checkins_of_the_last_7_days(
    database: Database, faq: KnowledgeBase
) -> None:
    talk = chat(database, faq, 9)
    talk.say("long hike on saturday, 6 h, rpe 7")
    talk.now = day(7)  # a week later: Saturday's hike is 9 days old
    talk.say("easy run 45 min rpe 4")
    talk.say("/edit")
    assert talk.labels() == ["Mon 14 Dec · run, 45 min, RPE 4"]


def test_correcting_the_rpe_of_a_hike_brings_the_thursday_change_with_it(
    database: Database, faq: KnowledgeBase
) -> None:
    talk = chat(database, faq, 10)
    talk.say("long hike yesterday, 6 h, rpe 7")  # Sunday 6 December: normal
    assert "Hill repeats on trail · 45 min" in week_line(talk.say("/week"), "Thu 10 Dec")
    talk.say("/edit")
    talk.press("hike, 6 h")
    talk.press("Effort")
    reply = talk.press("9")
    assert "RPE 9" in reply and "Change for Thursday 10 Dec" in reply
    assert "Shorter hill repeats" in week_line(talk.say("/week"), "Thu 10 Dec")


def test_a_typed_duration_corrects_the_load_and_a_wrong_one_is_refused(
    database: Database, faq: KnowledgeBase
) -> None:
    talk = chat(database, faq, 11)
    talk.say("easy run 45 min rpe 4")
    talk.say("/edit")
    talk.press("run, 45 min")
    assert "How long was it?" in talk.press("Duration")
    assert "1 minute to 24 hours" in talk.say("25 h")
    reply = talk.say("1:05")
    assert "Corrected. ✔" in reply and "1 h 5 min" in reply and "load 260" in reply
    with database.session() as db:
        [checkin] = CheckinRepository(db).list_since(11, MONDAY.date())
    assert (checkin.duration_min, checkin.load) == (65, 260)


def test_a_skip_given_a_duration_happened_after_all(
    database: Database, faq: KnowledgeBase
) -> None:
    talk = chat(database, faq, 23)
    talk.now = day(1)  # Tuesday, a run day
    talk.say("skipped the run today")
    talk.say("/edit")
    talk.press("skipped")
    talk.press("Duration")
    talk.say("30 min")
    assert "✓ Tue 08 Dec" in talk.say("/week")


def test_correcting_the_activity_of_a_checkin(database: Database, faq: KnowledgeBase) -> None:
    talk = chat(database, faq, 12)
    talk.say("did 40 min rpe 5")
    talk.say("/edit")
    talk.press("40 min")
    talk.press("Activity")
    assert "Strength session logged" in talk.press("Strength")


def test_deleting_a_checkin_from_edit_takes_its_plan_change_with_it(
    database: Database, faq: KnowledgeBase
) -> None:
    talk = chat(database, faq, 13)
    talk.say("long hike yesterday, 6 h, rpe 9")
    talk.say("/edit")
    talk.press("hike")
    assert "Delete this check-in" in talk.press("Delete")
    assert "Deleted “long hike yesterday, 6 h, rpe 9”" in talk.press("Yes, delete it")
    assert "Hill repeats on trail · 45 min" in week_line(talk.say("/week"), "Thu 10 Dec")


def test_correcting_an_earlier_hike_rerates_the_hike_that_compared_itself_with_it(
    database: Database, faq: KnowledgeBase
) -> None:
    talk = chat(database, faq, 14)
    for when in (day(-9), day(-1)):  # Saturday 28 November, Sunday 6 December
        talk.now = when
        talk.say("long hike today 8 h rpe 5")
    talk.now = day(5)  # Saturday 12 December: 10 h, a normal big day against her 8 h ones
    assert "Change for" not in talk.say("long hike today 10 h rpe 5")
    talk.say("/edit")
    talk.press("Sun 6 Dec")
    talk.press("Duration")
    talk.say("4 h")  # her reference falls, so Saturday's 10 h is now a very big day
    talk.now = day(7)
    assert "Easy Zone 2 run" in week_line(talk.say("/week"), "Thu 17 Dec")


# What /week shows happened


def test_the_week_shows_done_skipped_adjusted_and_to_come_with_a_tally(
    database: Database, faq: KnowledgeBase
) -> None:
    talk = chat(database, faq, 15)
    talk.now = day(1)  # Tuesday
    talk.say("easy run 50 min rpe 5")
    talk.now = day(2)
    talk.say("skipped strength today")
    talk.now = day(3, hour=8)  # Thursday
    week = talk.say("/week")
    assert "✓ Tue 08 Dec: 🏃 Easy trail run in Zone 2" in week
    assert "did: run, 50 min, RPE 5" in week
    assert "Wed 09 Dec: 🏋️ Strength session · 30–40 min · skipped" in week
    assert "▶ Thu 10 Dec" in week
    assert "1 of 5 sessions done · 3 still to come · load 250" in week


def test_a_past_day_shows_what_was_planned_then_not_a_later_injury(
    database: Database, faq: KnowledgeBase
) -> None:
    talk = chat(database, faq, 16)
    talk.now = day(3)  # Thursday: the knee starts hurting
    talk.say("hill repeats done but my knee hurts")
    talk.now = day(4)
    week = talk.say("/week")
    assert "Tue 08 Dec: 🏃 Easy trail run in Zone 2" in week  # planned before the knee
    assert "Sat 12 Dec: 🥾 Shorter, gentler long hike" in week


def test_the_load_is_shown_with_a_thousands_separator(
    database: Database, faq: KnowledgeBase
) -> None:
    talk = chat(database, faq, 17)
    talk.now = day(5)
    talk.say("long hike today 6 h rpe 7")
    assert "load 2,520" in talk.say("/week")


# A fair Thursday rule, over weeks


def test_a_normal_long_hike_after_short_and_injured_ones_is_not_particularly_hard(
    database: Database, faq: KnowledgeBase
) -> None:
    # The reported run: short hikes, a sore knee and a one-hour recovery hike pulled the
    # average down, then three ordinary long hikes were each called particularly hard.
    talk = chat(database, faq, 18, start="2026-10-05")
    for when, line in [
        (day(-30), "long hike cut short, 2 h, rpe 5"),
        (day(-23), "long hike 4 h rpe 5, knee pain"),
        (day(-22), "recovery hike 1 h rpe 3"),
        (day(-17), "knee feels fine now"),
        (day(-16), "long hike 2.5 h rpe 5"),
    ]:
        talk.now = when
        talk.say(line)
    for saturday in (-2, 5, 12):
        talk.now = day(saturday)
        reply = talk.say("long hike today 7 h rpe 7")
        assert "Change for" not in reply
        assert "%" not in reply
    talk.now = day(15)  # Tuesday of week 12
    assert "Hill repeats on trail · 45 min" in week_line(talk.say("/week"), "Thu 24 Dec")


# Coaching around injuries and effort


def test_knee_pain_makes_the_long_hike_gentle_and_strength_spare_the_knee(
    database: Database, faq: KnowledgeBase
) -> None:
    talk = chat(database, faq, 19)
    reply = talk.say("easy walk 30 min, my knee hurts")
    assert "Nice work" not in reply
    week = talk.say("/week")
    assert "Sat 12 Dec: 🥾 Shorter, gentler long hike · 2–4 h" in week
    assert "Wed 09 Dec: 🏋️ Strength that spares your knee" in week
    talk.now = day(2)
    assert "No step-ups or lunges" in talk.say("/today")


def test_when_the_pain_clears_the_first_week_back_is_run_walk_and_the_coach_says_so(
    database: Database, faq: KnowledgeBase
) -> None:
    talk = chat(database, faq, 20)
    talk.now = day(-7)
    talk.say("easy walk 30 min, my knee hurts")
    talk.now = day(0)
    assert "this first week your runs are run-walk" in talk.say("knee feels fine now")
    week = talk.say("/week")
    assert "Run-walk, first week back" in week_line(week, "Tue 08 Dec")
    assert "First week back after the knee pain" in week
    talk.now = day(8)  # Tuesday of the next week: the normal runs are back
    assert "Easy trail run in Zone 2" in talk.say("/today")


def test_an_easy_run_at_rpe_8_gets_the_slow_start_lesson(
    database: Database, faq: KnowledgeBase
) -> None:
    talk = chat(database, faq, 21)
    talk.now = day(1)
    reply = talk.say("easy run 45 min rpe 8")
    assert "start much slower than feels right and walk the climbs" in reply


def test_uphills_getting_easier_in_week_10_is_praised_as_the_payoff(
    database: Database, faq: KnowledgeBase
) -> None:
    talk = chat(database, faq, 22)
    talk.now = day(5)
    reply = talk.say("long hike 6 h rpe 6, uphills felt much easier")
    assert "exactly the payoff" in reply
