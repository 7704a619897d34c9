"""Staff command line: ``python -m directory {migrate,seed,import,export,stats,search}``."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from directory import exporter, importer, migrate, seed, stats
from directory.constants import SUPPORTED_LANGUAGES, TOP_CATEGORIES
from directory.db import make_engine
from directory.errors import DirectoryError, ImportValidationError, InvalidFilter
from directory.presenter import offer_to_dict
from directory.search import find_offers
from directory.settings import Settings


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the staff CLI."""
    parser = argparse.ArgumentParser(prog="python -m directory", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="create or upgrade the database schema")
    sub.add_parser("seed", help="load the Kaiserslautern sample data (idempotent)")
    p = sub.add_parser("import", help="import offers from CSV or HSDS JSON (all or nothing)")
    p.add_argument("file", type=Path)
    p.add_argument("--category", choices=TOP_CATEGORIES,
                   help="category for HSDS services that carry no Wegweiser category")
    p.add_argument("--no-progress", action="store_true")
    p = sub.add_parser("export", help="export offers")
    p.add_argument("--format", choices=("csv", "hsds"), default="csv")
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--lang", choices=SUPPORTED_LANGUAGES, default="de")
    sub.add_parser("stats", help="counts, translation coverage, stale offers")
    p = sub.add_parser("search", help="search offers like the assistant does")
    p.add_argument("text", nargs="?")
    p.add_argument("--category")
    p.add_argument("--subcategory")
    p.add_argument("--spoken-language")
    p.add_argument("--district")
    p.add_argument("--free", action="store_true")
    p.add_argument("--level")
    p.add_argument("--lang", choices=SUPPORTED_LANGUAGES, default="de")
    p.add_argument("--limit", type=int, default=5)
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    return parser


def main(argv: Sequence[str] | None = None, settings: Settings | None = None) -> int:
    """Run the CLI; return the process exit code."""
    args = build_parser().parse_args(argv)
    settings = settings or Settings.from_env()
    if args.command == "migrate":
        migrate.upgrade(settings.database_url)
        print("database is up to date")
        return 0
    engine = make_engine(settings.database_url)
    try:
        return _run(args, engine)
    except ImportValidationError as exc:
        print(f"Import failed: {exc}", file=sys.stderr)
        for error in exc.errors:
            print(f"  {error}", file=sys.stderr)
        return 2
    except InvalidFilter as exc:
        print(f"error: --{exc.parameter.replace('_', '-')}: {exc}", file=sys.stderr)
        return 2
    except DirectoryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()


def _run(args: argparse.Namespace, engine) -> int:  # type: ignore[no-untyped-def]
    with Session(engine, future=True) as session, session.begin():
        if args.command == "seed":
            counts = seed.seed(session=session)
            print(f"sample data: {counts['created']} created, {counts['updated']} updated")
        elif args.command == "import":
            if not args.file.is_file():
                print(f"error: no such file: {args.file}", file=sys.stderr)
                return 2
            result = importer.import_file(args.file, session=session,
                                          default_category=args.category,
                                          progress=not args.no_progress and sys.stderr.isatty())
            for warning in result.warnings:
                print(f"warning: {warning}", file=sys.stderr)
            print(f"imported: {result.created} created, {result.updated} updated")
        elif args.command == "export":
            if args.format == "csv":
                args.output.write_text(exporter.export_csv(session=session), encoding="utf-8")
            else:
                data = exporter.export_hsds(session=session, lang=args.lang)
                args.output.write_text(json.dumps(data, ensure_ascii=False, indent=2),
                                       encoding="utf-8")
            print(f"written: {args.output}")
        elif args.command == "stats":
            print(stats.render(stats.collect(session=session)))
        elif args.command == "search":
            result = find_offers(session=session, text=args.text, category=args.category,
                                 subcategory=args.subcategory,
                                 spoken_language=args.spoken_language, district=args.district,
                                 free_only=args.free, level=args.level, lang=args.lang,
                                 limit=args.limit)
            found = [offer_to_dict(h.offer, args.lang, h) for h in result.hits]
            if args.json:
                print(json.dumps({"total": result.total, "offers": found}, ensure_ascii=False,
                                 indent=2))
            else:
                print(f"{result.total} offer(s)")
                for item in found:
                    reasons = ", ".join(f"{r['code']}={r['value']}" if r["value"] is not None
                                        else r["code"] for r in item["reasons"])
                    print(f"- {item['id']}: {item['title']}  [{reasons}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
