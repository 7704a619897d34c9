"""Train the Rasa model only when its inputs changed (fingerprint-cached).

``python -m scripts.model train`` prints the model path; ``path`` prints it without
training (exit 1 if missing). The fingerprint covers config, domain, training data and
the custom pipeline components, so test runs reuse a model until one of them changes.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODELS_DIR = ROOT / "models"
INPUTS = ("config.yml", "domain.yml", "nlu", "bot/rasa_components.py", "bot/crisis.py",
          "bot/crisis_patterns.yml", "bot/lexicon.py", "bot/lexicon", "bot/intent_ensemble.py",
          "bot/exact_intents.yml", "requirements.txt")


def _files() -> list[Path]:
    files: list[Path] = []
    for name in INPUTS:
        path = ROOT / name
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*.yml") if p.is_file()))
        elif path.is_file():
            files.append(path)
    return files


def fingerprint() -> str:
    """Return a short hash of every file that shapes the model."""
    digest = hashlib.sha256()
    for path in _files():
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def model_path() -> Path:
    """Return where the model for the current inputs lives (``WEGWEISER_MODEL`` overrides)."""
    override = os.environ.get("WEGWEISER_MODEL")
    if override:
        return Path(override)
    return MODELS_DIR / f"wegweiser-{fingerprint()}.tar.gz"


def train(force: bool = False) -> Path:
    """Train unless a model for the current fingerprint exists; return its path."""
    target = model_path()
    if target.exists() and not force:
        print(f"model up to date: {target.relative_to(ROOT)}", file=sys.stderr)
        return target
    MODELS_DIR.mkdir(exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run(
        [sys.executable, "-m", "rasa", "train", "--config", "config.yml", "--domain",
         "domain.yml", "--data", "nlu", "--out", str(MODELS_DIR), "--fixed-model-name",
         target.name.removesuffix(".tar.gz")],
        cwd=ROOT, env=env, check=True,
    )
    for old in MODELS_DIR.glob("wegweiser-*.tar.gz"):
        if old != target:
            old.unlink()
    return target


def main(argv: list[str]) -> int:
    """Command line entry point."""
    command = argv[0] if argv else "train"
    if command == "train":
        print(train(force="--force" in argv))
        return 0
    if command == "path":
        path = model_path()
        print(path)
        return 0 if path.exists() else 1
    if command == "fingerprint":
        print(fingerprint())
        return 0
    print("usage: python -m scripts.model [train [--force] | path | fingerprint]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
