"""The linear intent model and its blend with DIET's ranking."""
from __future__ import annotations

import pytest

from bot.intent_ensemble import LinearModel, blend, concept_features
from bot.lexicon import feature_keys


def test_blend_averages_and_reorders() -> None:
    diet = [{"name": "job", "confidence": 0.6}, {"name": "help", "confidence": 0.4}]
    ranking = blend(diet, {"job": 0.1, "help": 0.9}, weight=0.5)
    assert [r["name"] for r in ranking] == ["help", "job"]
    assert ranking[0]["confidence"] == pytest.approx(0.65)


def test_blend_without_previous_ranking_uses_the_linear_model() -> None:
    assert blend([], {"greet": 0.8, "thanks": 0.2}, weight=0.3)[0] == {
        "name": "greet", "confidence": pytest.approx(0.8)}


def test_concepts_cross_languages() -> None:
    keys = feature_keys()
    dentist = keys.index(("subcategory", "dentist"))
    matrix = concept_features(["Zahnärztin gesucht", "طبيب اسنان", "зубний лікар", "hallo"])
    assert [matrix[i, dentist] for i in range(4)] == [1, 1, 1, 0]


def test_linear_model_learns_and_generalises_over_diacritics() -> None:
    texts = ["ich suche arbeit", "job gesucht", "arbeit finden", "wo finde ich arbeit",
             "arbeit bitte", "suche job",
             "brauche einen arzt", "zahnarzt bitte", "ärztin gesucht", "arzt termin",
             "arzt heute", "ein arzt",
             "hallo", "guten tag", "hi", "servus", "moin", "hallo du"]
    intents = ["job"] * 6 + ["health"] * 6 + ["greet"] * 6
    model = LinearModel()
    model.fit(texts, intents)
    prediction = model.predict(["ich brauche eine arztin"])[0]
    assert max(prediction, key=prediction.get) == "health"
    assert sum(prediction.values()) == pytest.approx(1.0)
