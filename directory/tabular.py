"""The documented CSV row format of offers: one offer per row (see directory/README.md).

Pure conversions between rows (``dict[str, str]``) and records, used by the importer
and the exporter so that an exported file re-imports unchanged.
"""
from __future__ import annotations

import datetime as dt

from directory.constants import SUPPORTED_LANGUAGES
from directory.models import Offer
from directory.records import (
    LocationRecord,
    OfferRecord,
    OrganizationRecord,
    TranslationRecord,
)
from directory.schedule import Slot, format_schedule_compact, parse_schedule

LIST_SEP = ";"
BASE_COLUMNS: tuple[str, ...] = (
    "id", "status", "organization_id", "organization_name", "organization_url",
    "organization_email", "location_id", "location_name", "address", "postal_code",
    "district", "latitude", "longitude", "accessibility", "categories", "subcategories",
    "spoken_languages", "target_groups", "residence_status", "age_min", "age_max", "level",
    "min_german_level", "free", "schedule", "valid_from", "valid_to", "phone", "email",
    "url", "last_verified", "verified_by", "is_sample",
)
TEXT_FIELDS: tuple[str, ...] = ("title", "description", "fee", "keywords")
COLUMNS: tuple[str, ...] = BASE_COLUMNS + tuple(
    f"{name}_{lang}" for lang in SUPPORTED_LANGUAGES for name in TEXT_FIELDS
)
REQUIRED_COLUMNS: tuple[str, ...] = ("id", "organization_id", "organization_name", "categories",
                                     "title_de")
TRUE = {"1", "yes", "ja", "true", "y", "x", "wahr"}
FALSE = {"", "0", "no", "nein", "false", "n"}


class CellError(ValueError):
    """A cell that cannot be read; carries the column name."""

    def __init__(self, column: str, reason: str) -> None:
        super().__init__(reason)
        self.column = column


def _list(value: str) -> list[str]:
    return [part.strip() for part in value.replace(",", LIST_SEP).split(LIST_SEP) if part.strip()]


def _bool(column: str, value: str) -> bool:
    folded = value.strip().lower()
    if folded in TRUE:
        return True
    if folded in FALSE:
        return False
    raise CellError(column, f"{value!r} is not yes/no")


def _int(column: str, value: str) -> int | None:
    if not value.strip():
        return None
    try:
        return int(value)
    except ValueError:
        raise CellError(column, f"{value!r} is not a whole number") from None


def _float(column: str, value: str) -> float | None:
    if not value.strip():
        return None
    try:
        return float(value.replace(",", "."))
    except ValueError:
        raise CellError(column, f"{value!r} is not a number") from None


def _date(column: str, value: str) -> dt.date | None:
    if not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise CellError(column, f"{value!r} is not a date like 2026-03-31") from None


def _opt(value: str) -> str | None:
    return value.strip() or None


def row_to_records(
    row: dict[str, str],
) -> tuple[OrganizationRecord, LocationRecord | None, OfferRecord, list[CellError]]:
    """Convert one CSV row; collect every unreadable cell instead of stopping at the first."""
    errors: list[CellError] = []
    get = lambda name: (row.get(name) or "").strip()  # noqa: E731

    def safe(fn, column: str):  # type: ignore[no-untyped-def]
        try:
            return fn(column, get(column))
        except CellError as exc:
            errors.append(exc)
            return None

    for column in REQUIRED_COLUMNS:
        if not get(column):
            errors.append(CellError(column, "is required"))
    slots: list[Slot] = []
    if get("schedule"):
        try:
            slots = parse_schedule(get("schedule"))
        except ValueError as exc:
            errors.append(CellError("schedule", str(exc)))
    is_sample = safe(_bool, "is_sample") or False
    organization = OrganizationRecord(
        external_id=get("organization_id"), name=get("organization_name"),
        url=_opt(get("organization_url")), email=_opt(get("organization_email")),
        is_sample=is_sample,
    )
    location = None
    if get("location_id"):
        location = LocationRecord(
            external_id=get("location_id"), name=get("location_name") or get("address"),
            address=_opt(get("address")), postal_code=_opt(get("postal_code")),
            district=_opt(get("district")), latitude=safe(_float, "latitude"),
            longitude=safe(_float, "longitude"), accessibility=_opt(get("accessibility")),
            is_sample=is_sample,
        )
    translations = {}
    for lang in SUPPORTED_LANGUAGES:
        title = get(f"title_{lang}")
        if title:
            translations[lang] = TranslationRecord(
                title=title, description=get(f"description_{lang}"),
                fee=_opt(get(f"fee_{lang}")), keywords=_opt(get(f"keywords_{lang}")),
            )
        elif get(f"description_{lang}"):
            errors.append(CellError(f"title_{lang}", "a description needs a title"))
    offer = OfferRecord(
        external_id=get("id"), organization=get("organization_id"),
        translations=translations, categories=_list(get("categories")),
        subcategories=_list(get("subcategories")),
        locations=[location.external_id] if location else [],
        spoken_languages=[c.lower() for c in _list(get("spoken_languages"))],
        target_groups=_list(get("target_groups")),
        residence_status=_list(get("residence_status")),
        status=get("status") or "published", is_free=safe(_bool, "free") or False,
        course_level=_opt(get("level").upper()), min_german_level=_opt(get("min_german_level").upper()),
        age_min=safe(_int, "age_min"), age_max=safe(_int, "age_max"), slots=slots,
        valid_from=safe(_date, "valid_from"), valid_to=safe(_date, "valid_to"),
        phone=_opt(get("phone")), email=_opt(get("email")), url=_opt(get("url")),
        last_verified=safe(_date, "last_verified"), verified_by=_opt(get("verified_by")),
        is_sample=is_sample,
    )
    return organization, location, offer, errors


def offer_to_row(offer: Offer) -> dict[str, str]:
    """Convert a loaded offer into a CSV row of :data:`COLUMNS`."""
    loc = offer.primary_location
    org = offer.organization
    fmt = lambda v: "" if v is None else str(v)  # noqa: E731
    row = {
        "id": offer.external_id, "status": offer.status,
        "organization_id": org.external_id, "organization_name": org.name,
        "organization_url": fmt(org.url), "organization_email": fmt(org.email),
        "location_id": loc.external_id if loc else "", "location_name": loc.name if loc else "",
        "address": fmt(loc.address) if loc else "", "postal_code": fmt(loc.postal_code) if loc else "",
        "district": fmt(loc.district) if loc else "",
        "latitude": fmt(loc.latitude) if loc else "", "longitude": fmt(loc.longitude) if loc else "",
        "accessibility": fmt(loc.accessibility) if loc else "",
        "categories": LIST_SEP.join(offer.top_categories),
        "subcategories": LIST_SEP.join(offer.subcategories),
        "spoken_languages": LIST_SEP.join(offer.spoken_languages),
        "target_groups": LIST_SEP.join(offer.target_group_codes),
        "residence_status": LIST_SEP.join((offer.residence_status or "").split()),
        "age_min": fmt(offer.age_min), "age_max": fmt(offer.age_max),
        "level": fmt(offer.course_level), "min_german_level": fmt(offer.min_german_level),
        "free": "yes" if offer.is_free else "no",
        "schedule": format_schedule_compact(
            Slot(s.weekday, s.opens_at, s.closes_at) for s in offer.schedules),
        "valid_from": fmt(offer.valid_from), "valid_to": fmt(offer.valid_to),
        "phone": offer.phones[0].number if offer.phones else "",
        "email": fmt(offer.email), "url": fmt(offer.url),
        "last_verified": fmt(offer.last_verified), "verified_by": fmt(offer.verified_by),
        "is_sample": "yes" if offer.is_sample else "no",
    }
    by_lang = {t.language: t for t in offer.translations}
    for lang in SUPPORTED_LANGUAGES:
        tr = by_lang.get(lang)
        for name in TEXT_FIELDS:
            row[f"{name}_{lang}"] = fmt(getattr(tr, name)) if tr else ""
    return row
