"""Import offers from CSV or HSDS 3.0 JSON — all or nothing.

Every row is read and validated before anything is written; a file with any bad row
raises :class:`ImportValidationError` listing each problem with line and column,
and the caller's transaction writes nothing.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from directory.constants import CATEGORIES, SUBCATEGORY_PARENT
from directory.errors import ImportValidationError, RowError
from directory.records import (
    LocationRecord,
    OfferRecord,
    OrganizationRecord,
    TranslationRecord,
    upsert,
    validate_offer,
)
from directory.schedule import Slot, make_slots
from directory.tabular import COLUMNS, row_to_records

HSDS_STATUS = {"active": "published", "inactive": "archived", "defunct": "archived",
               "temporarily closed": "draft"}


@dataclass
class ImportResult:
    """What an import did."""

    created: int = 0
    updated: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Batch:
    organizations: dict[str, OrganizationRecord] = field(default_factory=dict)
    locations: dict[str, LocationRecord] = field(default_factory=dict)
    offers: list[OfferRecord] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_csv_text(content: str) -> list[dict[str, str]]:
    """Parse CSV text (comma or semicolon separated, UTF-8 with or without BOM)."""
    content = content.lstrip("\ufeff")
    sample = content[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    return list(csv.DictReader(io.StringIO(content), delimiter=delimiter))


def parse_rows(rows: Iterable[dict[str, str]], *, progress: bool = False) -> _Batch:
    """Turn CSV rows into records, collecting every error (line numbers count the header)."""
    batch = _Batch()
    seen: dict[str, int] = {}
    iterator: Iterable[tuple[int, dict[str, str]]] = enumerate(rows, start=2)
    if progress:
        from tqdm import tqdm

        iterator = tqdm(list(iterator), desc="reading", unit="row")
    for line, row in iterator:
        unknown = [k for k in row if k is not None and k not in COLUMNS]
        if line == 2 and unknown:
            batch.warnings.append(f"ignored unknown column(s): {', '.join(unknown)}")
        if None in row:
            batch.errors.append(RowError(line, "-", "row has more cells than the header"))
            continue
        org, loc, offer, cell_errors = row_to_records(row)
        batch.errors.extend(RowError(line, e.column, str(e)) for e in cell_errors)
        batch.errors.extend(RowError(line, c, r) for c, r in validate_offer(offer)
                            if not any(e.column == c for e in cell_errors))
        if offer.external_id in seen:
            batch.errors.append(RowError(line, "id", f"{offer.external_id!r} already on line "
                                                      f"{seen[offer.external_id]}"))
        seen[offer.external_id] = line
        if loc and (loc.latitude is not None or loc.longitude is not None):
            if loc.latitude is None or loc.longitude is None or not (
                    -90 <= loc.latitude <= 90 and -180 <= loc.longitude <= 180):
                batch.errors.append(RowError(line, "latitude", "latitude/longitude out of range"))
        batch.organizations.setdefault(org.external_id, org)
        if loc:
            batch.locations.setdefault(loc.external_id, loc)
        batch.offers.append(offer)
    return batch


def parse_hsds(data: Any, *, default_category: str | None = None) -> _Batch:
    """Turn HSDS 3.0 service JSON (one service or a list / page of them) into records."""
    batch = _Batch()
    services = data.get("contents", [data]) if isinstance(data, dict) else list(data)
    for index, service in enumerate(services, start=1):
        try:
            _hsds_service(batch, index, service, default_category)
        except (KeyError, TypeError, ValueError) as exc:
            batch.errors.append(RowError(index, "-", f"cannot read service: {exc}"))
    return batch


def _hsds_service(batch: _Batch, index: int, service: dict[str, Any],
                  default_category: str | None) -> None:
    org_data = service.get("organization") or {"id": service.get("organization_id")}
    org_id = str(org_data.get("id") or "unknown-organization").lower()
    batch.organizations.setdefault(org_id, OrganizationRecord(
        external_id=org_id, name=org_data.get("name") or org_id,
        email=org_data.get("email"), url=org_data.get("website") or org_data.get("url"),
        description=org_data.get("description")))
    location_ids = []
    for sal in service.get("service_at_locations") or []:
        loc = sal.get("location") or {}
        if not loc.get("id"):
            continue
        addr = (loc.get("addresses") or [{}])[0]
        lat, lon = loc.get("latitude"), loc.get("longitude")
        if lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
            batch.warnings.append(f"service {index}: location {loc['id']} has invalid "
                                  f"coordinates ({lat}, {lon}); left empty")
            lat = lon = None
        batch.locations.setdefault(str(loc["id"]).lower(), LocationRecord(
            external_id=str(loc["id"]).lower(), name=loc.get("name") or addr.get("address_1") or "?",
            address=" ".join(filter(None, (addr.get("address_1"), addr.get("address_2")))) or None,
            postal_code=addr.get("postal_code"), district=addr.get("region"),
            latitude=lat, longitude=lon,
            accessibility="; ".join(a.get("description", "") for a in loc.get("accessibility") or [])
            or None))
        location_ids.append(str(loc["id"]).lower())
    codes = [a.get("taxonomy_term", {}).get("code") for a in service.get("attributes") or []]
    categories = [c for c in codes if c in CATEGORIES]
    subcategories = [c for c in codes if c in SUBCATEGORY_PARENT]
    categories += [SUBCATEGORY_PARENT[s] for s in subcategories if SUBCATEGORY_PARENT[s] not in categories]
    if not categories and default_category:
        categories = [default_category]
        batch.warnings.append(f"service {index}: no Wegweiser category; using {default_category}")
    slots: list[Slot] = []
    for sched in service.get("schedules") or []:
        if sched.get("byday") and sched.get("opens_at") and sched.get("closes_at"):
            slots.extend(make_slots(sched["byday"].split(","), sched["opens_at"][:5],
                                    sched["closes_at"][:5]))
    phones = [str(p.get("number", "")).strip('" ') for p in service.get("phones") or []]
    translations = {"de": TranslationRecord(title=service.get("name") or "",
                                            description=service.get("description") or "",
                                            fee=service.get("fees_description"))}
    for tr in service.get("translations") or []:  # Wegweiser extension, see exporter
        translations[tr["language"]] = TranslationRecord(
            title=tr["name"], description=tr.get("description", ""), fee=tr.get("fee"),
            keywords=tr.get("keywords"))
    assured = service.get("assured_date")
    offer = OfferRecord(
        external_id=str(service["id"]).lower(), organization=org_id, translations=translations,
        categories=categories, subcategories=subcategories, locations=location_ids,
        spoken_languages=[lang["code"] for lang in service.get("languages") or [] if lang.get("code")],
        status=HSDS_STATUS.get(str(service.get("status", "active")).lower(), "draft"),
        is_free=not service.get("fees_description") and not service.get("cost_options"),
        age_min=service.get("minimum_age"), age_max=service.get("maximum_age"),
        slots=sorted(set(slots)), phone=phones[0] if phones else None,
        email=service.get("email"), url=service.get("url"),
        last_verified=dt.date.fromisoformat(assured) if assured else None,
        verified_by=service.get("assurer_email"),
    )
    batch.errors.extend(RowError(index, c, r) for c, r in validate_offer(offer))
    batch.offers.append(offer)


def import_batch(batch: _Batch, *, session: Session) -> ImportResult:
    """Write a fully valid batch, or raise listing every error and write nothing."""
    if batch.errors:
        raise ImportValidationError(sorted(batch.errors, key=lambda e: (e.line, e.column)))
    counts = upsert(session=session, organizations=list(batch.organizations.values()),
                    locations=list(batch.locations.values()), offers=batch.offers)
    return ImportResult(created=counts["created"], updated=counts["updated"],
                        warnings=batch.warnings)


def import_file(path: Path, *, session: Session, default_category: str | None = None,
                progress: bool = False) -> ImportResult:
    """Import a ``.csv`` or ``.json`` (HSDS) file into the caller's session."""
    content = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(content)
        except json.JSONDecodeError as exc:
            raise ImportValidationError([RowError(exc.lineno, "-", f"invalid JSON: {exc.msg}")]) from None
        batch = parse_hsds(data, default_category=default_category)
    else:
        rows = read_csv_text(content)
        if not rows:
            raise ImportValidationError([RowError(1, "-", "the file has no data rows")])
        missing = [c for c in ("id", "title_de", "categories") if c not in rows[0]]
        if missing:
            raise ImportValidationError([RowError(1, c, "column missing from the header")
                                         for c in missing])
        batch = parse_rows(rows, progress=progress)
    return import_batch(batch, session=session)
