"""Turn a parsed user message into search filters (pure: entities + text in, dict out)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bot import lexicon
from directory.constants import (
    DISTRICTS,
    GERMAN_LEVELS,
    SUBCATEGORY_PARENT,
    SUPPORTED_LANGUAGES,
    TARGET_GROUPS,
    TIMES_OF_DAY,
)
from directory.records import ISO_639_1
from directory.text import fold, tokens

#: Filter fields kept in the ``search`` slot, with the check of a canonical value.
FILTER_CHECKS: dict[str, Any] = {
    "subcategory": lambda v: v in SUBCATEGORY_PARENT,
    "spoken_language": lambda v: bool(ISO_639_1.match(v)),
    "district": lambda v: v in DISTRICTS,
    "level": lambda v: v in GERMAN_LEVELS,
    "target_group": lambda v: v in TARGET_GROUPS,
    "time_of_day": lambda v: v in TIMES_OF_DAY,
    "free_only": lambda v: v is True,
}
#: Rasa entity name → (filter field, lexicon entity).
ENTITY_FIELDS: dict[str, tuple[str, str]] = {
    "subcategory": ("subcategory", "subcategory"),
    "spoken_language": ("spoken_language", "spoken_language"),
    "district": ("district", "district"),
    "german_level": ("level", "german_level"),
    "target_group": ("target_group", "target_group"),
    "time_of_day": ("time_of_day", "time_of_day"),
    "cost": ("free_only", "cost"),
}


def _canonical(field: str, lex_entity: str, raw: str) -> Any:
    value: Any = raw
    if field == "free_only":
        value = raw == "free" or lexicon.first("cost", raw) == "free"
        return True if value else None
    if field == "level":
        value = raw.upper().replace(" ", "")
    if FILTER_CHECKS[field](value):
        return value
    return lexicon.first(lex_entity, raw)  # the model found the span but not its value


def extract_filters(entities: Iterable[dict[str, Any]], text: str) -> dict[str, Any]:
    """Return filters mentioned in a message: model entities first, lexicon for the rest."""
    found: dict[str, Any] = {}
    for entity in entities:
        mapping = ENTITY_FIELDS.get(entity.get("entity", ""))
        if not mapping or entity.get("value") is None:
            continue
        field, lex_entity = mapping
        value = _canonical(field, lex_entity, str(entity["value"]))
        if value is not None and field not in found:
            found[field] = value
    for field, lex_entity in ENTITY_FIELDS.values():
        if field in found:
            continue
        value = lexicon.first(lex_entity, text)
        if field == "free_only":
            value = True if value == "free" else None
        if value is not None and FILTER_CHECKS[field](value):
            found[field] = value
    return found


def extract_offer_index(entities: Iterable[dict[str, Any]], text: str) -> int | None:
    """Return the 1-based index of a listed offer the message refers to, if any."""
    for entity in entities:
        if entity.get("entity") == "offer_index":
            raw = str(entity.get("value", ""))
            if raw.isdigit():
                return int(raw)
            value = lexicon.first("offer_index", raw)
            if value and value.isdigit():
                return int(value)
    value = lexicon.first("offer_index", text)
    if value and value.isdigit():
        return int(value)
    digits = [int(tok) for tok in tokens(text) if tok.isdigit() and len(tok) == 1]
    return digits[0] if digits else None


#: Words that negate a language mention: "ich verstehe kein Deutsch", "almanca bilmiyorum".
NEGATIONS = frozenset(fold(w) for w in (
    "nicht", "kein", "keine", "nix", "not", "dont", "don't", "no", "cant", "can't",
    "لا", "ما", "مش", "مو", "مافي", "نمی", "نه", "نیستم", "بلد", "не", "ні", "нет",
    "bilmiyorum", "anlamiyorum", "anlamıyorum", "konuşamıyorum", "yok", "değil", "degil",
    "nu", "nie", "não", "nao", "нито",
))


def extract_language(entities: Iterable[dict[str, Any]], text: str) -> str | None:
    """Return the reply language a ``choose_language`` message asks for, if any.

    A language mentioned next to a negation ("I don't understand German") is what the
    person does *not* want; with nothing else named the caller shows the language menu.
    """
    words = tokens(text)
    negated = {lexicon.first("language", " ".join(words[max(0, i - 2):i + 3]))
               for i, word in enumerate(words) if word in NEGATIONS}
    negated.discard(None)
    for entity in entities:
        if entity.get("entity") == "language":
            raw = str(entity.get("value", "")).lower()
            value = raw if raw in SUPPORTED_LANGUAGES else lexicon.first("language", raw)
            if value in SUPPORTED_LANGUAGES and value not in negated:
                return value
    for value in lexicon.find("language", text):
        if value in SUPPORTED_LANGUAGES and value not in negated:
            return value
    return None


def topic_of(subcategory: str | None) -> str | None:
    """Return the top-level category of a sub-category."""
    return SUBCATEGORY_PARENT.get(subcategory) if subcategory else None
