"""Shared fixtures: a fresh migrated database per test, seeded copies made cheaply."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from directory import migrate, seed
from directory.db import make_engine
from directory.settings import PROJECT_ROOT

SHARED = PROJECT_ROOT.parent / "shared"
HSDS_DIR = SHARED / "hsds-3.0"


def sqlite_url(path: Path) -> str:
    """Return the SQLAlchemy URL of a SQLite file."""
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def _empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "empty.db"
    migrate.upgrade(sqlite_url(path))
    return path


@pytest.fixture(scope="session")
def _seeded_template(tmp_path_factory: pytest.TempPathFactory, _empty_template: Path) -> Path:
    path = tmp_path_factory.mktemp("template") / "seeded.db"
    shutil.copy(_empty_template, path)
    engine = make_engine(sqlite_url(path))
    with Session(engine) as session, session.begin():
        seed.seed(session=session)
    engine.dispose()
    return path


@pytest.fixture
def empty_db_url(tmp_path: Path, _empty_template: Path) -> str:
    """URL of a fresh, migrated, empty database."""
    path = tmp_path / "empty.db"
    shutil.copy(_empty_template, path)
    return sqlite_url(path)


@pytest.fixture
def db_url(tmp_path: Path, _seeded_template: Path) -> str:
    """URL of a fresh database holding the Kaiserslautern sample data."""
    path = tmp_path / "seeded.db"
    shutil.copy(_seeded_template, path)
    return sqlite_url(path)


@pytest.fixture
def session(db_url: str) -> Iterator[Session]:
    """A session on a fresh seeded database (rolled back at the end)."""
    engine = make_engine(db_url)
    with Session(engine, future=True) as s:
        yield s
    engine.dispose()


@pytest.fixture
def hsds_dir() -> Path:
    """The official HSDS 3.0 material in ../shared, or skip when this clone has none."""
    if not HSDS_DIR.is_dir():
        pytest.skip(f"HSDS 3.0 schemas not found at {HSDS_DIR} (../shared is only in CI)")
    return HSDS_DIR
