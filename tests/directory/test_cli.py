"""The staff CLI end to end: import (all or nothing), export, stats, search."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from directory.db import make_engine
from directory.models import Offer, OfferTranslation
from tests.helpers.cli import offer_row, run_cli, write_csv


def count_offers(db_url: str) -> int:
    engine = make_engine(db_url)
    with Session(engine) as session:
        n = session.execute(select(func.count(Offer.id))).scalar_one()
    engine.dispose()
    return n


def test_import_with_three_bad_rows_changes_nothing_and_names_them(
        empty_db_url: str, tmp_path: Path) -> None:
    rows = [
        offer_row("good-1"),
        offer_row("bad-category", categories="cooking"),
        offer_row("good-2"),
        offer_row("bad-hours", schedule="MO 18:00-09:00"),
        offer_row("bad-phone", phone="call me maybe"),
        offer_row("good-3"),
    ]
    result = run_cli(empty_db_url, "import", str(write_csv(tmp_path / "offers.csv", rows)))
    assert result.returncode != 0
    assert "3 bad row(s); nothing was imported" in result.stderr
    assert "line 3, column 'categories'" in result.stderr
    assert "line 5, column 'schedule'" in result.stderr and "closing must be later" in result.stderr
    assert "line 6, column 'phone'" in result.stderr
    assert count_offers(empty_db_url) == 0


def test_reimport_updates_instead_of_duplicating(empty_db_url: str, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "offers.csv", [offer_row("a-1"), offer_row("a-2")], delimiter=";")
    first = run_cli(empty_db_url, "import", str(path))
    assert first.returncode == 0, first.stderr
    assert "2 created, 0 updated" in first.stdout
    write_csv(path, [offer_row("a-1", title_de="Neuer Titel"), offer_row("a-2")], delimiter=";")
    second = run_cli(empty_db_url, "import", str(path))
    assert "0 created, 2 updated" in second.stdout
    assert count_offers(empty_db_url) == 2
    engine = make_engine(empty_db_url)
    with Session(engine) as session:
        titles = session.execute(select(OfferTranslation.title).where(
            OfferTranslation.language == "de")).scalars().all()
    engine.dispose()
    assert "Neuer Titel" in titles


def test_export_csv_round_trips(db_url: str, empty_db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    assert run_cli(db_url, "export", "--format", "csv", "-o", str(out)).returncode == 0
    exported = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(exported) == count_offers(db_url)
    result = run_cli(empty_db_url, "import", str(out))
    assert result.returncode == 0, result.stderr[-2000:]
    again = tmp_path / "again.csv"
    run_cli(empty_db_url, "export", "--format", "csv", "-o", str(again))
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


def test_missing_file_and_bad_json_are_clear_errors(empty_db_url: str, tmp_path: Path) -> None:
    missing = run_cli(empty_db_url, "import", str(tmp_path / "nope.csv"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    result = run_cli(empty_db_url, "import", str(broken))
    assert result.returncode == 2 and "invalid JSON" in result.stderr


def test_stats_reports_the_sample_directory(db_url: str) -> None:
    result = run_cli(db_url, "stats")
    assert result.returncode == 0
    out = result.stdout
    total = int(out.split("Offers: ")[1].split()[0])
    assert total >= 80
    for line in out.splitlines():
        if line.startswith(("language_course", "job ", "housing", "health", "counselling")):
            assert int(line.split()[1]) >= 12, line
        if line.strip().startswith(tuple(f"{c}:" for c in ("de", "en", "ar", "uk", "fa"))):
            assert float(line.split()[-1].rstrip("%")) >= 95.0, line
    assert "Supported languages spoken somewhere: 11/11" in out


def test_search_command_json(db_url: str) -> None:
    result = run_cli(db_url, "search", "Zahnarzt", "--spoken-language", "ar", "--lang", "ar",
                     "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["total"] >= 1
    top = data["offers"][0]
    assert "health" in top["categories"] and "ar" in top["spoken_languages"]
    assert {"code": "speaks", "value": "ar"} in top["reasons"]


def test_search_command_rejects_unknown_category(db_url: str) -> None:
    result = run_cli(db_url, "search", "kurs", "--category", "cooking")
    assert result.returncode == 2
    assert "--category" in result.stderr
