"""Conversation constants: intents, slots, payloads — defined once, here."""
from __future__ import annotations

TOPIC_INTENTS: tuple[str, ...] = ("language_course", "job", "housing", "health", "counselling")
INTENT_EMERGENCY = "emergency"
INTENT_REFINE = "refine_search"
INTENT_MORE = "more_results"
INTENT_DETAILS = "offer_details"
INTENT_CHOOSE_LANGUAGE = "choose_language"
INTENT_FALLBACK = "nlu_fallback"

SLOT_LANGUAGE = "language"
SLOT_LANGUAGE_LOCKED = "language_locked"
SLOT_SEARCH = "search"
SLOT_RESULTS = "results"
SLOT_OFFSET = "result_offset"

#: Offers per answer; "more" pages on by this many.
PAGE_SIZE = 3
DEFAULT_LANGUAGE = "de"
#: Confidence from which a detected language overrides the channel hint / current language.
STRONG_DETECTION = 0.9

#: Real nationwide emergency and help numbers (Germany). Never sample data.
NUMBERS: dict[str, str] = {
    "ambulance": "112",
    "police": "110",
    "on_call_doctor": "116 117",
    "violence_helpline": "116 016",
    "crisis_line_1": "0800 111 0 111",
    "crisis_line_2": "0800 111 0 222",
}


def intent_payload(intent: str, **entities: str) -> str:
    """Return a button payload that triggers ``intent`` with ``entities`` directly."""
    if not entities:
        return f"/{intent}"
    inner = ",".join(f'"{k}":"{v}"' for k, v in entities.items())
    return f"/{intent}{{{inner}}}"
