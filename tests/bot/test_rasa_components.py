"""Pipeline components on real Rasa messages: crisis override and lexicon features."""
from __future__ import annotations

from unittest.mock import MagicMock

import pytest

from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message

from bot.lexicon import feature_keys
from bot.rasa_components import CrisisOverride, ExactPhraseIntents, LexiconFeaturizer


def message(text: str, intent: str, confidence: float) -> Message:
    msg = Message(data={"text": text})
    msg.set("intent", {"name": intent, "confidence": confidence})
    msg.set("intent_ranking", [{"name": intent, "confidence": confidence}])
    return msg


def test_crisis_overrides_any_prediction() -> None:
    msg = message("mein mann schlägt mich", "greet", 0.97)
    CrisisOverride().process([msg])
    assert msg.get("intent") == {"name": "emergency", "confidence": 1.0}
    assert msg.get("crisis") == {"kind": "violence", "language": "de"}
    assert msg.get("intent_ranking")[0]["name"] == "emergency"


def test_weak_model_emergency_becomes_fallback_with_hint() -> None:
    msg = message("peace out", "emergency", 0.45)
    CrisisOverride().process([msg])
    assert msg.get("intent")["name"] == "nlu_fallback"
    assert msg.get("crisis_hint") is True


def test_confident_model_emergency_stays() -> None:
    msg = message("something terrible happened help", "emergency", 0.9)
    CrisisOverride().process([msg])
    assert msg.get("intent")["name"] == "emergency"


def test_ordinary_question_and_button_payloads_are_untouched() -> None:
    for text in ("Notfallsprechstunde Zahnarzt", "/health"):
        msg = message(text, "health", 0.8)
        CrisisOverride().process([msg])
        assert msg.get("intent") == {"name": "health", "confidence": 0.8}


def test_lexicon_features_mark_concepts_on_tokens() -> None:
    context = MagicMock()
    context.node_name = "lexicon"
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    featurizer = LexiconFeaturizer(LexiconFeaturizer.get_default_config(), context)
    msg = Message(data={"text": "suche zahnärztin abends kostenlos"})
    tokenizer.process([msg])
    featurizer.process([msg])
    sequence, sentence = msg.get_sparse_features("text")
    keys = feature_keys()
    dense = sentence.features.toarray()[0]
    for key in (("subcategory", "dentist"), ("time_of_day", "evening"), ("cost", "free")):
        assert dense[keys.index(key)] == 1.0
    tokens = sequence.features.toarray()
    assert tokens[1, keys.index(("subcategory", "dentist"))] == 1.0
    assert tokens[0].sum() == 0.0


@pytest.mark.parametrize("text", ["Sprache", "لغة", "мова", "  Language! ", "język", "زبان"])
def test_language_menu_words_always_open_the_menu(text: str) -> None:
    msg = message(text, "language_course", 0.9)
    ExactPhraseIntents().process([msg])
    assert msg.get("intent") == {"name": "choose_language", "confidence": 1.0}


def test_longer_messages_are_left_to_the_model() -> None:
    msg = message("sprache lernen abends", "language_course", 0.9)
    ExactPhraseIntents().process([msg])
    assert msg.get("intent")["name"] == "language_course"
