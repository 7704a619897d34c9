"""Choosing the reply language (pure decision table)."""
from __future__ import annotations

import pytest

from actions.language import decide, hint_from_metadata, normalize_hint
from bot.language_id import LanguageGuess


def guess(lang: str | None, confidence: float) -> LanguageGuess:
    return LanguageGuess(language=lang, confidence=confidence, method="test",
                         candidates=(lang,) if lang else ())


@pytest.mark.parametrize(
    ("current", "locked", "hint", "detected", "expected", "ask"),
    [
        (None, False, None, guess("ar", 0.99), "ar", False),     # first message, clear text
        (None, False, "uk", guess(None, 0.0), "uk", False),      # "Jobcenter" + Telegram uk
        (None, False, "de", guess("ar", 0.99), "ar", False),     # German phone, Arabic writer
        (None, False, "de", guess("tr", 0.6), "de", False),      # weak guess: hint wins
        (None, False, None, guess("tr", 0.6), "tr", False),      # weak guess, nothing else
        (None, False, None, guess(None, 0.0), "de", True),       # unsure: German + ask
        ("fa", False, None, guess(None, 0.0), "fa", False),      # sticky on "ok"
        ("fa", False, None, guess("de", 0.6), "fa", False),      # German loanword keeps fa
        ("fa", False, None, guess("uk", 0.97), "uk", False),     # a clear switch
        ("en", True, None, guess("pl", 0.99), "en", False),      # explicit choice holds
    ],
)
def test_decide(current, locked, hint, detected, expected, ask) -> None:  # type: ignore[no-untyped-def]
    decision = decide(current=current, locked=locked, hint=hint, guess=detected)
    assert decision.language == expected
    assert decision.ask is ask


@pytest.mark.parametrize(("raw", "code"), [("ar-SY", "ar"), ("pt_BR", "pt"), ("UK", "uk"),
                                           ("zh-CN", None), ("", None), (None, None)])
def test_normalize_hint(raw, code) -> None:  # type: ignore[no-untyped-def]
    assert normalize_hint(raw) == code


def test_hint_keys() -> None:
    assert hint_from_metadata({"language_code": "ro"}) == "ro"
    assert hint_from_metadata({"browser_language": "bg-BG"}) == "bg"
    assert hint_from_metadata({"chat": "x"}) is None
