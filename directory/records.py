"""Plain records of offers, their validation, and upsert into the database.

The importer (CSV, HSDS JSON) and the sample-data seeder both turn their input into
these records, validate them with :func:`validate_offer`, and write them with
:func:`upsert` — so every way into the directory enforces the same rules and
re-importing the same external id updates instead of duplicating.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from directory.constants import (
    CATEGORIES,
    GERMAN_LEVELS,
    OFFER_STATUSES,
    RESIDENCE_STATUSES,
    SOURCE_LANGUAGE,
    SUBCATEGORY_PARENT,
    TARGET_GROUPS,
)
from directory.models import (
    Location,
    Offer,
    OfferCategory,
    OfferLanguage,
    OfferLocation,
    OfferTargetGroup,
    OfferTranslation,
    Organization,
    Phone,
    Schedule,
)
from directory.schedule import Slot

EXTERNAL_ID = re.compile(r"^[a-z0-9][a-z0-9\-_.]{1,99}$")
PHONE = re.compile(r"^\+?[0-9][0-9 /\-()]{4,30}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
URL = re.compile(r"^https?://[^\s/$.?#].[^\s]*$", re.IGNORECASE)
ISO_639_1 = re.compile(r"^[a-z]{2}$")


@dataclass
class OrganizationRecord:
    """An organization as read from a file."""

    external_id: str
    name: str
    email: str | None = None
    url: str | None = None
    description: str | None = None
    is_sample: bool = False


@dataclass
class LocationRecord:
    """A location as read from a file."""

    external_id: str
    name: str
    address: str | None = None
    postal_code: str | None = None
    district: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    accessibility: str | None = None
    is_sample: bool = False


@dataclass
class TranslationRecord:
    """Texts of an offer in one language."""

    title: str
    description: str = ""
    fee: str | None = None
    keywords: str | None = None


@dataclass
class OfferRecord:
    """An offer as read from a file, referring to organization and locations by id."""

    external_id: str
    organization: str
    translations: dict[str, TranslationRecord]
    categories: list[str]
    subcategories: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    spoken_languages: list[str] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    residence_status: list[str] = field(default_factory=list)
    status: str = "published"
    is_free: bool = False
    course_level: str | None = None
    min_german_level: str | None = None
    age_min: int | None = None
    age_max: int | None = None
    slots: list[Slot] = field(default_factory=list)
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    phone: str | None = None
    email: str | None = None
    url: str | None = None
    last_verified: dt.date | None = None
    verified_by: str | None = None
    is_sample: bool = False


def validate_offer(record: OfferRecord) -> list[tuple[str, str]]:
    """Return (field, reason) for every problem in ``record``; empty when valid."""
    problems: list[tuple[str, str]] = []
    add = problems.append
    if not EXTERNAL_ID.match(record.external_id or ""):
        add(("id", "must be 2–100 characters: lowercase letters, digits, - _ ."))
    if not record.organization:
        add(("organization_id", "is required"))
    if record.status not in OFFER_STATUSES:
        add(("status", f"must be one of {', '.join(OFFER_STATUSES)}"))
    source = record.translations.get(SOURCE_LANGUAGE)
    if source is None or not source.title.strip():
        add((f"title_{SOURCE_LANGUAGE}", "the German title is required"))
    for lang, tr in record.translations.items():
        if not tr.title.strip():
            add((f"title_{lang}", "is empty"))
    if not record.categories:
        add(("categories", "at least one top-level category is required"))
    for code in record.categories:
        if code not in CATEGORIES:
            add(("categories", f"unknown category {code!r} (use {', '.join(CATEGORIES)})"))
    for code in record.subcategories:
        parent = SUBCATEGORY_PARENT.get(code)
        if parent is None:
            add(("subcategories", f"unknown sub-category {code!r}"))
        elif parent not in record.categories:
            add(("subcategories", f"{code!r} belongs to {parent!r}, which is not in categories"))
    for code in record.spoken_languages:
        if not ISO_639_1.match(code):
            add(("spoken_languages", f"{code!r} is not an ISO 639-1 code like 'ar'"))
    for code in record.target_groups:
        if code not in TARGET_GROUPS:
            add(("target_groups", f"unknown target group {code!r}"))
    for code in record.residence_status:
        if code not in RESIDENCE_STATUSES:
            add(("residence_status", f"unknown residence status {code!r}"))
    for name in ("course_level", "min_german_level"):
        value = getattr(record, name)
        if value is not None and value not in GERMAN_LEVELS:
            add((name if name != "course_level" else "level", f"{value!r} is not one of A1–C2"))
    if record.age_min is not None and record.age_max is not None and record.age_min > record.age_max:
        add(("age_max", "is lower than age_min"))
    if record.valid_from and record.valid_to and record.valid_from > record.valid_to:
        add(("valid_to", "ends before valid_from"))
    if record.phone and not PHONE.match(record.phone):
        add(("phone", f"{record.phone!r} is not a phone number like +49 631 1234567"))
    if record.email and not EMAIL.match(record.email):
        add(("email", f"{record.email!r} is not an e-mail address"))
    if record.url and not URL.match(record.url):
        add(("url", f"{record.url!r} is not an http(s) address"))
    if record.last_verified and record.last_verified > dt.date.today():
        add(("last_verified", "lies in the future"))
    return problems


def upsert(
    *,
    session: Session,
    organizations: list[OrganizationRecord],
    locations: list[LocationRecord],
    offers: list[OfferRecord],
) -> dict[str, int]:
    """Create or update everything by external id; return counts of created/updated offers.

    The caller owns the transaction: nothing is committed here.
    """
    orgs = {o.external_id: o for o in session.execute(select(Organization)).scalars()}
    for rec in organizations:
        org = orgs.get(rec.external_id) or Organization(external_id=rec.external_id)
        org.name, org.email, org.url = rec.name, rec.email, rec.url
        org.description, org.is_sample = rec.description, rec.is_sample
        session.add(org)
        orgs[rec.external_id] = org
    locs = {loc.external_id: loc for loc in session.execute(select(Location)).scalars()}
    for rec in locations:
        loc = locs.get(rec.external_id) or Location(external_id=rec.external_id)
        for name in ("name", "address", "postal_code", "district", "latitude", "longitude",
                     "accessibility", "is_sample"):
            setattr(loc, name, getattr(rec, name))
        session.add(loc)
        locs[rec.external_id] = loc
    session.flush()
    existing = {
        o.external_id: o
        for o in session.execute(
            select(Offer).where(Offer.external_id.in_([r.external_id for r in offers]))
        ).scalars()
    }
    counts = {"created": 0, "updated": 0}
    for rec in offers:
        offer = existing.get(rec.external_id)
        counts["updated" if offer else "created"] += 1
        offer = offer or Offer(external_id=rec.external_id)
        _fill_offer(offer, rec, orgs, locs)
        session.add(offer)
    session.flush()
    return counts


def _fill_offer(
    offer: Offer,
    rec: OfferRecord,
    orgs: dict[str, Organization],
    locs: dict[str, Location],
) -> None:
    offer.organization = orgs[rec.organization]
    for name in ("status", "email", "url", "is_free", "course_level", "min_german_level",
                 "age_min", "age_max", "valid_from", "valid_to", "last_verified",
                 "verified_by", "is_sample"):
        setattr(offer, name, getattr(rec, name))
    offer.residence_status = " ".join(rec.residence_status) or None
    by_lang = {t.language: t for t in offer.translations}
    for lang, tr in rec.translations.items():
        row = by_lang.pop(lang, None) or OfferTranslation(language=lang)
        row.title, row.description, row.fee, row.keywords = (
            tr.title, tr.description, tr.fee, tr.keywords,
        )
        if row not in offer.translations:
            offer.translations.append(row)
    for stale in by_lang.values():
        offer.translations.remove(stale)
    pairs = [(c, None) for c in rec.categories if not any(
        SUBCATEGORY_PARENT.get(s) == c for s in rec.subcategories)]
    pairs += [(SUBCATEGORY_PARENT[s], s) for s in rec.subcategories]
    _sync(offer.categories, pairs, lambda r: (r.category, r.subcategory),
          lambda k: OfferCategory(category=k[0], subcategory=k[1]))
    _sync(offer.languages, list(dict.fromkeys(rec.spoken_languages)), lambda r: r.language,
          lambda k: OfferLanguage(language=k))
    _sync(offer.target_groups, list(dict.fromkeys(rec.target_groups)),
          lambda r: r.target_group, lambda k: OfferTargetGroup(target_group=k))
    _sync(offer.locations, list(dict.fromkeys(rec.locations)), lambda r: r.location.external_id,
          lambda k: OfferLocation(location=locs[k]))
    _sync(offer.schedules, [(s.weekday, s.opens, s.closes) for s in rec.slots],
          lambda r: (r.weekday, r.opens_at, r.closes_at),
          lambda k: Schedule(weekday=k[0], opens_at=k[1], closes_at=k[2]))
    _sync(offer.phones, [rec.phone] if rec.phone else [], lambda r: r.number,
          lambda k: Phone(number=k, kind="voice", is_sample=rec.is_sample))


def _sync(collection: list, wanted: list, key: Callable[[Any], Any],
          make: Callable[[Any], Any]) -> None:
    """Make ``collection`` hold one row per wanted key, keeping rows that already match.

    Reusing rows (instead of replacing the list) avoids inserting a duplicate before the
    old row is deleted, which unique constraints would refuse.
    """
    existing = {key(row): row for row in collection}
    for row in list(collection):
        if key(row) not in wanted:
            collection.remove(row)
    for k in wanted:
        if k not in existing:
            collection.append(make(k))
