"""Every language has exactly the German keys, with the same placeholders."""
from __future__ import annotations

import string

import pytest

from directory.constants import CATEGORIES, SUPPORTED_LANGUAGES, TARGET_GROUPS
from locales import catalog, flatten

SOURCE = flatten(catalog("de"))


def placeholders(value: object) -> set[str]:
    if not isinstance(value, str):
        return set()
    return {name for _, name, _, _ in string.Formatter().parse(value) if name}


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_same_keys_as_german(lang: str) -> None:
    keys = set(flatten(catalog(lang)))
    assert sorted(set(SOURCE) - keys) == [], f"{lang} lacks keys"
    assert sorted(keys - set(SOURCE)) == [], f"{lang} has extra keys"


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_placeholders_match(lang: str) -> None:
    texts = flatten(catalog(lang))
    wrong = {k: (placeholders(v), placeholders(texts.get(k)))
             for k, v in SOURCE.items() if placeholders(v) != placeholders(texts.get(k))}
    assert wrong == {}


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_values_are_non_empty_and_shaped(lang: str) -> None:
    texts = flatten(catalog(lang))
    assert all(v not in (None, "") for v in texts.values())
    assert len(texts["weekdays"]) == 7
    assert texts["meta.dir"] == ("rtl" if lang in ("ar", "fa") else "ltr")


def test_codes_have_names() -> None:
    for code in CATEGORIES:
        assert f"categories.{code}" in SOURCE
        for sub in CATEGORIES[code]:
            assert f"subcategories.{sub}" in SOURCE
    for group in TARGET_GROUPS:
        assert f"target_groups.{group}" in SOURCE
    for lang in SUPPORTED_LANGUAGES:
        assert f"languages.{lang}" in SOURCE
