"""Identify the language of a short, possibly mixed chat message.

Newcomers write one-word questions, drop diacritics, mix German office words into their
own language ("jobcenterde randevu almak istiyorum") and write Arabic in Latin letters
("bidi kurs almani"). Statistical detectors alone get these wrong, so the guess is built
from cheap, explainable cues first and asks lingua only when the cues do not decide:

1. script — Arabic script can only be ar/fa, Cyrillic only uk/ru/bg, Latin the rest
   (plus Arabizi);
2. letters — letters only one language uses (Persian پ, Ukrainian ї, Polish ł, ...);
3. lexicon — frequent and topic words per language (``language_cues.yml``);
4. detector — lingua, restricted to the supported languages of that script.

German administrative loanwords ("Jobcenter", "Termin") and words every language uses
("ok", "B1") are no evidence. When nothing decides, ``language`` is ``None`` and the
caller keeps the conversation's language or asks, offering ``candidates`` as buttons.
"""
from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from directory.constants import SUPPORTED_LANGUAGES

CUES_PATH = Path(__file__).with_name("language_cues.yml")

#: Cue score the best language needs, and its lead over the runner-up, to be decided
#: without the detector.
CUE_MIN_SCORE = 1.5
CUE_MIN_MARGIN = 1.0
#: Weight of the detector's confidence (0..1) when added to the cue scores.
DETECTOR_WEIGHT = 2.5
#: Lead over the runner-up the combined score needs for an answer.
COMBINED_MIN_MARGIN = 0.5
#: Fewest letters (outside loanwords) the detector is asked about.
DETECTOR_MIN_LETTERS = 3
#: How fast confidence approaches 1 as the lead over the runner-up grows.
CONFIDENCE_SLOPE = 1.5
#: Cue or combined score a language needs to be offered as a candidate.
CANDIDATE_MIN_SCORE = 0.3
MAX_CANDIDATES = 3

_TOKEN_RE = re.compile(r"[^\W_]+(?:['’ʼ`][^\W_]+)*")
_APOSTROPHES = "'’ʼ`"
_ARABIC_MARKS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_PERSIAN_PREFIX_RE = re.compile(r"(?<!\S)(ن?م[يی])\s+(?=\S)")  # می خوام → میخوام
_FOLD_TABLE = str.maketrans({
    "ł": "l", "ı": "i", "ß": "ss", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe",
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ئ": "ي", "ک": "ك",
    "ة": "ه", "ۀ": "ه", "ە": "ه", "ؤ": "و", "\u200c": "", "\u200d": "",
})
_LOAN_SUFFIX_MAX = 4


@dataclass(frozen=True)
class LanguageGuess:
    """The language a message is written in, or None when unsure."""

    language: str | None
    confidence: float
    method: str
    candidates: tuple[str, ...]


@dataclass(frozen=True)
class _Cues:
    """Compiled contents of ``language_cues.yml``."""

    script_languages: dict[str, tuple[str, ...]]
    strong_letters: dict[str, frozenset[str]]
    weak_letters: dict[str, frozenset[str]]
    strong_weight: float
    weak_weight: float
    token_patterns: tuple[tuple[str, re.Pattern[str], float], ...]
    neutral: frozenset[str]
    loanwords: frozenset[str]
    loan_phrases: re.Pattern[str] | None
    lexicon: dict[str, dict[str, float]]


def fold(text: str) -> str:
    """Return text lower-cased with diacritics and letter variants removed.

    Args:
        text: Any text.

    Returns:
        The folded text, used to compare words regardless of spelling variants.
    """
    text = unicodedata.normalize("NFKC", text).lower().translate(_FOLD_TABLE)
    text = _ARABIC_MARKS_RE.sub("", text)
    decomposed = unicodedata.normalize("NFD", text)
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    text = unicodedata.normalize("NFC", text)
    for mark in _APOSTROPHES:
        text = text.replace(mark, "")
    return _PERSIAN_PREFIX_RE.sub(r"\1", text)


def _script_of(ch: str) -> str | None:
    """Return the script name of a letter, or None for a non-letter."""
    if not ch.isalpha():
        return None
    code = ord(ch)
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF:
        return "arabic"
    if 0x0400 <= code <= 0x04FF:
        return "cyrillic"
    if code < 0x0250 or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    return "other"


def _words(value: str) -> list[str]:
    """Split a whitespace-separated YAML word list into folded words."""
    return [fold(word) for word in value.split()]


@functools.lru_cache(maxsize=1)
def _cues() -> _Cues:
    """Load and compile ``language_cues.yml`` once."""
    raw: dict[str, Any] = yaml.safe_load(CUES_PATH.read_text(encoding="utf-8"))
    letters = dict(raw["letters"])
    weights = letters.pop("weights")
    lexicon: dict[str, dict[str, float]] = {}
    owners: dict[str, set[str]] = {}
    for lang, words in raw["lexicon"].items():
        for word in _words(words):
            owners.setdefault(word, set()).add(lang)
    for word, langs in owners.items():
        lexicon[word] = {lang: 1.0 / len(langs) for lang in langs}
    phrases = [rf"(?<!\w){re.escape(p.lower())}(?!\w)" for p in raw.get("loan_phrases", [])]
    return _Cues(
        script_languages={k: tuple(v) for k, v in raw["scripts"].items()},
        strong_letters={k: frozenset(v.get("strong", "")) for k, v in letters.items()},
        weak_letters={k: frozenset(v.get("weak", "")) for k, v in letters.items()},
        strong_weight=float(weights["strong"]),
        weak_weight=float(weights["weak"]),
        token_patterns=tuple(
            (lang, re.compile(pattern), float(weight))
            for lang, pattern, weight in raw["token_patterns"]
        ),
        neutral=frozenset(_words(raw["neutral"])),
        loanwords=frozenset(_words(raw["loanwords"])),
        loan_phrases=re.compile("|".join(phrases)) if phrases else None,
        lexicon=lexicon,
    )


def _is_loanword(folded: str, loanwords: frozenset[str]) -> bool:
    """Tell whether a folded token is a German loanword, possibly with a short ending."""
    base = re.split(r"['’ʼ`]", folded, maxsplit=1)[0]
    for cut in range(0, min(_LOAN_SUFFIX_MAX, len(base) - 5) + 1):
        if base[: len(base) - cut] in loanwords:
            return True
    return False


def _token_scores(token: str, folded: str, cues: _Cues) -> tuple[dict[str, float], float]:
    """Score one content token for each language.

    Args:
        token: The lower-cased token as typed.
        folded: The same token folded.
        cues: The compiled cues.

    Returns:
        The score per language (letters, token patterns, lexicon) and the part of the
        best score that came from letters and patterns rather than the lexicon.
    """
    scores: dict[str, float] = {}
    chars = set(token)
    for lang, letters in cues.strong_letters.items():
        if chars & letters:
            scores[lang] = scores.get(lang, 0.0) + cues.strong_weight
    for lang, letters in cues.weak_letters.items():
        shared = len(chars & letters)  # ş+ü together point to Turkish more than either
        if shared:
            weak = min(cues.strong_weight, shared * cues.weak_weight)
            scores[lang] = scores.get(lang, 0.0) + weak
    for lang, pattern, weight in cues.token_patterns:
        if pattern.search(token):
            scores[lang] = scores.get(lang, 0.0) + weight
    letter_part = max(scores.values(), default=0.0)
    for lang, weight in cues.lexicon.get(folded, {}).items():
        scores[lang] = scores.get(lang, 0.0) + weight
    return scores, letter_part


@functools.lru_cache(maxsize=8)
def _detector(languages: tuple[str, ...]) -> Any:
    """Build a lingua detector for the given language codes once."""
    from lingua import Language, LanguageDetectorBuilder

    by_code = {lang.iso_code_639_1.name.lower(): lang for lang in Language.all()}
    chosen = [by_code[code] for code in languages if code in by_code]
    return LanguageDetectorBuilder.from_languages(*chosen).build()


def _detector_confidences(
    text: str, group: Sequence[str], supported: Sequence[str]
) -> dict[str, float]:
    """Return lingua's confidence for each language of the group, renormalised to 1."""
    known = tuple(sorted(set(supported)))
    if len(known) < 2:
        return {}
    values = _detector(known).compute_language_confidence_values(text)
    raw = {v.language.iso_code_639_1.name.lower(): v.value for v in values}
    in_group = {lang: raw.get(lang, 0.0) for lang in group}
    total = sum(in_group.values())
    return {lang: value / total for lang, value in in_group.items()} if total > 0 else {}


def _ranked(scores: dict[str, float]) -> list[tuple[str, float]]:
    """Return languages by score, best first; ties keep the group order."""
    return sorted(scores.items(), key=lambda item: -item[1])


def _confidence(ranked: list[tuple[str, float]]) -> float:
    """Turn the lead of the best language over the runner-up into a 0.5..1 confidence.

    A lead of 1 (one exclusive word) gives 0.89, 1.5 gives 0.95, 3 gives 0.99.
    """
    margin = ranked[0][1] - ranked[1][1] if len(ranked) > 1 else ranked[0][1]
    return round(1.0 - 0.5 * math.exp(-CONFIDENCE_SLOPE * max(margin, 0.0)), 3)


def _candidates(ranked: list[tuple[str, float]]) -> tuple[str, ...]:
    """Return the plausible languages, best first."""
    return tuple(lang for lang, score in ranked if score >= CANDIDATE_MIN_SCORE)[:MAX_CANDIDATES]


def _content_tokens(text: str, cues: _Cues) -> list[tuple[str, str, str]]:
    """Return the tokens that can carry evidence, as (token, folded, script).

    Neutral words, German loanwords, digits and emoji are left out.
    """
    lowered = unicodedata.normalize("NFKC", text).lower().replace("\u200c", "")
    lowered = _PERSIAN_PREFIX_RE.sub(r"\1", lowered)
    if cues.loan_phrases is not None:
        lowered = cues.loan_phrases.sub(" ", lowered)
    content = []
    for match in _TOKEN_RE.finditer(lowered):
        token = match.group()
        folded = fold(token)
        first_letter = next((ch for ch in token if ch.isalpha()), None)
        if first_letter is None or folded in cues.neutral:
            continue
        if _is_loanword(folded, cues.loanwords):
            continue
        content.append((token, folded, _script_of(first_letter) or "other"))
    return content


def _dominant_script(content: list[tuple[str, str, str]]) -> tuple[str, int]:
    """Return the script with the most letters and its number of letters."""
    letters: dict[str, int] = {}
    for token, _, script in content:
        letters[script] = letters.get(script, 0) + sum(ch.isalpha() for ch in token)
    script = max(letters, key=letters.__getitem__)
    return script, letters[script]


def identify_language(
    text: str, *, supported: Sequence[str] = SUPPORTED_LANGUAGES
) -> LanguageGuess:
    """Guess the language of a chat message.

    Args:
        text: The raw message.
        supported: Language codes that may be returned.

    Returns:
        The guess; ``language`` is None when the message gives no reliable evidence
        (emoji, digits, "ok", lone German loanwords, evenly split cues).
    """
    cues = _cues()
    content = _content_tokens(text, cues)
    if not content:
        return LanguageGuess(None, 0.0, "none", ())
    script, letters = _dominant_script(content)
    group = [lang for lang in cues.script_languages.get(script, ()) if lang in supported]
    if not group:
        return LanguageGuess(None, 0.0, "script", ())
    if len(group) == 1:
        return LanguageGuess(group[0], 0.9, "script", (group[0],))

    scores = {lang: 0.0 for lang in group}
    letter_evidence = 0.0
    words = [(token, folded) for token, folded, token_script in content if token_script == script]
    for token, folded in words:
        token_scores, letter_part = _token_scores(token, folded, cues)
        letter_evidence += letter_part
        for lang, score in token_scores.items():
            if lang in scores:
                scores[lang] += score
    ranked = _ranked(scores)
    best, best_score = ranked[0]
    margin = best_score - ranked[1][1]
    min_score = CUE_MIN_SCORE if letters >= DETECTOR_MIN_LETTERS else 1.0
    if best_score >= min_score and margin >= CUE_MIN_MARGIN:
        method = "letters" if letter_evidence >= best_score / 2 else "lexicon"
        return LanguageGuess(best, _confidence(ranked), method, _candidates(ranked))

    if letters >= DETECTOR_MIN_LETTERS:
        sample = " ".join(token for token, _ in words)
        for lang, value in _detector_confidences(sample, group, supported).items():
            scores[lang] += DETECTOR_WEIGHT * value
        ranked = _ranked(scores)
        best, best_score = ranked[0]
        if best_score - ranked[1][1] >= COMBINED_MIN_MARGIN:
            return LanguageGuess(best, _confidence(ranked), "detector", _candidates(ranked))
    confidence = _confidence(ranked) if best_score > 0 else 0.0
    return LanguageGuess(None, confidence, "none", _candidates(ranked))
