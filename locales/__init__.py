"""Bot and page texts per language, from ``locales/<lang>.yml``.

Texts are re-read when their file changes, so staff can correct a wording without a
restart or retraining. Lookups fall back to German (the source) for a missing key.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import yaml

from directory.constants import SOURCE_LANGUAGE, SUPPORTED_LANGUAGES

LOCALES_DIR = Path(__file__).resolve().parent
_cache: dict[str, tuple[float, dict[str, Any]]] = {}
_lock = threading.Lock()


def catalog(lang: str) -> dict[str, Any]:
    """Return the parsed texts of ``lang`` (reloaded when the file changed)."""
    path = LOCALES_DIR / f"{lang}.yml"
    try:
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        return {}  # lookups fall back to German; the completeness test names the gap
    with _lock:
        cached = _cache.get(lang)
        if cached and cached[0] == mtime:
            return cached[1]
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        _cache[lang] = (mtime, data)
        return data


def lookup(lang: str, key: str) -> Any:
    """Return the raw value at dotted ``key`` in ``lang``, falling back to German."""
    for code in (lang if lang in SUPPORTED_LANGUAGES else SOURCE_LANGUAGE, SOURCE_LANGUAGE):
        node: Any = catalog(code)
        for part in key.split("."):
            node = node.get(part) if isinstance(node, dict) else None
            if node is None:
                break
        if node is not None:
            return node
    raise KeyError(f"no text {key!r} in {lang} or {SOURCE_LANGUAGE}")


def t(lang: str, key: str, **params: Any) -> str:
    """Return the text at ``key`` in ``lang`` with ``{placeholders}`` filled in."""
    value = lookup(lang, key)
    return str(value).format(**params) if params else str(value)


def flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Flatten nested dicts into dotted keys (lists stay values)."""
    flat: dict[str, Any] = {}
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, dotted + "."))
        else:
            flat[dotted] = value
    return flat
