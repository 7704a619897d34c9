"""Deterministic extraction of filter values from free text with per-language lexicons.

``bot/lexicon/<lang>.yml`` maps entity → canonical value → surface phrases; a
trailing ``*`` matches any word starting with the phrase. Text and phrases are both
folded (case, diacritics, Arabic letter variants), so "Zahnärztin" meets "zahnarzt*".
All lexicons are searched: people mix languages.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from directory.constants import (
    DISTRICTS,
    GERMAN_LEVELS,
    SUBCATEGORY_PARENT,
    SUPPORTED_LANGUAGES,
    TARGET_GROUPS,
    TIMES_OF_DAY,
)
from directory.text import fold

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"
DETAIL_TYPES: tuple[str, ...] = ("hours", "address", "cost", "registration", "contact")
_LEVEL = re.compile(r"(?<![\w])([abc])\s?([12])(?![\w])", re.IGNORECASE)
#: Cyrillic letters people type for CEFR levels: А1, В1 / Б1, С1.
_CYRILLIC_LEVEL = str.maketrans({"а": "a", "б": "b", "в": "b", "с": "c"})


def _latin_levels(folded: str) -> str:
    """Write Cyrillic level letters (А1, В1, Б2, С1) as Latin ones; keeps the length."""
    return re.sub(r"(?<!\w)[абвс](?=\s?[12](?!\w))",
                  lambda m: m.group(0).translate(_CYRILLIC_LEVEL), folded)


def _phrase_pattern(phrase: str) -> str:
    folded = fold(phrase.strip())
    prefix = folded.endswith("*")
    folded = folded.rstrip("*").strip()
    body = r"\s+".join(re.escape(part) for part in folded.split())
    return rf"(?<!\w){body}" + (r"\w*" if prefix else r"(?!\w)")


@lru_cache(maxsize=1)
def patterns() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """Return compiled (value, pattern) lists per entity from every lexicon file."""
    table: dict[str, dict[str, list[str]]] = {}
    for path in sorted(LEXICON_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entity, values in data.items():
            for value, phrases in (values or {}).items():
                table.setdefault(entity, {}).setdefault(str(value), []).extend(
                    str(p) for p in phrases or [] if str(p).strip().strip("*"))
    for district in DISTRICTS:
        table.setdefault("district", {}).setdefault(district, []).append(district)
    compiled: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for entity, values in table.items():
        compiled[entity] = [
            (value, re.compile("|".join(_phrase_pattern(p) for p in sorted(set(phrases),
                                                                           key=len, reverse=True))))
            for value, phrases in values.items() if phrases
        ]
    return compiled


def find(entity: str, text: str) -> list[str]:
    """Return canonical values of ``entity`` mentioned in ``text``, in order of appearance."""
    folded = fold(text)
    if entity == "german_level":
        found = [f"{m.group(1).upper()}{m.group(2)}" for m in _LEVEL.finditer(_latin_levels(folded))]
        return [lvl for lvl in dict.fromkeys(found) if lvl in GERMAN_LEVELS]
    hits: list[tuple[int, int, str]] = []
    for value, pattern in patterns().get(entity, []):
        match = pattern.search(folded)
        if match:
            hits.append((match.start(), -len(match.group(0)), value))
    return [value for _, _, value in sorted(hits)]


def first(entity: str, text: str) -> str | None:
    """Return the first canonical value of ``entity`` in ``text``, or None."""
    values = find(entity, text)
    return values[0] if values else None


def feature_keys() -> list[tuple[str, str]]:
    """Return the fixed (entity, value) list that the NLU lexicon featurizer encodes.

    Derived from the codes in ``directory.constants`` (not from the lexicon files), so
    a model's feature layout never shifts when a phrase is added to a lexicon.
    """
    keys: list[tuple[str, str]] = [("german_level", level) for level in GERMAN_LEVELS]
    keys += [("time_of_day", v) for v in TIMES_OF_DAY] + [("cost", "free")]
    keys += [("district", d) for d in DISTRICTS]
    keys += [("spoken_language", code) for code in SUPPORTED_LANGUAGES]
    keys += [("language", code) for code in SUPPORTED_LANGUAGES]
    keys += [("target_group", g) for g in TARGET_GROUPS]
    keys += [("subcategory", s) for s in SUBCATEGORY_PARENT]
    keys += [("detail_type", d) for d in DETAIL_TYPES]
    keys += [("offer_index", str(i)) for i in range(1, 6)]
    return keys


def spans(text: str) -> list[tuple[str, str, int, int]]:
    """Return (entity, value, start, end) of every lexicon match in folded ``text``."""
    found: list[tuple[str, str, int, int]] = []
    for match in _LEVEL.finditer(_latin_levels(text)):
        level = f"{match.group(1).upper()}{match.group(2)}"
        if level in GERMAN_LEVELS:
            found.append(("german_level", level, match.start(), match.end()))
    for entity, table in patterns().items():
        for value, pattern in table:
            found.extend((entity, value, m.start(), m.end()) for m in pattern.finditer(text))
    return found
