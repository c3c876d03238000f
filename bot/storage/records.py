"""Stored things the coach has no model for."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel


class UnansweredQuestion(BaseModel):
    """A question the coach could not answer well, kept so the answers can grow."""

    id: int | None = None
    user_id: int | None = None
    text: str
    score: float
    created_at: dt.datetime | None = None
