"""Run the staff CLI as a real subprocess, the way staff call it."""
from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

from directory.settings import PROJECT_ROOT
from directory.tabular import COLUMNS


def run_cli(db_url: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m directory ARGS`` against ``db_url``; return the finished process."""
    env = {**os.environ, "DATABASE_URL": db_url, "PYTHONPATH": str(PROJECT_ROOT)}
    return subprocess.run([sys.executable, "-m", "directory", *args], cwd=PROJECT_ROOT, env=env,
                          input=stdin, capture_output=True, text=True, timeout=120)


def offer_row(external_id: str, **overrides: str) -> dict[str, str]:
    """Return a valid CSV row for a test offer; ``overrides`` replace cells."""
    row = {column: "" for column in COLUMNS}
    row.update({
        "id": external_id, "status": "published", "organization_id": "org-test",
        "organization_name": "Testverein Kaiserslautern", "location_id": "loc-test",
        "location_name": "Testhaus", "address": "Marktstraße 1", "postal_code": "67655",
        "district": "Innenstadt", "latitude": "49.444", "longitude": "7.769",
        "categories": "counselling", "subcategories": "debt_counselling",
        "spoken_languages": "de;tr", "free": "yes", "schedule": "MO-FR 09:00-12:00",
        "phone": "+49 631 0000 9999", "last_verified": "2026-10-01", "is_sample": "yes",
        "title_de": f"Schuldnerberatung {external_id}",
        "description_de": "Hilfe bei Schulden, kostenlos und vertraulich.",
        "title_en": f"Debt counselling {external_id}",
        "description_en": "Help with debts, free and confidential.",
    })
    row.update(overrides)
    return row


def write_csv(path: Path, rows: list[dict[str, str]], delimiter: str = ",") -> Path:
    """Write rows with the documented header to ``path``."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path
