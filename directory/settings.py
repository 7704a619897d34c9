"""Typed settings, read from the environment once at an entry point and passed in."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite:///{PROJECT_ROOT / 'data' / 'wegweiser.db'}"


@dataclass(frozen=True)
class Settings:
    """Configuration of the directory and the web app."""

    database_url: str = DEFAULT_DATABASE_URL
    web_host: str = "127.0.0.1"
    web_port: int = 8000
    rasa_url: str = "http://127.0.0.1:5005"
    public_base_url: str = "http://localhost:8000"
    telegram_bot_username: str = ""

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Build settings from environment variables (``DATABASE_URL``, ``WEB_PORT``…)."""
        env = os.environ if env is None else env
        return cls(
            database_url=env.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
            web_host=env.get("WEB_HOST", "127.0.0.1"),
            web_port=int(env.get("WEB_PORT", "8000")),
            rasa_url=env.get("RASA_URL", f"http://127.0.0.1:{env.get('RASA_PORT', '5005')}"),
            public_base_url=env.get("PUBLIC_BASE_URL", f"http://localhost:{env.get('WEB_PORT', '8000')}"),
            telegram_bot_username=env.get("TELEGRAM_BOT_USERNAME", ""),
        )
