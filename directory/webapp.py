"""The web app on :8000 — public JSON API now; pages, widget and admin plug in here."""
from __future__ import annotations

from flask import Flask, jsonify

from directory.api import api
from directory.db import make_engine, make_sessionmaker
from directory.settings import Settings


def create_app(settings: Settings | None = None) -> Flask:
    """Build the Flask app for ``settings`` (read from the environment if omitted)."""
    settings = settings or Settings.from_env()
    app = Flask(__name__)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.config["SETTINGS"] = settings
    app.config["SESSION_FACTORY"] = make_sessionmaker(make_engine(settings.database_url))
    app.register_blueprint(api)

    @app.get("/healthz")
    def healthz():  # type: ignore[no-untyped-def]
        return jsonify(status="ok")

    return app


def main() -> None:
    """Serve the app with waitress (``python -m directory.webapp``)."""
    from waitress import serve

    settings = Settings.from_env()
    serve(create_app(settings), host=settings.web_host, port=settings.web_port, threads=8)


if __name__ == "__main__":
    main()
