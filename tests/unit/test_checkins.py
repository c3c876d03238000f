"""Reading free-text check-ins: what hikers write and what the coach understands."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.checkins import (
    BLIND,
    BLIND2,
    TUNE,
    TUNE2,
    TUNE3,
    TUNE4,
    TUNE5,
    TUNE6,
    TUNE7,
    TUNE8,
    TUNE9,
    TUNE10,
    TUNE11,
    TUNE12,
    TUNE13,
    TUNE14,
    TUNE15,
    TUNE16,
    TUNE17,
    TUNE18,
    TUNE19,
    TUNE20,
    TUNE21,
    TUNE22,
    TUNE23,
    TUNE24,
    TUNE25,
    TUNE26,
    TUNE27,
    TUNE28,
    TUNE29,
    TUNE30,
    TUNE31,
    TUNE32,
    TUNE33,
    TUNE34,
    TUNE35,
    TUNE36,
    TUNE37,
    TUNE38,
    TUNE39,
    TUNE40,
    TUNE41,
    TUNE42,
    TUNE43,
    TUNE44,
    TUNE45,
    TUNE46,
    TUNE47,
    TUNE48,
    TUNE49,
    TUNE50,
    TUNE51,
    TUNE52,
    TUNE53,
    TUNE54,
    TUNE55,
    TUNE56,
    TUNE57,
    TUNE58,
    TUNE59,
    TUNE60,
    TUNE61,
    TUNE62,
    fresh_misses,
    load_cases,
    read_right_share,
)
from coach.checkins import (
    Activity,
    CheckinReading,
    PainSite,
    estimate_rpe,
    is_bare_answer,
    planned_by,
    read_checkin,
    read_earlier_days,
)
from coach.reading import MessageKind, read_message
from coach.schedule import Schedule
from coach.sessions import SessionKind

MONDAY = dt.date(2026, 12, 7)
THURSDAY = dt.date(2026, 12, 3)


def read(text: str, today: dt.date = MONDAY) -> CheckinReading:
    return read_checkin(text, today)


# --- duration ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("hiked 6 hours", 360),
        ("6 hrs hike", 360),
        ("6hr hike", 360),
        ("5h30 hike", 330),
        ("5h 30m hike", 330),
        ("1h15 run", 75),
        ("1:15 run", 75),
        ("ran 10k in 1:05:30", 65),
        ("90 min hike", 90),
        ("90 mins hike", 90),
        ("90min hike", 90),
        ("6.5 hour hike", 390),
        ("6,5 h hike", 390),
        ("an hour of run walk", 60),
        ("half an hour jog", 30),
        ("hour and a half trail run", 90),
        ("an hour and a half hike", 90),
        ("two and a half hours hiking", 150),
        ("two hours hiking", 120),
        ("a couple of hours hiking", 120),
        ("45' run", 45),
        ("2 hrs 15 mins hike", 135),
        ("1 hr 20 min trail run", 80),
        ("3 hours 20 hike", 200),
        ("6-hour hike", 360),
        ("20 minute walk", 20),
        ("hour-long run", 60),
        ("an hour long hike", 60),
    ],
)
def test_duration_forms_hikers_type_are_read_in_minutes(text: str, minutes: int) -> None:
    assert read(text).duration_min == minutes


def test_a_range_of_durations_reads_as_its_top() -> None:
    assert read("easy hike w/ the family 2-3 hours").duration_min == 180


def test_a_range_of_minutes_reads_as_its_top() -> None:
    assert read("hills 40-45 min, rpe 7-8").duration_min == 45


def test_distances_are_not_durations() -> None:
    assert read("hiked 12 km, then 8 miles more").duration_min is None


def test_elevation_is_not_a_duration() -> None:
    assert read("800 m of climbing and 2000 ft of descent on the hike").duration_min is None


def test_a_time_of_day_is_not_a_duration() -> None:
    assert read("up at 7am, on the trail at 7:30, hike").duration_min is None


def test_a_pace_is_not_a_duration() -> None:
    assert read("45min run. pace 6:30/km").duration_min == 45


def test_an_rpe_number_is_not_a_duration() -> None:
    assert read("hike rpe 7").duration_min is None


def test_a_date_is_not_a_duration() -> None:
    assert read("5 dec hike").duration_min is None


def test_the_longest_duration_is_the_session_not_its_parts() -> None:
    assert read("6 hour hike with 30 min of running").duration_min == 360


def test_interval_lengths_are_not_the_session_length() -> None:
    assert read("hill repeats 8 x 1 min, 40 min total").duration_min == 40


def test_run_walk_rounds_add_up_to_the_session() -> None:
    assert read("run-walk intervals 8 x (5 min run, 3 min walk)").duration_min == 64


def test_three_million_hours_is_no_duration() -> None:
    assert read("3 million hours of hiking lol").duration_min is None


def test_zero_minutes_is_no_duration() -> None:
    assert read("0 min run today").duration_min is None


def test_ten_thousand_minutes_is_no_duration() -> None:
    assert read("10000 minutes hike").duration_min is None


def test_more_than_a_day_is_no_duration() -> None:
    assert read("25 hours hike").duration_min is None


def test_a_full_day_is_the_longest_duration_read() -> None:
    assert read("24 hours backpacking").duration_min == 24 * 60


# --- RPE -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "RPE 7",
        "rpe:7",
        "rpe 7/10",
        "7/10",
        "7 out of 10",
        "effort 7",
        "effort was around 7",
        "felt like a 7",
        "felt like a solid seven",
        "rpe 6.5",
        "rpe 6-7",
        "rpe7",
        "RPE7",
        "7/10rpe",
    ],
)
def test_rpe_forms_are_read(text: str) -> None:
    assert read(f"2 hour hike, {text}").rpe == 7


def test_rpe_above_ten_is_not_read() -> None:
    assert read("RPE 15").rpe is None


def test_a_negative_rpe_is_not_read() -> None:
    assert read("hike RPE -3").rpe is None


def test_a_dash_after_rpe_is_not_a_minus_sign() -> None:
    assert read("hike rpe - 7").rpe == 7


def test_a_rating_over_ten_out_of_ten_is_not_an_rpe() -> None:
    assert read("hill reps 12/10").rpe is None


def test_a_rating_over_ten_out_of_ten_is_hard() -> None:
    assert read("hill reps 12/10").hard


def test_a_pain_rating_is_not_an_rpe() -> None:
    assert read("knee pain 4/10 during the run").rpe is None


def test_felt_like_a_distance_is_not_an_rpe() -> None:
    assert read("felt like a 10k, not a 5k").rpe is None


# --- hard ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "that was brutal",
        "absolutely wrecked",
        "destroyed",
        "absolutely knackered",
        "barely made it up the last hill",
        "exhausted",
        "legs smashed",
        "crushed by the climb",
        "killer hill session",
        "savage",
        "i'm dead",
        "dying on the climbs",
        "hardest hike yet",
        "really tough",
        "hard af",
        "ran hard",
        "💀",
    ],
)
def test_hard_words_mark_the_session_hard(text: str) -> None:
    assert read(f"hike {text}").hard


@pytest.mark.parametrize("text", ["knackered", "legs are toast", "cooked", "quads toast 🍞"])
def test_tired_words_alone_are_not_hard(text: str) -> None:
    assert not read(f"hike 3h, {text}").hard


@pytest.mark.parametrize(
    "text",
    [
        "not too hard",
        "wasn't brutal",
        "wasnt brutal at all",
        "not exhausted at all",
        "not that hard tbh",
        "didn't push hard",
    ],
)
def test_negated_hard_words_are_not_hard(text: str) -> None:
    assert not read(f"2 hour hike, {text}").hard


def test_easy_but_brutal_reads_as_hard() -> None:
    assert read("easy but brutal").hard


@pytest.mark.parametrize("text", ["crushed it 💪", "smashed it", "killer views"])
def test_success_idioms_are_not_hard(text: str) -> None:
    assert not read(f"5h hike, {text}").hard


def test_rpe_eight_is_hard() -> None:
    assert read("run rpe 8").hard


def test_rpe_seven_alone_is_not_hard() -> None:
    assert not read("run rpe 7").hard


def test_dead_easy_is_not_hard() -> None:
    assert not read("dead easy 40 min run").hard


def test_deadlifts_are_not_hard() -> None:
    assert not read("deadlifts and squats 30 min").hard


# --- pain ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("knee hurts", PainSite.KNEE),
        ("my left knee's sore", PainSite.KNEE),
        ("knees sore on the descent", PainSite.KNEE),
        ("runners knee playing up", PainSite.KNEE),
        ("achilles a bit niggly", PainSite.ACHILLES),
        ("achilles tendon is aching", PainSite.ACHILLES),
        ("heel cord sore", PainSite.ACHILLES),
        ("IT band flaring up", PainSite.IT_BAND),
        ("ITB sore", PainSite.IT_BAND),
        ("IT-band sore", PainSite.IT_BAND),
        ("outside of my knee hurts", PainSite.IT_BAND),
        ("rolled my ankle", PainSite.ANKLE),
        ("sprained ankle", PainSite.ANKLE),
        ("ankle's still swollen", PainSite.ANKLE),
        ("shin splints again", PainSite.SHIN),
        ("shins a bit sore", PainSite.SHIN),
        ("calf twinge", PainSite.CALF),
        ("calves aching", PainSite.CALF),
        ("hip flexors sore", PainSite.HIP),
        ("hips a bit achy", PainSite.HIP),
        ("plantar fasciitis acting up", PainSite.FOOT),
        ("arch of my foot is sore", PainSite.FOOT),
        ("heel hurts", PainSite.FOOT),
        ("feet are killing me", PainSite.FOOT),
        ("lower back is sore", PainSite.BACK),
        ("tweaked my back", PainSite.BACK),
        ("thighs sore", PainSite.QUAD),
        ("quads really sore", PainSite.QUAD),
        ("hamstring tweaked", PainSite.HAMSTRING),
        ("hammy tweaked", PainSite.HAMSTRING),
    ],
)
def test_pain_sites_and_their_synonyms_are_read(text: str, site: PainSite) -> None:
    assert read(f"40 min run, {text}").pain == [site]


@pytest.mark.parametrize(
    "text",
    [
        "knee felt great",
        "legs are toast",
        "DOMS everywhere",
        "legs a bit sore",
        "no knee pain today",
        "knee didn't hurt at all",
        "came back down the hill, back home by 5",
    ],
)
def test_phrases_that_are_not_pain_at_a_site(text: str) -> None:
    assert read(f"3h hike, {text}").pain == []


def test_several_sites_are_read_in_the_order_mentioned() -> None:
    assert read("sore knees, ankles and calves").pain == [
        PainSite.KNEE,
        PainSite.ANKLE,
        PainSite.CALF,
    ]


def test_a_site_said_to_be_fine_is_not_painful_beside_one_that_is() -> None:
    assert read("achilles fine, knee sore").pain == [PainSite.KNEE]


def test_outside_of_the_knee_is_the_it_band_not_the_knee() -> None:
    assert PainSite.KNEE not in read("outside of my knee is sore").pain


@pytest.mark.parametrize(
    "text",
    [
        "knee feels fine now",
        "achilles is better, no pain",
        "pain's gone",
        "no pain in my shins anymore",
        "knees no longer hurt on the descents",
    ],
)
def test_a_cleared_pain_is_read(text: str) -> None:
    reading = read(text)
    assert reading.pain_cleared or reading.cleared


def test_a_fresh_pain_is_not_read_as_cleared() -> None:
    assert not read("knee hurts after the run").pain_cleared


# --- skipped -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "skipped my run",
        "missed the hike",
        "didn't go today",
        "didnt go, raining",
        "couldn't make it",
        "bailed on the run",
        "no run today",
        "didn't do thursday's session",
        "couldn't be bothered tbh",
    ],
)
def test_skipped_sessions_are_read(text: str) -> None:
    assert read(text).skipped


@pytest.mark.parametrize(
    "text",
    [
        "missed the turn and added 2 km to the hike",
        "skipped breakfast, 2 hour hike",
        "didn't go well but finished the 40 min run",
        "cut the run short at 20 mins",
        "rest day",
    ],
)
def test_phrases_that_are_not_skipping(text: str) -> None:
    assert not read(text).skipped


# --- activity ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "activity"),
    [
        ("run-walk 40 min", Activity.RUN),
        ("hill repeats done", Activity.RUN),
        ("intervals on the track", Activity.RUN),
        ("trail run", Activity.RUN),
        ("easy jog", Activity.RUN),
        ("long hike", Activity.HIKE),
        ("recovery hike", Activity.HIKE),
        ("power hiked up the hill", Activity.HIKE),
        ("backpacking trip", Activity.HIKE),
        ("trek to the hut", Activity.HIKE),
        ("scramble up the ridge", Activity.HIKE),
        ("squats and step-ups", Activity.STRENGTH),
        ("rdls", Activity.STRENGTH),
        ("deadlifts", Activity.STRENGTH),
        ("gym", Activity.STRENGTH),
        ("weights", Activity.STRENGTH),
        ("strength session", Activity.STRENGTH),
        ("walked the dog", Activity.WALK),
        ("rest day", Activity.REST),
        ("day off", Activity.REST),
        ("took it easy, no training", Activity.REST),
        ("cycling", Activity.OTHER),
        ("swim", Activity.OTHER),
        ("yoga", Activity.OTHER),
        ("rock climbing", Activity.OTHER),
    ],
)
def test_activities_are_read_in_hikers_words(text: str, activity: Activity) -> None:
    assert read(text).activity == activity


def test_a_long_hike_with_a_bit_of_running_is_a_hike() -> None:
    assert read("long hike with a bit of running").activity == Activity.HIKE


def test_a_trail_run_with_power_hiked_climbs_is_a_run() -> None:
    assert read("trail run 1h20, power hiked the ups").activity == Activity.RUN


def test_a_skipped_run_replaced_by_a_walk_is_a_walk() -> None:
    assert read("skipped my run, went for a walk instead").activity == Activity.WALK


def test_feeling_run_down_is_not_a_run() -> None:
    assert read("took the day off, feeling a bit run down").activity == Activity.REST


def test_climbing_on_a_hike_is_still_a_hike() -> None:
    assert read("hiked 5 hours with lots of climbing").activity == Activity.HIKE


def test_a_walking_typo_of_hiking_is_corrected() -> None:
    assert read("hikking 3 hrs").activity == Activity.HIKE


# --- date ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("2 hour hike", MONDAY, MONDAY),
        ("yesterday 2 hour hike", MONDAY, dt.date(2026, 12, 6)),
        ("this morning 2 hour hike", MONDAY, MONDAY),
        ("tonight hill reps", MONDAY, MONDAY),
        ("today: rest", MONDAY, MONDAY),
        ("2 days ago did a run", MONDAY, dt.date(2026, 12, 5)),
        ("the day before yesterday i hiked", MONDAY, dt.date(2026, 12, 5)),
        ("2026-12-05 long hike", MONDAY, dt.date(2026, 12, 5)),
        ("5 dec long hike", MONDAY, dt.date(2026, 12, 5)),
        ("dec 5 long hike", MONDAY, dt.date(2026, 12, 5)),
        ("5th of december long hike", MONDAY, dt.date(2026, 12, 5)),
    ],
)
def test_date_forms_are_read(text: str, today: dt.date, expected: dt.date) -> None:
    assert read(text, today).date == expected


def test_saturdays_hike_told_on_monday_refers_to_two_days_ago() -> None:
    assert read("saturday's hike was brutal").date == dt.date(2026, 12, 5)


def test_a_weekday_is_the_most_recent_one_not_in_the_future() -> None:
    assert read("friday hike", THURSDAY).date == dt.date(2026, 11, 27)


def test_todays_weekday_means_today() -> None:
    assert read("monday run 30 min").date == MONDAY


def test_last_with_todays_weekday_means_a_week_ago() -> None:
    assert read("last monday ran 30 mins").date == dt.date(2026, 11, 30)


def test_last_saturday_on_a_monday_is_two_days_ago() -> None:
    assert read("last saturday long hike").date == dt.date(2026, 12, 5)


def test_yesterday_on_the_first_of_the_month_is_in_the_month_before() -> None:
    assert read("yesterday 40 min run", dt.date(2026, 12, 1)).date == dt.date(2026, 11, 30)


def test_yesterday_on_new_years_day_is_in_the_year_before() -> None:
    assert read("yesterday 3 hr hike", dt.date(2027, 1, 1)).date == dt.date(2026, 12, 31)


def test_a_weekday_across_the_new_year_is_in_the_year_before() -> None:
    assert read("tuesday run", dt.date(2027, 1, 2)).date == dt.date(2026, 12, 29)


def test_yesterday_on_the_first_of_march_in_a_leap_year_is_the_leap_day() -> None:
    assert read("yesterday 40 min run", dt.date(2028, 3, 1)).date == dt.date(2028, 2, 29)


def test_the_leap_day_named_outside_a_leap_year_is_the_last_leap_day() -> None:
    assert read("29 feb long hike", dt.date(2027, 3, 1)).date == dt.date(2024, 2, 29)


def test_a_day_and_month_in_the_future_means_last_year() -> None:
    assert read("dec 20 long hike", MONDAY).date == dt.date(2025, 12, 20)


def test_an_iso_date_in_the_future_means_last_year() -> None:
    assert read("2026-12-20 long hike", MONDAY).date == dt.date(2025, 12, 20)


def test_an_impossible_iso_date_is_ignored() -> None:
    assert read("2026-02-30 long hike", MONDAY).date == MONDAY


def test_a_date_long_ago_is_kept() -> None:
    assert read("2025-06-01 long hike", MONDAY).date == dt.date(2025, 6, 1)


def test_the_day_word_nearest_the_session_wins() -> None:
    assert read("no run today, ankle still swollen from saturday").date == MONDAY


def test_a_session_label_gives_way_to_when_it_was_done() -> None:
    assert read("did saturday's hike yesterday").date == dt.date(2026, 12, 6)


def test_a_day_named_as_a_cause_is_not_the_checkin_date() -> None:
    assert read("didn't manage the recovery hike, too tired from yesterday").date == MONDAY


def test_sat_as_a_verb_is_not_saturday() -> None:
    assert read("sat in the sun after a 3 hour hike").date == MONDAY


def test_tomorrow_is_not_a_checkin_date() -> None:
    assert read("40 min run, rest tomorrow").date == MONDAY


# --- bad input -----------------------------------------------------------------------------


def test_an_empty_message_reads_as_nothing_dated_today() -> None:
    assert read("") == CheckinReading(date=MONDAY)


def test_an_emoji_only_message_is_not_recognised() -> None:
    assert not read("👍😀🎉").recognised


def test_a_five_thousand_character_message_is_read() -> None:
    # How fast is for `make bench`; here only that a long message reads at all.
    text = ("long hike 6 hours, knee sore, rpe 7 🥾 " * 200)[:5000]
    assert read(text).duration_min == 360


def test_a_wall_of_digits_reads_without_a_duration() -> None:
    assert read("9" * 5000 + " hours").duration_min is None


# --- routing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "6 hour hike done, legs toast",
        "skipped my run",
        "knee hurts after the run",
        "did 2h hike, should I rest tomorrow?",
    ],
)
def test_reports_of_training_look_like_checkins(text: str) -> None:
    assert read_message(text, dt.date(2026, 12, 7)).kind is MessageKind.CHECKIN


@pytest.mark.parametrize(
    "text",
    [
        "how long should my long hike be?",
        "should I run today if my shin hurts?",
        "I'm planning a 5 hour hike tomorrow",
        "thanks!",
        "",
    ],
)
def test_questions_plans_and_chat_do_not_look_like_checkins(text: str) -> None:
    assert read_message(text, dt.date(2026, 12, 7)).kind is not MessageKind.CHECKIN


# --- estimated RPE -------------------------------------------------------------------------


def test_a_given_rpe_is_not_estimated() -> None:
    assert estimate_rpe(read("hike rpe 6"), "long_hike") == 6


def test_hard_words_estimate_eight() -> None:
    assert estimate_rpe(read("hike, brutal"), "long_hike") == 8


def test_very_hard_words_estimate_nine() -> None:
    assert estimate_rpe(read("hardest hike ever, destroyed"), "long_hike") == 9


def test_easy_words_estimate_three_or_four() -> None:
    assert estimate_rpe(read("nice relaxed run"), "easy_run") in (3, 4)


def test_easy_words_beat_a_hard_session_kind() -> None:
    assert estimate_rpe(read("hill reps felt easy"), "hill_repeats") <= 4


@pytest.mark.parametrize(
    ("kind", "rpe"),
    [
        ("long_hike", 6),
        ("hill_repeats", 7),
        ("easy_run", 4),
        ("run_walk", 4),
        ("strength", 5),
        ("recovery_hike", 3),
        ("easy_walk", 3),
    ],
)
def test_session_kind_sets_the_estimate_when_words_do_not(kind: str, rpe: int) -> None:
    assert estimate_rpe(read("done"), kind) == rpe


def test_the_activity_sets_the_estimate_without_a_session_kind() -> None:
    assert estimate_rpe(read("walked 30 min")) == 3


def test_with_nothing_to_go_on_the_estimate_is_moderate() -> None:
    assert estimate_rpe(read("done")) == 5


# --- properties ----------------------------------------------------------------------------

PHRASES = [
    "6 hours",
    "5h30",
    "rpe 8",
    "12/10",
    "saturday's hike",
    "yesterday",
    "knee sore",
    "not too hard",
    "skipped",
    "3 million hours",
    "1:15",
    "2026-02-29",
    "29 feb",
    "the 31st",
    "99 days ago",
]
dates = st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2099, 12, 31))


def _assert_valid(reading: CheckinReading, today: dt.date) -> None:
    assert reading.date <= today
    assert reading.duration_min is None or 1 <= reading.duration_min <= 24 * 60
    assert reading.rpe is None or 1 <= reading.rpe <= 10
    assert len(reading.pain) == len(set(reading.pain))
    assert 1 <= estimate_rpe(reading) <= 10


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=300), today=dates)
def test_random_text_always_gives_a_valid_reading(text: str, today: dt.date) -> None:
    _assert_valid(read_checkin(text, today), today)


@settings(max_examples=200, deadline=None)
@given(
    parts=st.lists(st.one_of(st.sampled_from(PHRASES), st.text(max_size=20)), max_size=8),
    today=dates,
)
def test_random_text_around_real_phrases_gives_a_valid_reading(
    parts: list[str], today: dt.date
) -> None:
    _assert_valid(read_checkin(" ".join(parts), today), today)


# --- the labelled set ----------------------------------------------------------------------

CASES = load_cases()


@pytest.mark.parametrize("part", ["all", "tuned", "held_out"])
def test_most_labelled_checkins_are_read_right(part: str) -> None:
    chosen = [
        case
        for case in CASES
        if part == "all" or bool(case.get("held_out")) == (part == "held_out")
    ]
    assert read_right_share(chosen) >= 0.9


def test_the_labelled_set_has_at_least_a_hundred_checkins() -> None:
    assert len(CASES) >= 100


BLIND_CASES = load_cases(BLIND)


def test_the_blind_set_is_read_right_at_the_bar() -> None:
    # Check-ins written without looking at the parser; the outside scoring bar is 0.9.
    assert len(BLIND_CASES) >= 120
    assert read_right_share(BLIND_CASES) >= 0.9


BLIND2_CASES = load_cases(BLIND2)


def test_the_second_blind_set_is_read_right_at_the_bar() -> None:
    # Labelled strictly from the public spec by an outside-QA-style labeller.
    assert len(BLIND2_CASES) >= 100
    assert read_right_share(BLIND2_CASES) >= 0.9


def test_the_second_blind_set_without_its_ambiguous_items_is_read_right() -> None:
    clear = [case for case in BLIND2_CASES if not case.get("ambiguous")]
    assert read_right_share(clear) >= 0.9


# --- the planned session as context ------------------------------------------------------

START = dt.date(2027, 1, 4)  # a Monday: week 1 runs Monday 4 to Sunday 10 January
PLAN = planned_by(Schedule(start=START))
TUE = dt.date(2027, 1, 5)  # run-walk
WED = dt.date(2027, 1, 6)  # strength
THU = dt.date(2027, 1, 7)  # hilly walk with easy running spells (weeks 1–8)
FRI = dt.date(2027, 1, 8)  # rest
MON = dt.date(2027, 1, 11)  # rest or easy walk (week 2)
SAT = dt.date(2027, 1, 9)  # long hike
SUN = dt.date(2027, 1, 10)  # recovery hike
THU_WEEK_9 = dt.date(2027, 3, 4)  # hill repeats


def in_plan(text: str, today: dt.date) -> CheckinReading:
    return read_checkin(text, today, PLAN)


def test_done_alone_confirms_the_planned_session() -> None:
    assert in_plan("done", TUE).activity == Activity.RUN


def test_did_it_with_a_duration_on_a_run_day_is_the_run() -> None:
    reading = in_plan("did it, 45 min", TUE)
    assert (reading.activity, reading.duration_min) == (Activity.RUN, 45)


def test_pain_after_a_session_named_in_passing_tells_of_that_session() -> None:
    reading = in_plan("my knee hurts after today's walk", dt.date(2027, 1, 4))
    assert (reading.activity, reading.pain) == (Activity.WALK, [PainSite.KNEE])


def test_done_on_strength_day_is_strength() -> None:
    assert in_plan("done ✅ 35 min", WED).activity == Activity.STRENGTH


def test_a_multi_hour_report_with_a_pack_on_the_long_hike_day_is_the_hike() -> None:
    reading = in_plan("7 hours with the full pack, wrecked", SAT)
    assert (reading.activity, reading.duration_min, reading.hard) == (Activity.HIKE, 420, True)


def test_an_unnamed_skip_is_the_planned_session_skipped() -> None:
    reading = in_plan("skipped today", TUE)
    assert (reading.activity, reading.skipped) == (Activity.RUN, True)


def test_never_getting_out_of_the_door_is_the_planned_session_skipped() -> None:
    reading = in_plan("never got out the door today, too much on", THU_WEEK_9)
    assert (reading.activity, reading.skipped) == (Activity.RUN, True)


def test_a_named_session_beats_the_planned_one() -> None:
    assert in_plan("went for a 40 min walk instead", TUE).activity == Activity.WALK


def test_the_mostly_walking_thursday_session_counts_as_a_run() -> None:
    assert in_plan("did the hilly walk with a few jogs, 45 min", THU).activity == Activity.RUN


def test_the_planned_session_of_the_day_told_about_is_used() -> None:
    # Told on Sunday about yesterday: Saturday's long hike.
    assert in_plan("yesterday, 6 hours, legs gone", SUN).activity == Activity.HIKE


def test_without_a_plan_an_unnamed_session_stays_unknown() -> None:
    assert read_checkin("did it, 45 min", TUE).activity is None


def test_before_the_programme_there_is_no_planned_session() -> None:
    assert in_plan("done, 45 min", dt.date(2027, 1, 1)).activity is None


def test_a_pain_alone_does_not_claim_the_planned_session() -> None:
    assert in_plan("knee is a bit sore this morning", TUE).activity is None


def test_a_rest_day_named_on_a_run_day_is_rest() -> None:
    assert in_plan("rest day, legs heavy", TUE).activity == Activity.REST


def test_planned_by_gives_the_programme_session_kind() -> None:
    assert (PLAN(SAT), PLAN(dt.date(2027, 1, 3))) == (SessionKind.LONG_HIKE, None)


# --- hikers' words for a hike --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "7 hours over the pass with the full pack",
        "six and a half hours over the tops with the big pack, totally done in",
        "up Ben Nevis and back with the big pack, 8 hours",
        "summited at noon, 5 h round trip",
        "ridge traverse, 6 hours",
        "long day in the hills, 6h",
        "did the big one, 6 hours",
        "Helvellyn via Striding Edge, 5h",
        "walked the Pennine Way section, 18 miles",
        "5 hrs with a loaded pack",
    ],
)
def test_hikers_words_for_a_hike_read_as_a_hike(text: str) -> None:
    assert read(text).activity == Activity.HIKE


@pytest.mark.parametrize(
    "text",
    [
        "stairs with a pack, 40 min",
        "stair climbing with a 10 kg pack for 45 min",
        "cycled 2 hours",
        "yoga 30 min",
        "hour on the bike",
    ],
)
def test_other_training_reads_as_other(text: str) -> None:
    assert read(text).activity == Activity.OTHER


# --- pain as events ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("tweaked a hamstring on the descent", PainSite.HAMSTRING),
        ("jarred my knee coming down", PainSite.KNEE),
        ("something went in my calf at 30 min", PainSite.CALF),
        ("went over on my ankle", PainSite.ANKLE),
        ("felt my achilles twinge", PainSite.ACHILLES),
        ("pulled something in my hamstring", PainSite.HAMSTRING),
    ],
)
def test_pain_told_as_an_event_is_read(text: str, site: PainSite) -> None:
    assert read(f"40 min run, {text}").pain == [site]


def test_a_site_said_to_be_no_trouble_is_not_painful() -> None:
    assert read("5 hour hike, hip was no trouble").pain == []


def test_another_persons_pain_is_not_the_athletes() -> None:
    assert read("3 h hike, my partner's ankle gave way near the end").pain == []


def test_a_site_fine_for_days_is_not_painful() -> None:
    assert read("40 min run, shin's been fine for days").pain == []


# --- clearance -----------------------------------------------------------------------------


def test_a_site_said_to_be_fine_again_is_cleared() -> None:
    reading = read("knee feels fine now")
    assert (reading.cleared, reading.pain_cleared) == ([PainSite.KNEE], False)


def test_clearing_the_knee_does_not_clear_the_achilles() -> None:
    reading = read("knee is fine now but the achilles still niggles")
    assert (reading.cleared, reading.pain) == ([PainSite.KNEE], [PainSite.ACHILLES])


def test_fine_for_walking_does_not_clear() -> None:
    reading = read("knee is fine for walking")
    assert (reading.cleared, reading.pain_cleared) == ([], False)


def test_a_generic_all_clear_clears_every_open_injury() -> None:
    reading = read("the pain's gone completely")
    assert (reading.pain_cleared, reading.cleared) == (True, [])


def test_a_site_fine_for_days_is_cleared() -> None:
    assert read("shin's been fine for days").cleared == [PainSite.SHIN]


def test_a_fresh_pain_clears_nothing() -> None:
    reading = read("knee hurts after the run")
    assert (reading.cleared, reading.pain_cleared) == ([], False)


# --- effort in both directions -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "it absolutely flattened me",
        "totally done in",
        "that finished me off",
        "took everything out of me",
        "legs were gone by the end",
        "in bits",
    ],
)
def test_more_ways_of_saying_hard_are_hard(text: str) -> None:
    assert read(f"5 h hike, {text}").hard


@pytest.mark.parametrize(
    "text",
    [
        "nailed it",
        "expected carnage but it was comfortable",
        "thought it would be brutal, it was fine",
        "felt strong all the way",
    ],
)
def test_going_well_is_not_hard(text: str) -> None:
    assert not read(f"hill repeats 45 min, {text}").hard


# --- loose numbers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rpe"),
    [
        ("roughly a six", 6),
        ("call it 7 out of 10", 7),
        ("maybe a 5", 5),
        ("effort about 6/10", 6),
        ("a 7ish effort", 7),
    ],
)
def test_loose_ratings_are_read(text: str, rpe: int) -> None:
    assert read(f"run 40 min, {text}").rpe == rpe


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("an hour and three quarters", 105),
        ("an hour and a quarter", 75),
        ("two and a quarter hours", 135),
        ("45ish mins", 45),
        ("the best part of 5 hours", 300),
        ("hour and 20", 80),
    ],
)
def test_loose_durations_are_read(text: str, minutes: int) -> None:
    assert read(f"hike {text}").duration_min == minutes


@pytest.mark.parametrize(
    "text",
    [
        "hill repeats 8 x 30 sec on a 10% grade",
        "week 6 hill reps, 6 of them",
        "3 sets of 10 squats and step ups",
        "run-walk 5/3 x 6",
    ],
)
def test_numbers_that_are_neither_duration_nor_effort(text: str) -> None:
    reading = read(text)
    assert (reading.duration_min, reading.rpe) == (None, None)


# --- skips ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "never got out the door today, too much on",
        "work ate the evening",
        "didn't happen today",
        "ran out of time, no session",
        "gave the run a miss",
        "couldn't fit it in",
    ],
)
def test_skips_said_many_ways_are_skips(text: str) -> None:
    assert read(text).skipped


def test_a_rest_day_traded_for_a_run_is_a_run_not_a_skip() -> None:
    reading = read("swapped the rest day for a 30 min easy run")
    assert (reading.activity, reading.skipped) == (Activity.RUN, False)


def test_a_session_moved_to_another_day_is_not_a_skip() -> None:
    assert not read("moved the hike to sunday, weather").skipped


# --- illness -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "got a cold, taking today off",
        "running a temperature, staying in bed",
        "flu, nothing today",
        "chest infection, doctor says rest",
        "tested positive for covid",
        "feeling ill, no run",
    ],
)
def test_illness_is_read_and_the_day_is_rest(text: str) -> None:
    reading = read(text)
    assert (reading.illness, reading.activity, reading.skipped) == (True, Activity.REST, False)


def test_a_cold_morning_is_not_an_illness() -> None:
    assert not read("cold morning, 45 min run").illness


def test_a_day_ill_is_logged_as_rest_even_with_a_walk_in_it() -> None:
    reading = read("bit of a cold but did an easy 30 min walk")
    assert (reading.illness, reading.activity, reading.duration_min) == (True, Activity.REST, 30)


def test_someone_elses_illness_is_not_the_athletes() -> None:
    assert not read("husband's got covid so I ran on my own, 45 min").illness


def test_an_illness_that_is_over_is_not_read() -> None:
    assert not read("first run after the flu, 30 min easy").illness


def test_running_a_temperature_is_not_a_run() -> None:
    assert read("running a temperature today").activity == Activity.REST


# --- climb, pack, distance -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "metres"),
    [
        ("1,200 m up", 1200),
        ("4000 ft of gain", 1219),
        ("900m D+", 900),
        ("climbed 750 metres", 750),
        ("elevation gain 650m", 650),
        ("+1100m", 1100),
    ],
)
def test_climb_is_read_in_metres(text: str, metres: int) -> None:
    assert read(f"6 h hike, {text}").climb_m == metres


@pytest.mark.parametrize(
    ("text", "kg"),
    [("12 kg pack", 12.0), ("pack was 25 lb", 11.3), ("carrying 15kg", 15.0)],
)
def test_pack_weight_is_read_in_kilograms(text: str, kg: float) -> None:
    assert read(f"6 h hike, {text}").pack_kg == pytest.approx(kg, abs=0.05)


@pytest.mark.parametrize(
    ("text", "km"),
    [("14 km", 14.0), ("9 miles", 14.5), ("10k", 10.0), ("12.5km", 12.5)],
)
def test_distance_is_read_in_kilometres(text: str, km: float) -> None:
    assert read(f"hike, {text}").distance_km == pytest.approx(km, abs=0.05)


def test_a_pack_weight_is_not_a_distance() -> None:
    assert read("6 h hike, 12 kg pack").distance_km is None


def test_a_climb_is_not_a_distance() -> None:
    assert read("6 h hike, 900 m up").distance_km is None


def test_a_climb_in_metres_is_not_a_duration() -> None:
    assert read("hike, 900m up").duration_min is None


def test_the_json_shape_adds_the_new_fields_after_the_core_ones() -> None:
    assert list(read("2h hike").as_json()) == [
        "activity",
        "duration_min",
        "rpe",
        "hard",
        "pain",
        "skipped",
        "date",
        "illness",
        "cleared",
        "climb_m",
        "pack_kg",
        "distance_km",
    ]


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("tue run 45 z2", 45),
        ("done ✔️ 45", 45),
        ("did strength, 40, bit rushed", 40),
        ("ran the whole 45 pain-free", 45),
        ("run walk 45ish", 45),
    ],
)
def test_a_bare_number_beside_a_session_is_its_minutes(text: str, minutes: int) -> None:
    assert read(text).duration_min == minutes


@pytest.mark.parametrize(
    "text", ["hike done, 2027 was a good year", "run, week 12", "ran with 20 people"]
)
def test_a_bare_number_that_is_not_a_length_is_not_minutes(text: str) -> None:
    assert read(text).duration_min is None


def test_a_session_named_as_a_cause_is_not_the_session_reported() -> None:
    reading = read("achilles tight after yesterday's hill reps. resting today")
    assert (reading.activity, reading.date) == (Activity.REST, MONDAY)


def test_pain_long_ago_is_not_todays_pain() -> None:
    assert read("had shin splints in my twenties, nothing today. run walk 45").pain == []


def test_a_phones_knew_for_knee_is_read_as_the_knee() -> None:
    assert read("did 50 min easy, my knew is a bit sore").pain == [PainSite.KNEE]


@pytest.mark.parametrize("text", ["couldn't be arsed tbh. sofa won", "couldnt be bothered"])
def test_not_bothering_is_a_skip(text: str) -> None:
    assert read(text).skipped


def test_an_ordinal_rep_is_not_a_date() -> None:
    assert read("tweaked my hamstring on the 7th rep, stopped").date == MONDAY


def test_last_nights_session_was_yesterday() -> None:
    assert read("last nights run: 50 min").date == dt.date(2026, 12, 6)


def test_staying_in_a_heart_rate_zone_is_not_a_skip() -> None:
    assert not read("did 1h10 easy, HR stayed in z2 the whole way").skipped


def test_a_walk_on_the_long_hike_day_is_the_hike() -> None:
    assert in_plan("walked for about 5 hours with my full kit", SAT).activity == Activity.HIKE


def test_a_walk_on_the_long_hike_day_said_instead_stays_a_walk() -> None:
    assert in_plan("just a walk instead, 40 min", SAT).activity == Activity.WALK


def test_only_a_side_part_named_leaves_the_session_to_the_plan() -> None:
    reading = in_plan("something went in my calf 20 min in so walked home. 30 min in all", TUE)
    assert reading.activity == Activity.RUN


def test_a_session_traded_for_another_is_the_one_done() -> None:
    assert read("traded tomorrow's strength for a run today, 40 min").activity == Activity.RUN


def test_the_big_one_before_a_dash_is_not_the_start_of_a_range() -> None:
    assert read("did the big one - 7 hrs over the glyders").duration_min == 420


def test_and_a_bit_hours_are_the_whole_hours() -> None:
    assert read("hike, 6 and a bit hours").duration_min == 360


def test_a_parkrun_time_is_minutes_and_seconds_to_the_nearest_minute() -> None:
    assert read("parkrun this morning, 28:45").duration_min == 29


def test_a_skip_with_nothing_done_is_not_hard() -> None:
    assert not read("too knackered after work, gave it a miss").hard


@pytest.mark.parametrize("text", ["temp of 38.5 this morning", "full of cold but did 30 min"])
def test_more_ways_of_saying_ill(text: str) -> None:
    assert read(text).illness


def test_running_downhill_is_running() -> None:
    assert read("40 min running downhill mostly").activity == Activity.RUN


def test_a_climb_in_feet_written_with_an_apostrophe_is_read() -> None:
    assert read("18 mi, 5,500' of climbing, 9 hrs").climb_m == 1676


def test_a_weight_on_a_bar_is_not_a_pack() -> None:
    assert read("squats 3x10 with 20 kg, 35 min").pack_kg is None


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("no pain in the knee on the descents, first time in weeks", PainSite.KNEE),
        ("ankle is grand again", PainSite.ANKLE),
        ("shin's been grand all week", PainSite.SHIN),
    ],
)
def test_no_pain_told_as_a_change_clears_the_site(text: str, site: PainSite) -> None:
    assert read(f"run 40 min, {text}").cleared == [site]


def test_pain_free_for_the_first_time_is_a_generic_all_clear() -> None:
    assert read("ran 40 mins pain free for the first time in ages").pain_cleared


def test_no_pain_during_one_session_is_not_an_all_clear() -> None:
    reading = read("45 min run, no pain")
    assert (reading.pain_cleared, reading.cleared) == (False, [])


# --- the fresh tune set --------------------------------------------------------------------

TUNE_CASES = load_cases(TUNE)
# Each tune set and the score it reached when its floor was set, less a margin for small
# changes elsewhere: tune 169/170, tune2 152/160, tune3 (older hikers, non-native English,
# self-corrections) 150/160, tune4 (the first final set, retired to tuning) 160/170, tune5
# (US, Australian and teenage hikers, voice dictation, watch summaries) 159/170, tune6
# (first-time runners of 40-70, trek trainees, app summaries, fragments) 85/90, tune7
# (Canadian, Irish and South African hikers, shift workers, list-style reports) 84/90.
TUNE_FLOORS = {
    TUNE: 0.95,
    TUNE2: 0.91,
    TUNE3: 0.90,
    TUNE4: 0.91,
    TUNE5: 0.90,
    TUNE6: 0.88,
    TUNE7: 0.88,
    # Round 8's sets, at a few points under their scores when the floors were set.
    TUNE8: 0.90,
    TUNE9: 0.87,
    TUNE10: 0.90,
    TUNE11: 0.87,
    TUNE12: 0.82,
    TUNE13: 0.84,
    TUNE14: 0.90,
    # Round 9's.
    TUNE15: 0.91,
    TUNE16: 0.93,
    TUNE17: 0.90,
    TUNE18: 0.92,
    TUNE19: 0.90,
    TUNE20: 0.92,
    TUNE21: 0.91,
    TUNE22: 0.93,
    TUNE23: 0.91,
    TUNE24: 0.92,
    TUNE25: 0.93,
    TUNE26: 0.90,
    TUNE27: 0.93,
    TUNE28: 0.87,
    TUNE29: 0.94,
    TUNE30: 0.72,
    TUNE31: 0.92,
    TUNE32: 0.93,
    TUNE33: 0.94,
    TUNE34: 0.91,
    # Round 17's.
    TUNE35: 0.92,
    TUNE36: 0.89,
    TUNE37: 0.86,
    TUNE38: 0.90,
    TUNE39: 0.93,
    TUNE40: 0.95,
    TUNE41: 0.87,
    TUNE42: 0.92,
    TUNE43: 0.92,
    TUNE44: 0.88,
    TUNE45: 0.81,
    TUNE46: 0.88,
    TUNE47: 0.90,
    TUNE48: 0.93,
    TUNE49: 0.92,
    TUNE50: 0.89,
    TUNE51: 0.94,
    TUNE52: 0.84,
    TUNE53: 0.83,
    TUNE54: 0.85,
    TUNE55: 0.95,
    TUNE56: 0.91,
    TUNE57: 0.88,
    TUNE58: 0.83,
    TUNE59: 0.83,
    TUNE60: 0.86,
    TUNE61: 0.79,
    TUNE62: 0.96,
}


@pytest.mark.parametrize(
    ("path", "floor"),
    TUNE_FLOORS.items(),
    ids=[path.stem.removeprefix("checkins_") for path in TUNE_FLOORS],
)
def test_each_tune_set_is_read_right_above_its_floor(path: Path, floor: float) -> None:
    cases = load_cases(path)
    assert sum(not fresh_misses(case) for case in cases) / len(cases) >= floor


def test_the_tune_set_is_fresh_and_large_enough_to_score() -> None:
    assert len(TUNE_CASES) >= 150


def test_done_in_a_time_is_not_done_in() -> None:
    assert not read("tuesday run done in 47 minutes").hard


def test_minutes_written_as_m_after_a_number_are_minutes() -> None:
    assert read("strength 30m").duration_min == 30


def test_metres_of_a_repeat_are_not_minutes() -> None:
    assert read("6 x 400m repeats on the track").duration_min is None


def test_a_pain_only_bearable_is_still_a_pain() -> None:
    reading = read("achilles still a bit tight but ok to run, 40 min")
    assert (reading.pain, reading.cleared) == ([PainSite.ACHILLES], [])


def test_a_back_playing_up_is_back_pain() -> None:
    assert read("back's playing up again, skipped the run").pain == [PainSite.BACK]


def test_a_moment_in_a_session_is_not_its_length_but_tells_of_it() -> None:
    reading = in_plan("twisted my ankle on a root 10 min in, hobbled home", TUE)
    assert (reading.duration_min, reading.activity) == (None, Activity.RUN)


@pytest.mark.parametrize("text", ["ran 30 min, RPE 1e9", "ran 30 min rpe 15", "hike rpe 0"])
def test_a_rating_given_off_the_scale_is_not_read_as_one(text: str) -> None:
    reading = read(text)
    assert (reading.rpe, reading.rpe_off_scale) == (None, True)


def test_a_rating_of_more_than_ten_out_of_ten_is_hard_not_a_mistake() -> None:
    reading = read("run 40 min, 12/10")
    assert (reading.rpe, reading.hard, reading.rpe_off_scale) == (None, True, False)


@pytest.mark.parametrize("text", ["hike 30 hours", "ran 2000 min"])
def test_a_length_of_more_than_a_day_is_flagged_not_read(text: str) -> None:
    reading = read(text)
    assert (reading.duration_min, reading.over_a_day) == (None, True)


# --- the second tune set: words hikers use that now read right ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "long hike 6 hours, cream crackered",
        "hill reps done, legs like lead by the end",
        "turned back after 3 hours, nothing in the legs",
        "5 hrs in the heat with a full pack, I'm stuffed",
        "hill repeats were murder, 45 min",
        "run walk 40 min, I'm a puddle",
        "40 min run, my lungs have left my body",
        "nearly died on the last climb, 4 hours",
    ],
)
def test_worn_out_in_hikers_own_words_is_hard(text: str) -> None:
    assert read(text).hard


def test_stuffed_with_food_is_not_hard() -> None:
    assert not read("hiked 3 hours, stuffed my face at the cafe after").hard


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("feet are barking after the long hike", PainSite.FOOT),
        ("strength 30 min, knee felt a bit tweaky on the step ups", PainSite.KNEE),
        ("calves absolutely shredded after the descent", PainSite.CALF),
    ],
)
def test_barking_tweaky_and_shredded_are_pain(text: str, site: PainSite) -> None:
    assert read(text).pain == [site]


def test_a_named_condition_denied_is_no_pain() -> None:
    assert read("ran 40 mins, no shin splints this time").pain == []


def test_better_but_not_right_yet_is_still_a_pain() -> None:
    reading = read("calf's better but not right yet, kept the run to 30")
    assert (reading.pain, reading.cleared) == ([PainSite.CALF], [])


def test_fine_but_still_sore_is_still_a_pain() -> None:
    assert read("knee is fine but still a bit sore on the stairs").pain == [PainSite.KNEE]


def test_a_back_back_to_normal_clears_the_back() -> None:
    reading = read("strength 30 min, back is back to normal")
    assert (reading.cleared, reading.pain_cleared) == ([PainSite.BACK], False)


def test_a_pain_that_sorted_itself_out_clears_its_site() -> None:
    assert read("rest day. my ankle seems to have sorted itself out").cleared == [PainSite.ANKLE]


def test_no_more_niggles_is_a_generic_all_clear() -> None:
    assert read("easy run 40 min, no more niggles").pain_cleared


def test_whatever_was_sore_being_gone_is_a_generic_all_clear() -> None:
    reading = read("rest day, feet up. whatever was hurting is gone now")
    assert (reading.pain_cleared, reading.cleared) == (True, [])


def test_no_pain_for_the_first_time_in_a_while_clears_the_site() -> None:
    assert read("run walk 45 min, no knee pain which is a first").cleared == [PainSite.KNEE]


def test_a_watch_time_of_minutes_and_seconds_is_the_session_length() -> None:
    assert read("hill reps, watch says 52:10 total").duration_min == 52


def test_moving_time_wins_over_elapsed_time() -> None:
    assert read("moving time 38:40, elapsed 47:15").duration_min == 39


@pytest.mark.parametrize("text", ["hill reps, HR peaked 172", "easy run, HR 139, 5 km"])
def test_a_heart_rate_is_not_minutes(text: str) -> None:
    assert read(text).duration_min is None


def test_hour_or_so_is_an_hour() -> None:
    assert read("walk in the woods, hour or so").duration_min == 60


def test_a_load_carried_makes_an_outing_a_hike() -> None:
    assert read("did the coast section, 18 km, carried 10 kg").activity == Activity.HIKE


def test_sick_as_praise_is_not_illness() -> None:
    reading = read("the trail run today was sick, 50 min")
    assert (reading.illness, reading.activity) == (False, Activity.RUN)


def test_running_the_flats_and_walking_the_ups_on_a_run_day_is_the_run() -> None:
    assert (
        in_plan("ran the downhills walked the climbs forty minutes", TUE).activity == Activity.RUN
    )


def test_a_length_ending_its_sentence_does_not_time_the_next_session() -> None:
    reading = in_plan("did the easy run yesterday, 50 min. Today's strength is tonight", WED)
    assert (reading.activity, reading.date) == (Activity.RUN, TUE)


def test_a_day_still_to_come_is_not_the_checkins_date() -> None:
    assert in_plan("5 hours over the tops, never again (until tuesday)", SAT).date == SAT


def test_data_from_yesterday_is_dated_yesterday() -> None:
    assert in_plan("garmin data from yesterday: 6h10m, 900 m up", SUN).date == SAT


def test_a_bare_yes_to_the_reminder_is_the_planned_session_done() -> None:
    reading = in_plan("yes coach 💪", WED)
    assert (reading.activity, reading.skipped) == (Activity.STRENGTH, False)


def test_a_bare_nope_to_the_reminder_is_the_planned_session_skipped() -> None:
    reading = in_plan("nah sorry", TUE)
    assert (reading.activity, reading.skipped) == (Activity.RUN, True)


def test_a_bare_yes_on_a_rest_day_is_no_checkin() -> None:
    assert not in_plan("yes", FRI).recognised


def test_half_of_it_is_the_planned_session_done_in_part() -> None:
    reading = in_plan("did about half of it", THU)
    assert (reading.activity, reading.skipped) == (Activity.RUN, False)


def test_running_out_of_time_for_one_exercise_is_a_short_session_not_a_skip() -> None:
    reading = in_plan("did the squats and lunges, ran out of time for the step ups", WED)
    assert (reading.activity, reading.skipped) == (Activity.STRENGTH, False)


def test_running_out_of_time_for_the_session_is_still_a_skip() -> None:
    assert in_plan("ran out of time for the run", TUE).skipped


def test_intervals_of_so_many_off_are_no_plan_for_later() -> None:
    text = "run walk this evening five on three off for about forty minutes"
    assert read_message(text, TUE, PLAN).kind is MessageKind.CHECKIN


def test_signing_up_for_a_race_is_no_report() -> None:
    assert read_message("just signed up for a trail 10k in may!", TUE, PLAN).kind is not (
        MessageKind.CHECKIN
    )


@pytest.mark.parametrize("text", ["I have never run before", "never really ran, only hiked"])
def test_running_history_is_no_run(text: str) -> None:
    assert read(text).activity is not Activity.RUN


def test_a_run_told_after_running_history_is_still_the_run() -> None:
    reading = read("haven't run in years but did 40 min run walk today")
    assert (reading.activity, reading.duration_min) == (Activity.RUN, 40)


def test_a_bare_yes_or_nope_is_an_answer_and_a_sentence_is_not() -> None:
    assert is_bare_answer("nope") and is_bare_answer("Yes!")
    assert not is_bare_answer("no run today, work ran late")


# --- the third tune set: older hikers, non-native English, self-corrections ------------------


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("hiked 3 hours, no wait 4", 240),
        ("ran 35 min sorry 45", 45),
        ("strength 50, i mean 40 min", 40),
    ],
)
def test_a_self_corrected_length_reads_as_the_last_figure(text: str, minutes: int) -> None:
    assert read(text).duration_min == minutes


def test_a_self_correction_between_two_units_keeps_both_figures() -> None:
    reading = read("ran 8 km, no 50 min")
    assert (reading.distance_km, reading.duration_min) == (8.0, 50)


def test_one_and_half_hour_without_the_a_is_ninety_minutes() -> None:
    assert read("walked one and half hour by the river").duration_min == 90


def test_kaputt_is_worn_out() -> None:
    assert read("long hike 6 hours, totally kaputt").hard


def test_not_managing_anything_is_a_skip() -> None:
    assert read("didn't manage anything today, the kids were ill").skipped


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("sciatica flared up on the walk", PainSite.BACK),
        ("lumbar pain after the long hike", PainSite.BACK),
        ("medial tibial stress again, 20 min jog", PainSite.SHIN),
        ("patellofemoral pain on the way down", PainSite.KNEE),
    ],
)
def test_a_medical_name_for_a_pain_reports_its_site(text: str, site: PainSite) -> None:
    assert site in read(text).pain


def test_sinusitis_is_an_illness() -> None:
    assert read("sinusitis, staying in today").illness


def test_the_little_ones_temperature_is_not_the_athletes_illness() -> None:
    reading = read("missed the run, the little one had a temperature")
    assert (reading.illness, reading.skipped) == (False, True)


@pytest.mark.parametrize(
    "text",
    ["all my niggles are gone, 50 min run", "pain-free hike for the first time in a month"],
)
def test_niggles_gone_and_pain_free_for_the_first_time_are_all_clears(text: str) -> None:
    reading = read(text)
    assert reading.pain_cleared and not reading.pain


def test_no_pain_at_a_site_this_time_clears_it() -> None:
    assert read("no pain in the hip this time, 40 min").cleared == [PainSite.HIP]


def test_no_pain_at_all_for_the_first_time_is_an_all_clear() -> None:
    assert read("no pain at all today, first time in weeks. 45 min run").pain_cleared


def test_an_old_pain_said_to_be_healed_clears_its_site() -> None:
    reading = read("the calf strain from last month has healed, ran 40 min")
    assert (reading.pain, reading.cleared, reading.pain_cleared) == ([], [PainSite.CALF], False)


def test_tight_but_not_painful_is_no_pain() -> None:
    assert read("hamstring a little tight but not painful, 40 min run").pain == []


def test_tight_and_painful_is_still_pain() -> None:
    assert read("hamstring tight and painful, 40 min run").pain == [PainSite.HAMSTRING]


def test_a_high_rating_then_fine_after_keeps_the_rating_but_is_not_too_hard() -> None:
    reading = read("hill reps, 9/10, but i felt fine afterwards")
    assert (reading.rpe, reading.hard) == (9, False)


def test_a_bare_height_in_metres_beside_hours_is_the_climb_not_minutes() -> None:
    reading = read("5 hrs, 16 km, 1100 m")
    assert (reading.duration_min, reading.climb_m, reading.distance_km) == (300, 1100, 16.0)


def test_a_distance_told_as_a_moment_is_not_the_distance() -> None:
    assert read("calf went a couple of km in, walked home").distance_km is None


def test_a_day_named_after_a_cause_of_pain_is_not_the_session_day() -> None:
    reading = read("easy walk 40 min, back aching from lifting boxes yesterday")
    assert reading.date == MONDAY


def test_the_day_of_coming_back_is_not_the_session_day() -> None:
    assert read("no session today, visiting family. Back Friday.").date == MONDAY


def test_someone_elses_sport_is_not_the_athletes_session() -> None:
    assert in_plan("had to skip, daughter's tennis match all day", SAT).activity == Activity.HIKE


def test_on_a_sunday_no_hike_this_weekend_is_a_report() -> None:
    reading = read_message("no hike this weekend, had guests", SUN, PLAN)
    assert reading.kind is MessageKind.CHECKIN and reading.checkin.skipped


def test_several_days_read_as_the_latest_day() -> None:
    reading = in_plan("friday strength 30 min, saturday hike 5 hours, sunday walk 40 min", SUN)
    assert (reading.activity, reading.duration_min, reading.date) == (Activity.WALK, 40, SUN)


def test_pain_told_of_an_earlier_day_is_kept_when_several_days_are_told() -> None:
    reading = in_plan("tuesday run 30 min, knee sore. wednesday strength 40 min", WED)
    assert (reading.activity, reading.pain) == (Activity.STRENGTH, [PainSite.KNEE])


# --- round 4: behaviours read from the first final set, retired to tuning ------------------


def test_a_watch_time_of_minutes_and_seconds_over_24_is_minutes() -> None:
    assert in_plan("Tues run walk: 52:03, 6.1km, chatty pace", TUE).duration_min == 52


def test_a_watch_summary_in_hours_minutes_seconds_is_its_length() -> None:
    reading = in_plan("Outdoor Hike — 5:48:23 — 17.36 km — Elevation gain 1,162 m", SAT)
    assert (reading.duration_min, reading.distance_km) == (348, 17.4)


def test_an_hour_and_a_bit_without_an_article_is_an_hour() -> None:
    assert in_plan("hour and a bit on the trails, easy pace", TUE).duration_min == 60


def test_a_session_cut_short_is_not_skipped() -> None:
    assert not in_plan("hill reps: 6 of ~40s, bailed on the last 2, calf tight", THU).skipped


def test_a_session_stopped_part_way_with_its_length_is_not_skipped() -> None:
    assert not in_plan("bailed on the hike at 2hrs, quad cramp", SAT).skipped


def test_a_session_replaced_by_another_sport_is_skipped() -> None:
    reading = in_plan("Cycled to work and back instead of the run, 25 km", TUE)
    assert (reading.activity, reading.skipped) == (Activity.OTHER, True)


def test_a_run_instead_of_the_sunday_hike_is_the_plan_s_other_option() -> None:
    assert not in_plan("easy trail run instead of the hike, 60 min", SUN).skipped


def test_no_long_hike_with_a_run_done_instead_is_a_skipped_hike() -> None:
    reading = in_plan("no long hike this week, family thing. managed a parkrun, 27:14", SAT)
    assert (reading.activity, reading.skipped) == (Activity.RUN, True)


def test_cannot_run_today_is_a_skip() -> None:
    assert in_plan("cant run today, achilles is really sore even walking", TUE).skipped


def test_the_optional_walk_left_out_is_a_rest_day_not_a_skip() -> None:
    reading = in_plan("no walk today, just sofa and netflix", dt.date(2027, 1, 11))
    assert (reading.activity, reading.skipped) == (Activity.REST, False)


def test_tough_but_fine_is_not_too_hard() -> None:
    assert not in_plan("tough one but fine. 55 min easy trot", TUE).hard


def test_felt_like_death_is_too_hard_even_when_fine_now() -> None:
    assert in_plan("hill session 1:05, felt like death on the last 3 but fine now", THU).hard


def test_legs_still_cooked_from_an_earlier_day_do_not_make_today_hard() -> None:
    reading = in_plan("legs still cooked from saturday so a gentle 45 min walk", SUN)
    assert not reading.hard


def test_a_hard_word_about_yesterday_counts_for_yesterday_s_session() -> None:
    assert read("calves are wrecked after yesterday's trail run 1h").hard


def test_the_overall_rating_is_the_session_s() -> None:
    reading = in_plan("Hill repeats ✅ 10x20s. RPE 9 on the reps, 4 overall", THU_WEEK_9)
    assert (reading.rpe, reading.hard) == (4, False)


def test_walking_only_the_climbs_on_a_run_day_is_the_run() -> None:
    reading = in_plan("First ever continuous 60min!! only walked the big climb", TUE)
    assert reading.activity == Activity.RUN


def test_a_ten_miler_is_a_run_of_that_distance() -> None:
    reading = in_plan("cheeky 10 miler on the trails, 1:42:08, felt amazing", SUN)
    assert (reading.activity, reading.distance_km) == (Activity.RUN, 16.1)


def test_knees_achy_on_the_stairs_are_not_a_stairs_session() -> None:
    assert in_plan("morning walk 20 mins, knees a bit achy on the stairs", MONDAY).activity == (
        Activity.WALK
    )


def test_a_summit_s_height_is_not_the_climb() -> None:
    assert in_plan("Pen y Fan, 2h40 up and down, summit's 886m. pack ~7kg", SAT).climb_m is None


def test_a_back_really_hurting_is_back_pain() -> None:
    reading = in_plan("back was really hurting by hour 4, 5h total, 15kg", SAT)
    assert reading.pain == [PainSite.BACK]


def test_a_knee_that_ached_is_knee_pain() -> None:
    assert in_plan("1h10 trail run. knee ached on the downs", TUE).pain == [PainSite.KNEE]


def test_stopping_because_of_a_site_is_pain_there() -> None:
    assert in_plan("turned back after 15 min because of my knee", TUE).pain == [PainSite.KNEE]


def test_shin_splinty_is_shin_pain() -> None:
    assert in_plan("Been a bit shin-splinty. Did 40 min run walk", TUE).pain == [PainSite.SHIN]


def test_a_site_that_stopped_hurting_clears() -> None:
    assert in_plan("hip finally stopped hurting, did my run, 50min", TUE).cleared == [PainSite.HIP]


def test_a_site_good_as_new_clears() -> None:
    assert in_plan("1h20 easy run. ankle good as new", TUE).cleared == [PainSite.ANKLE]


def test_nothing_hurt_for_once_is_an_all_clear() -> None:
    assert in_plan("long hike done, 4h05. Nothing hurt for once!", SAT).pain_cleared


def test_sore_muscles_but_nothing_painful_is_no_pain() -> None:
    assert in_plan("Long hike 4:50. Sore calves but nothing painful", SAT).pain == []


def test_feeling_sick_during_a_completed_session_is_not_illness() -> None:
    reading = in_plan("Completed run-walk: 45min. Felt a bit sick on the walking bits", TUE)
    assert (reading.illness, reading.activity) == (False, Activity.RUN)


def test_gastro_is_illness() -> None:
    assert in_plan("crook as a dog mate, gastro. not doing anything today", TUE).illness


def test_a_session_named_for_later_is_not_the_one_skipped() -> None:
    reading = in_plan("Skipped, traveling for work, might try the hotel gym tomorrow", TUE)
    assert (reading.activity, reading.skipped) == (Activity.RUN, True)


def test_a_missed_session_made_up_today_is_that_session_today() -> None:
    reading = in_plan("Skipped tues run, did it today instead, 45 min", WED)
    assert (reading.activity, reading.date, reading.skipped) == (Activity.RUN, WED, False)


def test_the_tuesday_run_done_today_is_dated_today() -> None:
    reading = read_message("did the tuesday run today cos im busy tomorrow. 45 min", MONDAY, PLAN)
    assert (reading.kind, reading.checkin.date) == (MessageKind.CHECKIN, MONDAY)


def test_a_race_number_is_news_not_a_report() -> None:
    reading = read_message("Got my race number for the Skyline 25k in May!", TUE, PLAN)
    assert reading.kind is not MessageKind.CHECKIN


def test_a_bare_no_with_sorry_coach_is_a_bare_answer() -> None:
    assert is_bare_answer("Nope, sorry coach")


def test_an_illness_with_nothing_today_is_dated_today() -> None:
    reading = in_plan("got the lurgy. managed a 20 min walk yesterday but nothing today", THU)
    assert (reading.illness, reading.date, reading.duration_min) == (True, THU, None)


def test_the_earlier_days_of_a_report_of_several_days_are_read_too() -> None:
    [saturday] = read_earlier_days("sat 6h fell walk, sun skipped the recovery one", SUN, PLAN)
    assert (saturday.date, saturday.activity, saturday.duration_min) == (SAT, Activity.HIKE, 360)


def test_a_report_of_one_day_has_no_earlier_days() -> None:
    assert read_earlier_days("long hike 6h, 900m up", SAT, PLAN) == []


def test_pain_of_a_report_of_several_days_stays_with_the_latest_day() -> None:
    [tuesday] = read_earlier_days("tue run 40 min, knee sore. wed strength 30 min", WED, PLAN)
    assert tuesday.pain == []


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("50 min run, left glute is sore", PainSite.GLUTE),
        ("strained my groin on the descent, 40 min", PainSite.GROIN),
        ("big toe hurts after the downhill, 5h hike", PainSite.TOE),
        ("shoulders sore from the pack straps, 6h hike", PainSite.SHOULDER),
        ("neck is stiff and painful, 45 min run", PainSite.NECK),
    ],
)
def test_pain_at_the_sites_beyond_the_legs_is_told_apart(text: str, site: PainSite) -> None:
    assert read(text).pain == [site]


def test_a_trot_is_a_run() -> None:
    assert in_plan("easy 50 min trot, legs a bit heavy", SUN).activity == Activity.RUN


def test_just_under_the_hour_is_an_hour() -> None:
    assert in_plan("just under the hour on the trails", TUE).duration_min == 60


def test_a_site_named_bare_as_why_a_session_stopped_is_pain_there() -> None:
    assert in_plan("bailed after 15 min, calf", TUE).pain == [PainSite.CALF]


def test_too_wet_alone_is_a_skip() -> None:
    assert in_plan("nah, too wet", TUE).skipped


def test_too_wet_for_the_tops_is_no_skip_of_a_walk_done() -> None:
    assert not in_plan("too wet for the tops so 2h in the valley", SAT).skipped


def test_a_race_distance_beside_hours_of_climbing_is_a_hike() -> None:
    assert in_plan("15km and 800m up in 4:30", SAT).activity == Activity.HIKE


def test_a_rest_day_traded_for_a_swim_is_no_session_missed() -> None:
    assert not in_plan("went for a swim instead of resting, 30 min", FRI).skipped


def test_a_site_still_there_after_another_clears_is_still_pain() -> None:
    reading = in_plan("knee pain has gone but the achilles is still there, ran 30", TUE)
    assert (reading.pain, reading.cleared) == ([PainSite.ACHILLES], [PainSite.KNEE])


def test_a_pop_in_a_calf_is_calf_pain() -> None:
    assert in_plan("felt a pop in my calf at 20 min and limped home", TUE).pain == [PainSite.CALF]


def test_stopped_at_a_bare_number_is_the_minutes_it_lasted() -> None:
    assert in_plan("left knee niggle came back, stopped at 25", TUE).duration_min == 25


def test_took_about_a_bare_number_is_its_minutes() -> None:
    assert in_plan("did my run walk thing today took about 45 felt ok", TUE).duration_min == 45


def test_a_skip_in_non_native_english_is_a_skip() -> None:
    assert in_plan("Today I not run, I have work too much", TUE).skipped


# --- round 5: behaviours read from tune5 -------------------------------------------------


def test_elev_is_the_climb() -> None:
    assert in_plan("Trail Run · 6.4 km · 44:12 · Elev 95 m", TUE).climb_m == 95


def test_a_grazed_knee_and_shoulder_both_hurt() -> None:
    reading = in_plan("fell on a rock, grazed my knee and shoulder, both a bit sore. 45 min", TUE)
    assert sorted(reading.pain) == sorted([PainSite.KNEE, PainSite.SHOULDER])


def test_a_weight_for_step_downs_is_no_pack() -> None:
    assert in_plan("strength 35min, step downs w 10kg", WED).pack_kg is None


def test_no_hills_today_is_a_skipped_run() -> None:
    reading = in_plan("no hills today, my shin's been sore since Tuesday", THU)
    assert (reading.activity, reading.skipped) == (Activity.RUN, True)


def test_another_sport_instead_of_the_hills_is_a_skip() -> None:
    reading = in_plan("played 90 min of soccer instead of the hills", THU)
    assert (reading.activity, reading.skipped) == (Activity.OTHER, True)


def test_a_rest_day_taken_instead_of_a_session_is_a_skip() -> None:
    reading = in_plan("took a rest day instead of my run, just felt flat", TUE)
    assert (reading.activity, reading.skipped) == (Activity.REST, True)


def test_an_old_sprain_all_good_now_clears() -> None:
    reading = in_plan("rest day. the ankle I rolled last week is all good now", FRI)
    assert (reading.pain, reading.cleared) == ([], [PainSite.ANKLE])


def test_killed_my_toes_is_toe_pain() -> None:
    assert in_plan("Long hike 6 1/2 hrs. The descent killed my toes", SAT).pain == [PainSite.TOE]


def test_miles_before_the_number_is_a_distance() -> None:
    assert in_plan("long hike ✔️ 4h. Pack: 28 lb. Miles: 9.4", SAT).distance_km == 15.1


def test_nah_with_a_reason_is_a_skip() -> None:
    assert in_plan("nah mate, crook back, couldnt lift anything", WED).skipped


def test_a_session_stopped_at_a_time_for_a_site_is_pain_there() -> None:
    assert in_plan("cut the long hike at 3h, knee again.", SAT).pain == [PainSite.KNEE]


def test_a_day_an_injury_happened_is_not_the_day_of_a_skip() -> None:
    reading = in_plan("couldnt do hills, rolled my ankle on a kerb yesterday", THU)
    assert (reading.date, reading.skipped) == (THU, True)


def test_moving_time_after_the_clock_is_the_session() -> None:
    assert in_plan("Garmin says 47:18 moving, 58:40 elapsed", THU).duration_min == 47


def test_moving_time_named_later_is_the_session() -> None:
    reading = in_plan("12 x 40 sec, 50 min total incl warmup. moving time 41 min", THU)
    assert reading.duration_min == 41


def test_a_hip_flexor_sore_a_few_words_on_is_hip_pain() -> None:
    assert in_plan("hills 45 min. hip flexor on the right side is a bit sore", THU).pain == [
        PainSite.HIP
    ]


def test_achy_from_yesterday_s_session_dates_nothing() -> None:
    assert in_plan("Rested. Knee still a little achy from yesterday's hills", FRI).date == FRI


def test_days_ticked_off_read_as_several_days() -> None:
    reading = in_plan("wed: strength ✔ thu: hills ✔ 40min RPE 8", THU)
    assert (reading.activity, reading.date) == (Activity.RUN, THU)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("three hours fifty, 14 km", 230),
        ("two hours twenty on the hill", 140),
        ("hour fifteen", 75),
    ],
)
def test_hours_then_minutes_in_words(text: str, minutes: int) -> None:
    assert in_plan(text, SAT).duration_min == minutes


def test_a_pack_of_ten_and_a_half_kilos() -> None:
    assert in_plan("two hours on the hill, 10 and a half kilos", SAT).pack_kg == 10.5


@pytest.mark.parametrize("text", ["45", "yep 45", "done, 80"])
def test_a_reply_that_is_only_a_length_is_the_planned_session_s(text: str) -> None:
    assert in_plan(text, TUE).activity == Activity.RUN


def test_a_rested_latest_day_is_the_reading_and_its_planned_session_missed() -> None:
    reading = in_plan("Saturday 6 hr hike, 1450 m up. Today just rested, didn't bother", SUN)
    assert (reading.activity, reading.skipped, reading.date) == (Activity.HIKE, True, SUN)


def test_a_rest_day_taken_in_place_of_the_run_stays_a_rest_day() -> None:
    reading = in_plan("took a rest day instead of my run, just felt flat", TUE)
    assert (reading.activity, reading.skipped) == (Activity.REST, True)


def test_back_at_it_monday_dates_nothing() -> None:
    assert in_plan("missed the whole week, work trip 😩 back at it Monday", SUN).date == SUN


def test_done_on_the_rest_or_walk_day_is_the_walk() -> None:
    assert in_plan("done", dt.date(2027, 1, 11)).activity == Activity.WALK


def test_a_tender_site_now_beside_an_old_injury_is_pain() -> None:
    reading = in_plan("3 hours out. Ankle a bit tender where I rolled it last month", SAT)
    assert reading.pain == [PainSite.ANKLE]


def test_a_skip_followed_by_took_the_kids_is_still_a_skip() -> None:
    assert in_plan("no run, took the kids to the ER, my son broke his wrist", TUE).skipped


def test_hills_done_is_the_hill_session() -> None:
    reading = in_plan("Hills done, 40 minutes, 6/10. Went easier because Saturday's hike", THU)
    assert (reading.activity, reading.date) == (Activity.RUN, THU)


def test_fine_until_a_twinge_is_pain() -> None:
    reading = in_plan("easy run 65 min, hip was fine until the last 10 min then twinged", SUN)
    assert reading.pain == [PainSite.HIP]


def test_a_gym_that_was_shut_is_not_the_session_done() -> None:
    reading = in_plan("Gym was shut so I went for a 30 min walk round the block instead", WED)
    assert reading.activity == Activity.WALK


def test_a_bare_length_on_a_rest_day_is_not_read_as_the_rest() -> None:
    assert not in_plan("45", FRI).recognised


def test_two_parts_told_in_turn_add_up() -> None:
    assert in_plan("jogged 20 mins then walked 25 min", TUE).duration_min == 45


def test_a_second_part_told_without_its_unit_takes_the_first_ones() -> None:
    assert in_plan("jogged 20 mins then walked 25", TUE).duration_min == 45


def test_a_count_after_then_is_not_a_second_part() -> None:
    assert in_plan("ran 30 mins then 3 hill reps", TUE).duration_min == 30


def test_a_drive_to_the_trailhead_is_not_part_of_the_hike() -> None:
    assert in_plan("Drove 2 hrs to the trailhead, then 5 hrs on the hill", SAT).duration_min == 300


# --- round 6: behaviours read from tune6 -------------------------------------------------


def test_km_after_a_number_is_no_thousand_metres_of_climb() -> None:
    reading = in_plan("Hiking\nTime 6:12:04\nDistance 18.6 km\nTotal Ascent 3,150 ft", SAT)
    assert (reading.climb_m, reading.distance_km) == (960, 18.6)


def test_a_workout_time_does_not_make_a_run_strength() -> None:
    assert in_plan("Outdoor Run\n5.10 KM\nWorkout Time 0:41:10", TUE).activity == Activity.RUN


def test_a_metres_figure_then_elev_is_the_climb() -> None:
    assert in_plan("8.1 km · 54:10 moving · 140 m elev", TUE).climb_m == 140


def test_time_in_motion_is_the_session() -> None:
    assert in_plan("21.3 km, 5h41 in motion, 6h30 total, 1,020 m up", SAT).duration_min == 341


def test_a_length_told_as_its_own_fragment() -> None:
    assert in_plan("legs ok. 50. 6/10.", TUE).duration_min == 50


def test_a_day_mistaken_is_not_a_day_told() -> None:
    reading = in_plan(
        "Oops, did the hill reps today, thought it was Thursday. 6 reps, 40 mins.", TUE
    )
    assert (reading.date, reading.duration_min) == (TUE, 40)


def test_a_rating_range_before_effort() -> None:
    assert in_plan("long hike, total 2:40. 7-8 effort with the wind", SAT).rpe == 8


def test_a_rating_between_two_numbers_is_the_higher() -> None:
    assert in_plan("45 min run-walk. Somewhere between a 5 and a 6", TUE).rpe == 6


def test_couldnt_get_to_a_hill_is_a_skip_of_the_hill_session() -> None:
    reading = in_plan("Couldn't get to a hill so did stair repeats with 6kg, 30 min", THU)
    assert (reading.activity, reading.skipped) == (Activity.OTHER, True)


def test_never_felt_like_dying_is_not_too_hard() -> None:
    assert not in_plan("run-walk, 40 minutes. I never felt like I was dying", TUE).hard


def test_step_downs_off_the_bottom_stair_are_strength() -> None:
    reading = in_plan("split squats, step-downs off the bottom stair, RDLs. 25 min", WED)
    assert reading.activity == Activity.STRENGTH


def test_niggles_that_seem_to_have_gone_are_an_all_clear() -> None:
    assert in_plan("All the niggles seem to have gone! 60 min easy trail run", TUE).pain_cleared


def test_a_session_that_did_not_happen_gives_way_to_the_one_done() -> None:
    reading = in_plan("the long hike didn't happen, just managed a 30 min walk", SAT)
    assert (reading.activity, reading.skipped) == (Activity.WALK, True)


# --- round 7: behaviours read from tune7 -------------------------------------------------


def test_lh_is_the_long_hike_and_dates_its_day() -> None:
    [saturday] = read_earlier_days("Sat LH: 6h, 1400m up, destroyed. Sun: skipped", SUN, PLAN)
    assert (saturday.activity, saturday.duration_min) == (Activity.HIKE, 360)


def test_a_shift_that_ran_over_is_no_session_length() -> None:
    reading = in_plan("Didn't get to today's run, night shift ran over by 3 hrs", TUE)
    assert (reading.duration_min, reading.skipped) == (None, True)


def test_elapsed_before_a_moving_time_leaves_the_moving_time() -> None:
    assert in_plan("10.43 km, 1:04:37 elapsed, 58:12 moving", TUE).duration_min == 58


def test_a_knee_worse_and_sharp_is_knee_pain() -> None:
    assert in_plan("Step-ups made the left knee worse, sharp on the way down", WED).pain == [
        PainSite.KNEE
    ]


def test_no_time_on_the_watch_is_no_skip() -> None:
    assert not in_plan("Z2 run done. Forgot to start the watch so no time sorry", TUE).skipped


def test_walked_it_home_is_a_side_part_of_the_run() -> None:
    assert in_plan("Tweaked my groin 20 min in, walked it home. 35 min total", TUE).activity == (
        Activity.RUN
    )


def test_rolled_then_fine_now_clears() -> None:
    reading = in_plan("LH 4h40. Rolled my ankle once on the scree, it's fine now", SAT)
    assert (reading.pain, reading.cleared) == ([], [PainSite.ANKLE])


def test_a_whole_week_missed_names_no_session() -> None:
    assert in_plan("Missed the whole week, work was insane.", SUN).activity is None


def test_brutal_wind_is_no_hard_session() -> None:
    assert not in_plan("5h10 over the ridge, wind still brutal but legs felt strong", SAT).hard


def test_of_two_sessions_in_a_day_the_planned_one_is_reported() -> None:
    reading = in_plan("40 min walk with the dog this morning, then 25 min run after work", TUE)
    assert (reading.activity, reading.duration_min) == (Activity.RUN, 25)


def test_a_longer_extra_session_does_not_replace_the_strength_session() -> None:
    reading = in_plan("strength 30 min, also a 50 min walk", WED)
    assert (reading.activity, reading.duration_min, reading.skipped) == (
        Activity.STRENGTH,
        30,
        False,
    )


def test_a_bike_ride_besides_the_run_is_an_extra() -> None:
    reading = in_plan("easy run 35 min and a 60 min bike ride", TUE)
    assert (reading.activity, reading.duration_min) == (Activity.RUN, 35)


@pytest.mark.parametrize(
    "text",
    [
        "run done, 40 min, actually more like 50",
        "an hour, well, more like 50 min",
        "40 mins (actually 50, forgot the warm up)",
    ],
)
def test_a_length_taken_back_is_read_as_the_one_given_after(text: str) -> None:
    assert in_plan(text, TUE).duration_min == 50


def test_well_as_praise_takes_nothing_back() -> None:
    assert in_plan("did 40 min well happy with it", TUE).duration_min == 40


# --- round 8: behaviours read from tune8, tune9 and tune10 ------------------------------


@pytest.mark.parametrize(
    ("text", "day", "activity"),
    [
        ("couldn't face running so did 45 min on the bike instead", TUE, Activity.OTHER),
        ("no hill nearby so did 45 min of stairs with a 15 lb pack", THU, Activity.OTHER),
        ("just a walk today, 30 min, knee still dodgy", TUE, Activity.WALK),
        ("Sunday recovery: yoga 45 min instead", SUN, Activity.OTHER),
    ],
)
def test_something_else_in_place_of_the_planned_session_is_the_session_missed(
    text: str, day: dt.date, activity: Activity
) -> None:
    reading = in_plan(text, day)
    assert (reading.activity, reading.skipped) == (activity, True)


def test_another_days_session_done_today_is_not_a_skip() -> None:
    reading = in_plan("Did Tuesday's run today since yesterday was mental, 45 min", WED)
    assert (reading.activity, reading.skipped) == (Activity.RUN, False)


def test_a_recovery_walk_on_sunday_is_the_recovery_done() -> None:
    reading = in_plan("90 min recovery walk w/ friends, flat canal path", SUN)
    assert not reading.skipped


def test_a_rest_day_traded_for_a_run_is_not_a_skip() -> None:
    assert not in_plan("was meant to rest but went for a 5k shakeout jog, felt great", FRI).skipped


def test_pain_news_the_morning_after_leaves_the_hike_as_the_report() -> None:
    reading = in_plan(
        "Yesterday's long hike: 6h, 18km, 1100m gain, 12 kg pack. Absolutely flattened me. "
        "Left knee started aching on the descent and still sore this morning",
        SUN,
    )
    assert (reading.activity, reading.duration_min, reading.date, reading.hard) == (
        Activity.HIKE,
        360,
        SAT,
        True,
    )
    assert reading.pain == [PainSite.KNEE]


@pytest.mark.parametrize(
    "text",
    [
        "Helvellyn w/ 8kg, 6h40. Rained sideways, absolutely brutal weather but I felt great",
        "Ran 4 miles, 44 min. It was 95 degrees out, brutal heat, but effort felt like a 5",
        "Strength was rubbish, only did half because I was fried from work. 15 mins",
        "Did the long hike, 4 hrs, 7kg. The forecast for tomorrow was awful so went today",
    ],
)
def test_conditions_and_a_day_at_work_are_not_the_effort(text: str) -> None:
    assert not in_plan(text, SAT).hard


def test_the_toughest_day_ever_is_hard() -> None:
    text = "Long hike today: 18 mi, 8h15. Toughest day I've ever had on the hill"
    assert in_plan(text, SAT).hard


def test_the_planned_session_among_outings_at_other_times_is_the_report() -> None:
    reading = in_plan(
        "Went for a run in the morning, 7 km very easy, then strength in the evening 30'", WED
    )
    assert (reading.activity, reading.duration_min, reading.skipped) == (
        Activity.STRENGTH,
        30,
        False,
    )


def test_the_planned_sessions_own_length_is_kept_beside_a_later_dog_walk() -> None:
    text = "did strength this morning 30 min then walked the dog for 40 min this evening"
    assert in_plan(text, WED).duration_min == 30


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("hill reps, left calf tightened right up on rep 7 so stopped there. 35 mins", "calf"),
        ("hills cut short, 25 min. ankle went on a loose stone on rep 3, rolled it a bit",
         "ankle"),
        ("ran 30 min, then walked home the last 15 bc my achilles was talking to me",
         "achilles"),
        ("Ran 50 min easy. Toenail's gone black after Saturday's descents lol", "toe"),
        ("rode the bike 90 mins instead, hip didnt like walking", "hip"),
    ],
)  # fmt: skip
def test_pain_told_as_an_event_is_pain(text: str, site: str) -> None:
    assert PainSite(site) in in_plan(text, TUE).pain


def test_a_toenail_blackened_by_saturday_does_not_date_todays_run() -> None:
    reading = in_plan("Ran 50 min easy. Toenail's gone black after Saturday's descents lol", TUE)
    assert reading.date == TUE


def test_walking_home_the_last_part_adds_to_the_run() -> None:
    text = "ran 30 min, then walked home the last 15 bc my achilles was talking to me"
    assert in_plan(text, TUE).duration_min == 45


# --- round 9: behaviours read from tune11 ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kids both have a stomach bug, I've been up all night cleaning up sick. Didn't run",
        "Hubby has covid so I'm isolating but feel fine - did a 30 min bodyweight circuit",
        "Took today off, felt a bit run down, no fever or anything just tired",
    ],
)
def test_an_illness_not_the_athletes_own_is_no_sick_day(text: str) -> None:
    assert not in_plan(text, TUE).illness


def test_taking_today_off_is_the_session_skipped() -> None:
    reading = in_plan("Took today off, felt a bit run down, just tired", TUE)
    assert (reading.activity, reading.skipped) == (Activity.RUN, True)


@pytest.mark.parametrize(
    ("text", "rpe"),
    [("felt like a 6 maybe 7", 7), ("rpe 5 or 6", 6), ("effort a 6, maybe 40 min", 6)],
)
def test_an_effort_told_with_a_maybe_is_a_range(text: str, rpe: int) -> None:
    assert in_plan(text, TUE).rpe == rpe


def test_someone_elses_tiredness_is_not_the_effort() -> None:
    text = "Long one with the dog today. 4h, about 14 km. She was knackered, I was fine. rpe 5"
    assert not in_plan(text, SAT).hard


def test_the_day_a_report_is_sent_on_is_not_a_session_day() -> None:
    reading = in_plan(
        "Monday report for the weekend: sat did 18 miles, about 6 and a half hours. "
        "Sunday just an easy jog 40 min with the dog",
        SUN + dt.timedelta(days=1),
    )
    assert (reading.activity, reading.duration_min, reading.date) == (Activity.RUN, 40, SUN)


def test_hills_named_by_their_day_are_the_hill_session() -> None:
    text = "Moved thursday's hills to today cause of the storm. 6 x 30 sec, 40 min total"
    assert in_plan(text, FRI).activity == Activity.RUN


def test_clicking_told_as_no_pain_is_no_pain() -> None:
    text = (
        "Done, but my knee clicked a few times on the step-downs. No pain, just clicking. 35 min"
    )
    assert in_plan(text, WED).pain == []


# --- round 10: behaviours read from tune12 -----------------------------------------------


def test_dying_on_every_hill_is_hard() -> None:
    assert in_plan("long one done, 5h20 with 11kg. died on every hill lol but made it", SAT).hard


def test_a_bit_of_a_slog_is_not_too_hard() -> None:
    assert not in_plan("3h40 up and over, 9kg, bit of a slog in the bog but done", SAT).hard


@pytest.mark.parametrize(
    "text",
    [
        "hill walk intervals done, up and down the big hill 4 times, 55 minutes",
        "hill walking session done - up and down the steps x3, 50 mins",
    ],
)
def test_hill_walking_is_a_hike(text: str) -> None:
    assert in_plan(text, THU).activity == Activity.HIKE


def test_having_the_day_off_is_a_skip() -> None:
    reading = in_plan("today I'm having off, legs are fine just cba", TUE)
    assert (reading.activity, reading.skipped) == (Activity.RUN, True)


def test_something_off_with_a_site_is_pain() -> None:
    text = "run/walk 45 min. something's off with my left foot, a dull ache when I push off"
    assert in_plan(text, TUE).pain == [PainSite.FOOT]


def test_a_session_said_to_be_skipped_is_not_the_one_done() -> None:
    reading = in_plan("strength skipped. went climbing at the wall with Jo instead, 90 mins", WED)
    assert (reading.activity, reading.skipped) == (Activity.OTHER, True)


def test_soreness_of_the_normal_kind_is_no_pain() -> None:
    text = "6 rounds of 5/3, 48 min. calves screaming after but in a normal way"
    assert in_plan(text, TUE).pain == []


def test_normal_soreness_beside_a_real_pain_keeps_the_pain() -> None:
    assert in_plan("knee hurt and calves sore in a normal way", TUE).pain == [PainSite.KNEE]


def test_a_watch_time_beside_a_distance_is_the_length() -> None:
    assert in_plan("run ✔ 60:00 / 10.4 km / avg HR 142 / elev 180m", TUE).duration_min == 60


def test_a_pace_is_not_a_length() -> None:
    assert in_plan("ran 5k at 5:30 / km pace", TUE).duration_min is None


@pytest.mark.parametrize(
    "text",
    [
        "Thursday hills: no. Mum's in hospital, spent the day there",
        "didn't make the long hike, kid's birthday party all day, will try tomorrow",
    ],
)
def test_a_session_answered_no_or_not_made_is_skipped(text: str) -> None:
    assert in_plan(text, THU).skipped


def test_a_friends_bad_knee_is_not_the_athletes_pain() -> None:
    text = "Recovery hike, 75 min. Mate who came along has a dodgy knee so we kept it slow"
    assert in_plan(text, SUN).pain == []


def test_a_niggle_said_to_have_settled_is_no_pain_today() -> None:
    reading = in_plan("Day off. Hamstring niggle from yesterday's run has settled completely", FRI)
    assert (reading.pain, reading.date, reading.skipped) == ([], FRI, False)


def test_a_session_made_up_this_morning_is_dated_today() -> None:
    text = "Yesterday's run got rained off so did it this morning instead, 45 mins easy"
    assert in_plan(text, WED).date == WED


def test_a_flat_recovery_walk_on_sunday_is_a_walk_that_counts() -> None:
    reading = in_plan("sun: 90 min recovery walk w/ friends, flat canal path", SUN)
    assert (reading.activity, reading.skipped) == (Activity.WALK, False)


def test_walking_the_run_is_a_walk_in_its_place() -> None:
    text = "walked the run today - shin felt off so I didn't risk it. 45 min brisk walk"
    reading = in_plan(text, TUE)
    assert (reading.activity, reading.skipped) == (Activity.WALK, True)


def test_feet_worn_by_blisters_are_neither_pain_nor_effort() -> None:
    reading = in_plan("Long one, 5h20, 9kg. Knees fine, feet are toast from blisters", SAT)
    assert (reading.pain, reading.hard) == ([], False)


# --- round 11: behaviours read from tune13 and tune14 ------------------------------------


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("5h20 with 14kg. Arch of my right foot started burning on the descent", "foot"),
        ("Tuesday thing done, 48 min. felt a pinch in the groin on the little climb", "groin"),
        ("hill reps, 45 min. something went ping in my left calf on rep 7", "calf"),
        ("Instep on the left foot went tender where the laces press", "foot"),
        ("40 min on the trails. right toes went numb-ish then burning near the end", "toe"),
        ("Easy run 60min. my left hip flexor is burning when I lift the knee", "hip"),
    ],
)
def test_a_sensation_at_a_site_is_pain(text: str, site: str) -> None:
    assert PainSite(site) in in_plan(text, TUE).pain


def test_burning_in_a_working_muscle_is_effort_not_pain() -> None:
    assert in_plan("hill reps done, calves burning on the climbs, 40 min", THU).pain == []


@pytest.mark.parametrize(
    "text",
    [
        "weekend: sun 1h easy trot along the river. all good, only the usual tight calves",
        "long hike done, 5 hrs. My friend had to turn back at the col with a sore knee",
        "rest day. old achilles niggle from 2023 hasn't come back at all, touch wood",
        "Tripped on Friday and tweaked my groin, but it was completely fine by yesterday morning",
    ],
)
def test_usual_tightness_anothers_knee_an_old_niggle_or_a_cleared_tweak_is_no_pain(
    text: str,
) -> None:
    assert in_plan(text, SUN).pain == []


@pytest.mark.parametrize(
    "text",
    [
        "up and down the stairs at work at lunch instead of the hill walk, 20 mins",
        "no long hike, rain all day. did 45 min up and down the stairs with a rucksack",
    ],
)
def test_stairs_are_cross_training(text: str) -> None:
    assert in_plan(text, THU).activity == Activity.OTHER


def test_stairs_named_in_passing_are_no_session() -> None:
    text = "Strength done at home, squats and step-ups on the stairs. Half an hour-ish"
    assert in_plan(text, WED).activity == Activity.STRENGTH


@pytest.mark.parametrize(
    "text",
    [
        "Tuesday thing done, 48 min. felt a pinch on the climb, walked it off",
        "5/3 x 6. 48min. sole of my foot hurt, still feel it walking around the office",
    ],
)
def test_walking_it_off_or_round_the_office_is_no_walk(text: str) -> None:
    assert in_plan(text, TUE).activity == Activity.RUN


def test_dead_bugs_are_an_exercise_not_an_effort() -> None:
    assert not in_plan("legs n core 30 min, swapped the leg raises for dead bugs", WED).hard


def test_someone_elses_struggle_is_not_the_effort() -> None:
    text = "easy walk round the park with my mum, 35 min. she's struggling with her hip"
    assert not in_plan(text, TUE - dt.timedelta(days=1)).hard


def test_a_whole_told_after_its_parts_is_the_length() -> None:
    text = "tried the five minute run three minute walk thing forty minutes total"
    assert in_plan(text, TUE).duration_min == 40


def test_minutes_each_way_count_twice() -> None:
    assert (
        in_plan(
            "walked to work and back, 25 min each way", TUE - dt.timedelta(days=1)
        ).duration_min
        == 50
    )


def test_a_day_named_in_a_since_clause_is_the_cause() -> None:
    text = "Skipped. Lower back has been grumbling since I lifted the kids' bike in on sunday"
    reading = in_plan(text, TUE)
    assert (reading.date, reading.activity) == (TUE, Activity.RUN)


def test_a_fever_last_night_and_staying_in_bed_is_todays_sick_day() -> None:
    reading = in_plan("Fever last night 38.4, aching everywhere, staying in bed", THU)
    assert (reading.illness, reading.date) == (True, THU)


def test_a_spin_class_in_place_of_the_hills_is_the_session_missed() -> None:
    reading = in_plan(
        "Too wet for the hill intervals so I did 40 min on the spin bike instead", THU
    )
    assert (reading.activity, reading.skipped) == (Activity.OTHER, True)


def test_hill_walking_instead_of_running_on_the_walking_thursday_is_done() -> None:
    reading = in_plan("Did hill walking today instead of running - 50 min up and down. 6/10", THU)
    assert (reading.activity, reading.skipped) == (Activity.HIKE, False)


# --- round 9 -------------------------------------------------------------------------------


def test_a_heart_rate_beside_hr_maxed_is_no_length() -> None:
    assert read("hills done. 8x45s. HR maxed 178. rpe 8").duration_min is None


def test_a_site_named_as_why_a_session_was_skipped_is_pain() -> None:
    assert in_plan("thurs hills skipped, knee", THU).pain == [PainSite.KNEE]


def test_moving_time_beats_elapsed_time_in_hours_minutes_and_seconds() -> None:
    reading = read("Elapsed Time 6:10:04\nMoving Time 5:21:47\nDistance 21.6 km")
    assert reading.duration_min == 321


def test_a_weekday_before_a_distance_dates_the_report() -> None:
    assert in_plan("sat 15 mi 4k ft 30lb, wrecked.", SUN).date == SAT


def test_a_sofa_day_of_doing_absolutely_nothing_is_rest() -> None:
    assert read("sofa day. did absolutely nothing and it was glorious").activity == Activity.REST


def test_quite_exhausting_but_ok_is_not_too_hard() -> None:
    assert not read("long hike, 5 hours. It was quite exhausting but ok.").hard


def test_dictated_achilles_is_the_achilles() -> None:
    reading = read("easy run forty five minutes my a kill ease was a bit sore")
    assert reading.pain == [PainSite.ACHILLES]


def test_both_quads_sore_from_an_earlier_hike_are_its_soreness() -> None:
    assert read("quads are sore from saturday but otherwise ok. easy 45 run done").pain == []


def test_one_glute_still_sore_from_an_earlier_day_is_pain() -> None:
    assert read("Rest day, glute still sore from Thursday").pain == [PainSite.GLUTE]


def test_a_spelled_out_rpe_and_hamstring_from_dictation_are_read() -> None:
    reading = read("hill repeats done forty minutes r p e eight my ham string twinged")
    assert (reading.rpe, reading.pain) == (8, [PainSite.HAMSTRING])


def test_the_last_sunday_of_the_plan_is_today() -> None:
    assert in_plan("last sunday of the plan!! easy 60 min trail run", SUN).date == SUN


def test_a_knee_paining_during_step_ups_is_pain() -> None:
    assert read("Strength 40 mins. Knee paining slightly during step-ups.").pain == [PainSite.KNEE]


def test_an_it_band_making_noises_is_pain() -> None:
    assert read("hills, 45 min. my IT band is making noises").pain == [PainSite.IT_BAND]


def test_a_bug_going_round_that_the_athlete_caught_is_illness() -> None:
    assert read(
        "there's a bug going round the office and guess who caught it, staying home"
    ).illness


def test_a_session_moved_in_the_present_tense_is_moved() -> None:
    reading = in_plan("I move the long hike to Sunday because of the rain", SAT)
    assert not reading.skipped


def test_running_hours_late_and_hours_to_get_home_are_no_session() -> None:
    reading = in_plan(
        "no chance today. Train cancelled, two and a half hours to get home. Off to bed", THU
    )
    assert (reading.duration_min, reading.skipped) == (None, True)


def test_hours_of_babysitting_on_a_rest_day_are_no_session() -> None:
    assert in_plan("Rested. Well, babysat twin toddlers for 6 hours", FRI).duration_min is None


def test_a_cycle_on_the_trainer_keeps_its_length() -> None:
    reading = read("knee sore so I cycled 60 min on the trainer instead of the run")
    assert reading.duration_min == 60


def test_three_and_three_quarter_hours_is_225_minutes() -> None:
    assert read("Long walk in the hills, 3 and three quarter hours").duration_min == 225


def test_an_easy_hour_walking_not_running_is_a_walk_of_an_hour() -> None:
    reading = read("Easy hour on the canal towpath, walking, not running")
    assert (reading.activity, reading.duration_min) == (Activity.WALK, 60)


def test_not_a_bad_run_is_a_run() -> None:
    assert read("not a bad run today 40 min").activity == Activity.RUN


def test_knee_that_was_sore_on_saturday_and_is_fine_now_is_cleared() -> None:
    reading = read("Monday rest. The knee that was sore on Saturday is fine now")
    assert (reading.pain, reading.cleared) == ([], [PainSite.KNEE])


def test_an_ankle_turned_last_week_that_is_still_aching_is_pain() -> None:
    reading = read("Recovery hike 90 min. The left ankle I turned last week is still aching")
    assert reading.pain == [PainSite.ANKLE]


def test_pain_started_on_the_day_beside_an_old_story_is_pain() -> None:
    reading = read(
        "The outside of my right knee started hurting at about 4 hours, it's that band the "
        "physio told me about years ago"
    )
    assert reading.pain == [PainSite.IT_BAND]


def test_her_dodgy_hamstring_is_not_the_athletes() -> None:
    assert read("easy run 55 min. She's got a dodgy hamstring so we kept it gentle").pain == []


def test_a_back_that_does_not_like_squats_is_pain() -> None:
    assert read("My back doesn't like the squats much").pain == [PainSite.BACK]


def test_a_calf_that_went_is_pain() -> None:
    assert read("About 25 min in my left calf went, like someone flicked it").pain == [
        PainSite.CALF
    ]


def test_the_swim_done_instead_of_strength_is_the_session_and_strength_missed() -> None:
    reading = in_plan("No strength today, I did a swim instead, 40 mins. Squats hurt my back", WED)
    assert (reading.activity, reading.skipped) == (Activity.OTHER, True)


def test_a_jog_instead_of_the_sunday_hike_is_the_sunday_done() -> None:
    reading = in_plan("Did a gentle jog instead of the hike, half an hour. Far too windy", SUN)
    assert (reading.activity, reading.skipped) == (Activity.RUN, False)


def test_digging_in_the_garden_instead_of_a_run_is_other() -> None:
    reading = in_plan(
        "Didn't run today. Spent the afternoon digging out hedge roots, 3 hours", TUE
    )
    assert (reading.activity, reading.skipped) == (Activity.OTHER, True)


def test_stiffness_that_went_once_warmed_up_is_no_pain() -> None:
    reading = read("45 min easy run. Bit stiff in the lower back, went once I'd warmed up")
    assert reading.pain == []


def test_stiffness_told_as_normal_is_no_pain() -> None:
    assert (
        read("leg exercises 30 mins. Thighs a bit stiff now but I think that's normal").pain == []
    )


def test_hard_but_fine_is_not_too_hard() -> None:
    assert not read("Did them, about 35 min, it was hard but fine.").hard


def test_a_rest_day_with_pain_this_evening_stays_the_rest_day() -> None:
    reading = in_plan("Rest day. heel throbbing this evening, from yesterday's intervals", FRI)
    assert (reading.activity, reading.pain) == (Activity.REST, [PainSite.FOOT])


def test_today_nothing_too_stiff_is_the_sunday_missed() -> None:
    reading = in_plan("Yesterday was Mount Si, 5h. Today nothing, too stiff", SUN)
    assert (reading.date, reading.skipped, reading.duration_min) == (SUN, True, None)


def test_pain_taken_back_in_the_same_sentence_is_no_pain() -> None:
    reading = read("calves were screaming on the last descent but no actual pain, just knackered")
    assert reading.pain == []


def test_no_pain_in_a_named_site_still_names_it_cleared_not_painful() -> None:
    assert PainSite.HIP not in read("knee sore but no pain in the hip").pain


def test_a_planned_length_is_not_the_length_done() -> None:
    assert read("Planned 6 hrs, bailed at 4h30 in sideways rain").duration_min == 270


def test_running_on_empty_is_no_run() -> None:
    assert in_plan("long one: 5 hrs, 10kg. the last hour flattened me, running on empty", SAT) == (
        in_plan("long one: 5 hrs, 10kg. the last hour flattened me", SAT)
    )


def test_not_getting_the_long_hike_in_is_a_skip() -> None:
    assert in_plan("didn't get the long hike in, kids party all day", SAT).skipped


def test_a_hedged_figure_after_a_feeling_is_the_rpe() -> None:
    assert read("got out. 1h05. felt sluggish, maybe 7").rpe == 7


def test_a_second_part_after_a_plus_adds_its_minutes() -> None:
    assert read("leg day 40 mins + 10 core").duration_min == 50


def test_days_listed_without_commas_read_as_the_latest() -> None:
    assert in_plan("mon rest tue run 10k 62min", TUE).date == TUE


def test_a_day_compared_with_is_not_the_day_told() -> None:
    reading = in_plan("Run walk intervals, 50 mins. Harder than tue but ok, 6/10", THU)
    assert reading.date == THU


def test_soreness_from_the_pack_yesterday_dates_nothing() -> None:
    assert in_plan(
        "recovery hike, 1h20, shoulder still achy from the pack yesterday", SUN
    ).date == (SUN)


def test_an_achilles_that_said_no_is_pain() -> None:
    assert read("mostly did it, 5 of the 8 hill reps then my achilles said no").pain == [
        PainSite.ACHILLES
    ]


def test_a_wife_with_flu_is_no_sick_day() -> None:
    assert not read("did 4 hours instead of the 6, wifes got flu").illness


def test_minutes_on_the_stairs_with_a_pack_are_cross_training() -> None:
    assert in_plan("nah, raining so I did 45 min on the stairs with my pack", THU).activity == (
        Activity.OTHER
    )


def test_the_fourth_rep_is_not_the_fourth_of_the_month() -> None:
    reading = in_plan("only did 4 of the 8 hill repeats. hamstring twinged on the 4th", THU)
    assert reading.date == THU


def test_a_walk_with_the_pack_on_is_a_hike() -> None:
    assert read("did a 40 min walk round the park with the pack on").activity == Activity.HIKE


def test_a_trip_pretended_is_not_where_the_run_was() -> None:
    reading = in_plan("Easy run round the reservoir (pretending it's the Camino lol) 55 min", TUE)
    assert reading.activity == Activity.RUN


def test_the_right_one_of_a_pair_is_that_site() -> None:
    reading = read("Knees were ok going up but the right one hurt coming down")
    assert reading.pain == [PainSite.KNEE]


def test_an_aside_naming_the_site_again_keeps_its_pain() -> None:
    assert read("my right knee (same knee as before) ached on the descents").pain == [
        PainSite.KNEE
    ]


def test_what_was_planned_and_what_was_done_reads_as_done() -> None:
    assert read("cut the long one short, planned 4h did 2h40, rain").duration_min == 160


def test_screaming_calves_are_effort_not_pain() -> None:
    reading = read("long one, 5 hours 15, calves were screaming on the last climb but all good")
    assert reading.pain == []


def test_a_hip_that_feels_off_is_pain_even_when_not_pain_exactly() -> None:
    reading = read("squats 35 min. something feels off in my right hip, not pain exactly")
    assert reading.pain == [PainSite.HIP]


def test_a_shin_at_me_is_pain() -> None:
    assert read("no run today, shin was at me so did 30 min swim instead").pain == [PainSite.SHIN]


@pytest.mark.parametrize(
    "text",
    [
        "legs still fried from saturday so I left the hills alone today",
        "ran 0 minutes today. not proud.",
        "didn't get the long hike done today at all, the car wouldn't start",
    ],
)
def test_skips_told_sideways_are_skips(text: str) -> None:
    assert in_plan(text, THU).skipped


def test_a_run_that_never_happened_yesterday_is_a_skip_of_it() -> None:
    reading = in_plan("yesterday's run never happened, both kids were off sick", WED)
    assert (reading.date, reading.skipped) == (TUE, True)


def test_a_weekday_with_nothing_is_that_days_session_missed() -> None:
    reading = in_plan("weekend update: sat long hike 4h with the pack, sunday nothing", SUN)
    assert reading.skipped


def test_basically_swimming_in_humidity_is_no_swim() -> None:
    reading = in_plan(
        "tuesday's done, 45 min easy on the river trail, so humid i was basically swimming", TUE
    )
    assert reading.activity == Activity.RUN


def test_heaps_of_stairs_on_a_pack_hike_keep_it_a_hike() -> None:
    reading = in_plan(
        "did the Blue Mountains loop, about 5 and a half hours with 12kg in the pack, heaps of "
        "stairs",
        SAT,
    )
    assert (reading.activity, reading.skipped) == (Activity.HIKE, False)


def test_tight_not_painful_just_tight_is_no_pain() -> None:
    assert read("easy run 50 mins. hamstring felt a bit tight? not painful just tight").pain == []


def test_lifting_boxes_is_no_strength_session() -> None:
    assert read("helped my sister move, probably 3 hrs of lifting boxes").activity != (
        Activity.STRENGTH
    )


def test_legs_finished_is_hard() -> None:
    assert read("Hill repeats 10 x 40s, was absolutely klaar by the end, legs finished").hard


def test_an_hour_on_the_phone_is_no_session() -> None:
    reading = read("kettlebell 25 min maybe, then my mother rang for an hour")
    assert reading.duration_min == 25


def test_an_ankle_rolled_but_ok_now_is_cleared() -> None:
    reading = read("Rolled my right ankle a bit on Sat on a root but it's ok now")
    assert (reading.pain, reading.cleared) == ([], [PainSite.ANKLE])


@pytest.mark.parametrize(
    "text",
    [
        "first proper continuous run, 45 mins. avg 152 bpm, pace 7:40",
        "Z2 run 45min. avg pace 6:20/km. in week 5 the same loop was 7:05 at 145",
    ],
)
def test_a_pace_is_not_the_length(text: str) -> None:
    assert in_plan(text, TUE).duration_min == 45


def test_minutes_and_seconds_round_to_the_nearest_minute() -> None:
    assert read("Tuesday: 48:30, 7.6km, avg HR 144").duration_min == 49


def test_figures_listed_with_slashes_keep_the_length() -> None:
    assert read("7h20 / 26.8km / 1540m+ / 15kg. rpe 9").duration_min == 440


def test_skipping_hills_for_an_easy_run_is_the_hill_session_missed() -> None:
    reading = in_plan("skipped hills, ran easy 40 min instead cos legs were dead", THU_WEEK_9)
    assert (reading.activity, reading.skipped) == (Activity.RUN, True)


def test_a_rest_day_has_no_session_length() -> None:
    reading = in_plan("It's Friday so I rested, although I did walk to the shops (10 min)", FRI)
    assert (reading.activity, reading.duration_min) == (Activity.REST, None)


def test_blistered_feet_are_not_pain() -> None:
    assert read("Saturday hike done, 6h on the ridge. feet a bit blistered").pain == []


def test_tightness_fine_after_ten_minutes_is_no_pain() -> None:
    assert (
        read("easy run-walk 30 mins. Shins a bit tight at the start but fine after 10 mins").pain
        == []
    )


def test_knees_sore_but_not_painful_are_no_pain() -> None:
    assert (
        read("3h30 hike. Knees a bit sore coming down but not painful, if that makes sense").pain
        == []
    )


def test_knees_that_clicked_but_didnt_hurt_are_no_pain() -> None:
    assert (
        read("Did the first run-walk. 40 min. My knees clicked a lot but didn't hurt").pain == []
    )


def test_sore_last_night_but_fine_this_morning_is_cleared() -> None:
    reading = read(
        "Rest today. Knee was sore last night after the intervals but it's fine this morning"
    )
    assert (reading.pain, reading.cleared) == ([], [PainSite.KNEE])


def test_a_walk_round_the_flat_bit_of_the_park_is_a_walk() -> None:
    reading = in_plan(
        "couldn't face running so I walked round the flat bit of the park for 45 min instead", THU
    )
    assert reading.activity == Activity.WALK


def test_hurting_from_yesterdays_run_dates_todays_strength() -> None:
    reading = in_plan(
        "Strength done but everything hurts from yesterday's run lol. 25 minutes", WED
    )
    assert (reading.date, reading.skipped) == (WED, False)


def test_tomorrows_run_is_not_todays_session() -> None:
    reading = in_plan(
        "gentle 30 min walk with the dog. Nervous about tomorrow's 'run'", dt.date(2027, 1, 4)
    )
    assert reading.activity == Activity.WALK


def test_hard_work_in_the_sand_is_not_too_hard() -> None:
    assert not read("run/walk, 40 mins along the beach path. Sand is hard work!").hard


def test_nothing_left_in_the_tank_today_is_no_skip() -> None:
    reading = in_plan("5h45 w 12kg, 1100m. brutal for me today, nothing left in the tank", SAT)
    assert (reading.activity, reading.skipped, reading.hard) == (Activity.HIKE, False, True)


def test_a_rest_day_moved_to_today_is_no_skip() -> None:
    reading = in_plan(
        "Moved my rest day to today, legs were dead after Tuesday. Hills tomorrow", WED
    )
    assert (reading.activity, reading.skipped) == (Activity.REST, False)


def test_strength_instead_of_the_run_because_of_the_football_is_strength() -> None:
    reading = in_plan(
        "did strength last night instead of my run cos of the football - 35 min", WED
    )
    assert reading.activity == Activity.STRENGTH


def test_a_partner_who_struggled_is_not_the_athletes_effort() -> None:
    assert not read("Went with hubby - he struggled, his back's bad - 5h, about 12 miles").hard


def test_a_day_and_today_told_together_read_as_today() -> None:
    reading = in_plan(
        "hi coach, Sat was 3.5 hrs and today recovery walk 40min round the park", SUN
    )
    assert (reading.date, reading.duration_min) == (SUN, 40)


def test_never_above_a_six_is_the_rpe() -> None:
    assert read("the big one, 17km, 1000m up, 6h10. comfy pace, never above a 6").rpe == 6


def test_a_hip_that_was_bugging_me_and_is_fine_is_no_pain() -> None:
    reading = read("Long hike 4h with 8kg, the hip that was bugging me last week was totally fine")
    assert reading.pain == []


def test_hiking_the_hill_repeats_instead_of_running_them_misses_them() -> None:
    reading = in_plan(
        "instead of running the hills I hiked them with 15kg, 1h, 500m up", THU_WEEK_9
    )
    assert reading.skipped


def test_a_plain_walk_on_the_recovery_day_is_a_walk_that_counts() -> None:
    reading = in_plan("just a gentle walk w the dog today, hour or so", SUN)
    assert (reading.activity, reading.skipped) == (Activity.WALK, False)


def test_a_recovery_walk_up_the_hill_is_the_recovery_hike() -> None:
    assert in_plan("recovery walk up the hill behind the house, hour or so", SUN).activity == (
        Activity.HIKE
    )


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("easy run 50min, the knee being weird again tho, not sore exactly", PainSite.KNEE),
        ("long one 18km 4h45 w/ pack ~12kg. ankle meh on the descent", PainSite.ANKLE),
        ("I noticed a pulling sensation in my right hamstring on the 9th rep", PainSite.HAMSTRING),
        ("My left shoulder was a touch sore holding the kettlebell", PainSite.SHOULDER),
        ("My right knee gave a twinge at the bottom of the long descent", PainSite.KNEE),
    ],
)
def test_complaints_in_everyday_words_are_pain(text: str, site: PainSite) -> None:
    assert read(text).pain == [site]


@pytest.mark.parametrize(
    "text",
    [
        "did 22k, 5hrs. feet are toast lol, blisters on both heels",
        "Everything felt good: no knee, shin or Achilles issues at all",
        "Nothing hurts. The shin problem I had in week 5 has not come back.",
        "Calves tight afterwards, the usual.",
        "Nothing hurts today, and the hamstring tightness I mentioned on Saturday has gone.",
        "My lower back is a little stiff after Saturday's walk, but there is no pain as such.",
    ],
)
def test_complaints_denied_worn_off_or_usual_are_no_pain(text: str) -> None:
    assert read(text).pain == []


def test_a_knee_that_ached_on_saturday_and_was_fine_on_sunday_is_no_pain() -> None:
    reading = in_plan(
        "Saturday: long hike, 4 hours 30. Sunday: recovery hike, 75 minutes. My left knee ached "
        "on Saturday's descent; on Sunday it was completely fine, and it still is this morning.",
        SUN,
    )
    assert reading.pain == []


def test_an_emoji_for_heat_is_not_hard() -> None:
    assert not read("ran 5 miles in 52 min. felt heavy 🥵 7/10").hard


def test_a_big_step_up_on_the_trail_is_no_strength_session() -> None:
    reading = in_plan("long one, 6h, 1300m, 12kg. groin pulled a bit on a big step up", SAT)
    assert reading.activity == Activity.HIKE


def test_never_again_until_next_week_is_a_joke_about_the_session() -> None:
    assert read_message("hills. 💀. 50 min. never again (until next wk)", THU, PLAN).is_checkin


def test_thanks_for_the_weeks_is_thanks() -> None:
    reading = read_message("thanks for the 12 wks, honestly the best thing ive done 🙏", SUN, PLAN)
    assert reading.kind is MessageKind.THANKS


def test_perhaps_a_five_is_the_rpe() -> None:
    assert (
        read("Long hike, five and three-quarter hours. An easy company pace, perhaps a 5.").rpe
        == 5
    )


def test_a_pain_rating_on_the_pain_scale_is_no_rpe() -> None:
    assert read("walk done, 40 min. shin sore, about a 3 out of 10 on the pain scale").rpe is None


def test_a_run_of_night_shifts_is_no_run() -> None:
    assert in_plan("No strength today. Too tired after a run of night shifts", WED).activity == (
        Activity.STRENGTH
    )


def test_a_hike_not_done_and_a_short_walk_is_the_walk_in_its_place() -> None:
    reading = in_plan(
        "I did not do the long hike today. I should not be on the hills alone. I managed a "
        "20-minute walk round the block and that was all.",
        SAT,
    )
    assert (reading.activity, reading.skipped) == (Activity.WALK, True)


def test_someone_elses_broken_wrist_is_not_hard() -> None:
    assert not read(
        "Long hike cut short, out 2 hours 10. Effort about a 5. He is fine, a broken wrist."
    ).hard


def test_one_and_three_quarter_hours_in_a_fraction_is_105_minutes() -> None:
    assert read("recovery hike, about 1¾ hours, 7 km").duration_min == 105


def test_a_named_childs_cold_is_no_sick_day() -> None:
    reading = read(
        "Hill walking done, 50 mins up and down Beacon Hill. Alfie's got a streaming cold"
    )
    assert not reading.illness


def test_a_chest_infection_over_the_weekend_is_a_sick_day() -> None:
    assert read(
        "Came down with a chest infection over the weekend, doc gave me antibiotics"
    ).illness


def test_a_walk_with_its_length_on_the_rest_or_walk_day_is_the_walk() -> None:
    reading = in_plan(
        "Rested today as per the plan. We walked to the post office and back, twenty minutes",
        dt.date(2027, 1, 4),
    )
    assert (reading.activity, reading.duration_min) == (Activity.WALK, 20)


def test_errands_run_are_no_run() -> None:
    reading = in_plan("ran the kids to football, ran the dishwasher. did not run.", TUE)
    assert (reading.activity, reading.skipped) == (Activity.RUN, True)


def test_school_runs_on_a_rest_day_are_no_run() -> None:
    assert in_plan("rest day. 3 school runs and a birthday party", FRI).activity == Activity.REST


def test_a_marathon_compared_with_is_no_run() -> None:
    reading = in_plan(
        "Final long hike, 7h02, 9kg. Compared to my first marathon this was nothing", SAT
    )
    assert (reading.activity, reading.skipped) == (Activity.HIKE, False)


def test_a_killer_of_a_hill_is_the_hill_not_the_effort() -> None:
    assert not read("Thursday hills, 40 min. Absolute killer of a hill but loved it. rpe 7").hard


def test_minutes_sat_in_the_car_are_no_session() -> None:
    reading = in_plan(
        "the weather won. Sat in the car at the trailhead for 20 min then drove home", SAT
    )
    assert (reading.duration_min, reading.skipped) == (None, True)


def test_a_zero_led_time_is_the_time_of_day() -> None:
    assert (
        read("today's run done at Cubbon Park 06:15 morning. 45 minutes run walk").duration_min
        == 45
    )


def test_a_watch_time_from_zero_hours_is_the_length() -> None:
    assert read("Completed: Easy Run 0:58:17 | 9.11 km").duration_min == 58


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("22 km in 5u15 with 9 kg", 315), ("easy jog, 50 minuti, tranquillo", 50)],
)
def test_hours_and_minutes_in_other_languages_are_read(text: str, minutes: int) -> None:
    assert read(text).duration_min == minutes


def test_knees_grumpy_on_the_descent_are_pain() -> None:
    assert read("Tongariro Crossing, 6h50, knees a bit grumpy on the descent").pain == [
        PainSite.KNEE
    ]


def test_a_plan_that_was_longer_is_not_the_length() -> None:
    reading = read("recovery run, plan was 60 min but calf pulled, so I walked home. 40 min total")
    assert reading.duration_min == 40


def test_a_back_achy_from_the_desk_is_pain() -> None:
    assert read("rest. back a bit achy from the desk").pain == [PainSite.BACK]


def test_an_hour_n_a_quarter_is_75_minutes() -> None:
    assert read("recovery hike an hour n a quarter, flat-ish").duration_min == 75


def test_a_session_made_up_today_is_dated_today() -> None:
    assert in_plan("did the gym session i missed yday instead of hills", THU).date == THU


def test_a_sick_kid_is_no_sick_day() -> None:
    reading = in_plan("skipped my run, sick kid", TUE)
    assert (reading.illness, reading.activity, reading.skipped) == (False, Activity.RUN, True)


def test_the_whole_house_with_flu_me_included_is_a_sick_day() -> None:
    assert read("whole house has the flu, me included. staying in bed").illness


@pytest.mark.parametrize(
    "text",
    [
        "run-walk 40 mins. calves were tight but thats just my calves, not pain",
        "Easy run 40 min. Right calf tightness, not pain, just tight.",
        "Back's been stiff from sitting in the car all week but it isn't hurting, just stiff",
        "45 min yoga class. Hamstrings were tight but good tight.",
        "ran/walkd 35 mins,, calfs tight after but thats normal i think",
        "Easy run 45 min. No niggles to report, even the dodgy ankle behaved.",
        "Hill repeats, 45 min. The old IT band issue didn't show up, thank god.",
        "Long hike, 4h with 8 kg. Toes got bashed a bit on the descent, no pain though.",
    ],
)
def test_tightness_and_old_trouble_told_as_no_pain_are_no_pain(text: str) -> None:
    assert read(text).pain == []


def test_a_meal_last_night_does_not_date_the_run() -> None:
    reading = in_plan(
        "Run done, 50 min. Had a big bowl of pasta last night which I think helped.", TUE
    )
    assert reading.date == TUE


def test_a_plan_for_saturday_does_not_date_the_skip() -> None:
    reading = in_plan(
        "Missed hill repeats, stuck at work. Planning to do the long one Saturday.", THU
    )
    assert (reading.date, reading.skipped) == (THU, True)


def test_see_how_it_is_by_thursday_does_not_date_the_run() -> None:
    reading = in_plan(
        "Easy run cut short at 25 min, achilles pulling. Will see how it is by Thursday.", TUE
    )
    assert reading.date == TUE


def test_a_twelve_hour_shift_is_no_session() -> None:
    reading = read(
        "Hill repeats, 8 x 30 sec, 9/10. Had a 12 hour shift at the hospital beforehand"
    )
    assert reading.duration_min is None


def test_hours_slept_are_no_session() -> None:
    assert read("Long hike, 4h with 8 kg. Only slept about five hours").duration_min == 240


def test_a_rating_after_easy_and_a_comma_is_the_rpe() -> None:
    assert read("Recovery hike, 75 minutes. Nice and easy, a 3 really.").rpe == 3


def test_knackered_from_the_school_run_is_not_the_walk() -> None:
    assert not read("Easy walk at lunch, half an hour. Knackered from the school run though.").hard


def test_five_hours_dead_on_is_not_hard() -> None:
    assert not read("Long hike today, five hours dead on, effort was a six").hard


def test_a_football_knee_is_no_football() -> None:
    reading = in_plan("Run-walk intervals, 45 min. My old football knee clicked but no pain.", THU)
    assert reading.activity == Activity.RUN


def test_a_spin_after_strength_is_not_part_of_it() -> None:
    assert read("Strength 30 min + 20 min easy spin on the bike after").duration_min == 30


def test_a_back_thats_been_killing_me_is_pain() -> None:
    assert read("rest day. back's been killing me this week tho").pain == [PainSite.BACK]


def test_a_race_booked_with_its_distance_is_news() -> None:
    assert read_message("Booked my first trail race!! 21k in October", WED, PLAN).kind is (
        MessageKind.NEWS
    )


def test_a_nose_running_like_a_tap_is_a_cold_not_a_run() -> None:
    reading = in_plan("nose running like a tap, head heavy. skipping hills today", THU)
    assert (reading.illness, reading.activity) == (True, Activity.REST)


def test_an_evening_hour_told_the_continental_way_is_no_length() -> None:
    assert read("strength done at 21h, squats and core").duration_min is None


def test_done_in_another_language_confirms_the_planned_session() -> None:
    assert in_plan("Ja, erledigt 👍", WED).activity == Activity.STRENGTH


def test_another_run_later_in_the_day_adds_to_the_first() -> None:
    assert read("ran 20 min this morning and another 25 min at lunch").duration_min == 45


def test_didnt_do_strength_is_the_strength_skipped() -> None:
    reading = in_plan("didnt do strength today sorry, kids were off school", WED)
    assert (reading.activity, reading.skipped) == (Activity.STRENGTH, True)


def test_a_knee_achy_since_saturdays_hike_does_not_date_todays_swap() -> None:
    reading = in_plan(
        "no hills today, my knee's been achy since Saturday's hike. "
        "did 20 min on the bike instead",
        THU,
    )
    assert (reading.date, reading.activity, reading.duration_min) == (THU, Activity.OTHER, 20)


def test_hills_after_saturdays_monster_are_todays() -> None:
    reading = in_plan("scaled back hills after saturday's monster, did 5 reps not 10. 25 min", THU)
    assert (reading.date, reading.activity) == (THU, Activity.RUN)


def test_a_puffy_ankle_is_pain() -> None:
    assert in_plan("Fri rest. Ankle still a bit puffy from that roll, icing it", FRI).pain == [
        PainSite.ANKLE
    ]


def test_hay_fever_is_no_illness() -> None:
    reading = in_plan("hay fever is DREADFUL this week 🤧 but got the run done, 40 min", TUE)
    assert (reading.illness, reading.activity) == (False, Activity.RUN)


def test_all_in_is_the_whole_session() -> None:
    reading = in_plan(
        "five minutes jogging three walking, did four lots and walked home, about forty minutes "
        "all in",
        TUE,
    )
    assert reading.duration_min == 40


def test_hours_and_minutes_followed_by_h_are_a_length() -> None:
    assert in_plan("Komoot says: Hike · 26.4 km · 7:12 h · ↑ 1,340 m", SAT).duration_min == 432


def test_a_gym_as_the_place_for_hills_is_no_strength() -> None:
    reading = in_plan(
        "Did thursday hills on the treadmill, 8 x 40s hard, 35 min. gym was the only option", THU
    )
    assert reading.activity == Activity.RUN


def test_a_back_sore_from_yesterdays_pack_leaves_the_hike_today() -> None:
    reading = in_plan("Sunday: did it. 1h hike + my back is sore from yesterday's pack", SUN)
    assert (reading.date, reading.duration_min) == (SUN, 60)


def test_a_doctor_seen_yesterday_does_not_date_the_sick_day() -> None:
    reading = in_plan("chest infection, GP gave me antibiotics yesterday. told to rest", SUN)
    assert (reading.illness, reading.date) == (True, SUN)


def test_weeks_ago_looking_back_do_not_date_the_report() -> None:
    reading = in_plan("FINAL LONG HIKE 6h30, 11kg. 12 weeks ago I couldn't run for a bus", SAT)
    assert reading.date == SAT


def test_not_yet_doing_it_tonight_is_news() -> None:
    reading = read_message("not yet!! doing it after the school run tonight", TUE, PLAN)
    assert reading.kind is MessageKind.NEWS


def test_a_hike_meant_for_today_and_put_off_is_no_report() -> None:
    reading = read_message(
        "hike was meant to be today but it's raining sideways so we're going tomorrow", SAT, PLAN
    )
    assert reading.kind is not MessageKind.CHECKIN


def test_heading_out_for_the_long_one_is_no_report() -> None:
    reading = read_message("Heading out for the long one in 10 min, 12 kg in the pack", SAT, PLAN)
    assert reading.kind is not MessageKind.CHECKIN


def test_toast_for_dinner_is_not_hard() -> None:
    assert not in_plan("strength done, 35 min. dinner was toast eaten standing up", WED).hard


def test_a_struggle_beside_a_seven_is_not_hard() -> None:
    assert not in_plan("First run walk done, 40 min, really struggled. rpe 7", TUE).hard


def test_the_sun_being_out_is_no_sunday() -> None:
    assert in_plan("the sun was out so I did an easy 25 min jog", FRI).date == FRI


def test_half_an_hour_spare_is_no_session() -> None:
    reading = in_plan("I had half an hour spare at lunch so I did an easy 25 min jog", FRI)
    assert reading.duration_min == 25


def test_up_and_down_the_stairs_with_calpol_is_no_session() -> None:
    reading = in_plan(
        "Easy walk at lunch, 40 min. I've been up and down the stairs with Calpol all evening", MON
    )
    assert reading.activity == Activity.WALK


def test_walking_up_the_stairs_at_work_does_not_undo_the_rest_day() -> None:
    reading = in_plan(
        "Monday rest. Shin seems fine now, walked up the stairs at work without noticing it", MON
    )
    assert reading.activity == Activity.REST


def test_the_kids_running_ahead_is_not_my_run() -> None:
    reading = in_plan(
        "went up the hill behind the house this morning with the boys, an hour and ten minutes, "
        "they ran ahead the whole way",
        SUN,
    )
    assert reading.activity == Activity.HIKE


def test_a_knee_that_ached_today_is_pain_beside_an_old_surgery() -> None:
    reading = in_plan(
        "Easy 55 min. Left knee ached on the downhill, the same one I had surgery on years ago",
        TUE,
    )
    assert reading.pain == [PainSite.KNEE]


def test_ended_up_going_to_yoga_instead_replaces_strength() -> None:
    reading = in_plan("No strength tonight, ended up going to a yoga class instead, 60 min", WED)
    assert (reading.activity, reading.skipped) == (Activity.OTHER, True)


def test_a_sick_day_is_today_when_yesterdays_hike_is_only_told() -> None:
    reading = in_plan(
        "Tested positive for covid this afternoon 😩 felt rough on yesterday's hike", SUN
    )
    assert (reading.illness, reading.date) == (True, SUN)


def test_swimming_lessons_for_the_twins_are_no_swim() -> None:
    reading = in_plan("Rest day. Swimming lessons for the twins. Calf still sore though", FRI)
    assert reading.activity == Activity.REST


def test_lengths_at_the_pool_replace_the_hike() -> None:
    reading = in_plan(
        "bailed on the long hike and went to the pool instead, 40 min of lengths", SAT
    )
    assert (reading.activity, reading.skipped) == (Activity.OTHER, True)


def test_what_comes_before_yesterday_is_today() -> None:
    reading = in_plan("easy run 40 min. yesterday was the long hike, 5h", SUN)
    assert (reading.date, reading.activity, reading.duration_min) == (SUN, Activity.RUN, 40)


def test_a_bushwalk_down_all_those_stairs_is_a_hike() -> None:
    reading = in_plan(
        "Long bushwalk done! About 4 hrs 45, 14 km, roughly 650 m of climbing, all those stairs",
        SAT,
    )
    assert (reading.activity, reading.skipped) == (Activity.HIKE, False)


def test_work_running_till_eight_is_no_run() -> None:
    reading = in_plan("Didn't do strength tonight, work ran til 8 and I couldn't face it", WED)
    assert (reading.activity, reading.skipped) == (Activity.STRENGTH, True)


def test_effort_today_maybe_three_is_the_rpe() -> None:
    assert in_plan("Recovery hike, 90 min. Effort today maybe 3.", SUN).rpe == 3


def test_an_absolute_nine_is_the_rpe() -> None:
    assert in_plan("Hill reps, the hardest session yet, an absolute 9.", THU).rpe == 9


def test_a_blow_up_beside_an_rpe_of_six_is_not_hard() -> None:
    reading = in_plan(
        "Easy run, 55 min. Went out too fast and blew up after 1k. RPE 6 overall", TUE
    )
    assert not reading.hard


def test_an_it_band_starting_to_bite_is_pain() -> None:
    reading = in_plan("Long hike, 5 hrs. my left IT band started to bite on the downhill", SAT)
    assert reading.pain == [PainSite.IT_BAND]


def test_not_done_the_run_yet_is_news() -> None:
    reading = read_message(
        "Not done the run yet, will do it tonight after the kids are in bed", TUE, PLAN
    )
    assert reading.kind is MessageKind.NEWS


def test_a_monday_check_in_heading_keeps_the_rest_day_today() -> None:
    reading = in_plan(
        "Monday check-in. Took a full rest day as planned. Weekend recap: Saturday was 14 mi, "
        "about 6.5 hrs, and Sunday I did an easy 3 mi jog.",
        MON,
    )
    assert (reading.date, reading.activity) == (MON, Activity.REST)


def test_hours_slept_a_night_are_no_session() -> None:
    assert read("Long hike done. Sleep's been about 5 hours a night").duration_min is None


def test_todays_walk_is_told_beside_tomorrows_plan() -> None:
    reading = in_plan(
        "didn't get out Tues or Thurs at all. Managed a 35 min walk at lunch today. Going to try "
        "and get the long one in tomorrow.",
        FRI,
    )
    assert (reading.activity, reading.duration_min, reading.date) == (Activity.WALK, 35, FRI)


def test_burning_lungs_beside_an_rpe_of_six_are_not_hard() -> None:
    reading = in_plan(
        "run-walk done, 45 mins. lungs burning on the running bits but ok. rpe 6", TUE
    )
    assert not reading.hard


def test_taking_monday_off_is_the_rest_day() -> None:
    assert in_plan("took monday off like the plan says", MON).activity == Activity.REST


def test_the_last_tuesday_run_of_the_programme_is_today() -> None:
    reading = in_plan("Last Tuesday run of the program 🥲 60 min easy, rpe 4", TUE)
    assert reading.date == TUE


def test_a_physio_visit_does_not_date_the_rest_day() -> None:
    reading = in_plan("Rest day. Knee feels heaps better after the physio on Wednesday", FRI)
    assert (reading.date, reading.skipped) == (FRI, False)


def test_a_trip_on_thursday_still_to_come_does_not_date_todays_strength() -> None:
    reading = in_plan("Strength done 30 min. Got a work trip on Thursday", WED)
    assert (reading.date, reading.skipped) == (WED, False)


def test_a_fever_of_101_is_no_length() -> None:
    assert in_plan("Down with flu, fever of 101. No hike this weekend", SAT).duration_min is None


def test_a_stomach_upset_is_an_illness() -> None:
    assert in_plan("Stomach upset since last night. Skipping strength today", WED).illness


def test_catching_the_bug_going_round_is_an_illness() -> None:
    assert in_plan("caught the bug going round the office, temp and shivers. in bed", MON).illness


def test_a_hard_frost_is_weather() -> None:
    assert not read("Morning! Proper hard frost out here, walked 30 min").hard


def test_couldnt_do_legs_skips_the_strength() -> None:
    reading = in_plan("couldnt do legs today, back's playing up", WED)
    assert (reading.activity, reading.skipped) == (Activity.STRENGTH, True)


def test_three_of_six_reps_then_bailing_is_cut_short_not_skipped() -> None:
    reading = in_plan("did 3 of the 6 hill reps then bailed, knee 😬", THU)
    assert (reading.skipped, reading.pain) == (False, [PainSite.KNEE])


def test_an_hour_n_three_quarters_is_105_minutes() -> None:
    assert read("an hour n three quarters on the fells, rpe six-ish").duration_min == 105


def test_wed_legs_is_a_listed_day() -> None:
    reading = in_plan("tues 50 min easy, wed legs 35 min. hills later", THU)
    assert (reading.date, reading.activity, reading.duration_min) == (WED, Activity.STRENGTH, 35)


def test_sunday_off_after_a_saturday_hike_is_sunday_missed() -> None:
    reading = in_plan("hiked 3 hrs sat, sun off (sore)", MON)
    assert (reading.date, reading.skipped) == (SUN, True)


@pytest.mark.parametrize(
    "text",
    [
        "How heavy should the pack be for Saturday's long hike? I've been carrying 8kg",
        "For the hill repeats, is it 20-40 seconds flat out or should I hold back? week 9 now",
        "My saturday hikes are only about 3 hours, is that enough or do I need to go longer?",
        "Is it normal for my heart rate to go through the roof on tiny hills? I'm like 175 at "
        "walking pace",
    ],
)
def test_what_sets_the_scene_of_a_question_is_no_report(text: str) -> None:
    assert read_message(text, THU, PLAN).kind is MessageKind.QUESTION


def test_shins_burning_walking_down_stairs_are_no_stairs_session() -> None:
    reading = in_plan("skipped thursday. shins are burning every time I walk down stairs", THU)
    assert (reading.activity, reading.pain) == (Activity.RUN, [PainSite.SHIN])


def test_a_site_named_after_because_is_why_the_run_was_skipped() -> None:
    assert in_plan("skipped run b/c shin. ok to hike sat or rest?", TUE).pain == [PainSite.SHIN]


def test_a_legs_sesh_is_strength() -> None:
    assert in_plan("y, legs sesh. quads toast 🍞", WED).activity == Activity.STRENGTH


def test_picking_someone_up_from_football_is_no_football() -> None:
    reading = in_plan("Run walk done, 40 min before picking Sam up from football. 4/10", TUE)
    assert (reading.activity, reading.skipped) == (Activity.RUN, False)


def test_a_legs_session_tonight_is_still_to_come() -> None:
    reading = in_plan(
        "Forgot to log yesterday - easy run 55 min, felt smooth. Legs session tonight after work",
        WED,
    )
    assert (reading.date, reading.activity, reading.duration_min) == (TUE, Activity.RUN, 55)


def test_someone_elses_injury_on_sunday_does_not_date_todays_strength() -> None:
    reading = in_plan(
        "Strength session in the garage, 30 mins. Dave did his back in lifting the compost bag "
        "on Sunday so I'm on bins this week",
        WED,
    )
    assert (reading.date, reading.skipped) == (WED, False)


def test_a_back_a_little_sore_is_pain() -> None:
    assert in_plan("Friday rest. Back's a little sore from moving furniture", FRI).pain == [
        PainSite.BACK
    ]


def test_a_kid_off_school_sick_is_not_my_illness() -> None:
    reading = in_plan("Didn't get to strength yesterday, kid was off school sick", THU)
    assert (reading.illness, reading.activity, reading.skipped) == (False, Activity.STRENGTH, True)


def test_a_hike_rained_off_and_done_today_instead_is_todays() -> None:
    reading = in_plan("Saturdays hike got rained off so went today instead. 5h15, 11kg", SUN)
    assert (reading.date, reading.activity) == (SUN, Activity.HIKE)


def test_the_missed_session_made_up_is_not_skipped() -> None:
    reading = in_plan(
        "made up the missed thursday session today - run walk on the trail, 48 min", SUN
    )
    assert not reading.skipped


def test_a_stomach_bug_on_saturday_still_rough_today_is_todays_sick_day() -> None:
    reading = in_plan("Came down with a stomach bug Saturday night, still rough today", MON)
    assert (reading.illness, reading.date) == (True, MON)


def test_a_shoulder_thats_been_bad_is_pain() -> None:
    reading = in_plan("No strength today, my shoulder's been bad since I fell", WED)
    assert reading.pain == [PainSite.SHOULDER]


def test_a_road_ride_in_place_of_the_hike_is_other() -> None:
    reading = in_plan("Long hike swapped for a 3h road ride, 70km", SAT)
    assert (reading.activity, reading.skipped) == (Activity.OTHER, True)


def test_two_blocks_of_twenty_minutes_are_forty() -> None:
    assert read("did 2 x 20 min of stair climbing with a loaded pack").duration_min == 40


def test_a_knee_that_bothered_me_weeks_ago_and_fine_now_is_no_pain() -> None:
    reading = in_plan(
        "Final long hike, 7h. Knee that bothered me back in week 7 is totally fine", SAT
    )
    assert reading.pain == []


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("skipped the long hike. woke up with my lower back locked", PainSite.BACK),
        ("stopped after 7 reps when my left hamstring gave a little twang", PainSite.HAMSTRING),
        (
            "swapped hills for the bike, achilles still not happy with steep uphills",
            PainSite.ACHILLES,
        ),
        ("did 90 min of swimming instead bc the knee is still angry", PainSite.KNEE),
        ("strength, 20 min, my neck's been cricked since Monday", PainSite.NECK),
        (
            "45 min easy. knee's fine for walking but the fast downhills still set it off",
            PainSite.KNEE,
        ),
        ("ran 6 x 40s. felt a pull in my groin on the last one", PainSite.GROIN),
        (
            "Tuesday run 58 min. achilles was ok at the start, then got more sore",
            PainSite.ACHILLES,
        ),
        ("one spot at the top of my right quad thats properly painful", PainSite.QUAD),
        ("hike was grand but two black nails coming", PainSite.TOE),
    ],
)
def test_complaints_told_as_moods_and_events_are_pain(text: str, site: PainSite) -> None:
    assert site in read(text).pain


def test_a_niggly_groin_thing_that_settled_is_no_pain() -> None:
    reading = read("run 1h02, effort 6. the niggly groin thing seems to have settled")
    assert reading.pain == []


def test_cleared_to_run_after_a_strain_is_no_pain() -> None:
    assert read("40 min, rpe 4. Physio cleared me to run again after the calf strain").pain == []


def test_a_rating_after_a_sentence_about_soreness_is_the_rpe() -> None:
    assert read("hill repeats, 45 min. nothing sore after. 8/10").rpe == 8


def test_a_pain_score_told_before_pain_is_no_rpe() -> None:
    assert read("recovery hike. Achilles sore on the uphills, maybe 4/10 pain").rpe is None


def test_walking_around_is_no_walk() -> None:
    reading = in_plan(
        "rest day as planned. shin is still tender to touch. not sore walking around", FRI
    )
    assert reading.activity == Activity.REST


def test_a_knee_swollen_after_tuesdays_run_does_not_date_todays_skip() -> None:
    reading = in_plan("Skipped strength, knee was swollen again after Tuesday's run", WED)
    assert reading.date == WED


def test_days_listed_on_lines_read_the_latest() -> None:
    reading = in_plan("Mon - walk 30\nTue - run 45 (rpe 5)\nWed - legs 35", WED)
    assert (reading.activity, reading.duration_min, reading.rpe) == (Activity.STRENGTH, 35, None)


def test_a_distance_in_a_time_told_in_words() -> None:
    assert read("tuesday run 💯 six k in thirty five").duration_min == 35


def test_the_knee_i_had_surgery_on_years_ago_throbbing_today_is_pain() -> None:
    reading = in_plan(
        "did 3 hrs instead of 5, the knee that I had surgery on years ago started throbbing", SAT
    )
    assert reading.pain == [PainSite.KNEE]


def test_a_bit_broken_is_not_hard() -> None:
    assert not in_plan("sun 50 min easy run. bit broken tbh", SUN).hard


def test_sore_from_carrying_on_sundays_walk_so_resting_today_is_today() -> None:
    reading = in_plan(
        "Back's sore from carrying the baby carrier on Sunday's walk so resting today", MON
    )
    assert reading.date == MON


def test_didnt_get_my_run_in_is_the_run_skipped() -> None:
    reading = in_plan("didnt get my run in today, work ran late", TUE)
    assert (reading.activity, reading.skipped) == (Activity.RUN, True)


def test_the_rower_is_other() -> None:
    reading = in_plan("skipped the hill reps and did 30 min on the rower at the gym instead", THU)
    assert (reading.activity, reading.skipped) == (Activity.OTHER, True)


def test_a_swim_after_a_dash_replaces_the_skipped_run() -> None:
    reading = in_plan("Skipped the run - swam 40 mins instead because of my knee", TUE)
    assert (reading.activity, reading.skipped) == (Activity.OTHER, True)


def test_pain_in_the_ball_of_the_foot_is_foot_pain() -> None:
    assert read("Test hike, 8hrs. Pain in the ball of my left foot the last 5k").pain == [
        PainSite.FOOT
    ]


def test_an_ankle_swollen_from_a_stumble_on_thursday_does_not_date_the_bail() -> None:
    reading = in_plan("bailed on the long hike, ankle's swollen from the stumble on Thursday", SAT)
    assert (reading.date, reading.skipped) == (SAT, True)


def test_the_hours_planned_are_no_length() -> None:
    reading = in_plan("long hike cut short, so 2h with the toddler. not the 4 hours planned", SAT)
    assert reading.duration_min == 120


def test_dads_knee_is_not_mine() -> None:
    assert in_plan("long hike w dad 5 hrs. dads knee was hurting at the end", SAT).pain == []


def test_a_long_walk_over_the_fell_in_place_of_the_hike_is_the_hike() -> None:
    reading = in_plan("quad bike broke so walked the fell instead. 4 hr round the tops", SAT)
    assert (reading.activity, reading.skipped) == (Activity.HIKE, False)


def test_heel_pain_ive_had_for_weeks_finally_gone_clears_the_foot() -> None:
    reading = in_plan(
        "70 min recovery hike. The heel pain I've had for 2 weeks has finally gone!!", SUN
    )
    assert (reading.pain, reading.cleared) == ([], [PainSite.FOOT])


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("no - knee", PainSite.KNEE),
        ("no. shin", PainSite.SHIN),
        ("nope toe still black & sore", PainSite.TOE),
    ],
)
def test_a_reply_of_no_and_a_site_is_the_session_skipped_for_pain(
    text: str, site: PainSite
) -> None:
    reading = in_plan(text, TUE)
    assert (reading.skipped, reading.pain) == (True, [site])


def test_yes_but_only_part_of_it_is_done() -> None:
    reading = in_plan("yes but only 2 rounds not 3", TUE)
    assert (reading.activity, reading.skipped) == (Activity.RUN, False)


def test_a_reply_of_no_beside_a_question_is_logged_and_asked() -> None:
    reading = read_message("no - knee. ice or heat?", TUE, PLAN)
    assert (reading.kind, reading.checkin.skipped) == (MessageKind.CHECKIN, True)


def test_a_calf_that_went_at_the_end_of_a_message_is_pain() -> None:
    assert in_plan("ran 25 then calf went", TUE).pain == [PainSite.CALF]


def test_monday_on_the_sofa_is_rest() -> None:
    assert in_plan("monday = sofa 🛋️", MON).activity == Activity.REST


def test_legs_heavy_from_yesterdays_distance_stays_with_todays_report() -> None:
    reading = in_plan(
        "Sunday recovery: 70 minute easy hike. Legs were heavy from yesterday's 24 km but "
        "loosened up. RPE 3, properly easy.",
        SUN,
    )
    assert (reading.date, reading.rpe) == (SUN, 3)


def test_tight_but_ok_is_no_pain() -> None:
    assert read("easy 45 min run, RPE 3, hamstring a bit tight but ok").pain == []


def test_a_hard_day_back_in_week_two_does_not_make_today_hard() -> None:
    reading = read("Final long hike, 6h05. Back in week 2 a 10 km day flattened me. RPE 6.")
    assert not reading.hard


def test_stairs_going_down_on_the_route_are_part_of_the_hike() -> None:
    reading = in_plan(
        "Long hike today, 5 hrs 45 min. my right knee ached on the Dipsea stairs going down", SAT
    )
    assert (reading.activity, reading.skipped) == (Activity.HIKE, False)


def test_minutes_of_stretching_in_place_of_hills_are_other() -> None:
    reading = in_plan(
        "Didn't get the hill repeats done. Did 20 minutes of stretching instead", THU
    )
    assert (reading.activity, reading.skipped) == (Activity.OTHER, True)


def test_a_shin_starting_to_complain_tho_is_pain() -> None:
    assert read("47 mins run. right shin tho is starting to complain").pain == [PainSite.SHIN]


def test_the_figure_called_total_is_the_length() -> None:
    reading = read(
        "run-walk 5 on / 3 off x6, 48 min total on my Garmin. Had porridge an hour before"
    )
    assert reading.duration_min == 48


def test_a_pain_asked_about_and_answered_gone_clears_it() -> None:
    reading = read_message(
        "Easy trail run 52 minutes. The knee pain I had last week? Gone, nothing at all.",
        TUE,
        PLAN,
    )
    assert (reading.question, reading.checkin.cleared) == (None, [PainSite.KNEE])


def test_a_day_in_an_aside_about_soreness_does_not_date_the_report() -> None:
    reading = in_plan("Long hike 6h30. Left hip is fine now (it was sore on Tuesday).", SAT)
    assert reading.date == SAT


def test_the_hill_walked_instead_of_the_run_is_a_walk() -> None:
    reading = in_plan("walked the hill instead, 45 min, knee still sore on the downhills", THU)
    assert reading.activity == Activity.WALK


def test_a_twinge_asked_about_and_answered_gone_is_cleared() -> None:
    reading = read_message(
        "done! 5 on 3 off x4, 32 min total. rpe 6. The shin twinge I had last week? Gone.",
        TUE,
        PLAN,
    )
    assert (reading.checkin.pain, reading.checkin.cleared) == ([], [PainSite.SHIN])


def test_walking_the_dog_to_the_car_does_not_undo_the_rest_day() -> None:
    reading = in_plan(
        "rest day. ran errands all morning and walked the dog to the car and back", MON
    )
    assert reading.activity == Activity.REST


def test_my_husbands_10k_time_is_not_my_session() -> None:
    reading = in_plan(
        "My husband did his 10k in 52 min this morning. I managed 35 mins easy jog", TUE
    )
    assert reading.duration_min == 35


def test_carrying_boxes_for_a_house_move_in_place_of_strength_is_other() -> None:
    reading = in_plan(
        "no strength today, helped my brother move house instead, carried boxes for 4 hours", WED
    )
    assert (reading.activity, reading.skipped) == (Activity.OTHER, True)


def test_a_parkrun_time_last_year_beside_a_question_is_no_report() -> None:
    reading = read_message(
        "how fast should the running bits be? I did a 5k parkrun in 31 min last year "
        "if that helps",
        TUE,
        PLAN,
    )
    assert reading.kind is MessageKind.QUESTION


def test_yesterdays_hike_done_today_instead_is_todays() -> None:
    reading = in_plan("Did yesterday's long hike today instead: 5h, 10 kg pack. 6/10", SUN)
    assert (reading.date, reading.activity) == (SUN, Activity.HIKE)


def test_a_broken_spirit_is_not_hard() -> None:
    assert not in_plan("20 min in the rain then gave up. knees fine, spirit broken", TUE).hard


def test_feet_wrecked_from_new_boots_are_not_a_hard_session() -> None:
    assert not in_plan("Long hike, 3h total, my feet were wrecked from the new boots", SAT).hard


def test_hills_tonight_hopefully_45_min_is_news() -> None:
    reading = read_message(
        "Doing hills tonight at 7 with the running club, hopefully 45 min", THU, PLAN
    )
    assert reading.kind is MessageKind.NEWS


def test_last_sunday_with_a_bang_is_today() -> None:
    assert in_plan("last sunday! 70 min recovery hike, chilled", SUN).date == SUN


def test_a_toenail_going_black_is_toe_pain() -> None:
    assert read("long hike 4h. big toe nail is going black").pain == [PainSite.TOE]


def test_couldnt_do_the_long_hike_skips_it() -> None:
    reading = in_plan("Couldn't do the long hike today, car broke down on the way", SAT)
    assert (reading.activity, reading.skipped) == (Activity.HIKE, True)


def test_a_knee_that_clicked_and_ached_is_pain() -> None:
    reading = in_plan(
        "Wednesday legs done. Squats made my left knee click and ache a bit. ~30 min", WED
    )
    assert reading.pain == [PainSite.KNEE]


def test_quads_sore_but_nothing_sharp_are_no_pain() -> None:
    assert (
        in_plan("Monday rest. quads still sore from the descent but nothing sharp", MON).pain == []
    )


def test_resting_the_it_band_is_pain() -> None:
    assert in_plan("Stayed home today, resting the IT band", SUN).pain == [PainSite.IT_BAND]


def test_legs_ready_for_saturday_do_not_date_the_rest_day() -> None:
    reading = in_plan("Rest day as planned, legs feel fresh and ready for Saturday", FRI)
    assert (reading.date, reading.skipped) == (FRI, False)


def test_flu_since_yesterday_still_rough_today_is_todays_sick_day() -> None:
    reading = in_plan(
        "Came down with flu yesterday and missed the long hike, still feel rough today", SUN
    )
    assert (reading.illness, reading.date) == (True, SUN)


def test_pure_dead_brilliant_is_not_hard() -> None:
    assert not read("Munro bagged! 5h, 9kg pack. Pure dead brilliant.").hard


def test_raining_really_hard_is_weather() -> None:
    reading = read("did my hill repeats, raining really hard so only half, 25 min, effort about 7")
    assert not reading.hard


def test_wind_on_the_summit_being_brutal_is_weather() -> None:
    assert not read("Helvellyn with 10kg, 5 hours 40. wind on the summit was brutal").hard


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("tried the easy run but my hamstring grabbed at 15 min so I stopped", PainSite.HAMSTRING),
        ("only got 4 reps in before my achilles started tugging. 20 min", PainSite.ACHILLES),
        ("ran 48 min easy. Groin a bit pingy on the left", PainSite.GROIN),
    ],
)
def test_pulls_and_pings_are_pain(text: str, site: PainSite) -> None:
    assert site in read(text).pain


def test_a_bare_figure_closing_a_report_of_its_length_is_the_rpe() -> None:
    assert read("hills done. 45 mins. 6").rpe == 6


def test_too_knackered_after_yesterdays_hike_is_todays_rest() -> None:
    reading = in_plan("Rest day today, too knackered after yesterday's hike", SUN)
    assert (reading.date, reading.activity) == (SUN, Activity.REST)


def test_squats_being_grim_is_not_hard() -> None:
    assert not read(
        "strength 40 min. Legs so sore from yesterday, DOMS big time, squats were grim"
    ).hard


def test_the_length_told_beside_rounds_is_the_whole() -> None:
    assert read("run-walk done, 5 on 3 off x5 then up the hill. 42 mins. 4/10").duration_min == 42


def test_a_part_told_after_the_rounds_adds_to_them() -> None:
    assert read("5 min jog 3 min walk x4, then walked home 10 min").duration_min == 42


def test_metres_of_climbing_are_no_climbing_session() -> None:
    reading = in_plan("Final long one before the trip!! 7 hours, 14 kg, 1400m climbing", SAT)
    assert (reading.activity, reading.skipped) == (Activity.HIKE, False)


def test_the_hip_thing_being_back_is_pain() -> None:
    assert read("recovery walk/hike in the hills, 70 min. the hip thing is back 😕").pain == [
        PainSite.HIP
    ]


def test_thanks_with_a_trip_emoji_are_thanks() -> None:
    reading = read_message("thanks for all the help, flying out monday 🏔️", FRI, PLAN)
    assert reading.kind is MessageKind.THANKS


def test_thanks_for_tips_about_power_hiking_are_thanks() -> None:
    reading = read_message(
        "thanks for the tips last week, the power hiking on the climbs thing is a game changer",
        FRI,
        PLAN,
    )
    assert reading.kind is MessageKind.THANKS


def test_minutes_in_and_then_bailing_is_cut_short() -> None:
    reading = in_plan("cut the run walk short, 25 min in and the rain came so i bailed", TUE)
    assert not reading.skipped


def test_a_knee_that_felt_a_bit_off_is_pain() -> None:
    assert read(
        "Swapped the run for the turbo, knee felt a bit off this morning. 45 min"
    ).pain == [PainSite.KNEE]


def test_making_up_yesterdays_hike_today_is_todays() -> None:
    reading = in_plan(
        "made up for missing yesterday's hike - did 3.5 hrs today with the pack", SUN
    )
    assert reading.date == SUN


def test_the_sixth_rep_is_no_date() -> None:
    reading = in_plan(
        "Hill reps cut short, did 5 of the 10, then my hamstring twinged on the 6th", THU
    )
    assert reading.date == THU


def test_a_bare_total_is_the_length() -> None:
    assert (
        read("ran 20 mins then walked the rest, shin splints flared. 45 total").duration_min == 45
    )


def test_a_back_that_felt_tweaky_is_pain() -> None:
    assert read("strength 40 min, rpe 6. back felt tweaky on the RDLs").pain == [PainSite.BACK]


def test_rowing_instead_of_the_walk_is_other() -> None:
    reading = in_plan("rowed for 20 mins at the gym instead of the walk", MON)
    assert reading.activity == Activity.OTHER


def test_yoga_instead_of_strength_tonight_is_done() -> None:
    reading = in_plan("yoga instead of strength tonight, 45 min flow class", WED)
    assert (reading.activity, reading.skipped) == (Activity.OTHER, True)


def test_nothing_done_yesterday_or_today_is_todays_sick_day() -> None:
    reading = in_plan("chest infection, on antibiotics now. nothing done yesterday or today", WED)
    assert (reading.illness, reading.date) == (True, WED)


def test_before_i_head_out_tonight_beside_a_question_is_no_report() -> None:
    reading = read_message(
        "Before I head out tonight: the guide talks about 20-40 second hill efforts. How many "
        "reps should I be doing in week 9?",
        THU,
        PLAN,
    )
    assert reading.kind is MessageKind.QUESTION


def test_a_range_told_with_maybe_reads_its_top() -> None:
    assert read("ran forty minutes um maybe forty five, felt ok").duration_min == 45


def test_a_later_figure_that_is_a_rating_is_no_range_top() -> None:
    assert read("ran 40 min, maybe 6/10").duration_min == 40


def test_a_site_taken_up_by_they_in_a_later_clause_is_pain() -> None:
    assert read(
        "long hike done 4 hours. my knees are not what they were, they ached on the way down"
    ).pain == [PainSite.KNEE]


def test_long_one_done_is_the_long_hike() -> None:
    assert in_plan("Long one done!", SAT).activity == Activity.HIKE


def test_hours_and_minutes_beside_a_blanked_weight_keep_their_minutes() -> None:
    assert in_plan("Long one done. 5h20 with 9kg on, knees held up fine", SAT).duration_min == 320


def test_backs_without_the_apostrophe_is_the_back() -> None:
    assert read("20 min walk, backs still sore from sat").pain == [PainSite.BACK]


def test_tested_positive_yesterday_and_taking_it_easy_is_todays_sick_day() -> None:
    reading = in_plan("tested positive for covid yesterday, taking it easy", WED)
    assert (reading.illness, reading.date) == (True, WED)


def test_ill_since_saturday_night_and_in_bed_sunday_is_sundays_sick_day() -> None:
    reading = in_plan(
        "Didn't do the recovery run yesterday, came down with a chest infection on Saturday "
        "night and spent all of Sunday in bed.",
        MON,
    )
    assert reading.date == SUN


def test_a_temp_and_aches_is_illness() -> None:
    assert read("Kids brought home a bug and now I've got it - temp and aches everywhere").illness


def test_a_childs_cough_told_at_length_is_not_the_athletes_illness() -> None:
    assert not in_plan(
        "Recovery hike this morning, 70 mins. Overnight was freezing and the littlest was up "
        "twice with a cough.",
        SUN,
    ).illness


def test_the_rest_of_a_sentence_about_sick_kids_stays_theirs() -> None:
    assert not in_plan(
        "Strength session before work, 35-40 mins. RPE 7. The kids are home sick-ish (snotty, "
        "not properly crook) so I'm WFH.",
        WED,
    ).illness


def test_a_sons_small_fever_is_not_the_athletes() -> None:
    assert not read("Easy run done, 1 hr, effort 4. My son has a small fever tonight").illness


def test_a_split_hike_told_with_a_total_distance_sums_its_parts() -> None:
    reading = in_plan(
        "Did the long hike but split it - 2 hrs this morning, then another hour and a half "
        "after lunch. Total about 14 km, pack 7kg",
        SAT,
    )
    assert reading.duration_min == 210


def test_minutes_got_in_before_stopping_are_the_length() -> None:
    reading = in_plan("run-walk cut short, only got 25 mins in before school called", TUE)
    assert reading.duration_min == 25


def test_a_rating_asked_unsure_of_itself_is_still_the_rating() -> None:
    reading = read_message("5 min jog 3 min walk x5 = 40 min. Maybe a 5/10?", TUE, PLAN)
    assert (reading.kind, reading.checkin.rpe, reading.question) == (MessageKind.CHECKIN, 5, None)


def test_made_up_on_the_day_heading_the_sentence_is_that_day() -> None:
    reading = in_plan(
        "Saturday: wedding so no hike. Sunday: made up for it, 4 hours on the ridge", MON
    )
    assert (reading.activity, reading.date, reading.skipped) == (Activity.HIKE, SUN, False)


def test_missed_but_did_it_on_another_day_is_done_that_day() -> None:
    reading = in_plan("Missed Saturday's long hike (work trip) but did it Sunday: 4h10, 13km", MON)
    assert (reading.date, reading.skipped, reading.duration_min) == (SUN, False, 250)


def test_a_session_smashed_is_not_hard() -> None:
    assert not in_plan("Strength session smashed before work, 35-40 mins. RPE 7.", WED).hard


def test_the_hills_smashing_me_is_hard() -> None:
    assert read("the hills smashed me, 45 min").hard


def test_a_clock_time_woken_at_is_no_length() -> None:
    reading = in_plan("Woke up 4:30 to beat the heat, did the run walk, total 40 mins.", TUE)
    assert reading.duration_min == 40


def test_hours_waiting_at_the_services_are_no_session() -> None:
    reading = in_plan(
        "no long hike, we spent 4 hours at Tebay services waiting for the AA. Did a 30 min swim.",
        SAT,
    )
    assert (reading.activity, reading.duration_min) == (Activity.OTHER, 30)


def test_a_power_cut_for_an_hour_is_no_session() -> None:
    reading = in_plan(
        "Did the strength session at home. Total around thirty five minutes. Power cut also "
        "for one hour.",
        WED,
    )
    assert reading.duration_min == 35


def test_effort_approx_is_a_rating() -> None:
    assert read("hill walking done, 1 hour 10 minutes. Effort approx 6.").rpe == 6


def test_a_rating_hedged_after_it_is_the_rating() -> None:
    assert read("Run-walk done, 45 mins. Felt grand, a 5 maybe.").rpe == 5


def test_thats_a_six_closing_a_report_is_the_rating() -> None:
    assert (
        read("hill walk intervals, 45 min, walked hard up the lane 4 times. that's a 6").rpe == 6
    )


def test_well_done_to_the_coach_is_not_hard() -> None:
    assert not read("Coach well done o. hike 3 hours, effort 6/10").hard


def test_a_session_named_again_this_morning_keeps_yesterdays_report() -> None:
    reading = in_plan(
        "Yesterday I did the easy trail run, 50 min, rpe 4. Wife's birthday today. Right ankle "
        "was a bit painful at the start of the run and still stiff this morning.",
        MON,
    )
    assert (reading.date, reading.duration_min, reading.pain) == (SUN, 50, [PainSite.ANKLE])


def test_a_hip_flexor_that_was_nippy_is_hip_pain() -> None:
    assert read("hike 5 hours. Hip flexor on the right was nippy on the steep bit up").pain == [
        PainSite.HIP
    ]


def test_an_ankle_rolled_weeks_back_and_100_percent_now_is_cleared() -> None:
    reading = read("hike 90 min. Ankle that I rolled two weeks back is 100% now")
    assert (reading.pain, reading.cleared) == ([], [PainSite.ANKLE])


def test_no_pain_except_a_site_is_pain_there() -> None:
    assert read("hike 5 hours. No pain except my toes from the downhill").pain == [PainSite.TOE]


def test_a_back_ok_during_but_achy_tonight_is_pain() -> None:
    assert read("Long hike: 3h. Back ok during, bit achy tonight").pain == [PainSite.BACK]


def test_haven_t_done_the_run_yet_is_no_report() -> None:
    reading = read_message("haven't done the run yet, will do it at lunch", TUE, PLAN)
    assert reading.kind is not MessageKind.CHECKIN


def test_a_nights_sleep_does_not_date_the_report() -> None:
    reading = in_plan(
        "easy walk with the pram, 45 min. baby finally slept 4 hrs straight last night", MON
    )
    assert reading.date == MON


def test_a_thankful_reply_with_a_bare_length_is_the_length() -> None:
    assert in_plan("good thanks! 45", TUE).duration_min == 45


def test_a_rest_day_report_before_an_emoji_and_tomorrow_is_a_report() -> None:
    reading = read_message(
        "Hi! Day 1 done - I rested like the plan says 😊 excited for tomorrow", START, PLAN
    )
    assert reading.kind is MessageKind.CHECKIN


def test_sore_over_the_last_minutes_is_no_second_part() -> None:
    reading = in_plan(
        "Sunday I did an easy 45 min run, rpe 4, but my left calf got tight and then properly "
        "sore over the last ten minutes.",
        MON,
    )
    assert reading.duration_min == 45


def test_a_pain_around_some_minutes_is_a_moment_of_the_run() -> None:
    reading = in_plan(
        "Ran for 40 minutes but had to stop. Right calf went tight then a sharp pain around 25 "
        "min, limped home.",
        TUE,
    )
    assert reading.duration_min == 40


def test_hours_sat_at_a_desk_are_no_session() -> None:
    reading = in_plan(
        "Easy run this am. 48 min, rpe 4. hip flexor was sore at the start and it's back again "
        "now that I've sat at my desk for a couple of hours.",
        TUE,
    )
    assert reading.duration_min == 48


def test_clock_times_of_setting_off_and_getting_back_are_no_length() -> None:
    reading = in_plan(
        "Long hike report: set off 8:10, back at the car 12:40, so four and a half hours. Plan "
        "is an easy run tomorrow then rest Monday.",
        SAT,
    )
    assert (reading.duration_min, reading.date) == (270, SAT)


def test_an_earlier_days_pain_fine_today_is_cleared() -> None:
    reading = in_plan(
        "Today: 50 min easy trot, rpe 3. Hip was hurting a bit on yesterday's descent, fine "
        "today.",
        SUN,
    )
    assert (reading.pain, reading.cleared) == ([], [PainSite.HIP])


def test_a_pain_during_the_session_ok_now_stays_pain() -> None:
    reading = read("long hike 3h45, right knee hurt on the descent, ok now")
    assert reading.pain == [PainSite.KNEE]


def test_an_achilles_that_started_up_again_is_pain() -> None:
    assert read("hike 6 hours, right achilles started up again around km 15").pain == [
        PainSite.ACHILLES
    ]


def test_tight_but_normal_hamstrings_are_no_pain() -> None:
    assert read("strength 30 min. hamstrings a bit tight afterwards but normal I think").pain == []


def test_sore_but_not_painful_quads_are_no_pain() -> None:
    assert (
        read("hill repeats 45 min. Quads still sore from the squats, but not painful").pain == []
    )


def test_felt_ok_a_five_is_the_rating() -> None:
    assert read("long hike 3 and a half hours. Felt ok, a 5. Blister on my heel").rpe == 5


def test_easy_with_a_figure_in_brackets_is_the_rating() -> None:
    assert read("Recovery hike 1h30 with about 400m, easy (3).").rpe == 3


def test_the_last_sum_told_is_the_length() -> None:
    reading = in_plan(
        "run walk 5/3 x 5 = 40 min plus 5 min walking cool down = 45 min. RPE 5.", TUE
    )
    assert reading.duration_min == 45


def test_jogging_down_instead_of_walking_is_the_session_done() -> None:
    reading = in_plan(
        "Hill repeats today: 6x30s, jogged down instead of walking. 35 min total.", THU_WEEK_9
    )
    assert not reading.skipped


def test_not_doing_hills_today_is_a_skip() -> None:
    reading = in_plan(
        "Not doing hills today, my quads are still shot. Going to do an easy 30 tomorrow instead.",
        THU_WEEK_9,
    )
    assert (reading.skipped, reading.duration_min) == (True, None)


def test_a_fine_now_after_resting_it_on_a_day_does_not_date_the_report() -> None:
    reading = in_plan(
        "strength done, 30 min, rpe 5. Shin's fine now after resting it on Monday", WED
    )
    assert reading.date == WED


def test_a_niggle_that_came_back_on_a_day_does_not_date_the_report() -> None:
    reading = in_plan(
        "Easy 60 min run on the canal path. The knee niggle that came back last Sat has eased "
        "off again, just a bit of stiffness the first mile.",
        TUE,
    )
    assert (reading.date, reading.skipped) == (TUE, False)


def test_watching_the_cricket_is_no_session() -> None:
    reading = in_plan("Today: rest day as planned, foam rolled and watched the cricket.", MON)
    assert reading.activity == Activity.REST


def test_stairs_where_a_pain_shows_are_no_session() -> None:
    reading = in_plan(
        "Rest day as planned. Right hip is still sore, it's there when I climb stairs.", MON
    )
    assert (reading.activity, reading.pain) == (Activity.REST, [PainSite.HIP])


def test_minutes_in_on_a_session_cut_short_are_its_length() -> None:
    reading = in_plan(
        "cut the run walk short today, 25 min in and the rain was going sideways so i bailed", TUE
    )
    assert reading.duration_min == 25


def test_a_total_told_bare_after_a_moment_is_the_length() -> None:
    reading = in_plan(
        "Run-walk got cut short, 25 mins in my calf started twinging so I walked home. Total "
        "maybe 35",
        TUE,
    )
    assert reading.duration_min == 35


def test_no_pains_anywhere_except_a_site_is_pain_there() -> None:
    reading = read("50 min recovery run, rpe 3. No pains anywhere except my right big toe")
    assert reading.pain == [PainSite.TOE]


def test_another_days_figures_beside_an_illness_are_not_the_sick_days() -> None:
    reading = in_plan(
        "Doctor says it's a chest infection, on antibiotics. Missing hills today. Annoying "
        "because Tuesday's run was 55 min at RPE 4 and felt effortless.",
        THU,
    )
    assert (reading.illness, reading.duration_min, reading.rpe) == (True, None, None)


def test_hamstrings_tight_from_yesterdays_run_are_no_pain() -> None:
    reading = in_plan(
        "Swapped today's legs session for yoga, 45 min class. hamstrings were tight from "
        "yesterday's run so it felt like the better call",
        WED,
    )
    assert reading.pain == []


def test_a_message_opening_random_gear_q_is_a_question() -> None:
    reading = read_message(
        "Random gear q while I'm stuck in a waiting room: I'm between a vest and my old daypack "
        "for the Sunday runs. Is a vest really worth it?",
        THU,
        PLAN,
    )
    assert reading.kind is MessageKind.QUESTION


def test_a_dictated_they_ached_after_an_unmarked_clause_is_pain() -> None:
    reading = read(
        "my first long hike two and a half hours round the reservoir my knees are not what they "
        "were they ached on the steps down"
    )
    assert reading.pain == [PainSite.KNEE]


def test_what_happens_when_i_run_is_no_run_told() -> None:
    reading = read_message("rest day. My vest bounces a lot when i run, any tips?", MON, PLAN)
    assert reading.checkin.activity == Activity.REST


def test_days_listed_after_a_report_are_plans_not_the_day_told_of() -> None:
    reading = in_plan("run-walk done, 40 min, easy. strength wed, hills thurs, long hike sat", TUE)
    assert (reading.date, reading.activity, reading.duration_min) == (TUE, Activity.RUN, 40)


def test_a_list_of_days_to_come_goes_on_after_then() -> None:
    reading = in_plan("Easy run-walk, 45 minutes, 4/10. Strength tomorrow, then rest", TUE)
    assert not reading.skipped


def test_the_figures_of_a_day_to_come_are_not_todays() -> None:
    reading = in_plan("strength done, 30 min. long hike saturday with the club, 22 km", WED)
    assert reading.distance_km is None


def test_sat_after_a_session_named_with_company_is_saturday() -> None:
    reading = in_plan("done ✅ 35 min at the gym. long hike sat with dad", WED)
    assert reading.activity == Activity.STRENGTH


def test_a_weekday_listed_in_a_log_of_past_days_stays_its_own_day() -> None:
    week_2_tuesday = TUE + dt.timedelta(days=7)
    text = "Forgot to log the weekend! Saturday - 5 hour hike. Sunday - rest."
    assert in_plan(text, week_2_tuesday).date == SUN


def test_a_sports_club_on_the_route_is_no_sport_played() -> None:
    reading = in_plan("hill walk done, 50 min, up and down the bank behind the rugby club", THU)
    assert reading.activity == Activity.HIKE


def test_an_effort_doubted_with_maybe_is_still_the_effort() -> None:
    reading = read_message("run-walk done, 40 min. RPE 6 maybe? legs fine", TUE, PLAN)
    assert reading.checkin.rpe == 6


def test_a_session_later_tonight_is_no_report() -> None:
    reading = read_message("Strength later tonight once the kids are asleep", WED, PLAN)
    assert reading.kind is not MessageKind.CHECKIN


def test_a_day_told_as_its_plan_with_is_a_is_a_day_to_come() -> None:
    text = "Long hike done, 5 hours, 9 kg. Party tomorrow so sunday's a short walk"
    assert in_plan(text, SAT).date == SAT


def test_a_session_label_listed_after_a_report_is_a_day_to_come() -> None:
    text = "run-walk 45 min on the canal. wednesday strength with Jo, thursday hills"
    assert in_plan(text, TUE + dt.timedelta(days=7)).date == TUE + dt.timedelta(days=7)


def test_sun_before_didnt_is_sunday() -> None:
    text = "Weekend: sat 5h hike with pack, sun didn't bother with the recovery walk, too sore"
    reading = in_plan(text, MON)
    assert (reading.date, reading.skipped) == (SUN, True)


def test_the_latest_day_told_done_is_read_when_today_is_still_to_come() -> None:
    text = (
        "catching up: sat hike 4h, then ran sunday 40 min. monday rest, tuesday run 45 min. "
        "strength tonight"
    )
    reading = in_plan(text, WED + dt.timedelta(days=7))
    assert (reading.date, reading.duration_min) == (TUE + dt.timedelta(days=7), 45)


@pytest.mark.parametrize(
    ("text", "rpe"),
    [
        ("hills today. rpe somewhere around 8 or 9, properly cooked", 9),
        ("hill repeats 10 x 30s on the steep lane. maybe 6-7. calves burning", 7),
        ("long hike, 5h, felt strong the whole way, maybe 6 at the very end", 6),
    ],
)
def test_an_effort_told_loosely_is_read(text: str, rpe: int) -> None:
    assert read_checkin(text, THU).rpe == rpe


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("long hike, 4h30ish, pack 8 kg", 270), ("I make the long hike, 5 hours and half", 330)],
)
def test_loose_hours_and_minutes_are_read(text: str, minutes: int) -> None:
    assert read_checkin(text, SAT).duration_min == minutes


def test_hundreds_of_m_are_metres_not_minutes() -> None:
    assert read_checkin("long hike, 8kg, 950m, rpe 5", SAT).duration_min is None


def test_when_a_niggle_came_on_is_not_the_session_length() -> None:
    reading = in_plan("run-walk 45. the groin niggle is back, came on at 20 min", TUE)
    assert reading.duration_min == 45


def test_a_day_named_as_the_reason_after_a_report_is_not_its_day() -> None:
    reading = in_plan("hill walk done, 40 min, took it easy bc saturday was rough", THU)
    assert reading.date == THU


def test_an_old_injury_of_a_named_month_that_felt_ok_is_no_pain() -> None:
    reading = read_checkin("easy run 1hr. the ankle i rolled in march felt ok", TUE)
    assert reading.pain == []


def test_someone_elses_training_is_no_session_told() -> None:
    text = "rest day. my sister has shin splints from her marathon training. mine are fine"
    assert in_plan(text, FRI).activity == Activity.REST


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Lockerer Lauf, 50 Min. Knie links zwickt ein bisschen am Anfang", PainSite.KNEE),
        ("easy run 40 min, rodilla derecha molesta en las bajadas", PainSite.KNEE),
        ("rando de 5h, cheville un peu douloureuse dans la descente", PainSite.ANKLE),
    ],
)
def test_pain_told_in_another_language_is_read(text: str, site: PainSite) -> None:
    assert site in read_checkin(text, TUE).pain


def test_a_weekday_named_in_another_language_dates_the_report() -> None:
    reading = in_plan("samedi: grosse rando, 6h avec 10 kg. fatigué mais content", MON)
    assert (reading.date, reading.activity) == (SAT, Activity.HIKE)


def test_ill_typed_for_ill_is_no_illness() -> None:
    reading = read_message("ill do the hills tomorrow instead, work ran late", THU, PLAN)
    assert not reading.checkin.illness


def test_feeling_ill_is_still_illness() -> None:
    assert read_checkin("feeling ill, staying in bed", THU).illness


def test_a_weekday_the_session_needs_doing_on_is_a_day_to_come() -> None:
    reading = in_plan("skipped hills, so I need to do them friday", THU + dt.timedelta(days=7))
    assert reading.date == THU + dt.timedelta(days=7)


def test_a_flatmates_shin_splints_are_hers() -> None:
    text = "easy run 45 min, knee fine. Flatmate has shin splints from her couch to 5k"
    assert read_checkin(text, TUE).pain == []


def test_what_someone_else_will_do_is_no_session_of_today() -> None:
    text = "Day 1! 30 min easy walk round the park. Dave reckons he'll beat me up Pen y Fan"
    reading = in_plan(text, START)
    assert (reading.activity, reading.hard) == (Activity.WALK, False)


def test_bouldering_is_another_sport() -> None:
    text = "No strength today, did 2 hours bouldering at the climbing wall instead"
    assert read_checkin(text, WED).activity == Activity.OTHER


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("Easy run before work, 6:05–6:58, 9.6 km", 53), ("long hike 9:15 to 2:45, 12kg", 330)],
)
def test_a_start_and_finish_time_give_the_length(text: str, minutes: int) -> None:
    assert read_checkin(text, SAT).duration_min == minutes


def test_a_range_of_paces_is_no_length() -> None:
    assert read_checkin("easy run, pace 6:10-6:30/km, felt good", TUE).duration_min is None


def test_a_day_told_with_its_plan_as_the_is_a_day_to_come() -> None:
    text = "Easy run, 30 min, slow. Saturday's the club hike, 18 km in the Chilterns"
    assert in_plan(text, TUE + dt.timedelta(days=7)).date == TUE + dt.timedelta(days=7)


def test_not_gonna_lie_is_no_plan() -> None:
    text = "Did the Horseshoe with 15kg, 7h. Not gonna lie it flattened me."
    assert read_checkin(text, SAT).hard


def test_a_report_of_today_before_yesterdays_label_is_todays() -> None:
    reading = in_plan("core + legs 30 mins. yesterdays run was 50 min btw", WED)
    assert (reading.date, reading.activity, reading.duration_min) == (WED, Activity.STRENGTH, 30)


def test_a_day_eaten_by_something_else_is_a_skip() -> None:
    reading = read_message("no sunday session, family lunch ate the whole day", SUN, PLAN)
    assert reading.checkin.skipped


def test_running_for_the_train_is_no_run() -> None:
    reading = in_plan("Rest day today, but had to run for the train lol", THU)
    assert reading.activity == Activity.REST
