"""/export: the whole record as one JSON document, versioned, raw words kept exactly."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from pydantic import ValidationError

from bot.export import AthleteExport, export_filename, export_json, export_schema
from bot.storage.records import ReminderRecord, ReminderStatus, UnansweredQuestion
from coach.adjustments import adjustments_after_checkin
from coach.athletes import Athlete, Experience
from coach.checkins import Activity, LoggedCheckin, PainSite
from coach.safety import Injury
from coach.schedule import Schedule
from tests.athlete_record import START, full_programme

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "docs" / "export-schema-v1.json"
NOW = dt.datetime(2027, 1, 13, 7, 30, tzinfo=dt.UTC)
EMOJI_TEXT = "long hike 6h, wrecked 😵‍💫 but happy ⛰️ — knee “a bit” sore"


@pytest.fixture
def record() -> AthleteExport:
    checkins = full_programme()[:30]
    hard = LoggedCheckin(
        id=99,
        date=dt.date(2026, 12, 26),
        activity=Activity.HIKE,
        duration_min=360,
        rpe=9,
        pain=[PainSite.KNEE],
        raw_text=EMOJI_TEXT,
        created_at=dt.datetime(2026, 12, 26, 18, 5, tzinfo=dt.UTC),
    )
    return AthleteExport(
        exported_at=NOW,
        profile=Athlete(
            user_id=4242,
            chat_id=4242,
            display_name="Anna Müller",
            timezone="Europe/Zurich",
            reminder_time=dt.time(7, 0),
            start_date=START,
            experience=Experience.SOME,
        ),
        checkins=[*checkins, hard],
        adjustments=adjustments_after_checkin(hard, [*checkins, hard], Schedule(start=START)),
        injuries=[Injury(site=PainSite.KNEE, reported_on=hard.date, opened_by=99, id=1)],
        reminders=[
            ReminderRecord(
                local_date=dt.date(2027, 1, 12),
                status=ReminderStatus.SENT,
                due_at=dt.datetime(2027, 1, 12, 6, 0, tzinfo=dt.UTC),
                sent_at=dt.datetime(2027, 1, 12, 6, 0, 3, tzinfo=dt.UTC),
            )
        ],
        unanswered_questions=[
            UnansweredQuestion(id=3, user_id=4242, text="can I bring my dog? 🐕", score=0.31)
        ],
    )


def test_the_record_has_an_adjustment_to_export(record: AthleteExport) -> None:
    assert len(record.adjustments) == 1


def test_the_document_round_trips_through_the_model(record: AthleteExport) -> None:
    assert AthleteExport.model_validate_json(export_json(record)) == record


def test_the_document_says_its_schema_version(record: AthleteExport) -> None:
    assert json.loads(export_json(record))["schema_version"] == 1


def test_a_document_of_another_schema_version_is_refused(record: AthleteExport) -> None:
    document = json.loads(export_json(record)) | {"schema_version": 2}
    with pytest.raises(ValidationError):
        AthleteExport.model_validate(document)


def test_raw_text_is_kept_exactly_with_its_emoji(record: AthleteExport) -> None:
    text = export_json(record)
    assert EMOJI_TEXT in text
    assert json.loads(text)["checkins"][-1]["raw_text"] == EMOJI_TEXT


def test_every_check_in_keeps_its_raw_text(record: AthleteExport) -> None:
    exported = json.loads(export_json(record))["checkins"]
    assert [c["raw_text"] for c in exported] == [c.raw_text for c in record.checkins]


def test_the_document_is_indented_by_two_and_ends_with_a_newline(record: AthleteExport) -> None:
    text = export_json(record)
    assert text.startswith('{\n  "schema_version": 1,') and text.endswith("}\n")


def test_dates_and_instants_are_iso_8601(record: AthleteExport) -> None:
    document = json.loads(export_json(record))
    assert document["exported_at"] == "2027-01-13T07:30:00Z"
    assert document["profile"]["start_date"] == "2026-12-07"
    assert document["profile"]["reminder_time"] == "07:00:00"


def test_the_document_holds_every_part_of_the_record(record: AthleteExport) -> None:
    document = json.loads(export_json(record))
    assert {key: len(document[key]) for key in list(document)[3:]} == {
        "checkins": 31,
        "adjustments": 1,
        "injuries": 1,
        "reminders": 1,
        "unanswered_questions": 1,
    }


def test_the_committed_schema_is_the_one_the_model_makes() -> None:
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == export_schema(), "regenerate: python -m bot.export > " + str(SCHEMA_FILE)


def test_the_document_validates_against_the_committed_schema(record: AthleteExport) -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(json.loads(export_json(record)))


def test_the_committed_schema_refuses_a_check_in_without_a_date(record: AthleteExport) -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    document = json.loads(export_json(record))
    del document["checkins"][0]["date"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(document)


def test_the_file_name_carries_the_export_date(record: AthleteExport) -> None:
    assert export_filename(record) == "trailcoach-export-2027-01-13.json"
