"""The action server's database access: one engine, built on first use from settings."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from sqlalchemy.orm import Session, sessionmaker

from directory.db import make_engine, make_sessionmaker
from directory.settings import Settings


@lru_cache(maxsize=1)
def _factory() -> sessionmaker:
    return make_sessionmaker(make_engine(Settings.from_env().database_url))


@contextmanager
def session_scope() -> Iterator[Session]:
    """Yield a session in a transaction; commit on success, roll back on error."""
    with _factory()() as session, session.begin():
        yield session
