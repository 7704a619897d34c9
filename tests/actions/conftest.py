"""Point the action server's database at a fresh seeded copy for each test."""
from __future__ import annotations

import pytest

from actions import db as actions_db


@pytest.fixture(autouse=True)
def actions_database(db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("DATABASE_URL", db_url)
    actions_db._factory.cache_clear()
    yield db_url
    actions_db._factory.cache_clear()
