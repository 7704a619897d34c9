"""Public read-only JSON API: ``/api/v1/offers``, ``/api/v1/offers/<id>``, HSDS services."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, jsonify, request
from sqlalchemy import select
from sqlalchemy.orm import Session

from directory.constants import STATUS_PUBLISHED, SUPPORTED_LANGUAGES
from directory.errors import InvalidFilter
from directory.exporter import export_hsds
from directory.models import Offer
from directory.presenter import offer_to_dict
from directory.search import MAX_LIMIT, find_offers

api = Blueprint("api", __name__, url_prefix="/api/v1")
ALLOWED = {"q", "category", "subcategory", "spoken_language", "district", "free", "level",
           "target_group", "time_of_day", "lang", "limit", "offset", "lat", "lon"}


class BadParameter(Exception):
    """A query parameter is invalid; answered with 400 and its name."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter


@api.errorhandler(BadParameter)
@api.errorhandler(InvalidFilter)
def _bad_parameter(exc: BadParameter | InvalidFilter):  # type: ignore[no-untyped-def]
    return jsonify(error={"parameter": exc.parameter, "message": str(exc)}), 400


def _session() -> Session:
    return current_app.config["SESSION_FACTORY"]()


def _int_arg(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParameter(name, f"{name} must be a whole number") from None
    if not low <= value <= high:
        raise BadParameter(name, f"{name} must be between {low} and {high}")
    return value


def _float_arg(name: str) -> float | None:
    raw = request.args.get(name)
    if raw is None:
        return None
    try:
        return float(raw)
    except ValueError:
        raise BadParameter(name, f"{name} must be a number") from None


def _lang() -> str:
    lang = request.args.get("lang", "de")
    if lang not in SUPPORTED_LANGUAGES:
        raise BadParameter("lang", f"lang must be one of {', '.join(SUPPORTED_LANGUAGES)}")
    return lang


@api.get("/offers")
def list_offers():  # type: ignore[no-untyped-def]
    """Search published offers; every filter optional."""
    unknown = sorted(set(request.args) - ALLOWED)
    if unknown:
        raise BadParameter(unknown[0], f"unknown parameter {unknown[0]!r}")
    lang = _lang()
    limit = _int_arg("limit", 20, 1, MAX_LIMIT)
    offset = _int_arg("offset", 0, 0, 1_000_000)
    free = request.args.get("free", "false").lower()
    if free not in ("true", "false", "1", "0", "yes", "no"):
        raise BadParameter("free", "free must be true or false")
    lat, lon = _float_arg("lat"), _float_arg("lon")
    if (lat is None) != (lon is None):
        raise BadParameter("lat" if lat is None else "lon", "lat and lon go together")
    with _session() as session:
        result = find_offers(
            session=session, text=request.args.get("q") or None,
            category=request.args.get("category") or None,
            subcategory=request.args.get("subcategory") or None,
            spoken_language=request.args.get("spoken_language") or None,
            district=request.args.get("district") or None,
            free_only=free in ("true", "1", "yes"), level=request.args.get("level") or None,
            target_group=request.args.get("target_group") or None,
            time_of_day=request.args.get("time_of_day") or None,
            near=(lat, lon) if lat is not None and lon is not None else None,
            lang=lang, limit=limit, offset=offset,
        )
        body: dict[str, Any] = {
            "total": result.total, "total_capped": result.capped, "limit": limit,
            "offset": offset, "lang": lang,
            "offers": [offer_to_dict(h.offer, lang, h) for h in result.hits],
        }
    return jsonify(body)


@api.get("/offers/<offer_id>")
def get_offer(offer_id: str):  # type: ignore[no-untyped-def]
    """Return one published offer by its external id."""
    lang = _lang()
    with _session() as session:
        offer = session.execute(
            select(Offer).where(Offer.external_id == offer_id, Offer.status == STATUS_PUBLISHED)
        ).scalar_one_or_none()
        if offer is None:
            return jsonify(error={"parameter": "id", "message": f"no offer {offer_id!r}"}), 404
        return jsonify(offer_to_dict(offer, lang))


@api.get("/hsds/services")
def hsds_services():  # type: ignore[no-untyped-def]
    """Return all published offers as HSDS 3.0 services."""
    lang = _lang()
    with _session() as session:
        return jsonify(export_hsds(session=session, lang=lang))
