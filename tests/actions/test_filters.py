"""Extracting filters, ordinals and language choices from messages (pure)."""
from __future__ import annotations

import pytest

from actions.filters import extract_filters, extract_language, extract_offer_index


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kostenloser deutschkurs abends", {"free_only": True, "time_of_day": "evening"}),
        ("zahnarzt der arabisch spricht", {"subcategory": "dentist", "spoken_language": "ar"}),
        ("طبيب اسنان بيحكي عربي", {"subcategory": "dentist", "spoken_language": "ar"}),
        ("курс В1 ввечері", {"level": "B1", "time_of_day": "evening"}),
        ("only for women near the city centre", {"target_group": "women", "district": "Innenstadt"}),
        ("szukam pracy na Betzenberg", {"district": "Betzenberg"}),
    ],
)
def test_extract_filters_from_text(text: str, expected: dict) -> None:
    found = extract_filters([], text)
    assert {k: found.get(k) for k in expected} == expected


def test_model_entities_win_and_are_normalised() -> None:
    entities = [{"entity": "german_level", "value": "b 2"},
                {"entity": "spoken_language", "value": "arabisch"}]
    found = extract_filters(entities, "kurs")
    assert found["level"] == "B2" and found["spoken_language"] == "ar"


@pytest.mark.parametrize(("text", "index"), [("details zu 2", 2), ("the third one", 3),
                                             ("التاني", 2), ("تفاصيل ٢", 2), ("hmm", None)])
def test_offer_index(text: str, index: int | None) -> None:
    assert extract_offer_index([], text) == index


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("auf arabisch bitte", "ar"),
        ("english please", "en"),
        ("ich verstehe kein deutsch", None),
        ("almanca bilmiyorum", None),
        ("nicht deutsch, lieber türkisch", "tr"),
        ("Sprache", None),
    ],
)
def test_language_choice_respects_negation(text: str, language: str | None) -> None:
    assert extract_language([], text) == language
