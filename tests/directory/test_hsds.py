"""HSDS 3.0: our export validates against the official schema; the official example imports."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from sqlalchemy import select
from sqlalchemy.orm import Session

from directory.db import make_engine
from directory.models import Offer
from tests.helpers.cli import run_cli


def test_export_validates_against_official_schema(db_url: str, hsds_dir: Path,
                                                  tmp_path: Path) -> None:
    out = tmp_path / "services.json"
    assert run_cli(db_url, "export", "--format", "hsds", "-o", str(out), "--lang", "en").returncode == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads((hsds_dir / "schema" / "compiled" / "service.json").read_text())
    validator = jsonschema.Draft202012Validator(schema) if "2020" in schema.get("$schema", "") \
        else jsonschema.Draft7Validator(schema)
    assert data["total_items"] >= 80
    for service in data["contents"]:
        errors = sorted(validator.iter_errors(service), key=str)
        assert not errors, f"{service['id']}: {errors[0].message}"


def test_official_example_imports(empty_db_url: str, hsds_dir: Path) -> None:
    example = hsds_dir / "examples" / "service_full.json"
    result = run_cli(empty_db_url, "import", str(example), "--category", "counselling")
    assert result.returncode == 0, result.stderr
    assert "1 created" in result.stdout
    assert "invalid coordinates" in result.stderr  # the example's lat/lon are 100/101
    engine = make_engine(empty_db_url)
    with Session(engine) as session:
        offer = session.execute(select(Offer)).scalar_one()
        assert offer.translation("de").title == "Community Counselling"
        assert offer.spoken_languages == ["ur"]
        assert offer.top_categories == ["counselling"]
        assert offer.age_min == 12
    engine.dispose()


def test_example_without_category_is_refused(empty_db_url: str, hsds_dir: Path) -> None:
    result = run_cli(empty_db_url, "import", str(hsds_dir / "examples" / "service_full.json"))
    assert result.returncode == 2
    assert "categories" in result.stderr


def test_hsds_round_trip_keeps_translations(db_url: str, empty_db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "services.json"
    run_cli(db_url, "export", "--format", "hsds", "-o", str(out))
    result = run_cli(empty_db_url, "import", str(out))
    assert result.returncode == 0, result.stderr[-2000:]
    engine = make_engine(empty_db_url)
    with Session(engine) as session:
        offers = session.execute(select(Offer)).scalars().all()
        assert len(offers) >= 80
        assert all(len(o.translations) == 11 for o in offers)
    engine.dispose()
