"""find_offers on the sample directory: every language, filters, reasons, widening."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session

from directory.errors import InvalidFilter
from directory.models import Offer
from directory.search import Filters, find_offers, search_widening

#: (language of the query, query, category the best hits must have)
MULTILINGUAL = [
    ("de", "Deutschkurs", "language_course"),
    ("de", "deutschkurse", "language_course"),
    ("de", "Sprachkurs", "language_course"),
    ("de", "Zahnärztin", "health"),
    ("de", "Schuldnerberatung", "counselling"),
    ("en", "german course", "language_course"),
    ("en", "dentist", "health"),
    ("en", "debt counselling", "counselling"),
    ("ar", "دورة لغة ألمانية", "language_course"),
    ("ar", "طبيب أسنان", "health"),
    ("ar", "طبيب اسنان", "health"),
    ("fa", "کلاس زبان آلمانی", "language_course"),
    ("fa", "دندانپزشک", "health"),
    ("uk", "курс німецької", "language_course"),
    ("uk", "стоматолог", "health"),
    ("ru", "курсы немецкого", "language_course"),
    ("ru", "стоматолог", "health"),
    ("tr", "Almanca kursu", "language_course"),
    ("tr", "diş hekimi", "health"),
    ("tr", "dis hekimi", "health"),
    ("ro", "curs de germană", "language_course"),
    ("ro", "curs de germana", "language_course"),
    ("ro", "stomatolog", "health"),
    ("bg", "курс по немски", "language_course"),
    ("bg", "зъболекар", "health"),
    ("pl", "kurs niemieckiego", "language_course"),
    ("pl", "dentysta", "health"),
    ("pt", "curso de alemão", "language_course"),
    ("pt", "curso de alemao", "language_course"),
    ("pt", "dentista", "health"),
    ("de", "Mietersprechstunde", "housing"),
    ("en", "recognition of my diploma", "job"),
]


@pytest.mark.parametrize(("lang", "query", "category"), MULTILINGUAL)
def test_multilingual_text_search(session: Session, lang: str, query: str, category: str) -> None:
    result = find_offers(session=session, text=query, lang=lang, limit=3)
    assert result.hits, query
    in_category = [h for h in result.hits if category in h.offer.top_categories]
    assert len(in_category) >= min(2, len(result.hits)), [h.offer.external_id for h in result.hits]
    assert all(any(r.code == "text" for r in h.reasons) for h in result.hits)


@pytest.mark.parametrize("query", ['"', "*", "NEAR(", "title:", "'; DROP TABLE offer; --",
                                   "search_title: x", "a OR", "(((", "^foo", "-x"])
def test_fts_syntax_is_never_interpreted(session: Session, query: str) -> None:
    result = find_offers(session=session, text=query)
    assert result.total >= 0


def test_filters_combine_and_explain(session: Session) -> None:
    result = find_offers(session=session, category="health", spoken_language="ar",
                         prefer_language="ar", limit=10)
    assert result.hits
    for hit in result.hits:
        assert "ar" in hit.offer.spoken_languages and "health" in hit.offer.top_categories
        assert any(r.code == "speaks" and r.value == "ar" for r in hit.reasons)


def test_free_evening_courses(session: Session) -> None:
    result = find_offers(session=session, category="language_course", free_only=True,
                         time_of_day="evening", limit=20)
    assert result.hits
    for hit in result.hits:
        assert hit.offer.is_free
        assert any(s.closes_at >= dt.time(18, 30) for s in hit.offer.schedules)


def test_courses_that_ended_are_not_offered(session: Session) -> None:
    ids = {h.offer.external_id for h in find_offers(
        session=session, category="language_course", limit=100).hits}
    assert "lc-awo-integration-a2-spring-2026" not in ids
    later = find_offers(session=session, category="language_course", limit=100,
                        today=dt.date(2026, 3, 1)).hits
    assert "lc-awo-integration-a2-spring-2026" in {h.offer.external_id for h in later}


def test_near_sorts_by_distance(session: Session) -> None:
    hits = find_offers(session=session, category="health", near=(49.4447, 7.7690), limit=8).hits
    distances = [h.distance_km for h in hits]
    assert distances == sorted(distances) and distances[0] < 2


def test_open_at(session: Session) -> None:
    monday_10 = dt.datetime(2026, 11, 23, 10, 0)
    hits = find_offers(session=session, category="counselling", open_at=monday_10, limit=20).hits
    assert hits
    for hit in hits:
        assert any(s.weekday == 0 and s.opens_at <= dt.time(10) < s.closes_at
                   for s in hit.offer.schedules)


def test_widening_drops_the_narrowest_filter_first(session: Session) -> None:
    filters = Filters(category="health", subcategory="gynaecologist", district="Mölschbach",
                      time_of_day="weekend")
    result = search_widening(session=session, filters=filters)
    assert result.hits
    assert result.dropped[0] == "time_of_day"
    assert all("health" in h.offer.top_categories for h in result.hits)


@pytest.mark.parametrize(("name", "value"), [("category", "cooking"), ("level", "D1"),
                                             ("district", "Mannheim"), ("time_of_day", "noon")])
def test_unknown_filter_values_are_refused(session: Session, name: str, value: str) -> None:
    with pytest.raises(InvalidFilter) as info:
        find_offers(session=session, **{name: value})
    assert info.value.parameter == name


def test_edit_shows_in_the_next_search(session: Session) -> None:
    before = find_offers(session=session, text="Zahnarzt", limit=1).hits[0].offer
    offer_id, title = before.id, before.translation("de").title
    offer = session.get(Offer, offer_id)
    offer.translation("de").title = title + " (neue Adresse)"
    session.commit()
    after = find_offers(session=session, text="Zahnarzt", limit=5).hits
    assert any(h.offer.translation("de").title == title + " (neue Adresse)" for h in after)
