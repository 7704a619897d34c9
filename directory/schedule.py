"""Opening hours: parse the compact text form, test times, render for people (pure)."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from directory.constants import TIME_OF_DAY_MIN_OVERLAP, TIME_OF_DAY_WINDOWS, WEEKDAYS


@dataclass(frozen=True, order=True)
class Slot:
    """One weekly opening slot: weekday 0 (Monday) … 6 (Sunday), opens < closes."""

    weekday: int
    opens: dt.time
    closes: dt.time


_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")
_PART = re.compile(r"^\s*([A-Za-z,\-\s]+?)\s+(\S+)\s*-\s*(\S+)\s*$")


def parse_time(value: str) -> dt.time:
    """Parse ``HH:MM`` (or ``H.MM``) into a time; raise ValueError with a clear message."""
    match = _TIME.match(value.strip())
    if not match:
        raise ValueError(f"{value!r} is not a time like 08:30")
    return dt.time(int(match.group(1)), int(match.group(2)))


def parse_days(spec: str) -> list[int]:
    """Parse ``MO-FR`` or ``TU,TH`` or ``SA`` into weekday numbers."""
    days: list[int] = []
    for part in spec.replace(" ", "").upper().split(","):
        if not part:
            continue
        if "-" in part:
            start, end = part.split("-", 1)
            i, j = _day_index(start), _day_index(end)
            if j < i:
                raise ValueError(f"day range {part!r} runs backwards")
            days.extend(range(i, j + 1))
        else:
            days.append(_day_index(part))
    if not days:
        raise ValueError(f"no weekday in {spec!r}")
    return days


def _day_index(code: str) -> int:
    if code not in WEEKDAYS:
        raise ValueError(f"{code!r} is not a weekday (use {', '.join(WEEKDAYS)})")
    return WEEKDAYS.index(code)


def make_slots(days: Iterable[str | int], opens: str, closes: str) -> list[Slot]:
    """Build slots for several days; raise ValueError unless ``opens`` < ``closes``."""
    start, end = parse_time(opens), parse_time(closes)
    if not start < end:
        raise ValueError(f"opens at {opens} but closes at {closes}: closing must be later")
    indices = [d if isinstance(d, int) else _day_index(d.upper()) for d in days]
    return [Slot(d, start, end) for d in indices]


def parse_schedule(text: str) -> list[Slot]:
    """Parse ``"MO-FR 08:30-12:00; TU,TH 15:00-18:00"`` into sorted slots.

    Raises:
        ValueError: with a message naming the bad part.
    """
    slots: list[Slot] = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        match = _PART.match(part)
        if not match:
            raise ValueError(f"{part!r} is not like 'MO-FR 08:30-12:00'")
        slots.extend(make_slots(parse_days(match.group(1)), match.group(2), match.group(3)))
    return sorted(set(slots))


def format_schedule_compact(slots: Iterable[Slot]) -> str:
    """Render slots back into the compact text form parsed by :func:`parse_schedule`."""
    return "; ".join(
        f"{_days_spec(days)} {opens:%H:%M}-{closes:%H:%M}" for (opens, closes), days in _grouped(slots)
    )


def _grouped(slots: Iterable[Slot]) -> list[tuple[tuple[dt.time, dt.time], list[int]]]:
    """Group slots with the same hours, in weekday order of their first day."""
    groups: dict[tuple[dt.time, dt.time], list[int]] = {}
    for slot in sorted(slots):
        groups.setdefault((slot.opens, slot.closes), []).append(slot.weekday)
    return sorted(groups.items(), key=lambda item: (item[1][0], item[0]))


def _runs(days: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for day in sorted(set(days)):
        if runs and runs[-1][1] == day - 1:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def _days_spec(days: list[int]) -> str:
    return ",".join(
        WEEKDAYS[a] if a == b else f"{WEEKDAYS[a]}-{WEEKDAYS[b]}" for a, b in _runs(days)
    )


def format_schedule(
    slots: Iterable[Slot],
    *,
    day_names: list[str],
    time_format: Callable[[dt.time], str] = lambda t: t.strftime("%H:%M"),
    range_sep: str = "–",
) -> list[str]:
    """Render slots as human-readable lines, e.g. ``"Mo–Fr 08:30–12:00"``.

    Args:
        slots: the opening slots.
        day_names: seven short weekday names in the reader's language (from locales).
        time_format: renders a time (lets Arabic/Persian use their digits).
        range_sep: separator between first and last day / opening and closing.
    """
    lines = []
    for (opens, closes), days in _grouped(slots):
        day_text = ", ".join(
            day_names[a] if a == b else f"{day_names[a]}{range_sep}{day_names[b]}"
            for a, b in _runs(days)
        )
        lines.append(f"{day_text} {time_format(opens)}{range_sep}{time_format(closes)}")
    return lines


def is_open_at(slots: Iterable[Slot], moment: dt.datetime) -> bool:
    """Tell whether any slot covers ``moment`` (local time)."""
    t = moment.time()
    return any(s.weekday == moment.weekday() and s.opens <= t < s.closes for s in slots)


def matches_time_of_day(slots: Iterable[Slot], time_of_day: str) -> bool:
    """Tell whether any slot lies in ``time_of_day`` (morning/afternoon/evening/weekend)."""
    if time_of_day == "weekend":
        return any(s.weekday >= 5 for s in slots)
    start, end = TIME_OF_DAY_WINDOWS[time_of_day]
    return any(_minutes(s.opens) <= end - TIME_OF_DAY_MIN_OVERLAP
               and _minutes(s.closes) >= start + TIME_OF_DAY_MIN_OVERLAP for s in slots)


def _minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute
