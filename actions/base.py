"""Base class of Wegweiser actions: language for the turn, errors answered politely."""
from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.constants import DEFAULT_LANGUAGE, SLOT_LANGUAGE
from actions.language import LanguageDecision, decide_for_tracker
from actions.render import language_buttons
from directory.errors import DirectoryError
from locales import t

logger = logging.getLogger(__name__)


class WegweiserAction(Action, ABC):
    """Resolve the reply language, then let the subclass answer in it."""

    #: Ask "which language?" first when the language is unclear (never before an emergency).
    asks_language_when_unsure = True

    @abstractmethod
    def name(self) -> str:
        """Return the action's name as used in the domain."""

    @abstractmethod
    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str,
               decision: LanguageDecision) -> list[EventType]:
        """Answer the turn in ``lang``; return extra events."""

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        """Run the action: language first, then the answer, never silence."""
        decision = decide_for_tracker(tracker)
        lang = decision.language
        events: list[EventType] = []
        if tracker.get_slot(SLOT_LANGUAGE) != lang:
            events.append(SlotSet(SLOT_LANGUAGE, lang))
        if decision.ask and self.asks_language_when_unsure:
            ask_language(dispatcher)
        try:
            events.extend(self.answer(dispatcher, tracker, lang, decision))
        except (DirectoryError, SQLAlchemyError):
            logger.exception("action %s failed for sender %s", self.name(), tracker.sender_id)
            dispatcher.utter_message(text=t(lang, "answers.error"))
        return events


def ask_language(dispatcher: CollectingDispatcher) -> None:
    """Offer the language menu, asking in German and English."""
    text = "\n".join(dict.fromkeys(t(code, "language.unsure") for code in (DEFAULT_LANGUAGE, "en")))
    dispatcher.utter_message(text=text, buttons=language_buttons())
