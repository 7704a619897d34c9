"""Find offers: full-text + filters + distance, ranked, with the reasons each one fits."""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field, replace

from sqlalchemy import and_, column, exists, func, literal_column, or_, select, table, text
from sqlalchemy.orm import Session

from directory import fts
from directory.constants import (
    CATEGORIES,
    DISTRICTS,
    GERMAN_LEVELS,
    STATUS_PUBLISHED,
    SUBCATEGORY_PARENT,
    TARGET_GROUPS,
    TIME_OF_DAY_MIN_OVERLAP,
    TIME_OF_DAY_WINDOWS,
    TIMES_OF_DAY,
)
from directory.errors import InvalidFilter
from directory.models import (
    Location,
    Offer,
    OfferCategory,
    OfferLanguage,
    OfferLocation,
    OfferTargetGroup,
    OfferTranslation,
    Schedule,
)
from directory.offer_cache import OFFERS
from directory.records import ISO_639_1
from directory.schedule import Slot, is_open_at, matches_time_of_day

MAX_LIMIT = 100
#: Totals are counted up to this many offers ("1000+" is all a person needs to know).
TOTAL_CAP = 1000
#: Offers looked at when a word is too frequent to rank; the total is then "at least".
UNRANKED_WINDOW = 50
#: Order in which filters are dropped when a search finds nothing.
WIDENING_ORDER: tuple[str, ...] = (
    "open_at", "time_of_day", "district", "near", "free_only", "target_group", "level",
    "spoken_language", "subcategory", "text",
)


@dataclass(frozen=True)
class Filters:
    """What a search asks for; every field optional."""

    text: str | None = None
    category: str | None = None
    subcategory: str | None = None
    spoken_language: str | None = None
    district: str | None = None
    free_only: bool = False
    level: str | None = None
    target_group: str | None = None
    time_of_day: str | None = None
    open_at: dt.datetime | None = None
    near: tuple[float, float] | None = None

    def active(self) -> list[str]:
        """Return the names of the filters that restrict the search."""
        return [name for name in WIDENING_ORDER if getattr(self, name)]

    def without(self, name: str) -> Filters:
        """Return a copy with filter ``name`` removed."""
        return replace(self, **{name: False if name == "free_only" else None})


@dataclass(frozen=True)
class Reason:
    """Why an offer fits: a code (``speaks``, ``free``, ``near``…) and an optional value."""

    code: str
    value: str | float | None = None


@dataclass
class Hit:
    """One ranked result."""

    offer: Offer
    score: float
    reasons: list[Reason] = field(default_factory=list)
    distance_km: float | None = None


@dataclass
class SearchResult:
    """A page of hits, the total count, and filters dropped to find anything."""

    hits: list[Hit]
    total: int
    dropped: list[str] = field(default_factory=list)
    capped: bool = False  # more than TOTAL_CAP offers match; ``total`` stops there


def validate_filters(filters: Filters) -> None:
    """Raise :class:`InvalidFilter` naming the first filter with an unknown value."""
    checks = (
        ("category", filters.category, lambda v: v in CATEGORIES),
        ("subcategory", filters.subcategory, lambda v: v in SUBCATEGORY_PARENT),
        ("spoken_language", filters.spoken_language, lambda v: bool(ISO_639_1.match(v))),
        ("district", filters.district, lambda v: v in DISTRICTS),
        ("level", filters.level, lambda v: v in GERMAN_LEVELS),
        ("target_group", filters.target_group, lambda v: v in TARGET_GROUPS),
        ("time_of_day", filters.time_of_day, lambda v: v in TIMES_OF_DAY),
    )
    for name, value, ok in checks:
        if value is not None and not ok(value):
            raise InvalidFilter(name, f"unknown {name} {value!r}")
    if filters.near is not None:
        lat, lon = filters.near
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise InvalidFilter("near", "latitude/longitude out of range")


def find_offers(
    *,
    session: Session,
    text: str | None = None,
    category: str | None = None,
    subcategory: str | None = None,
    spoken_language: str | None = None,
    district: str | None = None,
    free_only: bool = False,
    level: str | None = None,
    target_group: str | None = None,
    time_of_day: str | None = None,
    open_at: dt.datetime | None = None,
    near: tuple[float, float] | None = None,
    prefer_language: str | None = None,
    lang: str = "de",
    limit: int = 5,
    offset: int = 0,
    today: dt.date | None = None,
) -> SearchResult:
    """Return published, current offers matching every filter, best first.

    ``text`` is matched against titles, descriptions and keywords in every language
    (prefix, diacritics folded). ``prefer_language`` ranks offers whose staff speak
    it higher without excluding others. ``lang`` only selects texts for reasons.
    """
    filters = Filters(text=text, category=category, subcategory=subcategory,
                      spoken_language=spoken_language, district=district, free_only=free_only,
                      level=level, target_group=target_group, time_of_day=time_of_day,
                      open_at=open_at, near=near)
    return search(session=session, filters=filters, prefer_language=prefer_language,
                  limit=limit, offset=offset, today=today)


def search(
    *,
    session: Session,
    filters: Filters,
    prefer_language: str | None = None,
    limit: int = 5,
    offset: int = 0,
    today: dt.date | None = None,
) -> SearchResult:
    """Run :func:`find_offers` for a :class:`Filters` value."""
    validate_filters(filters)
    limit = max(1, min(limit, MAX_LIMIT))
    today = today or dt.date.today()
    terms = fts.query_terms(filters.text) if filters.text else []
    if filters.text and not terms:
        return SearchResult(hits=[], total=0)
    params: dict[str, str] = {}
    ranked = True
    if terms:
        params["match"], ranked = _match_mode(session, terms)
    if terms and not ranked:
        # A word found in most offers: stream matches in index order, filters probed per row.
        index = table("offer_fts", column("rowid"))
        stmt = (select(OfferTranslation.offer_id, literal_column("0.0"), Offer.version)
                .select_from(index)
                .join(OfferTranslation, OfferTranslation.id == index.c.rowid)
                .join(Offer, Offer.id == OfferTranslation.offer_id)
                .where(text("offer_fts MATCH :match"))
                .where(*_conditions(filters, today, correlated=True)))
        if filters.near is not None:
            stmt = stmt.order_by(_distance_order(filters.near))
        # Rows per offer ≤ languages; fetch enough for this page and a few pages ahead.
        stmt = stmt.limit(max(offset + limit, UNRANKED_WINDOW) * 2)
    elif terms:
        matches = fts.ranked_matches_sql().columns(
            literal_column("offer_id"), literal_column("score")).subquery("m")
        stmt = (select(Offer.id, matches.c.score, Offer.version)
                .join(matches, matches.c.offer_id == Offer.id)
                .where(*_conditions(filters, today, correlated=True))
                .order_by(*_order(filters, prefer_language, terms)).limit(TOTAL_CAP))
    else:
        stmt = (select(Offer.id, literal_column("0.0"), Offer.version)
                .where(*_conditions(filters, today, correlated=False))
                .order_by(*_order(filters, prefer_language, terms)).limit(TOTAL_CAP))
    ordered: dict[str, tuple[float, int]] = {}
    for offer_id, score, version in session.execute(stmt, params):
        ordered.setdefault(offer_id, (score, version))
    total = len(ordered)
    capped = total >= TOTAL_CAP or (bool(terms) and not ranked)
    rows = list(ordered.items())[offset:offset + limit]
    offers = OFFERS.load(session, [(offer_id, version) for offer_id, (_, version) in rows])
    hits = []
    for offer_id, (score, _) in rows:
        offer = offers[offer_id]
        hit = Hit(offer=offer, score=float(score or 0.0))
        hit.distance_km = _distance_km(offer, filters.near) if filters.near else None
        hit.reasons = match_reasons(offer, filters, terms, prefer_language, hit.distance_km)
        hits.append(hit)
    return SearchResult(hits=hits, total=total, capped=capped)


def _match_mode(session: Session, terms: list[str]) -> tuple[str, bool]:
    """Choose the MATCH expression (all terms, else any) and whether to rank it."""
    connection = session.connection()
    match = fts.match_expression(terms)
    rows = fts.match_rows_capped(connection, match, fts.RANKED_MAX_ROWS + 1)
    if rows == 0 and len(terms) > 1:
        match = fts.match_expression(terms, any_term=True)
        rows = fts.match_rows_capped(connection, match, fts.RANKED_MAX_ROWS + 1)
    return match, rows <= fts.RANKED_MAX_ROWS


def _order(filters: Filters, prefer_language: str | None, terms: list[str]) -> list:
    order: list = []
    if filters.near is not None:
        order.append(_distance_order(filters.near))
    if filters.level:
        order.append((Offer.course_level == filters.level).desc())
    if prefer_language:
        order.append(Offer.id.in_(select(OfferLanguage.offer_id).where(
            OfferLanguage.language == prefer_language)).desc())
    if terms:
        order.append(literal_column("score"))
    return [*order, Offer.last_verified.desc(), Offer.external_id]


def search_widening(
    *,
    session: Session,
    filters: Filters,
    prefer_language: str | None = None,
    limit: int = 5,
    offset: int = 0,
    today: dt.date | None = None,
) -> SearchResult:
    """Search; if nothing fits, drop filters one by one (see WIDENING_ORDER) and say which."""
    dropped: list[str] = []
    current = filters
    while True:
        result = search(session=session, filters=current, prefer_language=prefer_language,
                        limit=limit, offset=offset, today=today)
        remaining = [n for n in current.active() if n != "text" or current.category]
        if result.total or not remaining:
            result.dropped = dropped
            return result
        name = remaining[0]
        dropped.append(name)
        current = current.without(name)


def _conditions(filters: Filters, today: dt.date, *, correlated: bool) -> list:
    conds: list = [
        Offer.status == STATUS_PUBLISHED,
        or_(Offer.valid_to.is_(None), Offer.valid_to >= today),
    ]
    for column, value in ((OfferCategory.category, filters.category),
                          (OfferCategory.subcategory, filters.subcategory),
                          (OfferLanguage.language, filters.spoken_language),
                          (OfferTargetGroup.target_group, filters.target_group)):
        if value is None:
            continue
        link = column.class_.offer_id
        # A few text matches: probe each candidate (EXISTS). Many candidates: one IN list.
        conds.append(exists().where(link == Offer.id, column == value) if correlated
                     else Offer.id.in_(select(link).where(column == value)))
    if filters.district:
        conds.append(exists().where(OfferLocation.offer_id == Offer.id,
                                    OfferLocation.location_id == Location.id,
                                    Location.district == filters.district))
    if filters.near:
        conds.append(exists().where(OfferLocation.offer_id == Offer.id,
                                    OfferLocation.location_id == Location.id,
                                    Location.latitude.is_not(None)))
    if filters.free_only:
        conds.append(Offer.is_free.is_(True))
    if filters.level:
        conds.append(or_(Offer.course_level == filters.level,
                         and_(Offer.course_level.is_(None),
                              or_(Offer.min_german_level.is_(None),
                                  Offer.min_german_level <= filters.level))))
    if filters.time_of_day == "weekend":
        conds.append(exists().where(Schedule.offer_id == Offer.id, Schedule.weekday >= 5))
    elif filters.time_of_day:
        start, end = TIME_OF_DAY_WINDOWS[filters.time_of_day]
        latest_open, earliest_close = end - TIME_OF_DAY_MIN_OVERLAP, start + TIME_OF_DAY_MIN_OVERLAP
        conds.append(exists().where(
            Schedule.offer_id == Offer.id,
            Schedule.opens_at <= dt.time(latest_open // 60, latest_open % 60),
            Schedule.closes_at >= dt.time(earliest_close // 60, earliest_close % 60),
        ))
    if filters.open_at:
        moment = filters.open_at.time().replace(second=0, microsecond=0)
        conds.append(exists().where(
            Schedule.offer_id == Offer.id,
            Schedule.weekday == filters.open_at.weekday(),
            Schedule.opens_at <= moment,
            Schedule.closes_at > moment,
        ))
    return conds


def _distance_order(near: tuple[float, float]):  # type: ignore[no-untyped-def]
    """Squared equirectangular distance — portable SQL arithmetic, good for ranking."""
    lat, lon = near
    k = math.cos(math.radians(lat))
    nearest = (
        select(func.min(
            (Location.latitude - lat) * (Location.latitude - lat)
            + (Location.longitude - lon) * (Location.longitude - lon) * (k * k)
        ))
        .where(OfferLocation.offer_id == Offer.id, OfferLocation.location_id == Location.id)
        .scalar_subquery()
    )
    return nearest


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Return the great-circle distance between two (lat, lon) points in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _distance_km(offer: Offer, near: tuple[float, float]) -> float | None:
    points = [
        (ol.location.latitude, ol.location.longitude) for ol in offer.locations
        if ol.location.latitude is not None and ol.location.longitude is not None
    ]
    return min((haversine_km(near, p) for p in points), default=None)


def offer_slots(offer: Offer) -> list[Slot]:
    """Return the offer's weekly slots."""
    return [Slot(s.weekday, s.opens_at, s.closes_at) for s in offer.schedules]


def match_reasons(
    offer: Offer,
    filters: Filters,
    terms: list[str],
    prefer_language: str | None,
    distance_km: float | None,
) -> list[Reason]:
    """Explain why ``offer`` fits (pure: reads only the loaded offer)."""
    reasons: list[Reason] = []
    speaks = set(offer.spoken_languages)
    for code in dict.fromkeys(c for c in (filters.spoken_language, prefer_language) if c):
        if code in speaks and code != "de":
            reasons.append(Reason("speaks", code))
    if offer.is_free:
        reasons.append(Reason("free"))
    if filters.level and offer.course_level == filters.level:
        reasons.append(Reason("level", filters.level))
    slots = offer_slots(offer)
    if filters.time_of_day and matches_time_of_day(slots, filters.time_of_day):
        reasons.append(Reason("time_of_day", filters.time_of_day))
    elif matches_time_of_day(slots, "evening"):
        reasons.append(Reason("time_of_day", "evening"))
    if filters.open_at and is_open_at(slots, filters.open_at):
        reasons.append(Reason("open_now"))
    if filters.target_group and filters.target_group in offer.target_group_codes:
        reasons.append(Reason("target_group", filters.target_group))
    if filters.district:
        reasons.append(Reason("district", filters.district))
    if distance_km is not None:
        reasons.append(Reason("near", round(distance_km, 1)))
    if filters.subcategory and filters.subcategory in offer.subcategories:
        reasons.append(Reason("subcategory", filters.subcategory))
    if terms:
        texts = " ".join(f"{t.search_title} {t.search_body}" for t in offer.translations)
        found = [t for t in terms if t in texts]
        if found:
            reasons.append(Reason("text", " ".join(found)))
    return reasons
