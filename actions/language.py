"""Choose the reply language for each turn (pure decision + a tracker adapter).

Order: an explicit choice (button, "English please") is kept until the person changes
it; otherwise a message that is unmistakably in another language switches; otherwise
the language already in use stays (sticky); for a first message the channel hint
(``language`` / Telegram ``language_code`` / browser language in metadata) wins over a
weak detection. A confident detection beats the channel hint because a phone bought in
Germany reports "de" while its owner writes Arabic. When nothing decides, answer in
German and ask with language buttons.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from actions.constants import (
    DEFAULT_LANGUAGE,
    SLOT_LANGUAGE,
    SLOT_LANGUAGE_LOCKED,
    STRONG_DETECTION,
)
from bot.language_id import LanguageGuess, identify_language
from directory.constants import SUPPORTED_LANGUAGES


@dataclass(frozen=True)
class LanguageDecision:
    """The language to answer in, and whether to offer the language menu."""

    language: str
    ask: bool = False
    changed: bool = False


def normalize_hint(value: Any) -> str | None:
    """Turn 'ar', 'ar-SY', 'pt_BR', 'uk-UA' into a supported code, else None."""
    if not isinstance(value, str) or not value:
        return None
    code = value.replace("_", "-").split("-")[0].lower()
    return code if code in SUPPORTED_LANGUAGES else None


def decide(
    *,
    current: str | None,
    locked: bool,
    hint: str | None,
    guess: LanguageGuess | None,
) -> LanguageDecision:
    """Decide the reply language from the conversation state and this message."""
    if locked and current:
        return LanguageDecision(current)
    detected = guess.language if guess and guess.language in SUPPORTED_LANGUAGES else None
    strong = detected is not None and guess is not None and guess.confidence >= STRONG_DETECTION
    if strong and detected != current:
        return LanguageDecision(detected, changed=current is not None)
    if current:
        return LanguageDecision(current)
    if hint:
        return LanguageDecision(hint, changed=True)
    if detected:
        return LanguageDecision(detected, changed=True)
    return LanguageDecision(DEFAULT_LANGUAGE, ask=True, changed=True)


def hint_from_metadata(metadata: dict[str, Any] | None) -> str | None:
    """Read the channel's language hint from message metadata."""
    metadata = metadata or {}
    for key in ("language", "language_code", "lang", "locale", "browser_language"):
        code = normalize_hint(metadata.get(key))
        if code:
            return code
    return None


def decide_for_tracker(tracker: Any) -> LanguageDecision:
    """Decide the reply language for the tracker's latest message."""
    message = tracker.latest_message or {}
    text = message.get("text") or ""
    guess = None if not text or text.startswith("/") else identify_language(text)
    metadata = message.get("metadata") or {}
    if not hint_from_metadata(metadata):
        # Session metadata (first message of a channel) carries the hint for later turns.
        metadata = tracker.get_slot("session_started_metadata") or {}
    return decide(
        current=tracker.get_slot(SLOT_LANGUAGE),
        locked=bool(tracker.get_slot(SLOT_LANGUAGE_LOCKED)),
        hint=hint_from_metadata(metadata),
        guess=guess,
    )
