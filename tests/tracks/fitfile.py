"""A small FIT encoder for test fixtures: file header, definition and data messages, CRCs.

Written from the public description of the FIT protocol (header, record headers, base types,
the CRC-16 of the SDK's reference); Garmin's SDK is not used. Only what the fixtures need:
little-endian definitions, normal record headers, no developer fields, no compressed times.
"""

from __future__ import annotations

import datetime as dt
import struct
from collections.abc import Sequence
from dataclasses import dataclass

FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)
PROFILE_VERSION = 2132

# Base types: (number, struct format, invalid value).
ENUM = (0x00, "B", 0xFF)
UINT8 = (0x02, "B", 0xFF)
UINT16 = (0x84, "H", 0xFFFF)
SINT32 = (0x85, "i", 0x7FFFFFFF)
UINT32 = (0x86, "I", 0xFFFFFFFF)
UINT32Z = (0x8C, "I", 0x00000000)

# Global message numbers and the fields the fixtures write (number, base type).
FILE_ID = 0
FILE_ID_FIELDS = ((0, ENUM), (1, UINT16), (2, UINT16), (3, UINT32Z), (4, UINT32))
RECORD = 20
RECORD_FIELDS = ((253, UINT32), (0, SINT32), (1, SINT32), (78, UINT32), (5, UINT32))
SESSION = 18
SESSION_FIELDS = (
    (253, UINT32),
    (2, UINT32),
    (5, ENUM),
    (6, ENUM),
    (7, UINT32),
    (8, UINT32),
    (9, UINT32),
    (22, UINT16),
    (23, UINT16),
)
ACTIVITY = 34
ACTIVITY_FIELDS = ((253, UINT32), (0, UINT32), (1, UINT16), (2, ENUM), (3, ENUM), (4, ENUM))

FILE_TYPE_ACTIVITY = 4
FILE_TYPE_COURSE = 6
SPORT_GENERIC, SPORT_RUNNING, SPORT_WALKING, SPORT_HIKING, SPORT_TRAINING = 0, 1, 11, 17, 10
SUB_SPORT_GENERIC, SUB_SPORT_TREADMILL, SUB_SPORT_TRAIL = 0, 1, 3

_CRC_TABLE = (
    0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
    0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
)  # fmt: skip


def crc16(data: bytes, crc: int = 0) -> int:
    """The FIT CRC (CRC-16/ARC, computed a nibble at a time as the protocol describes)."""
    for byte in data:
        tmp = _CRC_TABLE[crc & 0xF]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ tmp ^ _CRC_TABLE[byte & 0xF]
        tmp = _CRC_TABLE[crc & 0xF]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ tmp ^ _CRC_TABLE[(byte >> 4) & 0xF]
    return crc


def fit_time(moment: dt.datetime) -> int:
    return int((moment - FIT_EPOCH).total_seconds())


def semicircles(degrees: float) -> int:
    return round(degrees * 2**31 / 180)


@dataclass
class _Definition:
    global_number: int
    fields: tuple[tuple[int, tuple[int, str, int]], ...]

    @property
    def layout(self) -> str:
        return "<" + "".join(base[1] for _, base in self.fields)


class FitWriter:
    """Messages in order; `to_bytes()` adds the 14-byte header and the file CRC."""

    def __init__(self) -> None:
        self.body = bytearray()
        self.definitions: dict[int, _Definition] = {}

    def define(
        self, local: int, global_number: int, fields: Sequence[tuple[int, tuple[int, str, int]]]
    ) -> None:
        definition = _Definition(global_number, tuple(fields))
        self.definitions[local] = definition
        self.body += struct.pack("<BBBHB", 0x40 | local, 0, 0, global_number, len(fields))
        for number, (base, fmt, _) in fields:
            self.body += struct.pack("<BBB", number, struct.calcsize("<" + fmt), base)

    def write(self, local: int, *values: int | None) -> None:
        definition = self.definitions[local]
        filled = [
            base[2] if value is None else value
            for value, (_, base) in zip(values, definition.fields, strict=True)
        ]
        self.body += bytes([local]) + struct.pack(definition.layout, *filled)

    def to_bytes(self) -> bytes:
        header = struct.pack("<BBHI4s", 14, 0x20, PROFILE_VERSION, len(self.body), b".FIT")
        header += struct.pack("<H", crc16(header))
        data = header + bytes(self.body)
        return data + struct.pack("<H", crc16(data))


@dataclass(frozen=True)
class FitSession:
    """Session totals as a watch writes them; None leaves a field invalid."""

    start_at: dt.datetime
    elapsed_s: float
    timer_s: float | None = None
    distance_m: float | None = None
    ascent_m: int | None = None
    descent_m: int | None = None
    sport: int = SPORT_HIKING
    sub_sport: int = SUB_SPORT_GENERIC


def encode_activity(
    samples: Sequence[tuple[dt.datetime, float | None, float | None, float | None, float | None]],
    session: FitSession | None,
    file_type: int = FILE_TYPE_ACTIVITY,
) -> bytes:
    """A FIT activity file: file_id, one record per (time, lat, lon, elevation, distance)
    sample, then the session and activity messages when `session` is given."""
    writer = FitWriter()
    created = session.start_at if session else samples[0][0]
    writer.define(0, FILE_ID, FILE_ID_FIELDS)
    writer.write(0, file_type, 255, 1, 4242, fit_time(created))
    writer.define(1, RECORD, RECORD_FIELDS)
    for time, lat, lon, elevation, distance in samples:
        writer.write(
            1,
            fit_time(time),
            None if lat is None else semicircles(lat),
            None if lon is None else semicircles(lon),
            None if elevation is None else round((elevation + 500) * 5),
            None if distance is None else round(distance * 100),
        )
    if session is not None:
        end = fit_time(session.start_at) + round(session.elapsed_s)
        writer.define(2, SESSION, SESSION_FIELDS)
        writer.write(
            2,
            end,
            fit_time(session.start_at),
            session.sport,
            session.sub_sport,
            round(session.elapsed_s * 1000),
            None if session.timer_s is None else round(session.timer_s * 1000),
            None if session.distance_m is None else round(session.distance_m * 100),
            session.ascent_m,
            session.descent_m,
        )
        writer.define(3, ACTIVITY, ACTIVITY_FIELDS)
        timer = session.timer_s if session.timer_s is not None else session.elapsed_s
        writer.write(3, end, round(timer * 1000), 1, 0, 26, 1)
    return writer.to_bytes()
