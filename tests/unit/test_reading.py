"""Reading one message: check-in, question about my plan, FAQ question, greeting, thanks, other."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach import vocabulary
from coach.checkins import Activity, PainSite, planned_by
from coach.faq import PersonalQuestion
from coach.reading import MessageKind, News, read_message
from coach.schedule import Schedule

START = dt.date(2027, 1, 4)  # a Monday
PLAN = planned_by(Schedule(start=START))
TUE = dt.date(2027, 1, 5)  # run-walk
SAT = dt.date(2027, 1, 9)  # long hike
THU = dt.date(2027, 1, 7)  # the run of a mostly walking Thursday


def kind_of(text: str, today: dt.date = TUE) -> MessageKind:
    return read_message(text, today, PLAN).kind


@pytest.mark.parametrize(
    "text",
    [
        "long hike, 6 h, wrecked",
        "done",
        "did it, 45 min",
        "skipped today, work",
        "knee's sore after the run",
        "rest day",
    ],
)
def test_reports_of_training_are_checkins(text: str) -> None:
    assert kind_of(text) is MessageKind.CHECKIN


@pytest.mark.parametrize(
    "text",
    [
        "do I even need to run at all?",
        "how long should my long hike be?",
        "why do I start with walk breaks",
        "should I run with a cold?",
        "is it ok to hike 7 hours with a pack in week 1?",
        "can I swap the run for a bike ride?",
    ],
)
def test_questions_are_not_reports(text: str) -> None:
    assert kind_of(text) is MessageKind.QUESTION


@pytest.mark.parametrize(
    ("text", "personal"),
    [
        ("what's my session tomorrow?", PersonalQuestion.TOMORROW),
        ("what do I do today?", PersonalQuestion.TODAY),
    ],
)
def test_questions_about_my_plan_are_plan_questions(text: str, personal: PersonalQuestion) -> None:
    reading = read_message(text, TUE, PLAN)
    assert (reading.kind, reading.personal) == (MessageKind.PLAN_QUESTION, personal)


def test_a_plan_question_does_not_log_the_planned_session() -> None:
    assert kind_of("what's on today?") is MessageKind.PLAN_QUESTION


def test_a_checkin_that_asks_something_is_a_checkin_with_its_question() -> None:
    reading = read_message("easy walk today. why do I start with walk breaks?", TUE, PLAN)
    assert (reading.kind, reading.checkin.activity, reading.question) == (
        MessageKind.CHECKIN,
        Activity.WALK,
        "why do I start with walk breaks?",
    )


def test_a_question_after_a_comma_is_split_from_the_report() -> None:
    reading = read_message("did the 2h hike, should I rest tomorrow?", SAT, PLAN)
    assert (reading.kind, reading.question) == (MessageKind.CHECKIN, "should I rest tomorrow?")


def test_the_question_part_does_not_change_the_checkin() -> None:
    reading = read_message("40 min run done. should I run 60 min next week?", TUE, PLAN)
    assert reading.checkin.duration_min == 40


def test_a_plain_checkin_has_no_question() -> None:
    assert read_message("45 min run, rpe 5", TUE, PLAN).question is None


@pytest.mark.parametrize("text", ["hi", "Hello coach!", "good morning 👋", "hey there"])
def test_greetings_are_greetings(text: str) -> None:
    assert kind_of(text) is MessageKind.GREETING


@pytest.mark.parametrize("text", ["thanks!", "thank you so much", "cheers coach", "👍"])
def test_thanks_are_thanks(text: str) -> None:
    assert kind_of(text) is MessageKind.THANKS


def test_thanks_with_a_report_is_a_checkin() -> None:
    assert kind_of("thanks, did the run, 45 min") is MessageKind.CHECKIN


@pytest.mark.parametrize("text", ["asdf", "🙂🙂", "my cat is called Ben", ""])
def test_messages_that_are_none_of_these_are_other(text: str) -> None:
    assert kind_of(text) is MessageKind.OTHER


def test_an_illness_report_is_a_checkin_with_illness() -> None:
    reading = read_message("got a chest infection, not training today", TUE, PLAN)
    assert (reading.kind, reading.checkin.illness) == (MessageKind.CHECKIN, True)


def test_a_question_about_illness_is_a_question_not_a_checkin() -> None:
    reading = read_message("should I run with a cold?", TUE, PLAN)
    assert reading.kind is MessageKind.QUESTION


def test_an_intention_is_not_a_report() -> None:
    assert kind_of("going to do the long hike tomorrow, 6 hours") is not MessageKind.CHECKIN


def test_the_checkin_is_read_in_the_context_of_the_plan() -> None:
    assert read_message("7 hours, big pack, wrecked", SAT, PLAN).checkin.activity is Activity.HIKE


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=300))
def test_random_text_always_gives_a_reading(text: str) -> None:
    assert read_message(text, TUE, PLAN).kind in set(MessageKind)


# --- the shared vocabulary -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "index"), [("monday", 0), ("Tues", 1), ("thurs", 3), ("saturday's", 5), ("x", None)]
)
def test_weekday_names_and_abbreviations_give_their_index(word: str, index: int | None) -> None:
    assert vocabulary.weekday_index(word) == index


@pytest.mark.parametrize(
    ("word", "value"), [("seven", 7), ("forty-five", 45), ("twenty five", 25), ("tenth", 10)]
)
def test_number_words_give_their_value(word: str, value: int) -> None:
    assert vocabulary.number_value(word) == value


@pytest.mark.parametrize("text", ["how far should i go", "whats next", "what's next"])
def test_question_openers_start_a_question(text: str) -> None:
    assert vocabulary.QUESTION_START.match(text)


def test_a_report_does_not_open_like_a_question() -> None:
    assert not vocabulary.QUESTION_START.match("ran 40 min")


# --- telling and asking --------------------------------------------------------------------


def test_a_plan_for_later_in_a_report_is_not_taken_as_a_question() -> None:
    reading = read_message("couldn't face the hike, weather awful, will go tomorrow", SAT, PLAN)
    assert (reading.kind, reading.question) == (MessageKind.CHECKIN, None)


def test_a_session_named_only_as_the_topic_of_a_question_is_not_a_report() -> None:
    text = "I don't really see the point of running tbh, do I need it?"
    assert kind_of(text) is MessageKind.QUESTION


def test_an_auxiliary_before_a_number_asks_without_a_question_mark() -> None:
    assert kind_of("is 45 min too long for week 2") is MessageKind.QUESTION


def test_a_request_for_tips_is_a_question() -> None:
    assert kind_of("Tips on running downhill please") is MessageKind.QUESTION


def test_a_question_after_an_emoji_is_split_from_the_report() -> None:
    reading = read_message("Skipped the run, work again 🙄 should I do it tomorrow?", TUE, PLAN)
    assert (reading.kind, reading.checkin.skipped, reading.question) == (
        MessageKind.CHECKIN,
        True,
        "should I do it tomorrow?",
    )


def test_an_exclamation_is_not_a_question() -> None:
    assert read_message("6 h hike done, what a day!", SAT, PLAN).question is None


def test_a_plan_question_beside_a_checkin_is_recognised() -> None:
    reading = read_message("done. what's my session tomorrow?", TUE, PLAN)
    assert (reading.kind, reading.personal) == (MessageKind.CHECKIN, PersonalQuestion.TOMORROW)


@pytest.mark.parametrize(
    "text", ["going for my run at 6", "about to head out for the run", "heading out now for 45"]
)
def test_setting_off_is_not_a_report(text: str) -> None:
    assert kind_of(text) is not MessageKind.CHECKIN


def test_a_session_moved_to_another_day_is_a_move_not_a_session_done() -> None:
    reading = read_message("postponed the hike to sunday", SAT, PLAN)
    assert (reading.moved is not None, reading.checkin.skipped) == (True, False)


def test_a_report_with_a_plan_for_tomorrow_is_still_a_report() -> None:
    reading = read_message("40 min run, rest tomorrow", TUE, PLAN)
    assert (reading.kind, reading.checkin.activity) == (MessageKind.CHECKIN, Activity.RUN)


@pytest.mark.parametrize("text", ["morning coach!", "hiya"])
def test_a_social_greeting_is_a_greeting(text: str) -> None:
    assert kind_of(text) is MessageKind.GREETING


@pytest.mark.parametrize("text", ["cheers, that helps", "great, will do"])
def test_social_thanks_are_thanks(text: str) -> None:
    assert kind_of(text) is MessageKind.THANKS


def test_chat_about_kit_is_other() -> None:
    assert kind_of("Bought new trail shoes today, Hokas, so comfy") is MessageKind.OTHER


def test_a_negated_auxiliary_does_not_open_a_question() -> None:
    assert not vocabulary.QUESTION_START.match("can't wait for saturday")


def test_a_pain_told_only_in_the_question_part_is_still_reported() -> None:
    reading = read_message("calf a bit twingy on the climbs, normal? stopped at 30 min", TUE, PLAN)
    assert (reading.kind, reading.checkin.pain) == (MessageKind.CHECKIN, [PainSite.CALF])


def test_a_session_told_as_postponed_is_news_of_it_with_the_day_it_moves_to() -> None:
    reading = read_message("long hike postponed till tomorrow, weather's horrendous", SAT, PLAN)
    checkin, moved = reading.checkin, reading.moved
    assert (reading.kind, checkin.activity, checkin.skipped, moved and moved.to) == (
        MessageKind.MOVED,
        Activity.HIKE,
        False,
        SAT + dt.timedelta(days=1),
    )


def test_a_session_to_be_done_another_day_instead_is_moved_there() -> None:
    reading = read_message("doing tuesdays run on thursday instead, work dinner", TUE, PLAN)
    assert reading.moved is not None and reading.moved.to == TUE + dt.timedelta(days=2)


def test_the_day_a_session_moves_to_is_not_the_day_it_is_told_of() -> None:
    reading = read_message("Thursday's hill session moved to Friday, rain", THU, PLAN)
    moved_to = reading.moved.to if reading.moved else None
    assert (reading.checkin.date, moved_to) == (THU, THU + dt.timedelta(days=1))


def test_a_session_and_its_day_named_before_a_question_is_the_question_s_topic() -> None:
    assert kind_of("hill repeats today - how many?", THU) is MessageKind.QUESTION


def test_thinking_of_a_longer_session_is_no_report() -> None:
    reading = read_message("thinking of doing 60 min instead of 45 today, good idea", TUE, PLAN)
    assert reading.kind is not MessageKind.CHECKIN


def test_a_trip_booked_is_news_not_a_report() -> None:
    reading = read_message("Great news, booked the Tour du Mont Blanc for August!", SAT, PLAN)
    assert reading.kind is not MessageKind.CHECKIN


def test_not_knowing_how_long_is_no_question() -> None:
    assert (
        kind_of("i did the hills, like 8 reps idk how long maybe 35", THU) is MessageKind.CHECKIN
    )


def test_a_quick_q_lead_belongs_to_the_question() -> None:
    reading = read_message(
        "Rest day. Quick q – I'm walking the Camino in May, should I keep running?", TUE, PLAN
    )
    assert reading.checkin.activity == Activity.REST


def test_the_length_of_a_hill_is_no_session() -> None:
    assert kind_of("the hills near me are only 5 min long, will that work", THU) is (
        MessageKind.QUESTION
    )


def test_a_race_coming_up_is_no_report() -> None:
    reading = read_message("I have a 10k race on Sunday, should I still do the hills", THU, PLAN)
    assert reading.kind is MessageKind.QUESTION


def test_a_friend_s_marathon_is_not_the_athlete_s_session() -> None:
    assert kind_of("my friend ran a marathon yesterday") is not MessageKind.CHECKIN


@pytest.mark.parametrize(
    "text",
    [
        "moving tuesday's run to wednesday this week, meeting all day",
        "Moving my long hike to Sunday, wedding today. Will report tomorrow!",
    ],
)
def test_a_session_being_moved_to_a_named_day_is_a_move(text: str) -> None:
    reading = read_message(text, TUE, PLAN)
    assert (reading.kind, reading.moved is not None) == (MessageKind.MOVED, True)


@pytest.mark.parametrize(
    "text",
    [
        "Booked my first trail half for October!! 🏃‍♀️🏔",
        "Just got back from the airport, knackered, I'll tell you properly tomorrow",
        "Hi! Just signed up. Bit nervous as I've never run in my life 🙈",
    ],
)
def test_news_that_tells_no_session_is_not_a_checkin(text: str) -> None:
    assert read_message(text, TUE, PLAN).kind is not MessageKind.CHECKIN


@pytest.mark.parametrize(
    "text",
    [
        "How fast should the running bits be? I'm 61 and slow as a snail, people walk past me",
        "what should zone 2 actually feel like? I can never tell if I'm going too hard",
    ],
)
def test_who_asks_and_what_always_happens_beside_a_question_is_no_report(text: str) -> None:
    assert read_message(text, TUE, PLAN).kind is MessageKind.QUESTION


def test_a_length_told_with_a_question_mark_is_still_told() -> None:
    reading = read_message("Yes done. Took ages checking the video for form. 35 mins?", TUE, PLAN)
    assert (reading.kind, reading.checkin.duration_min) == (MessageKind.CHECKIN, 35)


def test_a_question_tagged_on_to_a_report_is_both_logged_and_asked() -> None:
    text = "I know it's rest day but I did 30 min yoga, that's allowed right?"
    reading = read_message(text, TUE + dt.timedelta(days=3), PLAN)
    assert (reading.kind, reading.checkin.duration_min, bool(reading.question)) == (
        MessageKind.CHECKIN,
        30,
        True,
    )


@pytest.mark.parametrize(
    "text",
    [
        "do I do the hill thing in boots or trail shoes? got the Cairngorms in 9 weeks",
        "How heavy should my pack be? The trek will be about 12kg but I've only ever done 8",
    ],
)
def test_plans_and_what_has_ever_been_done_beside_a_question_are_no_report(text: str) -> None:
    assert read_message(text, TUE, PLAN).kind is MessageKind.QUESTION


def test_did_that_five_times_is_told_not_asked() -> None:
    text = "First run-walk! ran 5 walked 3, did that 5 times and then walked home, 45 min total"
    assert read_message(text, TUE, PLAN).checkin.duration_min == 45


def test_an_illness_with_days_off_to_come_is_a_sick_day() -> None:
    reading = read_message("I've tested positive for covid, will be off for a few days", TUE, PLAN)
    assert (reading.kind, reading.checkin.illness) == (MessageKind.CHECKIN, True)


def test_a_session_still_to_come_today_with_its_reason_is_no_skip() -> None:
    text = "gonna do the run after work tonight, too dark this morning"
    assert read_message(text, TUE, PLAN).kind is not MessageKind.CHECKIN


def test_too_tired_and_trying_tomorrow_is_a_skip_today() -> None:
    reading = read_message("too tired, will try tomorrow", TUE, PLAN)
    assert (reading.kind, reading.checkin.skipped) == (MessageKind.CHECKIN, True)


def test_a_watch_that_keeps_saying_something_beside_a_question_is_no_report() -> None:
    text = "whats zone 2 exactly? my watch keeps telling me I'm in zone 4 when im barely jogging"
    assert read_message(text, TUE, PLAN).kind is MessageKind.QUESTION


@pytest.mark.parametrize(
    ("text", "news"),
    [
        ("Booked my first trail half!", News.EVENT),
        ("just signed up for a 20k in the spring", News.EVENT),
        ("going to do the run tonight after work", News.LATER),
        ("hills later tonight", News.LATER),
        ("Strength later tonight once the kids are asleep", News.LATER),
        ("knackered, will tell you properly tomorrow", News.REPORT_LATER),
    ],
)
def test_news_that_tells_no_session_is_news(text: str, news: News) -> None:
    reading = read_message(text, TUE, PLAN)
    assert (reading.kind, reading.news) == (MessageKind.NEWS, news)


def test_an_own_illness_inside_a_question_is_a_sick_day_with_no_question_left() -> None:
    reading = read_message("got a chesty cough and a temperature, ok to run tomorrow?", TUE, PLAN)
    assert (reading.kind, reading.checkin.illness, reading.question) == (
        MessageKind.CHECKIN,
        True,
        None,
    )


def test_a_question_beside_an_illness_report_is_answered_by_the_rest_day() -> None:
    reading = read_message("I've got a stinking cold, should I still do the run?", TUE, PLAN)
    assert (reading.kind, reading.question) == (MessageKind.CHECKIN, None)


def test_illness_asked_about_in_general_stays_a_question() -> None:
    assert kind_of("can you run with a cold?") is MessageKind.QUESTION


def test_dictated_full_stops_and_question_marks_split_the_report_from_the_question() -> None:
    reading = read_message(
        "I did my first run walk today about forty minutes full stop it was raining full stop "
        "my calves are burning now is that normal question mark",
        TUE,
        PLAN,
    )
    assert reading.kind is MessageKind.CHECKIN and reading.question


def test_an_emoji_before_a_capital_ends_the_report_before_its_question() -> None:
    reading = read_message(
        "Strength done, 30 min, squats holding a bag of potatoes 😂 Do I need proper weights?",
        dt.date(2027, 1, 6),
        PLAN,
    )
    assert (reading.kind, reading.question) == (MessageKind.CHECKIN, "Do I need proper weights?")


def test_is_that_normal_at_the_end_without_a_mark_is_asked() -> None:
    reading = read_message(
        "did the run walk forty minutes my shin hurts is that normal", TUE, PLAN
    )
    assert reading.kind is MessageKind.CHECKIN and reading.question


def test_a_which_clause_after_a_report_tells() -> None:
    reading = read_message("Rested. Well, babysat for 6 hours, which is harder than any hill", TUE)
    assert reading.question is None


def test_is_my_rest_day_without_a_subject_tells() -> None:
    assert kind_of("today no training, is my rest day, I take a coffee with friends") is (
        MessageKind.CHECKIN
    )


def test_a_skip_told_beside_a_question_is_logged_and_asked() -> None:
    reading = read_message(
        "Had to skip the long hike, the car broke down. Can I do it tomorrow instead?", SAT, PLAN
    )
    assert (reading.kind, reading.checkin.skipped) == (MessageKind.CHECKIN, True)
    assert reading.question


def test_a_report_whose_last_figure_doubts_itself_is_no_question() -> None:
    reading = read_message("forgot to log sat: 6h, 20 miles?? no wait 20 km lol", SAT, PLAN)
    assert (reading.kind, reading.question) == (MessageKind.CHECKIN, None)


def test_a_choice_of_figures_is_still_a_question() -> None:
    assert kind_of("pack weight for sat, 10 or 15kg?") is not MessageKind.CHECKIN


def test_an_rpe_with_a_question_mark_is_told() -> None:
    reading = read_message("First ever run. 40 minutes total. RPE maybe 7?", TUE, PLAN)
    assert (reading.kind, reading.checkin.rpe, reading.question) == (MessageKind.CHECKIN, 7, None)


def test_being_signed_up_for_a_race_is_news() -> None:
    assert kind_of("My daughter has signed me up for a 5k parkrun in 6 weeks") is MessageKind.NEWS


def test_a_reply_quoting_the_reminders_question_is_the_answer_alone() -> None:
    reading = read_message("re: did you run today? — nope 😬", TUE, PLAN)
    assert (reading.kind, reading.checkin.skipped) == (MessageKind.CHECKIN, True)


def test_what_i_have_been_doing_beside_a_question_is_no_report() -> None:
    text = "How long should Thursday's hill repeats be in week 9? I've been doing 6 reps of 30s."
    assert kind_of(text) is not MessageKind.CHECKIN


def test_a_report_ending_on_an_unsure_rating_is_logged_not_asked() -> None:
    reading = read_message("yep done, 45 mins run walk, rpe maybe 5?", TUE, PLAN)
    assert (reading.kind, reading.checkin.rpe, reading.question) == (MessageKind.CHECKIN, 5, None)


def test_ill_typed_for_ill_before_a_session_is_a_plan_not_a_report() -> None:
    reading = read_message("ill do the run after the kids are in bed", TUE, PLAN)
    assert (reading.kind, reading.news) == (MessageKind.NEWS, News.LATER)
