"""The public JSON API through the real Flask app."""
from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from directory.settings import Settings
from directory.webapp import create_app


@pytest.fixture
def client(db_url: str) -> FlaskClient:
    return create_app(Settings(database_url=db_url)).test_client()


def test_offers_in_arabic_with_filters(client: FlaskClient) -> None:
    response = client.get("/api/v1/offers", query_string={
        "category": "health", "spoken_language": "ar", "lang": "ar", "limit": 3})
    assert response.status_code == 200
    body = response.get_json()
    assert body["total"] >= 1 and len(body["offers"]) <= 3
    for offer in body["offers"]:
        assert "health" in offer["categories"]
        assert "ar" in offer["spoken_languages"]
        assert offer["is_sample"] is True
        assert set(offer) >= {"id", "title", "description", "subcategories", "organization",
                              "address", "district", "phone", "url", "schedule", "cost",
                              "last_verified"}
    assert any("\u0600" <= ch <= "\u06ff" for ch in body["offers"][0]["title"])


def test_paging_is_stable(client: FlaskClient) -> None:
    first = client.get("/api/v1/offers?category=language_course&limit=2").get_json()
    second = client.get("/api/v1/offers?category=language_course&limit=2&offset=2").get_json()
    assert first["total"] == second["total"] >= 4
    assert not {o["id"] for o in first["offers"]} & {o["id"] for o in second["offers"]}


def test_single_offer_and_not_found(client: FlaskClient) -> None:
    some = client.get("/api/v1/offers?limit=1").get_json()["offers"][0]
    detail = client.get(f"/api/v1/offers/{some['id']}?lang=uk")
    assert detail.status_code == 200 and detail.get_json()["id"] == some["id"]
    missing = client.get("/api/v1/offers/does-not-exist")
    assert missing.status_code == 404


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("lang=xx", "lang"),
        ("limit=abc", "limit"),
        ("limit=0", "limit"),
        ("category=cooking", "category"),
        ("spoken_language=arabic", "spoken_language"),
        ("district=Atlantis", "district"),
        ("free=maybe", "free"),
        ("lat=49.4", "lon"),
        ("colour=blue", "colour"),
    ],
)
def test_bad_parameters_get_400_naming_them(client: FlaskClient, query: str, parameter: str) -> None:
    response = client.get(f"/api/v1/offers?{query}")
    assert response.status_code == 400
    assert response.get_json()["error"]["parameter"] == parameter


@pytest.mark.parametrize("q", ['"', "*", "NEAR(", "title:", "'; DROP TABLE offer; --", "a AND", "^"])
def test_fts_syntax_in_queries_never_errors(client: FlaskClient, q: str) -> None:
    response = client.get("/api/v1/offers", query_string={"q": q})
    assert response.status_code == 200
    assert isinstance(response.get_json()["offers"], list)
    assert client.get("/api/v1/offers?limit=1").get_json()["total"] >= 80


def test_near_ranks_by_distance(client: FlaskClient) -> None:
    body = client.get("/api/v1/offers?category=health&lat=49.4447&lon=7.7690&limit=5").get_json()
    distances = [o["distance_km"] for o in body["offers"]]
    assert distances == sorted(distances)
    assert all(d is not None for d in distances)


def test_hsds_services_endpoint(client: FlaskClient) -> None:
    body = client.get("/api/v1/hsds/services?lang=en").get_json()
    assert body["total_items"] >= 80
    assert all(s["status"] == "active" for s in body["contents"])
