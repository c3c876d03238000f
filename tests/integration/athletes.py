"""Athletes seeded straight into the database, for tests that start past onboarding."""

from __future__ import annotations

import datetime as dt

from bot.storage.database import Database
from bot.storage.repositories import AthleteRepository
from coach.athletes import Athlete

START = dt.date(2026, 12, 7)  # a Monday


def seed(database: Database, user_id: int, **fields: object) -> Athlete:
    """An onboarded athlete in Berlin, reminded at 07:00, starting on Monday 7 December 2026."""
    values: dict[str, object] = {
        "user_id": user_id,
        "chat_id": user_id,
        "timezone": "Europe/Berlin",
        "reminder_time": dt.time(7),
        "start_date": START,
        **fields,
    }
    athlete = Athlete.model_validate(values)
    with database.session() as db:
        AthleteRepository(db).save(athlete)
    return athlete
