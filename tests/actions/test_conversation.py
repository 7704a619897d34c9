"""Small talk, language choice and session start."""
from __future__ import annotations

import pytest

from actions.conversation import ActionChooseLanguage, ActionSessionStart, ActionSmallTalk
from directory.constants import SUPPORTED_LANGUAGES
from locales import t
from tests.helpers.tracker import make_tracker, run_action


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_greeting_offers_topics_in_language(lang: str) -> None:
    messages, _ = run_action(ActionSmallTalk(), make_tracker("hi", "greet", slots={"language": lang}))
    assert messages[0]["text"].startswith(t(lang, "answers.greet"))
    assert [b["payload"] for b in messages[0]["buttons"]] == [
        "/language_course", "/job", "/housing", "/health", "/counselling"]


def test_choose_language_locks_it() -> None:
    tracker = make_tracker("auf arabisch bitte", "choose_language",
                           entities=[{"entity": "language", "value": "ar"}], slots={"language": "de"})
    messages, slots = run_action(ActionChooseLanguage(), tracker)
    assert messages[0]["text"] == t("ar", "language.set")
    assert slots == {"language": "ar", "language_locked": True}


def test_language_word_alone_opens_the_menu() -> None:
    messages, slots = run_action(ActionChooseLanguage(),
                                 make_tracker("Sprache", "choose_language", slots={"language": "de"}))
    assert len(messages[0]["buttons"]) == len(SUPPORTED_LANGUAGES)
    assert "language_locked" not in slots


def test_unsure_language_asks_first_then_answers() -> None:
    messages, slots = run_action(ActionSmallTalk(), make_tracker("ok", "affirm"))
    assert len(messages[0]["buttons"]) == len(SUPPORTED_LANGUAGES)
    assert messages[1]["text"].startswith(t("de", "answers.affirm"))


def test_session_start_takes_channel_language() -> None:
    tracker = make_tracker("", "", slots={"session_started_metadata": {"language_code": "uk-UA"}})
    events = ActionSessionStart().run(None, tracker, {})  # type: ignore[arg-type]
    assert {"event": "slot", "timestamp": None, "name": "language", "value": "uk"} in events
    assert events[-1]["event"] == "action"


def test_weak_emergency_suspicion_adds_the_numbers() -> None:
    tracker = make_tracker("pomocy prosze", "nlu_fallback", slots={"language": "pl"},
                           extra={"crisis_hint": True})
    messages, _ = run_action(ActionSmallTalk(), tracker)
    assert messages[0]["text"].startswith(t("pl", "answers.emergency_hint",
                                            ambulance="112", police="110"))


def test_unclear_between_two_topics_asks_with_just_those() -> None:
    tracker = make_tracker("ich brauche arbeit, wer hilft mir", "nlu_fallback",
                           slots={"language": "de"},
                           extra={"intent_ranking": [{"name": "nlu_fallback", "confidence": 0.3},
                                                     {"name": "job", "confidence": 0.43},
                                                     {"name": "counselling", "confidence": 0.41}]})
    messages, _ = run_action(ActionSmallTalk(), tracker)
    assert messages[0]["text"] == t("de", "answers.ask_topic")
    assert [b["payload"] for b in messages[0]["buttons"]] == ["/job", "/counselling"]
