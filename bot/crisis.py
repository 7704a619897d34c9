"""Detect acute crises in a chat message before it reaches the NLU model.

A deterministic check: phrases from ``crisis_patterns.yml`` (all supported languages,
four kinds) are matched against the folded message, so case, missing diacritics,
Arabic/Persian letter variants, tashkeel, Ukrainian apostrophes and mixed languages do
not matter. A short list of single words per language also matches with one typo.
When several kinds match, the most serious wins: suicide > violence > fire > medical.

The patterns are compiled once, on first use, and cached.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

PATTERNS_PATH = Path(__file__).with_name("crisis_patterns.yml")

#: Kinds of crisis, most serious first.
KINDS: tuple[str, ...] = ("suicide", "violence", "fire", "medical")
#: Shortest word that may match with a typo.
TYPO_MIN_LENGTH = 6

_GAP = r"(?:\s+\w+){0,3}\s+"
_BARRIER = " \x00 "  # replaces a safe phrase; neither \w nor \s, so nothing spans it
_ARABIC_PROCLITIC = "(?:[وف])?"
_APOSTROPHES = "'’ʼ`´‘′"
_ARABIC_MARKS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_PERSIAN_PREFIX_RE = re.compile(r"(?<!\S)(ن?مي)\s+(?=\S)")  # after ی→ي
_GERMAN_DIGRAPH_RE = re.compile(r"(?<=[a-z])(ae|oe|ue)")
_PUNCTUATION_RE = re.compile(r"[^\w\s]|_")
_SPACES_RE = re.compile(r"\s+")
_FOLD_TABLE = str.maketrans({
    "ł": "l", "ı": "i", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe",
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ئ": "ي", "ک": "ك",
    "ة": "ه", "ۀ": "ه", "ە": "ه", "ؤ": "و", "\u200c": "", "\u200d": "",
    "\u200e": "", "\u200f": "", **{mark: "" for mark in _APOSTROPHES},
})


@dataclass(frozen=True)
class CrisisMatch:
    """A crisis found in a message.

    Attributes:
        kind: "suicide", "violence", "fire" or "medical".
        language: The language whose pattern matched.
        phrase: The pattern as written in the YAML file, or "~word" when a keyword
            matched with a typo (for logs and tests).
    """

    kind: str
    language: str
    phrase: str


@dataclass(frozen=True)
class _Pattern:
    """One compiled pattern of the YAML file."""

    kind: str
    language: str
    phrase: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class _Rules:
    """Compiled contents of ``crisis_patterns.yml``."""

    by_kind: dict[str, tuple[_Pattern, ...]]
    screens: dict[str, re.Pattern[str]]
    safe: re.Pattern[str] | None
    typo_index: dict[str, tuple[tuple[str, str, str, str], ...]]


def _fold_letters(text: str) -> str:
    """Lower-case text and remove diacritics and letter variants, keeping punctuation."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD_TABLE)
    text = _ARABIC_MARKS_RE.sub("", text)
    decomposed = unicodedata.normalize("NFD", text)
    text = unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )
    return _GERMAN_DIGRAPH_RE.sub(lambda m: m.group()[0], text)


def fold(text: str) -> str:
    """Return a message folded for matching.

    Args:
        text: The raw message.

    Returns:
        Lower case without diacritics, letter variants, apostrophes or punctuation,
        words separated by single spaces.
    """
    text = _PUNCTUATION_RE.sub(" ", _fold_letters(text))
    text = _PERSIAN_PREFIX_RE.sub(r"\1", _SPACES_RE.sub(" ", text).strip())
    return text


def _is_arabic(ch: str) -> bool:
    """Tell whether a character belongs to the Arabic script."""
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f"


def _attach_optional_groups(phrase: str) -> str:
    """Rewrite " (x)?" as "(?: (x))?" so that an optional trailing word needs no space.

    Groups glued to the next word ("(ال)?غاز") and groups that carry their own trailing
    space ("(einfach )?sterben") are left alone.
    """
    out, i = [], 0
    while i < len(phrase):
        if phrase.startswith(" (", i) and not phrase.startswith(" (?", i):
            depth, j = 0, i + 1
            while j < len(phrase):
                depth += {"(": 1, ")": -1}.get(phrase[j], 0)
                if depth == 0:
                    break
                j += 1
            glued = phrase[j + 2:j + 3] not in ("", " ")
            if phrase[j + 1:j + 2] == "?" and phrase[j - 1] != " " and not glued:
                out.append(f"(?: {phrase[i + 1:j + 1]})?")
                i = j + 2
                continue
        out.append(phrase[i])
        i += 1
    return "".join(out)


def compile_phrase(phrase: str) -> str:
    """Translate a pattern from the YAML syntax into a regular expression.

    Args:
        phrase: A pattern as written in ``crisis_patterns.yml``.

    Returns:
        A regular expression matching whole words of folded text.
    """
    body = _fold_letters(phrase).replace("-", " ")
    body = _PERSIAN_PREFIX_RE.sub(r"\1", _SPACES_RE.sub(" ", body).strip())
    body = _attach_optional_groups(body)
    body = body.replace(" .. ", "\x01").replace("*", "\x02").replace("_", "\x03")
    body = body.replace(" ", r"\s+")
    body = body.replace("\x01", _GAP).replace("\x02", r"\w*").replace("\x03", r"\s*")
    first = next((ch for ch in phrase if ch.isalpha()), "")
    prefix = _ARABIC_PROCLITIC if _is_arabic(first) else ""
    return rf"(?<!\w){prefix}(?:{body})(?!\w)"


def _deletions(word: str) -> set[str]:
    """Return the word and every form of it with one letter deleted."""
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


def _within_one_edit(a: str, b: str) -> bool:
    """Tell whether two words differ by at most one edit (incl. a swap of neighbours)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (len(diffs) == 2 and diffs[1] == diffs[0] + 1
                and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _iter_patterns(raw: dict[str, Any]) -> Iterable[_Pattern]:
    """Yield every pattern of the YAML file, compiled."""
    for language, sections in raw["languages"].items():
        for kind in KINDS:
            for phrase in sections.get(kind, []):
                regex = re.compile(compile_phrase(phrase))
                yield _Pattern(kind, language, phrase, regex)


@functools.lru_cache(maxsize=1)
def _rules() -> _Rules:
    """Load and compile ``crisis_patterns.yml`` once."""
    raw: dict[str, Any] = yaml.safe_load(PATTERNS_PATH.read_text(encoding="utf-8"))
    by_kind: dict[str, list[_Pattern]] = {kind: [] for kind in KINDS}
    for pattern in _iter_patterns(raw):
        by_kind[pattern.kind].append(pattern)
    safe = [
        compile_phrase(phrase)
        for sections in raw["languages"].values()
        for phrase in sections.get("safe", [])
    ]
    typo_index: dict[str, list[tuple[str, str, str, str]]] = {}
    for language, sections in raw["languages"].items():
        for kind, words in sections.get("typos", {}).items():
            if kind not in KINDS:
                raise ValueError(f"unknown crisis kind {kind!r} in {language} typos")
            for word in words:
                folded = fold(word)
                if len(folded) < TYPO_MIN_LENGTH or " " in folded:
                    raise ValueError(f"typo word {word!r} must be one word of 6+ letters")
                for key in _deletions(folded):
                    typo_index.setdefault(key, []).append((kind, language, word, folded))
    return _Rules(
        by_kind={kind: tuple(patterns) for kind, patterns in by_kind.items()},
        screens={
            kind: re.compile("|".join(p.regex.pattern for p in patterns))
            for kind, patterns in by_kind.items() if patterns
        },
        safe=re.compile("|".join(safe)) if safe else None,
        typo_index={key: tuple(value) for key, value in typo_index.items()},
    )


def _typo_matches(words: Iterable[str], rules: _Rules) -> dict[str, CrisisMatch]:
    """Return, per kind, the first typo-tolerant keyword match among the words."""
    found: dict[str, CrisisMatch] = {}
    for word in words:
        if len(word) < TYPO_MIN_LENGTH - 1:
            continue
        for key in _deletions(word):
            for kind, language, phrase, folded in rules.typo_index.get(key, ()):
                if (kind not in found and word[0] == folded[0]
                        and _within_one_edit(word, folded)):
                    found[kind] = CrisisMatch(kind, language, f"~{phrase}")
    return found


def detect_crisis(text: str) -> CrisisMatch | None:
    """Check a message for an acute crisis.

    Args:
        text: The raw chat message, in any supported language or a mix.

    Returns:
        The most serious crisis found (suicide > violence > fire > medical), or None.
    """
    if not text or not text.strip():
        return None
    rules = _rules()
    folded = fold(text)
    if rules.safe is not None:
        folded = rules.safe.sub(_BARRIER, folded)
    typos = _typo_matches(folded.split(), rules)
    for kind in KINDS:
        screen = rules.screens.get(kind)
        if screen is not None and screen.search(folded):
            for pattern in rules.by_kind[kind]:
                if pattern.regex.search(folded):
                    return CrisisMatch(kind, pattern.language, pattern.phrase)
        if kind in typos:
            return typos[kind]
    return None
