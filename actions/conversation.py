"""Session start, small talk, language choice and the fallback."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import render
from actions.base import WegweiserAction
from actions.constants import (
    INTENT_FALLBACK,
    NUMBERS,
    SLOT_LANGUAGE,
    SLOT_LANGUAGE_LOCKED,
    TOPIC_INTENTS,
)
from actions.filters import extract_language
from actions.language import LanguageDecision, hint_from_metadata
from actions.offers import message_parts
from locales import t

#: Small-talk intent → (locale key, show topic buttons).
SMALL_TALK: dict[str, tuple[str, bool]] = {
    "greet": ("answers.greet", True),
    "goodbye": ("answers.goodbye", False),
    "thanks": ("answers.thanks", False),
    "help": ("answers.help", True),
    "affirm": ("answers.affirm", True),
    "deny": ("answers.deny", True),
    "out_of_scope": ("answers.out_of_scope", True),
    INTENT_FALLBACK: ("answers.fallback", True),
}


#: A topic counts as a likely reading of an unclear message from this confidence on.
LIKELY_TOPIC_CONFIDENCE = 0.2


def likely_topics(tracker: Tracker) -> list[str]:
    """Return the topic intents among the two best readings of an unclear message."""
    ranking = [r for r in (tracker.latest_message or {}).get("intent_ranking") or []
               if r.get("name") != INTENT_FALLBACK][:2]
    return [r["name"] for r in ranking
            if r["name"] in TOPIC_INTENTS and r.get("confidence", 0) >= LIKELY_TOPIC_CONFIDENCE]


class ActionSessionStart(Action):
    """Start a session: keep slots, take the channel's language hint."""

    def name(self) -> str:
        return "action_session_start"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        """Return the session-start events."""
        events: list[EventType] = [SessionStarted()]
        events += [SlotSet(name, value) for name, value in tracker.current_slot_values().items()
                   if value is not None and name != "session_started_metadata"]
        hint = hint_from_metadata(tracker.get_slot("session_started_metadata"))
        if hint and not tracker.get_slot(SLOT_LANGUAGE):
            events.append(SlotSet(SLOT_LANGUAGE, hint))
        events.append(ActionExecuted("action_listen"))
        return events


class ActionSmallTalk(WegweiserAction):
    """Greet, say goodbye, thank, explain, and catch what is out of scope."""

    def name(self) -> str:
        return "action_small_talk"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str,
               decision: LanguageDecision) -> list[EventType]:
        intent, _, _ = message_parts(tracker)
        candidates = likely_topics(tracker) if intent == INTENT_FALLBACK else []
        if candidates:  # unsure between topics: ask which one, offering just those
            dispatcher.utter_message(text=t(lang, "answers.ask_topic"), buttons=[
                b for b in render.topic_buttons(lang) if b["payload"][1:] in candidates])
            return []
        key, topics = SMALL_TALK.get(intent, SMALL_TALK[INTENT_FALLBACK])
        text = t(lang, key)
        if (tracker.latest_message or {}).get("crisis_hint"):
            text = t(lang, "answers.emergency_hint", ambulance=NUMBERS["ambulance"],
                     police=NUMBERS["police"]) + "\n" + text
        if topics:
            text += "\n" + t(lang, "answers.ask_topic")
        dispatcher.utter_message(text=text, buttons=render.topic_buttons(lang) if topics else [])
        return []


class ActionDefaultFallback(ActionSmallTalk):
    """Answer when no rule applies: explain and offer the topics."""

    def name(self) -> str:
        return "action_default_fallback"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str,
               decision: LanguageDecision) -> list[EventType]:
        dispatcher.utter_message(text=t(lang, "answers.fallback"),
                                 buttons=render.topic_buttons(lang))
        return []


class ActionChooseLanguage(WegweiserAction):
    """Switch the reply language on request, or show the language menu."""

    def name(self) -> str:
        return "action_choose_language"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str,
               decision: LanguageDecision) -> list[EventType]:
        _, entities, text = message_parts(tracker)
        chosen = extract_language(entities, text)
        if chosen is None:
            dispatcher.utter_message(text=t(lang, "language.ask"),
                                     buttons=render.language_buttons())
            return []
        dispatcher.utter_message(text=t(chosen, "language.set"),
                                 buttons=render.topic_buttons(chosen))
        return [SlotSet(SLOT_LANGUAGE, chosen), SlotSet(SLOT_LANGUAGE_LOCKED, True)]
