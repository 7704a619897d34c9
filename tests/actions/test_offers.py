"""Search actions on tracker fixtures against a fresh seeded directory."""
from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from actions.offers import (
    ActionMoreOffers,
    ActionOfferDetails,
    ActionRefineSearch,
    ActionSearchOffers,
    ActionTalkToHuman,
)
from directory.constants import SUPPORTED_LANGUAGES
from directory.db import make_engine
from directory.models import Offer
from locales import t
from tests.helpers.tracker import follow, make_tracker, run_action, texts


def offers_in(messages: list[dict]) -> list[str]:
    return [m["custom"]["id"] for m in messages if (m.get("custom") or {}).get("type") == "offer"]


def load(db_url: str, ids: list[str]) -> list[Offer]:
    engine = make_engine(db_url)
    with Session(engine, expire_on_commit=False) as session:
        offers = session.execute(select(Offer).where(Offer.external_id.in_(ids))).scalars().all()
    engine.dispose()
    return list(offers)


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_topic_search_answers_in_the_slot_language(actions_database: str, lang: str) -> None:
    tracker = make_tracker("/health", "health", slots={"language": lang, "language_locked": True})
    messages, slots = run_action(ActionSearchOffers(), tracker)
    ids = offers_in(messages)
    assert 1 <= len(ids) <= 3
    assert all("health" in o.top_categories for o in load(actions_database, ids))
    text = texts(messages)
    assert t(lang, "categories.health") in text
    assert t(lang, "card.sample") in text
    assert slots["results"] == ids and slots["search"]["category"] == "health"


def test_entities_become_filters_and_reasons(actions_database: str) -> None:
    entities = [{"entity": "subcategory", "value": "dentist"},
                {"entity": "spoken_language", "value": "ar"}]
    tracker = make_tracker("zahnarzt der arabisch spricht", "health", entities=entities,
                           slots={"language": "de", "language_locked": True})
    messages, slots = run_action(ActionSearchOffers(), tracker)
    offers = load(actions_database, offers_in(messages))
    assert offers and all("dentist" in o.subcategories and "ar" in o.spoken_languages
                          for o in offers)
    assert "spricht Arabisch" in texts(messages)


def test_lexicon_fills_what_the_model_missed(actions_database: str) -> None:
    tracker = make_tracker("kostenloser deutschkurs abends", "language_course",
                           slots={"language": "de", "language_locked": True})
    messages, slots = run_action(ActionSearchOffers(), tracker)
    assert slots["search"]["free_only"] is True and slots["search"]["time_of_day"] == "evening"
    assert all(o.is_free for o in load(actions_database, offers_in(messages)))


def test_refine_more_and_details_follow_the_last_search(actions_database: str) -> None:
    first = make_tracker("deutschkurs", "language_course",
                         slots={"language": "en", "language_locked": True})
    _, slots = run_action(ActionSearchOffers(), first)
    refine = follow(first, slots, "only free ones", "refine_search",
                    [{"entity": "cost", "value": "free"}])
    messages, slots2 = run_action(ActionRefineSearch(), refine)
    free_ids = offers_in(messages)
    assert free_ids and all(o.is_free for o in load(actions_database, free_ids))
    assert slots2["search"]["category"] == "language_course"
    more = follow(refine, slots2, "more", "more_results")
    messages, slots3 = run_action(ActionMoreOffers(), more)
    assert slots3.get("result_offset", 3.0) == 3.0 or t("en", "search.no_more") in texts(messages)
    assert not set(offers_in(messages)) & set(free_ids)
    details = follow(refine, slots2, "tell me more about the second", "offer_details",
                     [{"entity": "offer_index", "value": "2"}])
    messages, _ = run_action(ActionOfferDetails(), details)
    second = load(actions_database, [free_ids[1]])[0]
    assert second.translation("en").title in texts(messages)
    assert t("en", "card.sample") in texts(messages)


def test_nothing_found_widens_and_says_so(actions_database: str) -> None:
    tracker = make_tracker("gynaecologist speaking bulgarian in Mölschbach", "health",
                           entities=[{"entity": "subcategory", "value": "gynaecologist"},
                                     {"entity": "district", "value": "Mölschbach"}],
                           slots={"language": "en", "language_locked": True})
    messages, slots = run_action(ActionSearchOffers(), tracker)
    assert "Nothing matched with" in texts(messages)
    assert offers_in(messages)
    assert slots["search"]["district"] is None


def test_details_without_a_search_asks_for_a_topic(actions_database: str) -> None:
    tracker = make_tracker("details 2", "offer_details", slots={"language": "uk"})
    messages, _ = run_action(ActionOfferDetails(), tracker)
    assert messages[0]["text"] == t("uk", "search.no_search_yet")
    assert len(messages[0]["buttons"]) == 5


def test_refine_without_filters_explains(actions_database: str) -> None:
    tracker = make_tracker("hmm", "refine_search",
                           slots={"language": "de", "search": {"category": "job"}})
    messages, _ = run_action(ActionRefineSearch(), tracker)
    assert messages[0]["text"] == t("de", "search.refine_unclear")


def test_talk_to_human_lists_counselling(actions_database: str) -> None:
    tracker = make_tracker("i want to talk to a human", "talk_to_human",
                           slots={"language": "en", "language_locked": True})
    messages, _ = run_action(ActionTalkToHuman(), tracker)
    offers = load(actions_database, offers_in(messages))
    assert offers and all("counselling" in o.top_categories for o in offers)


def test_recognised_topic_wins_over_a_subcategory_word_from_another(actions_database: str) -> None:
    tracker = make_tracker("anerkennung von meinem zahnarzt diplom", "job",
                           slots={"language": "de", "language_locked": True})
    messages, slots = run_action(ActionSearchOffers(), tracker)
    assert slots["search"]["category"] == "job"
    assert slots["search"].get("subcategory") in (None, "recognition")
    assert all("job" in o.top_categories for o in load(actions_database, offers_in(messages)))
