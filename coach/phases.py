"""The three phases of the programme and the weeks each covers."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Phase(BaseModel):
    model_config = ConfigDict(frozen=True)

    number: int
    first_week: int
    last_week: int
    name: str
    summary: str

    @property
    def weeks_text(self) -> str:
        return f"weeks {self.first_week}–{self.last_week}"


PHASES: tuple[Phase, ...] = (
    Phase(
        number=1,
        first_week=1,
        last_week=4,
        name="Run-walk on trail",
        summary="5 minutes of easy running, 3 minutes of walking, repeated for 40–50 minutes. "
        "The walking lets tendons catch up with your lungs.",
    ),
    Phase(
        number=2,
        first_week=5,
        last_week=8,
        name="Continuous easy running",
        summary="Run the flats and downhills without stopping and power-hike the climbs, "
        "building to 45–60 minutes on moderate terrain.",
    ),
    Phase(
        number=3,
        first_week=9,
        last_week=12,
        name="Zone 2 and hill repeats",
        summary="Most running at conversational pace (Zone 2), plus one weekly session of "
        "20–40 second hard uphill efforts, walking back down to recover.",
    ),
)


def phase_for_week(week: int) -> Phase:
    """The phase of programme week `week` (1–12)."""
    for phase in PHASES:
        if phase.first_week <= week <= phase.last_week:
            return phase
    raise ValueError(f"week must be between 1 and 12, not {week}")
