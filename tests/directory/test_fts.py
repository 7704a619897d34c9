"""Query preparation for full-text search: folding, stemming, escaping (pure)."""
from __future__ import annotations

import pytest

from directory.fts import match_expression, query_terms
from directory.text import fold


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Deutschkurse", ["deutschkurs"]),
        ("Zahnärztin", ["zahnarzt"]),
        ("أطباء", ["اطباء"]),
        ("  ", []),
        ('"; DROP TABLE offer; --', ["drop", "table", "offer"]),
        ("NEAR(a b)", ["near"]),
    ],
)
def test_query_terms(text: str, terms: list[str]) -> None:
    assert query_terms(text) == terms


def test_match_expression_quotes_every_term() -> None:
    assert match_expression(["title", "near"]) == '"title"* AND "near"*'
    assert match_expression(['a"b']) == '"a""b"*'
    assert " OR " in match_expression(["a", "b"], any_term=True)


@pytest.mark.parametrize(("a", "b"), [("Ärzte", "arzte"), ("ي", "ی"), ("ك", "ک"), ("Straße", "strasse")])
def test_fold_makes_variants_equal(a: str, b: str) -> None:
    assert fold(a) == fold(b)
