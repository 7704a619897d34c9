"""Rasa graph components: lexicon features and the deterministic crisis layer.

``LexiconFeaturizer`` marks tokens and messages that mention a known filter value
(a dentist word in any language, "evening", a district, "free"…) using the same
lexicons the actions use, so the model learns topics from canonical concepts that
carry across languages, typos and inflections.

``CrisisOverride`` runs after the intent classifiers. When the crisis check
(:mod:`bot.crisis`) recognises an emergency, it replaces the predicted intent with
``emergency`` at confidence 1.0 — whatever the model thought — and records the kind
of crisis in the parse data, so the rule ``emergency → action_emergency`` fires.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import yaml
import scipy.sparse
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.featurizers.sparse_featurizer.sparse_featurizer import SparseFeaturizer
from rasa.nlu.tokenizers.tokenizer import Tokenizer
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot import lexicon
from bot.crisis import detect_crisis
from directory.text import fold

EMERGENCY_INTENT = "emergency"
CRISIS_KEY = "crisis"
#: Set when the model suspected an emergency too weakly to act: answers add the numbers.
CRISIS_HINT_KEY = "crisis_hint"
FALLBACK_INTENT = "nlu_fallback"
#: Below this confidence the model alone may not raise an alarm ("peace out" is no
#: emergency); the fallback answer then still shows 112/110. Chosen on held-out data:
#: at 0.6 the model adds 80 of 88 emergencies for 5 false alarms in 1,778 messages.
MODEL_EMERGENCY_MIN_CONFIDENCE = 0.6


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class CrisisOverride(GraphComponent):
    """Force the ``emergency`` intent when the deterministic crisis check fires."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> CrisisOverride:
        """Create the component (it has no state)."""
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        """Override the intent of every message that describes an emergency."""
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):
                continue
            match = detect_crisis(text)
            if match is None:
                self._demote_unsure_emergency(message)
                continue
            intent = {INTENT_NAME_KEY: EMERGENCY_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
            ranking = [intent] + [
                r for r in message.get(INTENT_RANKING_KEY) or []
                if r.get(INTENT_NAME_KEY) != EMERGENCY_INTENT
            ]
            message.set(INTENT, intent, add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
            message.set(CRISIS_KEY, {"kind": match.kind, "language": match.language},
                        add_to_output=True)
        return messages

    @staticmethod
    def _demote_unsure_emergency(message: Message) -> None:
        """Replace a weak model-only ``emergency`` prediction by the fallback intent."""
        intent = message.get(INTENT) or {}
        if intent.get(INTENT_NAME_KEY) != EMERGENCY_INTENT:
            return
        confidence = intent.get(PREDICTED_CONFIDENCE_KEY) or 0.0
        if confidence >= MODEL_EMERGENCY_MIN_CONFIDENCE:
            return
        message.set(INTENT, {INTENT_NAME_KEY: FALLBACK_INTENT,
                             PREDICTED_CONFIDENCE_KEY: confidence}, add_to_output=True)
        message.set(CRISIS_HINT_KEY, True, add_to_output=True)

    def process_training_data(self, training_data):  # type: ignore[no-untyped-def]
        """Leave training data untouched."""
        return training_data


EXACT_INTENTS_PATH = Path(__file__).resolve().parent / "exact_intents.yml"


def _plain(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


@lru_cache(maxsize=1)
def exact_intents() -> dict[str, str]:
    """Return folded whole-message phrase → intent from ``bot/exact_intents.yml``."""
    data = yaml.safe_load(EXACT_INTENTS_PATH.read_text(encoding="utf-8")) or {}
    return {_plain(phrase): intent for intent, phrases in data.items() for phrase in phrases}


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class ExactPhraseIntents(GraphComponent):
    """Give fixed whole-message phrases ("Sprache", "لغة", "мова") their intent."""

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> ExactPhraseIntents:
        """Create the component (its phrases live in bot/exact_intents.yml)."""
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        """Override the intent of messages that are exactly a listed phrase."""
        table = exact_intents()
        for message in messages:
            intent = table.get(_plain(message.get(TEXT) or ""))
            if intent:
                message.set(INTENT, {INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: 1.0},
                            add_to_output=True)
        return messages

    def process_training_data(self, training_data):  # type: ignore[no-untyped-def]
        """Leave training data untouched."""
        return training_data


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False
)
class LexiconFeaturizer(SparseFeaturizer, GraphComponent):
    """Add one sparse feature per lexicon concept (entity, canonical value)."""

    @classmethod
    def required_components(cls) -> list[type]:
        """Tokens are needed to place sequence features."""
        return [Tokenizer]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Return the default config (only the featurizer alias)."""
        return {**SparseFeaturizer.get_default_config()}

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        """Nothing to validate."""

    def __init__(self, config: dict[str, Any], execution_context: ExecutionContext) -> None:
        super().__init__(execution_context.node_name, config)
        self.keys = {key: index for index, key in enumerate(lexicon.feature_keys())}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LexiconFeaturizer:
        """Create the featurizer (its layout comes from directory constants)."""
        return cls(config, execution_context)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Featurize every training example."""
        for example in training_data.training_examples:
            self._featurize(example)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        """Featurize incoming messages."""
        for message in messages:
            self._featurize(message)
        return messages

    def _featurize(self, message: Message) -> None:
        tokens = message.get(TOKENS_NAMES[TEXT], [])
        if not message.get(TEXT) or not tokens:
            return
        folded_tokens = [fold(token.text) for token in tokens]
        joined, starts = "", []
        for folded in folded_tokens:
            starts.append(len(joined))
            joined += folded + " "
        sequence = np.zeros((len(tokens), len(self.keys)))
        sentence = np.zeros((1, len(self.keys)))
        for entity, value, start, end in lexicon.spans(joined):
            index = self.keys.get((entity, value))
            if index is None:
                continue
            sentence[0, index] = 1.0
            for position, token_start in enumerate(starts):
                token_end = token_start + len(folded_tokens[position])
                if token_start < end and token_end > start:
                    sequence[position, index] = 1.0
        self.add_features_to_message(scipy.sparse.coo_matrix(sequence),
                                     scipy.sparse.coo_matrix(sentence), TEXT, message)
