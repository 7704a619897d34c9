"""Opening hours: parsing, rendering, time tests."""
from __future__ import annotations

import datetime as dt

import pytest

from directory.schedule import (
    Slot,
    format_schedule,
    format_schedule_compact,
    is_open_at,
    matches_time_of_day,
    parse_schedule,
)

DAYS = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MO-FR 08:30-12:00", ["Mo–Fr 08:30–12:00"]),
        ("MO-FR 08:30-12:00; TU,TH 15:00-18:00", ["Mo–Fr 08:30–12:00", "Di, Do 15:00–18:00"]),
        ("SA 10:00-13:00", ["Sa 10:00–13:00"]),
        ("mo,we,fr 9.00-11.30", ["Mo, Mi, Fr 09:00–11:30"]),
    ],
)
def test_parse_and_render(text: str, expected: list[str]) -> None:
    assert format_schedule(parse_schedule(text), day_names=DAYS) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("MO 12:00-08:00", "closing must be later"),
        ("XX 08:00-09:00", "is not a weekday"),
        ("MO 25:00-26:00", "is not a time"),
        ("FR-MO 08:00-09:00", "runs backwards"),
        ("Montag früh", "is not like"),
    ],
)
def test_bad_schedules_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_schedule(text)


def test_compact_round_trip() -> None:
    text = "MO-FR 08:30-12:00; TU,TH 15:00-18:00; SA 10:00-12:00"
    assert format_schedule_compact(parse_schedule(text)) == text


def test_open_at_and_time_of_day() -> None:
    slots = [Slot(1, dt.time(17, 30), dt.time(20, 0))]
    tuesday_evening = dt.datetime(2026, 11, 24, 18, 0)
    assert is_open_at(slots, tuesday_evening)
    assert not is_open_at(slots, tuesday_evening.replace(hour=20))
    assert matches_time_of_day(slots, "evening")
    assert not matches_time_of_day(slots, "morning")
    assert not matches_time_of_day(slots, "weekend")


@pytest.mark.parametrize(
    ("text", "time_of_day", "expected"),
    [
        ("MO 15:00-18:00", "evening", False),   # a practice's afternoon hours
        ("MO 16:00-19:00", "evening", True),
        ("MO 18:00-20:00", "evening", True),
        ("MO 11:30-14:00", "morning", False),   # only 30 minutes of the morning
        ("MO 08:00-12:00", "morning", True),
        ("MO 13:00-16:00", "afternoon", True),
        ("SA 10:00-12:00", "weekend", True),
    ],
)
def test_time_of_day_needs_a_real_overlap(text: str, time_of_day: str, expected: bool) -> None:
    assert matches_time_of_day(parse_schedule(text), time_of_day) is expected
