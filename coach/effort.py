"""How much a hike asked of the legs: climb and pack folded into its load, from published rules.

RPE × minutes (Foster's session-RPE, `coach.load.session_load`) stays the headline load: it is
what the athlete is shown and what typed check-ins carry. A recorded hike also knows its
distance, climb and, from the caption, the pack; `hike_load` turns those into an *effort load*
in the same units, for the hard-weekend-hike rule to compare.

Sources, and why these and not others:

- **Equivalent flat distance.** Naismith's rule (W. W. Naismith, 1892): 1 hour per 5 km (3 mi)
  on the flat plus 1 hour per 600 m (2,000 ft) of ascent, so 1 km of climb costs the time of
  about 8.3 km of flat walking. Scarf (2007, *Route choice in mountain navigation, Naismith's
  rule, and the equivalence of distance and climb*, J. Sports Sci. 25:719–726) fitted hill
  races and found 1 km of climb ≈ 7.92 km of flat. We use 8. ITRA's "km-effort" (distance in
  km + metres of ascent / 100, i.e. 10 km per km of climb) is calibrated on trail *running*
  races, where the flat is run and the climbs are walked, so climb weighs more against the flat;
  for people walking the whole way Naismith's and Scarf's figure is the better fit. Descent is
  left out, as both ITRA and Naismith's original rule leave it out.
- **Pack.** Pandolf et al. (1977, *Predicting energy expenditure with loads while standing or
  walking very slowly*, J. Appl. Physiol. 43:577–581): for moderate loads the metabolic cost of
  walking grows with the total mass moved, body plus load. Without the athlete's body mass we
  take a 70 kg reference, so each kilogram of pack adds about 1.4%; a 12 kg pack, 17%.

The effort load: RPE × minutes × pace factor × pack factor, where the pace factor is how much
faster than Naismith's time for the route the athlete moved (never below 1). Climbing already
shows in the minutes, since a climb takes longer; counting it again would double it. What the
minutes miss is a day that covered more ground and climb than its time suggests, and the pack's
extra cost per minute. So a big, fast mountain day with a heavy pack weighs more in the Thursday
rule; a slow day over the same route is already heavy in minutes.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field

# Naismith (1892) / Scarf (2007): 1 km of ascent costs about 8 km of flat walking.
FLAT_KM_PER_KM_CLIMB = 8.0
# Naismith's flat pace: 5 km/h, i.e. 12 minutes per (equivalent) km.
NAISMITH_MINUTES_PER_KM = 12.0
# Pandolf (1977): cost scales with body + load; a 70 kg reference body.
REFERENCE_BODY_KG = 70.0
MAX_PACK_KG = 40.0
# A GPS glitch or a mistyped pack must not make one hike count many times over.
MAX_EFFORT_FACTOR = 2.0


class HikeLoad(BaseModel):
    """The headline load (RPE × minutes) and the effort load the hard-hike rule compares."""

    model_config = ConfigDict(frozen=True)

    load: int = Field(ge=0)
    effort_load: int = Field(ge=0)
    effort_km: float | None = None
    pace_factor: float = 1.0
    pack_factor: float = 1.0


def effort_km(distance_km: float, climb_m: float) -> float:
    """Equivalent flat kilometres: distance plus 8 km for each km of ascent (Naismith, Scarf)."""
    if distance_km < 0 or climb_m < 0:
        raise ValueError("distance and climb must not be negative")
    return distance_km + FLAT_KM_PER_KM_CLIMB * climb_m / 1000


def naismith_minutes(distance_km: float, climb_m: float) -> float:
    """Naismith's moving minutes for a route: 12 per equivalent flat km (5 km/h)."""
    return NAISMITH_MINUTES_PER_KM * effort_km(distance_km, climb_m)


def pack_factor(pack_kg: float | None) -> float:
    """1 + pack / 70 kg (Pandolf: cost grows with total mass carried); 1 without a pack."""
    if pack_kg is None or pack_kg <= 0:
        return 1.0
    return 1.0 + min(pack_kg, MAX_PACK_KG) / REFERENCE_BODY_KG


def hike_load(
    rpe: int,
    minutes: int,
    distance_km: float | None = None,
    climb_m: float | None = None,
    pack_kg: float | None = None,
    moving_minutes: float | None = None,
) -> HikeLoad:
    """RPE × minutes as the headline load, and the effort load with the route and pack folded in.

    The pace factor compares Naismith's time for the route with the minutes moving
    (`moving_minutes`, else `minutes`); without a distance it is 1. The effort load is never
    below the headline load, so a hike sent as a file never counts for less than the same hike
    typed in, and never above twice it.
    """
    if not 1 <= rpe <= 10:
        raise ValueError(f"RPE must be between 1 and 10, not {rpe}")
    if minutes < 0:
        raise ValueError(f"minutes must not be negative, not {minutes}")
    load = rpe * minutes
    equivalent = None
    pace = 1.0
    if distance_km is not None:
        equivalent = effort_km(distance_km, climb_m or 0.0)
        moving = moving_minutes if moving_minutes is not None else minutes
        if moving > 0:
            pace = max(1.0, NAISMITH_MINUTES_PER_KM * equivalent / moving)
    pack = pack_factor(pack_kg)
    factor = min(pace * pack, MAX_EFFORT_FACTOR)
    return HikeLoad(
        load=load,
        effort_load=round(load * factor),
        effort_km=None if equivalent is None else round(equivalent, 2),
        pace_factor=round(pace, 3),
        pack_factor=round(pack, 3),
    )


_PACK = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[.,]\d)?)\s*(kg|kgs|kilos?|kilograms?|lbs?|pounds?)\b",
    re.IGNORECASE,
)
_POUND_KG = 0.4536


def read_pack_kg(text: str) -> float | None:
    """The pack weight a caption mentions ("12 kg pack", "carried 25 lb"), in kg; else None.

    A weight in a caption sent with a hike is taken to be the pack: hikers do not caption a
    recording with their body weight. Above 40 kg is not a pack anyone hikes with: None.
    """
    match = _PACK.search(text)
    if match is None:
        return None
    value = float(match.group(1).replace(",", "."))
    if match.group(2).lower().startswith(("lb", "pound")):
        value *= _POUND_KG
    if not 0 < value <= MAX_PACK_KG:
        return None
    return round(value, 1)
