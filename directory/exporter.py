"""Export offers as the documented CSV format or as HSDS 3.0 JSON services."""
from __future__ import annotations

import csv
import io
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from directory.constants import SOURCE_LANGUAGE, STATUS_PUBLISHED, WEEKDAYS
from directory.models import Offer
from directory.tabular import COLUMNS, offer_to_row

#: Namespace for deterministic UUIDs of rows that have integer keys (schedules, phones…).
_NS = uuid.UUID("6f1c2a8e-3d0b-4c55-9a43-2b7f0e8d9c11")
HSDS_STATUS = {"published": "active", "archived": "inactive", "draft": "temporarily closed"}
TAXONOMY = "wegweiser"


def _offers(session: Session, *, published_only: bool) -> list[Offer]:
    stmt = select(Offer).order_by(Offer.external_id)
    if published_only:
        stmt = stmt.where(Offer.status == STATUS_PUBLISHED)
    return list(session.execute(stmt).scalars())


def export_csv(*, session: Session, published_only: bool = False) -> str:
    """Return all offers as CSV text in the import format (re-importable unchanged)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for offer in _offers(session, published_only=published_only):
        writer.writerow(offer_to_row(offer))
    return buffer.getvalue()


def _uid(*parts: object) -> str:
    return str(uuid.uuid5(_NS, "/".join(map(str, parts))))


def hsds_service(offer: Offer, *, lang: str = SOURCE_LANGUAGE) -> dict[str, Any]:
    """Return one offer as an HSDS 3.0 service object (texts in ``lang``, German fallback)."""
    tr = offer.translation(lang)
    org = offer.organization
    service: dict[str, Any] = {
        "id": offer.id,
        "organization_id": org.id,
        "name": tr.title if tr else offer.external_id,
        "description": tr.description if tr else None,
        "url": offer.url,
        "email": offer.email,
        "status": HSDS_STATUS.get(offer.status, "inactive"),
        "fees_description": (tr.fee if tr and tr.fee else ("kostenlos" if offer.is_free else None)),
        "minimum_age": offer.age_min,
        "maximum_age": offer.age_max,
        "assured_date": offer.last_verified.isoformat() if offer.last_verified else None,
        "alert": "Beispieldaten / sample data" if offer.is_sample else None,
        "organization": {"id": org.id, "name": org.name, "description": org.description or org.name,
                         "email": org.email, "website": org.url},
        "languages": [{"id": _uid(offer.id, "lang", code), "service_id": offer.id, "code": code}
                      for code in offer.spoken_languages],
        "phones": [{"id": _uid(offer.id, "phone", p.id), "service_id": offer.id,
                    "number": p.number, "type": p.kind} for p in offer.phones],
        "schedules": [
            {"id": _uid(offer.id, "schedule", s.id), "service_id": offer.id, "freq": "WEEKLY",
             "byday": WEEKDAYS[s.weekday], "opens_at": s.opens_at.strftime("%H:%M"),
             "closes_at": s.closes_at.strftime("%H:%M"),
             "valid_from": offer.valid_from.isoformat() if offer.valid_from else None,
             "valid_to": offer.valid_to.isoformat() if offer.valid_to else None}
            for s in offer.schedules
        ],
        "service_at_locations": [
            {"id": _uid(offer.id, "sal", ol.location.id), "service_id": offer.id,
             "location_id": ol.location.id,
             "location": {
                 "id": ol.location.id, "location_type": "physical", "name": ol.location.name,
                 "latitude": ol.location.latitude, "longitude": ol.location.longitude,
                 "addresses": [{"id": _uid(ol.location.id, "address"),
                                "location_id": ol.location.id,
                                "address_1": ol.location.address or "", "city": ol.location.city,
                                "region": ol.location.district,
                                "state_province": "Rheinland-Pfalz",
                                "postal_code": ol.location.postal_code or "", "country": "DE",
                                "address_type": "physical"}],
                 "accessibility": ([{"id": _uid(ol.location.id, "access"),
                                     "location_id": ol.location.id,
                                     "description": ol.location.accessibility}]
                                   if ol.location.accessibility else []),
             }}
            for ol in offer.locations
        ],
        "attributes": [
            {"id": _uid(offer.id, "attr", c.category, c.subcategory), "link_id": offer.id,
             "link_type": "service", "link_entity": "service",
             "taxonomy_term": {"id": _uid(TAXONOMY, c.subcategory or c.category),
                               "code": c.subcategory or c.category,
                               "name": c.subcategory or c.category,
                               "description": f"Wegweiser category {c.category}"
                                              + (f" / {c.subcategory}" if c.subcategory else ""),
                               "taxonomy": TAXONOMY}}
            for c in offer.categories
        ],
        # Wegweiser extension: every translation, so an HSDS round trip keeps them.
        "translations": [
            {"language": t.language, "name": t.title, "description": t.description,
             "fee": t.fee, "keywords": t.keywords}
            for t in sorted(offer.translations, key=lambda t: t.language)
            if t.language != SOURCE_LANGUAGE
        ],
    }
    return _without_nulls(service)


def _without_nulls(value: Any) -> Any:
    """Drop None values at every depth: HSDS fields are optional but never null."""
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


def export_hsds(*, session: Session, lang: str = SOURCE_LANGUAGE,
                published_only: bool = True) -> dict[str, Any]:
    """Return offers as an HSDS 3.0 paginated service list (one page with everything)."""
    services = [hsds_service(o, lang=lang) for o in _offers(session, published_only=published_only)]
    return {"total_items": len(services), "total_pages": 1, "page_number": 1,
            "size": len(services), "first_page": True, "last_page": True, "empty": not services,
            "contents": services}
