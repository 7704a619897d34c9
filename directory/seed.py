"""Load the Kaiserslautern sample data (``directory/sample_data/*.yaml``).

Every record loaded from here is flagged ``is_sample``; the seeder validates with the
same rules as the importer and refuses the whole set if anything is wrong.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.orm import Session

from directory.errors import ImportValidationError, RowError
from directory.records import (
    LocationRecord,
    OfferRecord,
    OrganizationRecord,
    TranslationRecord,
    upsert,
    validate_offer,
)
from directory.schedule import make_slots

SAMPLE_DIR = Path(__file__).resolve().parent / "sample_data"


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def load_sample_files(
    folder: Path = SAMPLE_DIR,
) -> tuple[list[OrganizationRecord], list[LocationRecord], list[OfferRecord]]:
    """Read every YAML file in ``folder`` into records (flagged as sample data).

    Raises:
        ImportValidationError: listing every invalid offer or dangling reference.
    """
    organizations: dict[str, OrganizationRecord] = {}
    locations: dict[str, LocationRecord] = {}
    offers: list[OfferRecord] = []
    errors: list[RowError] = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in data.get("organizations", []):
            if item["id"] in organizations:
                errors.append(RowError(0, "id", f"{path.name}: organization {item['id']} twice"))
            organizations[item["id"]] = OrganizationRecord(
                external_id=item["id"], name=item["name"], email=item.get("email"),
                url=item.get("url"), description=item.get("description"), is_sample=True,
            )
        for item in data.get("locations", []):
            if item["id"] in locations:
                errors.append(RowError(0, "id", f"{path.name}: location {item['id']} twice"))
            locations[item["id"]] = LocationRecord(
                external_id=item["id"], name=item["name"], address=item.get("address"),
                postal_code=str(item.get("postal_code") or "") or None,
                district=item.get("district"), latitude=item.get("lat"),
                longitude=item.get("lon"), accessibility=item.get("accessibility"),
                is_sample=True,
            )
        for index, item in enumerate(data.get("offers", []), start=1):
            try:
                offers.append(_offer_record(item))
            except (KeyError, ValueError, TypeError) as exc:
                errors.append(RowError(index, str(item.get("id", "?")), f"{path.name}: {exc}"))
    seen: set[str] = set()
    for index, rec in enumerate(offers, start=1):
        if rec.external_id in seen:
            errors.append(RowError(index, "id", f"offer {rec.external_id} appears twice"))
        seen.add(rec.external_id)
        if rec.organization not in organizations:
            errors.append(RowError(index, "organization", f"{rec.external_id}: unknown {rec.organization}"))
        for loc in rec.locations:
            if loc not in locations:
                errors.append(RowError(index, "locations", f"{rec.external_id}: unknown {loc}"))
        errors.extend(
            RowError(index, column, f"{rec.external_id}: {reason}")
            for column, reason in validate_offer(rec)
        )
    if errors:
        raise ImportValidationError(errors)
    return list(organizations.values()), list(locations.values()), offers


def _offer_record(item: dict[str, Any]) -> OfferRecord:
    slots = []
    for entry in item.get("schedule") or []:
        slots.extend(make_slots(entry["days"], str(entry["opens"]), str(entry["closes"])))
    return OfferRecord(
        external_id=item["id"],
        organization=item["organization"],
        locations=list(item.get("locations") or []),
        categories=list(item["categories"]),
        subcategories=list(item.get("subcategories") or []),
        spoken_languages=list(item.get("spoken_languages") or []),
        target_groups=list(item.get("target_groups") or []),
        residence_status=[s for s in item.get("residence_status") or [] if s],
        status=item.get("status", "published"),
        is_free=bool(item.get("free", False)),
        course_level=item.get("level"),
        min_german_level=item.get("min_german_level"),
        age_min=item.get("age_min"),
        age_max=item.get("age_max"),
        slots=sorted(set(slots)),
        valid_from=_date(item.get("valid_from")),
        valid_to=_date(item.get("valid_to")),
        phone=item.get("phone"),
        email=item.get("email"),
        url=item.get("url"),
        last_verified=_date(item.get("last_verified")),
        verified_by=item.get("verified_by") or "Beispieldaten",
        is_sample=True,
        translations={
            lang: TranslationRecord(
                title=str(tr["title"]).strip(),
                description=str(tr.get("description") or "").strip(),
                fee=tr.get("fee"),
                keywords=tr.get("keywords"),
            )
            for lang, tr in (item.get("translations") or {}).items()
        },
    )


def seed(*, session: Session, folder: Path = SAMPLE_DIR) -> dict[str, int]:
    """Load the sample data into the database (idempotent: updates by external id)."""
    organizations, locations, offers = load_sample_files(folder)
    return upsert(session=session, organizations=organizations, locations=locations, offers=offers)
