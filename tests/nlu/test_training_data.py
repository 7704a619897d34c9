"""Training and held-out data: depth per language, and the held-out set stays unseen."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from directory.constants import SUPPORTED_LANGUAGES
from directory.settings import PROJECT_ROOT

INTENTS = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text())["intents"]
_ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")


def plain(example: str) -> str:
    """Strip entity markup, case and punctuation."""
    text = _ANNOTATION.sub(r"\1", example).casefold()
    return " ".join(re.findall(r"\w+", text))


@lru_cache(maxsize=None)
def examples(path: Path) -> dict[str, list[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found: dict[str, list[str]] = {}
    for block in data.get("nlu", []):
        if "intent" in block:
            lines = [line[2:].strip() for line in block["examples"].splitlines()
                     if line.strip().startswith("- ")]
            found.setdefault(block["intent"], []).extend(lines)
    return found


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_every_intent_has_depth_in_every_language(lang: str) -> None:
    train = examples(PROJECT_ROOT / "nlu" / f"{lang}.yml")
    held = examples(PROJECT_ROOT / "tests" / "heldout" / f"{lang}.yml")
    for intent in INTENTS:
        assert len(train.get(intent, [])) >= 15, (lang, intent)
        assert len(held.get(intent, [])) >= 8, (lang, intent)


def test_heldout_never_appears_in_training() -> None:
    trained = {plain(e) for path in (PROJECT_ROOT / "nlu").glob("*.yml")
               for lines in examples(path).values() for e in lines}
    leaked = [(path.stem, e) for path in (PROJECT_ROOT / "tests" / "heldout").glob("*.yml")
              for lines in examples(path).values() for e in lines if plain(e) in trained]
    assert leaked == []


def test_no_example_under_two_intents() -> None:
    owner: dict[str, set[str]] = {}
    for path in (PROJECT_ROOT / "nlu").glob("*.yml"):
        for intent, lines in examples(path).items():
            for line in lines:
                owner.setdefault(_ANNOTATION.sub(r"\1", line).strip(), set()).add(intent)
    clashes = {text: intents for text, intents in owner.items() if len(intents) > 1}
    assert clashes == {}


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_examples_are_not_repeated_within_a_language(lang: str) -> None:
    counts = Counter(plain(e) for lines in examples(PROJECT_ROOT / "nlu" / f"{lang}.yml").values()
                     for e in lines)
    assert [text for text, n in counts.items() if n > 1 and text] == []
