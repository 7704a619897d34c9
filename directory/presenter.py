"""Offers as plain dicts for the JSON API and the CLI, texts in the reader's language."""
from __future__ import annotations

from typing import Any

from directory.constants import SOURCE_LANGUAGE
from directory.models import Offer
from directory.schedule import format_schedule
from directory.search import Hit, offer_slots
from locales import lookup


def schedule_lines(offer: Offer, lang: str) -> list[str]:
    """Return the offer's opening hours as readable lines in ``lang``."""
    return format_schedule(offer_slots(offer), day_names=list(lookup(lang, "weekdays")))


def offer_to_dict(offer: Offer, lang: str, hit: Hit | None = None) -> dict[str, Any]:
    """Return the public JSON shape of an offer (texts in ``lang``, German fallback)."""
    tr = offer.translation(lang)
    loc = offer.primary_location
    data: dict[str, Any] = {
        "id": offer.external_id,
        "title": tr.title if tr else "",
        "description": tr.description if tr else "",
        "language": tr.language if tr else SOURCE_LANGUAGE,
        "categories": offer.top_categories,
        "subcategories": offer.subcategories,
        "spoken_languages": offer.spoken_languages,
        "target_groups": offer.target_group_codes,
        "organization": offer.organization.name,
        "address": (f"{loc.address}, {loc.postal_code or ''} {loc.city}".replace("  ", " ")
                    if loc and loc.address else None),
        "district": loc.district if loc else None,
        "latitude": loc.latitude if loc else None,
        "longitude": loc.longitude if loc else None,
        "accessibility": loc.accessibility if loc else None,
        "phone": offer.phones[0].number if offer.phones else None,
        "email": offer.email,
        "url": offer.url,
        "schedule": schedule_lines(offer, lang),
        "valid_from": offer.valid_from.isoformat() if offer.valid_from else None,
        "valid_to": offer.valid_to.isoformat() if offer.valid_to else None,
        "cost": {"free": offer.is_free, "text": (tr.fee if tr else None)},
        "level": offer.course_level,
        "last_verified": offer.last_verified.isoformat() if offer.last_verified else None,
        "status": offer.status,
        "is_sample": offer.is_sample,
    }
    if hit is not None:
        data["score"] = round(hit.score, 4)
        data["reasons"] = [{"code": r.code, "value": r.value} for r in hit.reasons]
        data["distance_km"] = round(hit.distance_km, 2) if hit.distance_km is not None else None
    return data
