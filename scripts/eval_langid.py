"""Compare language identification on short chat messages: langdetect, lingua, ours.

Reads tests/data/langid_short.yml ({lang: [message, ...], unsure: [...]}) and prints a
plain-text table: per language the number of messages and the accuracy of

* langdetect — best of ``detect_langs`` among the supported codes, seed 0;
* lingua — restricted to the supported languages;
* identify_language — bot/language_id.py (None counts as wrong).

The ``unsure`` row gives the share of those messages each method left without a language.

Usage: .venv/bin/python scripts/eval_langid.py [path/to/data.yml]
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.language_id import identify_language  # noqa: E402
from directory.constants import SUPPORTED_LANGUAGES  # noqa: E402

DEFAULT_DATA = ROOT / "tests" / "data" / "langid_short.yml"
Detector = Callable[[str], "str | None"]


def langdetect_detector(supported: Sequence[str]) -> Detector:
    """Build a langdetect-based detector restricted to the supported codes."""
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0

    def detect(text: str) -> str | None:
        try:
            guesses = detect_langs(text)
        except LangDetectException:
            return None
        for guess in guesses:  # sorted by probability, best first
            code = guess.lang.split("-")[0]
            if code in supported:
                return code
        return None

    return detect


def lingua_detector(supported: Sequence[str]) -> Detector:
    """Build a lingua detector restricted to the supported codes."""
    from lingua import Language, LanguageDetectorBuilder

    by_code = {lang.iso_code_639_1.name.lower(): lang for lang in Language.all()}
    detector = LanguageDetectorBuilder.from_languages(
        *(by_code[code] for code in supported)
    ).build()

    def detect(text: str) -> str | None:
        language = detector.detect_language_of(text)
        return language.iso_code_639_1.name.lower() if language is not None else None

    return detect


def ours(text: str) -> str | None:
    """Run identify_language and return only the language."""
    return identify_language(text).language


def main(argv: Sequence[str]) -> int:
    """Print the comparison table for the data file given (or the default one)."""
    path = Path(argv[0]) if argv else DEFAULT_DATA
    data: dict[str, list[str]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    methods: dict[str, Detector] = {
        "langdetect": langdetect_detector(SUPPORTED_LANGUAGES),
        "lingua": lingua_detector(SUPPORTED_LANGUAGES),
        "ours": ours,
    }
    seconds = dict.fromkeys(methods, 0.0)
    header = f"{'lang':<8}{'n':>5}" + "".join(f"{name:>12}" for name in methods)
    print(header)
    print("-" * len(header))
    totals = dict.fromkeys(methods, 0)
    count = 0
    for lang in [code for code in SUPPORTED_LANGUAGES if code in data]:
        messages = data[lang]
        row = f"{lang:<8}{len(messages):>5}"
        for name, detect in methods.items():
            start = time.perf_counter()
            right = sum(detect(message) == lang for message in messages)
            seconds[name] += time.perf_counter() - start
            totals[name] += right
            row += f"{right / len(messages):>12.1%}"
        count += len(messages)
        print(row)
    print("-" * len(header))
    print(f"{'overall':<8}{count:>5}" + "".join(f"{totals[n] / count:>12.1%}" for n in methods))
    unsure = data.get("unsure", [])
    if unsure:
        print(f"{'unsure':<8}{len(unsure):>5}" + "".join(
            f"{sum(detect(m) is None for m in unsure) / len(unsure):>12.1%}"
            for detect in methods.values()
        ) + "   (share answered None)")
    print(f"{'ms/msg':<13}" + "".join(f"{seconds[n] * 1000 / count:>12.2f}" for n in methods)
          + "   (includes lazy model loading)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
