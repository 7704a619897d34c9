"""``make eval``: intent accuracy and F1 per language on held-out data, and language ID.

The held-out files ``tests/heldout/<lang>.yml`` are never trained on. Prints one table
of intent accuracy / macro F1 per language and one of reply-language accuracy on short
messages (``tests/data/langid_short.yml``) for langdetect, lingua and our strategy.
"""
from __future__ import annotations

import asyncio
import logging
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "heldout"
TARGET = 0.90


def heldout_examples() -> dict[str, list[tuple[str, str]]]:
    """Return (text, intent) pairs per language from the held-out files."""
    from rasa.shared.nlu.training_data.loading import load_data

    data: dict[str, list[tuple[str, str]]] = {}
    for path in sorted(HELDOUT.glob("*.yml")):
        td = load_data(str(path))
        data[path.stem] = [(m.get("text"), m.get("intent")) for m in td.intent_examples]
    return data


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    """Return the macro-averaged F1 over the gold intents of (gold, predicted) pairs."""
    labels = {g for g, _ in pairs}
    scores = []
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


async def _parse_all(agent, texts: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
    out = []
    for text in texts:
        result = await agent.parse_message(text)
        out.append(result["intent"]["name"])
    return out


def intent_table(model: Path) -> tuple[str, bool, dict[str, list[tuple[str, str, str]]]]:
    """Evaluate the model on every held-out file; return the table, pass flag, errors."""
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    lines = [f"{'lang':<6}{'n':>6}{'accuracy':>10}{'macro F1':>10}  status"]
    ok = True
    errors: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    total_pairs: list[tuple[str, str]] = []
    for lang, examples in heldout_examples().items():
        predicted = asyncio.run(_parse_all(agent, [text for text, _ in examples]))
        pairs = [(gold, pred) for (_, gold), pred in zip(examples, predicted)]
        total_pairs += pairs
        errors[lang] = [(text, gold, pred) for (text, gold), pred in zip(examples, predicted)
                        if gold != pred]
        accuracy = sum(g == p for g, p in pairs) / len(pairs)
        f1 = macro_f1(pairs)
        passed = accuracy >= TARGET and f1 >= TARGET
        ok &= passed
        lines.append(f"{lang:<6}{len(pairs):>6}{accuracy:>10.1%}{f1:>10.1%}  "
                     f"{'ok' if passed else 'BELOW 90%'}")
    accuracy = sum(g == p for g, p in total_pairs) / max(1, len(total_pairs))
    lines.append(f"{'all':<6}{len(total_pairs):>6}{accuracy:>10.1%}{macro_f1(total_pairs):>10.1%}")
    return "\n".join(lines), ok, errors


def main() -> int:
    """Print both tables; exit 1 if a language is below target."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    logging.disable(logging.WARNING)
    sys.path.insert(0, str(ROOT))
    from scripts.model import model_path

    model = Path(sys.argv[sys.argv.index("--model") + 1]) if "--model" in sys.argv else model_path()
    if not model.exists():
        print("no trained model: run `make train`", file=sys.stderr)
        return 1
    started = time.monotonic()
    table, ok, errors = intent_table(model)
    print("Intent classification on held-out data (never trained on)")
    print(table)
    if "-v" in sys.argv:
        for lang, wrong in errors.items():
            for text, gold, pred in wrong:
                print(f"  {lang}: {text!r} gold={gold} predicted={pred}")
    print(f"({time.monotonic() - started:.0f} s)\n")
    from scripts import eval_langid

    print("Language identification on short and mixed messages")
    langid_ok = eval_langid.main([]) == 0
    return 0 if ok and langid_ok else 1


if __name__ == "__main__":
    sys.exit(main())
