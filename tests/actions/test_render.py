"""Rendering details: bidi isolation, digits, buttons within Telegram's limits."""
from __future__ import annotations

import pytest

from actions.render import (
    FSI,
    LRI,
    PDI,
    digits,
    isolate,
    isolate_ltr,
    language_buttons,
    result_buttons,
    topic_buttons,
)
from directory.constants import SUPPORTED_LANGUAGES


def test_isolation_only_for_rtl() -> None:
    assert isolate("Kanalstraße 3", "ar") == f"{FSI}Kanalstraße 3{PDI}"
    assert isolate_ltr("+49 631 0000 1001", "fa") == f"{LRI}+49 631 0000 1001{PDI}"
    assert isolate("Kanalstraße 3", "de") == "Kanalstraße 3"


@pytest.mark.parametrize(("lang", "expected"), [("ar", "٠٨:٣٠"), ("fa", "۰۸:۳۰"), ("uk", "08:30")])
def test_digits(lang: str, expected: str) -> None:
    assert digits("08:30", lang) == expected


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_button_payloads_fit_telegram(lang: str) -> None:
    buttons = topic_buttons(lang) + language_buttons() + result_buttons(lang, 3, True, False)
    assert all(len(b["payload"].encode()) <= 64 for b in buttons)
    assert len({b["title"] for b in topic_buttons(lang)}) == 5
