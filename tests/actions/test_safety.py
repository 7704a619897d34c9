"""The emergency answer: right numbers first, in the person's language."""
from __future__ import annotations

import pytest

from actions.safety import ActionEmergency, crisis_text
from directory.constants import SUPPORTED_LANGUAGES
from locales import t
from tests.helpers.tracker import make_tracker, run_action

EXPECTED = {"medical": ["112", "116 117"], "violence": ["110", "116 016", "112"],
            "suicide": ["112", "0800 111 0 111", "0800 111 0 222"], "fire": ["112"]}


def plain(text: str) -> str:
    return text.replace("\u2066", "").replace("\u2069", "")


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
@pytest.mark.parametrize("kind", list(EXPECTED))
def test_numbers_per_kind_and_language(lang: str, kind: str) -> None:
    text = crisis_text(kind, lang)
    assert text.startswith(t(lang, "crisis.header"))
    for number in EXPECTED[kind]:
        assert number in plain(text)
    assert t(lang, f"crisis.instruction_{kind}") in text


def test_unknown_kind_lists_every_number() -> None:
    text = plain(crisis_text(None, "en"))
    for number in ("112", "110", "116 016", "0800 111 0 111"):
        assert number in text


def test_action_uses_the_crisis_from_parse_data() -> None:
    tracker = make_tracker("في حريق", "emergency", slots={"language": "ar"},
                           extra={"crisis": {"kind": "fire", "language": "ar"}})
    messages, _ = run_action(ActionEmergency(), tracker)
    assert len(messages) == 1
    assert messages[0]["text"].startswith(t("ar", "crisis.header"))
    assert t("ar", "crisis.instruction_fire") in messages[0]["text"]


def test_emergency_never_waits_for_a_language_question() -> None:
    tracker = make_tracker("????", "emergency")
    messages, _ = run_action(ActionEmergency(), tracker)
    assert "112" in plain(messages[0]["text"])
    assert not messages[0].get("buttons")
