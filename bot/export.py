"""/export: the athlete's whole record as one JSON document, with a schema version.

`AthleteExport` holds everything kept about one athlete: the profile and settings, every
check-in with the words exactly as sent, the adjustments made to the plan, injuries, the
reminders and what became of them, and the questions the coach could not answer. The caller
fills it from storage; `export_json` writes it. docs/export-schema-v1.json is the JSON Schema
of version 1, generated from the model (`python -m bot.export > docs/export-schema-v1.json`).

A change that removes or retypes a field raises `SCHEMA_VERSION`; adding a field does not.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from bot.storage.records import ReminderRecord, UnansweredQuestion
from coach.adjustments import Adjustment
from coach.athletes import Athlete
from coach.checkins import LoggedCheckin
from coach.safety import Injury

SCHEMA_VERSION = 1
MEDIA_TYPE = "application/json"


class AthleteExport(BaseModel):
    """Everything TrailCoach keeps about one athlete, as of `exported_at`."""

    model_config = ConfigDict(frozen=True, title="TrailCoach athlete export")

    schema_version: Literal[1] = SCHEMA_VERSION
    exported_at: dt.datetime
    profile: Athlete
    checkins: list[LoggedCheckin] = Field(default_factory=list)
    adjustments: list[Adjustment] = Field(default_factory=list)
    injuries: list[Injury] = Field(default_factory=list)
    reminders: list[ReminderRecord] = Field(default_factory=list)
    unanswered_questions: list[UnansweredQuestion] = Field(default_factory=list)


def export_json(record: AthleteExport) -> str:
    """The record as JSON: UTF-8 text as written (no \\u escapes), indented by 2, dates and
    instants in ISO 8601, ending in a newline."""
    return record.model_dump_json(indent=2) + "\n"


def export_filename(record: AthleteExport) -> str:
    """A file name for the document, dated by the export: trailcoach-export-2027-01-13.json."""
    return f"trailcoach-export-{record.exported_at.date().isoformat()}.json"


def export_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the document `export_json` writes."""
    schema = AthleteExport.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema"} | schema


if __name__ == "__main__":
    print(json.dumps(export_schema(), indent=2, ensure_ascii=False))
