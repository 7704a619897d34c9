"""A real Rasa server and action server, started once for all end-to-end tests."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.model import model_path
from scripts.servers import Assistant, start_assistant


@pytest.fixture(scope="session")
def assistant(_seeded_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    model = model_path()
    if not model.exists():
        pytest.fail(f"no trained model at {model}: run `make train` (make test does)")
    log_dir = tmp_path_factory.mktemp("logs")
    running = start_assistant(model, f"sqlite:///{_seeded_template}", log_dir)
    yield running
    running.stop()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.e2e)
