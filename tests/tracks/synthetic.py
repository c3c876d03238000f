"""Synthetic routes with known truth: legs of walking, climbing and stopping, sampled like a
watch with GPS noise.

The noise is modelled on consumer GPS: position error drifts slowly (an Ornstein-Uhlenbeck
process, 3 m, 60 s correlation) with a little white jitter; GPS altitude has 3 m of white noise
plus a slower 2 m drift (300 s), occasional spikes, dropouts and sentinel values. The truth is
what the legs say, before noise: distance, climb, descent, moving and elapsed time.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from coach.tracks import EARTH_RADIUS_M, TrackPoint

START = dt.datetime(2026, 12, 12, 8, 0, tzinfo=dt.UTC)  # a Saturday, week 1 of a 7 Dec start
HOME = (46.55, 8.05)  # the Bernese Oberland


@dataclass(frozen=True)
class Leg:
    """`seconds` of moving at `speed_mps` across the map while the ground rises `climb_m`
    (negative: falls); speed 0 and climb 0 is a stop."""

    seconds: int
    speed_mps: float = 0.0
    climb_m: float = 0.0

    @property
    def moving(self) -> bool:
        return self.speed_mps > 0 or self.climb_m != 0


@dataclass(frozen=True)
class Noise:
    position_m: float = 3.0
    position_tau_s: float = 60.0
    jitter_m: float = 0.7
    elevation_m: float = 3.0
    elevation_drift_m: float = 2.0
    elevation_tau_s: float = 300.0
    spikes: int = 0  # single samples 80 m off
    dropouts: int = 0  # samples without elevation
    sentinels: int = 0  # samples at -500 m


QUIET = Noise(0, 60, 0, 0, 0, 300)


@dataclass(frozen=True)
class Truth:
    distance_m: float
    ascent_m: float
    descent_m: float
    moving_s: float
    elapsed_s: float


@dataclass(frozen=True)
class Route:
    legs: tuple[Leg, ...]
    start_elevation_m: float = 600.0
    start_at: dt.datetime = START
    interval_s: int = 1
    noise: Noise = field(default_factory=Noise)
    seed: int = 1

    @property
    def truth(self) -> Truth:
        return Truth(
            distance_m=sum(leg.speed_mps * leg.seconds for leg in self.legs),
            ascent_m=sum(leg.climb_m for leg in self.legs if leg.climb_m > 0),
            descent_m=-sum(leg.climb_m for leg in self.legs if leg.climb_m < 0),
            moving_s=sum(leg.seconds for leg in self.legs if leg.moving),
            elapsed_s=sum(leg.seconds for leg in self.legs),
        )

    @property
    def end_at(self) -> dt.datetime:
        return self.start_at + dt.timedelta(seconds=self.truth.elapsed_s)

    def samples(self) -> Iterator[tuple[dt.datetime, float, float, float | None, float]]:
        """(time, lat, lon, elevation or None, true distance so far) once every interval."""
        rng = random.Random(self.seed)
        noise = self.noise
        total = int(self.truth.elapsed_s)
        bad = rng.sample(range(total), noise.spikes + noise.dropouts + noise.sentinels)
        spikes = set(bad[: noise.spikes])
        dropouts = set(bad[noise.spikes : noise.spikes + noise.dropouts])
        sentinels = set(bad[noise.spikes + noise.dropouts :])
        east = north = 0.0
        ele = self.start_elevation_m
        travelled = 0.0
        drift = [0.0, 0.0, 0.0]
        steps = iter(self._seconds())
        for second in range(total + 1):
            drift[0] = _ou(rng, drift[0], noise.position_m, noise.position_tau_s)
            drift[1] = _ou(rng, drift[1], noise.position_m, noise.position_tau_s)
            drift[2] = _ou(rng, drift[2], noise.elevation_drift_m, noise.elevation_tau_s)
            if second % self.interval_s == 0:
                e = east + drift[0] + rng.gauss(0, noise.jitter_m or 1e-9)
                n = north + drift[1] + rng.gauss(0, noise.jitter_m or 1e-9)
                lat = HOME[0] + math.degrees(n / EARTH_RADIUS_M)
                lon = HOME[1] + math.degrees(
                    e / (EARTH_RADIUS_M * math.cos(math.radians(HOME[0])))
                )
                elevation: float | None = ele + drift[2] + rng.gauss(0, noise.elevation_m or 1e-9)
                if second in spikes:
                    elevation = ele + 80
                elif second in dropouts:
                    elevation = None
                elif second in sentinels:
                    elevation = -500.0
                time = self.start_at + dt.timedelta(seconds=second)
                yield time, lat, lon, elevation, travelled
            if second == total:
                break
            leg = next(steps)
            heading = 0.6 + 0.9 * math.sin(second / 900)  # a winding trail, radius > 500 m
            east += leg.speed_mps * math.sin(heading)
            north += leg.speed_mps * math.cos(heading)
            travelled += leg.speed_mps
            ele += leg.climb_m / leg.seconds

    def points(self) -> list[TrackPoint]:
        return [
            TrackPoint(time=t, lat=lat, lon=lon, elevation_m=e)
            for t, lat, lon, e, _ in self.samples()
        ]

    def _seconds(self) -> Iterator[Leg]:
        for leg in self.legs:
            for _ in range(leg.seconds):
                yield leg


def _ou(rng: random.Random, value: float, sigma: float, tau: float) -> float:
    """One second of an Ornstein-Uhlenbeck process with stationary deviation `sigma`."""
    if sigma == 0:
        return 0.0
    keep = math.exp(-1 / tau)
    return value * keep + rng.gauss(0, sigma * math.sqrt(1 - keep * keep))


MINUTE = 60
HOUR = 3600


def long_hike(interval_s: int = 1, noise: Noise | None = None) -> Route:
    """A 5-hour Saturday hike: 15.1 km, 905 m up and down, a 30-minute lunch near the top."""
    legs = (
        Leg(20 * MINUTE, 1.3),
        Leg(80 * MINUTE, 0.8, 520),
        Leg(10 * MINUTE, 1.2, -40),
        Leg(40 * MINUTE, 0.7, 385),
        Leg(30 * MINUTE),
        Leg(70 * MINUTE, 0.9, -560),
        Leg(20 * MINUTE, 1.0, -305),
        Leg(30 * MINUTE, 1.3),
    )
    chosen = noise or Noise(spikes=20, dropouts=30, sentinels=10)
    return Route(legs, interval_s=interval_s, noise=chosen)


def flat_walk() -> Route:
    """Two hours on the flat, noise only: nothing to climb."""
    return Route((Leg(2 * HOUR, 1.3),), start_elevation_m=430.0, seed=7)


def lunch_and_steep_climb() -> Route:
    """A walk in, a slow steep climb (0.15 m/s across, 0.08 m/s up), lunch, a walk down."""
    legs = (
        Leg(20 * MINUTE, 1.3),
        Leg(30 * MINUTE, 0.15, 144),
        Leg(45 * MINUTE),
        Leg(25 * MINUTE, 1.1, -144),
    )
    return Route(legs, seed=3)


def trail_run() -> Route:
    """A 50-minute Zone 2 trail run: 8.6 km with 120 m up and down."""
    legs = (Leg(25 * MINUTE, 2.9, 120), Leg(25 * MINUTE, 2.85, -120))
    return Route(legs, start_at=START - dt.timedelta(days=4), seed=5)
