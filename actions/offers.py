"""Actions that search the directory: topic search, refinement, paging, details."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions import render
from actions.base import WegweiserAction
from actions.constants import (
    PAGE_SIZE,
    SLOT_OFFSET,
    SLOT_RESULTS,
    SLOT_SEARCH,
    TOPIC_INTENTS,
)
from actions.db import session_scope
from actions.filters import extract_filters, extract_offer_index, topic_of
from actions.language import LanguageDecision
from directory.constants import SOURCE_LANGUAGE, STATUS_PUBLISHED
from directory.models import Offer
from directory.search import Filters, SearchResult, search_widening
from locales import t

FILTER_FIELDS = ("category", "subcategory", "spoken_language", "district", "free_only",
                 "level", "target_group", "time_of_day")


def to_filters(state: dict[str, Any]) -> Filters:
    """Build search filters from the ``search`` slot."""
    return Filters(**{k: state[k] for k in FILTER_FIELDS if state.get(k) is not None})


def message_parts(tracker: Tracker) -> tuple[str, list[dict[str, Any]], str]:
    """Return (intent, entities, text) of the latest user message."""
    message = tracker.latest_message or {}
    return ((message.get("intent") or {}).get("name") or "", message.get("entities") or [],
            message.get("text") or "")


def present(dispatcher: CollectingDispatcher, lang: str, state: dict[str, Any],
            offset: int, shown: list[str] | None = None) -> list[EventType]:
    """Search with ``state`` from ``offset``, answer with cards, return slot events.

    Offers whose staff speak the reply language rank first; if nothing fits, filters
    are dropped one at a time and the answer says which.
    """
    with session_scope() as session:
        result: SearchResult = search_widening(
            session=session, filters=to_filters(state),
            prefer_language=lang if lang != SOURCE_LANGUAGE else None,
            limit=PAGE_SIZE, offset=offset,
        )
        topic = render.name_of(lang, "categories", state.get("category") or "counselling")
        if not result.hits:
            key = "search.no_more" if offset else "search.none"
            dispatcher.utter_message(text=t(lang, key), buttons=render.topic_buttons(lang))
            return [SlotSet(SLOT_SEARCH, state)]
        if result.dropped:
            dispatcher.utter_message(text=t(lang, "search.widened", dropped=render.dropped_summary(
                result.dropped, state, lang)))
        if offset:
            dispatcher.utter_message(text=t(
                lang, "search.results_more", start=render.digits(str(offset + 1), lang),
                end=render.digits(str(offset + len(result.hits)), lang),
                total=render.digits(str(result.total), lang)))
        else:
            dispatcher.utter_message(text=t(lang, "search.results", topic=topic,
                                            total=render.digits(str(result.total), lang)))
        for index, hit in enumerate(result.hits, start=offset + 1):
            dispatcher.utter_message(text=render.card(hit, index, lang),
                                     json_message=render.offer_payload(hit.offer, index, lang))
        footer = [t(lang, "search.more_hint")]
        if any(h.offer.is_sample for h in result.hits):
            footer.insert(0, t(lang, "card.sample"))
        has_more = offset + len(result.hits) < result.total
        dispatcher.utter_message(text="\n".join(footer), buttons=render.result_buttons(
            lang, len(result.hits), has_more, bool(state.get("free_only"))))
        effective = {**state, **{name: None for name in result.dropped if name in state}}
        if "free_only" in result.dropped:
            effective["free_only"] = False
        # Every offer listed for this search, in display order: "number 2" means the
        # second one shown, even after "more".
        listed = (shown or [])[:offset] + [h.offer.external_id for h in result.hits]
        return [SlotSet(SLOT_SEARCH, effective), SlotSet(SLOT_RESULTS, listed),
                SlotSet(SLOT_OFFSET, float(offset))]


class ActionSearchOffers(WegweiserAction):
    """Answer a topic question with the best offers and why they fit."""

    def name(self) -> str:
        return "action_search_offers"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str,
               decision: LanguageDecision) -> list[EventType]:
        intent, entities, text = message_parts(tracker)
        found = extract_filters(entities, text)
        # The topic the model recognised wins; a sub-category word from another topic
        # ("recognition of my dentist diploma" is a job question) is dropped.
        category = intent if intent in TOPIC_INTENTS else topic_of(found.get("subcategory"))
        if category is None:
            dispatcher.utter_message(text=t(lang, "answers.ask_topic"),
                                     buttons=render.topic_buttons(lang))
            return []
        if topic_of(found.get("subcategory")) not in (None, category):
            found.pop("subcategory")
        state = {"category": category, **found}
        return present(dispatcher, lang, state, 0)


class ActionRefineSearch(WegweiserAction):
    """Narrow the last search: only free ones, evening, a district, a language…"""

    def name(self) -> str:
        return "action_refine_search"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str,
               decision: LanguageDecision) -> list[EventType]:
        _, entities, text = message_parts(tracker)
        state = dict(tracker.get_slot(SLOT_SEARCH) or {})
        found = extract_filters(entities, text)
        if not state.get("category"):
            category = topic_of(found.get("subcategory"))
            if category is None:
                dispatcher.utter_message(text=t(lang, "search.no_search_yet"),
                                         buttons=render.topic_buttons(lang))
                return []
            state["category"] = category
        if not found:
            dispatcher.utter_message(text=t(lang, "search.refine_unclear"))
            return []
        if found.get("subcategory") and topic_of(found["subcategory"]) != state["category"]:
            state = {"category": topic_of(found["subcategory"])}
        state.update(found)
        dispatcher.utter_message(text=t(lang, "search.filters_now",
                                        filters=render.filters_summary(state, lang)))
        return present(dispatcher, lang, state, 0)


class ActionMoreOffers(WegweiserAction):
    """Show the next page of the last search."""

    def name(self) -> str:
        return "action_more_offers"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str,
               decision: LanguageDecision) -> list[EventType]:
        state = tracker.get_slot(SLOT_SEARCH)
        if not state:
            dispatcher.utter_message(text=t(lang, "search.no_search_yet"),
                                     buttons=render.topic_buttons(lang))
            return []
        offset = int(tracker.get_slot(SLOT_OFFSET) or 0) + PAGE_SIZE
        return present(dispatcher, lang, dict(state), offset,
                       list(tracker.get_slot(SLOT_RESULTS) or []))


class ActionOfferDetails(WegweiserAction):
    """Tell everything about one listed offer: hours, address, cost, registration."""

    def name(self) -> str:
        return "action_offer_details"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str,
               decision: LanguageDecision) -> list[EventType]:
        _, entities, text = message_parts(tracker)
        results = list(tracker.get_slot(SLOT_RESULTS) or [])
        if not results:
            dispatcher.utter_message(text=t(lang, "search.no_search_yet"),
                                     buttons=render.topic_buttons(lang))
            return []
        index = extract_offer_index(entities, text)
        if index is None and len(results) == 1:
            index = 1
        if index is None or not 1 <= index <= len(results):
            dispatcher.utter_message(text=t(lang, "search.which_offer",
                                            count=render.digits(str(len(results)), lang)))
            return []
        position = index - 1
        with session_scope() as session:
            offer = session.execute(select(Offer).where(
                Offer.external_id == results[position], Offer.status == STATUS_PUBLISHED)
            ).scalar_one_or_none()
            if offer is None:
                dispatcher.utter_message(text=t(lang, "search.none"))
                return []
            dispatcher.utter_message(text=render.details(offer, index, lang),
                                     json_message=render.offer_payload(offer, index, lang))
        return []


class ActionTalkToHuman(WegweiserAction):
    """Point to counselling services where a person answers, in the user's language."""

    def name(self) -> str:
        return "action_talk_to_human"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str,
               decision: LanguageDecision) -> list[EventType]:
        dispatcher.utter_message(text=t(lang, "answers.talk_to_human"))
        state = {"category": "counselling", "subcategory": "migration_counselling"}
        return present(dispatcher, lang, state, 0)
