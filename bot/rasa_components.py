"""Rasa graph components: the deterministic crisis layer inside the NLU pipeline.

``CrisisOverride`` runs after the intent classifiers. When the crisis check
(:mod:`bot.crisis`) recognises an emergency, it replaces the predicted intent with
``emergency`` at confidence 1.0 — whatever the model thought — and records the kind
of crisis in the parse data, so the rule ``emergency → action_emergency`` fires.
"""
from __future__ import annotations

from typing import Any

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
from rasa.shared.nlu.training_data.message import Message

from bot.crisis import detect_crisis

EMERGENCY_INTENT = "emergency"
CRISIS_KEY = "crisis"


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

    def process_training_data(self, training_data):  # type: ignore[no-untyped-def]
        """Leave training data untouched."""
        return training_data
