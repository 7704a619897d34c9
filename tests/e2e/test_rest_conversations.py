"""Converse with the real assistant over REST: topics, follow-ups, crisis, languages."""
from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from directory.db import make_engine
from directory.models import Offer
from locales import t
from scripts.servers import Assistant, new_sender

#: Messages per language and topic, written as people type (not training examples).
TOPIC_MESSAGES: dict[str, dict[str, str]] = {
    "de": {"language_course": "wo kann ich deutsch lernen",
           "job": "ich brauche arbeit, wer hilft mir",
           "housing": "suche wohnung in kaiserslautern",
           "health": "brauche einen kinderarzt",
           "counselling": "wo gibt es schuldnerberatung"},
    "en": {"language_course": "where can i learn german",
           "job": "i need a job can someone help",
           "housing": "looking for a flat to rent",
           "health": "need a doctor for my child",
           "counselling": "i have debts who can advise me"},
    "ar": {"language_course": "بدي اتعلم الماني وين في كورس",
           "job": "بدي شغل مين بيساعدني",
           "housing": "عم دور على بيت للايجار",
           "health": "محتاج دكتور اطفال",
           "counselling": "عندي ديون بدي استشارة"},
    "uk": {"language_course": "де можна вивчити німецьку",
           "job": "шукаю роботу хто допоможе",
           "housing": "шукаю квартиру в оренду",
           "health": "потрібен дитячий лікар",
           "counselling": "маю борги де консультація"},
    "fa": {"language_course": "کجا میتونم آلمانی یاد بگیرم",
           "job": "دنبال کار میگردم کی کمکم میکنه",
           "housing": "دنبال خونه اجاره ای هستم",
           "health": "برای بچه ام دکتر میخوام",
           "counselling": "بدهی دارم کجا مشاوره بگیرم"},
    "ru": {"language_course": "где можно выучить немецкий",
           "job": "ищу работу кто может помочь",
           "housing": "ищу квартиру снять",
           "health": "нужен детский врач",
           "counselling": "у меня долги где консультация"},
    "tr": {"language_course": "nerede almanca öğrenebilirim",
           "job": "iş arıyorum kim yardım eder",
           "housing": "kiralık ev arıyorum",
           "health": "çocuğum için doktor lazım",
           "counselling": "borçlarım var danışmanlık nerede"},
    "ro": {"language_course": "unde pot sa invat germana",
           "job": "caut de lucru cine ma ajuta",
           "housing": "caut apartament de inchiriat",
           "health": "am nevoie de un medic pentru copil",
           "counselling": "am datorii unde gasesc consiliere"},
    "bg": {"language_course": "къде мога да уча немски",
           "job": "търся работа кой може да помогне",
           "housing": "търся квартира под наем",
           "health": "трябва ми детски лекар",
           "counselling": "имам дългове къде има консултация"},
    "pl": {"language_course": "gdzie moge sie nauczyc niemieckiego",
           "job": "szukam pracy kto mi pomoze",
           "housing": "szukam mieszkania do wynajecia",
           "health": "potrzebuje lekarza dla dziecka",
           "counselling": "mam dlugi gdzie jest poradnia"},
    "pt": {"language_course": "onde posso aprender alemão",
           "job": "procuro trabalho quem me ajuda",
           "housing": "procuro um apartamento para alugar",
           "health": "preciso de um médico para o meu filho",
           "counselling": "tenho dívidas onde há aconselhamento"},
}
CRISIS_MESSAGES: dict[str, tuple[str, str]] = {
    "de": ("mein mann schlägt mich", "110"),
    "en": ("i want to kill myself", "0800 111 0 111"),
    "ar": ("في حريق بالبيت", "112"),
    "uk": ("чоловік б'є мене", "110"),
    "fa": ("شوهرم منو میزنه", "110"),
    "ru": ("я хочу покончить с собой", "0800 111 0 111"),
    "tr": ("kocam beni dövüyor", "110"),
    "ro": ("copilul meu nu mai respira", "112"),
    "bg": ("мъжът ми ме бие", "110"),
    "pl": ("mam zawał serca", "112"),
    "pt": ("há um incêndio no meu prédio", "112"),
}


def offer_ids(messages: list[dict[str, Any]]) -> list[str]:
    return [m["custom"]["id"] for m in messages
            if isinstance(m.get("custom"), dict) and m["custom"].get("type") == "offer"]


def all_text(messages: list[dict[str, Any]]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def categories_of(db_url: str, ids: list[str]) -> dict[str, Offer]:
    engine = make_engine(db_url)
    with Session(engine) as session:
        offers = {o.external_id: o for o in session.execute(
            select(Offer).where(Offer.external_id.in_(ids))).scalars()}
        found = {k: (set(o.top_categories), o.is_free) for k, o in offers.items()}
    engine.dispose()
    return found  # type: ignore[return-value]


@pytest.fixture
def seeded_url(_seeded_template) -> str:  # type: ignore[no-untyped-def]
    return f"sqlite:///{_seeded_template}"


@pytest.mark.parametrize("lang", list(TOPIC_MESSAGES))
@pytest.mark.parametrize("topic", ["language_course", "job", "housing", "health", "counselling"])
def test_topic_answers_with_offers_in_language(assistant: Assistant, seeded_url: str,
                                               lang: str, topic: str) -> None:
    sender = new_sender()
    messages = assistant.send(sender, TOPIC_MESSAGES[lang][topic])
    buttons = [b["payload"] for m in messages for b in m.get("buttons", [])]
    if not offer_ids(messages) and f"/{topic}" in buttons and len(buttons) <= 2:
        # The model was unsure between two topics and asked; the person taps theirs.
        messages = assistant.send(sender, f"/{topic}")
    ids = offer_ids(messages)
    assert ids, all_text(messages)
    found = categories_of(seeded_url, ids)
    assert all(topic in cats for cats, _ in found.values()), (topic, found)
    text = all_text(messages)
    assert t(lang, f"categories.{topic}") in text
    assert t(lang, "search.more_hint") in text
    assert t(lang, "card.sample") in text


@pytest.mark.parametrize("lang", list(TOPIC_MESSAGES))
def test_follow_ups_refine_page_and_detail(assistant: Assistant, seeded_url: str, lang: str) -> None:
    sender = new_sender()
    first = assistant.send(sender, TOPIC_MESSAGES[lang]["language_course"])
    assert offer_ids(first)
    free = assistant.send(sender, '/refine_search{"cost":"free"}')
    free_ids = offer_ids(free)
    assert free_ids
    assert all(is_free for _, is_free in categories_of(seeded_url, free_ids).values())
    more = assistant.send(sender, "/more_results")
    assert not set(offer_ids(more)) & set(free_ids) or t(lang, "search.no_more") in all_text(more)
    detail = assistant.send(sender, '/offer_details{"offer_index":"1"}')
    text = all_text(detail)
    verified_prefix = t(lang, "card.verified", date="\x00").split("\x00")[0]
    assert verified_prefix in text or t(lang, "card.not_verified") in text
    assert t(lang, "card.sample") in text
    assert offer_ids(detail) == [free_ids[0]]


FOLLOW_UP_TEXT: dict[str, tuple[str, str, str]] = {
    "de": ("zahnarzt", "nur kostenlose", "mehr"),
    "en": ("dentist", "only free ones", "show me more"),
    "ar": ("دكتور اسنان", "بس المجانية", "كمان"),
    "uk": ("стоматолог", "тільки безкоштовні", "ще"),
    "fa": ("دندانپزشک", "فقط رایگان ها", "بیشتر"),
    "ru": ("стоматолог", "только бесплатные", "еще"),
    "tr": ("diş doktoru", "sadece ücretsiz olanlar", "daha fazla"),
    "ro": ("dentist", "doar cele gratuite", "mai multe"),
    "bg": ("зъболекар", "само безплатните", "още"),
    "pl": ("dentysta", "tylko darmowe", "wiecej"),
    "pt": ("dentista", "só os gratuitos", "mais"),
}


@pytest.mark.parametrize("lang", list(FOLLOW_UP_TEXT))
def test_typed_follow_ups(assistant: Assistant, seeded_url: str, lang: str) -> None:
    topic, refine, more = FOLLOW_UP_TEXT[lang]
    sender = new_sender()
    first = assistant.send(sender, topic)
    assert offer_ids(first), all_text(first)
    refined = assistant.send(sender, refine)
    ids = offer_ids(refined)
    assert ids, all_text(refined)
    assert all(free for _, free in categories_of(seeded_url, ids).values())
    again = assistant.send(sender, more)
    assert offer_ids(again) or t(lang, "search.no_more") in all_text(again)


@pytest.mark.parametrize("lang", list(CRISIS_MESSAGES))
def test_crisis_gets_numbers_first(assistant: Assistant, lang: str) -> None:
    text, number = CRISIS_MESSAGES[lang]
    messages = assistant.send(new_sender(), text)
    first = messages[0]["text"]
    assert first.startswith(t(lang, "crisis.header"))
    assert number in first.replace("\u2066", "").replace("\u2069", "")


def test_crisis_overrides_an_ongoing_search(assistant: Assistant) -> None:
    sender = new_sender()
    assistant.send(sender, TOPIC_MESSAGES["de"]["health"])
    messages = assistant.send(sender, "hilfe mein kind ist bewusstlos")
    assert "112" in messages[0]["text"]


def test_emergency_dentist_is_not_a_crisis(assistant: Assistant) -> None:
    messages = assistant.send(new_sender(), "Notfallsprechstunde Zahnarzt")
    assert "112" not in all_text(messages)
    assert offer_ids(messages)


def test_channel_hint_sets_language(assistant: Assistant) -> None:
    messages = assistant.send(new_sender(), "Jobcenter", metadata={"language": "uk"})
    assert any(ch in all_text(messages) for ch in "іїєґ")


@pytest.mark.parametrize("word", ["Sprache", "language", "لغة", "мова", "زبان", "dil"])
def test_language_menu_and_switch(assistant: Assistant, word: str) -> None:
    sender = new_sender()
    menu = assistant.send(sender, word)
    buttons = [b for m in menu for b in m.get("buttons", [])]
    assert len(buttons) == 11
    switched = assistant.send(sender, '/choose_language{"language":"ar"}')
    assert switched[0]["text"] == t("ar", "language.set")
    after = assistant.send(sender, "Zahnarzt")
    assert t("ar", "search.more_hint") in all_text(after)
