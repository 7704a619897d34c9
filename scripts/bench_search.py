"""``make bench`` (search): find_offers latency at 1k / 10k / 100k generated offers.

Offers get German and English texts drawn from a Zipf-distributed vocabulary, random
categories, spoken languages, districts and opening hours. Each size is measured in
one run: typical queries (words of frequency rank 200–5000, with filters) through the real
``find_offers`` with its ORM loading, a query on the most frequent word, a raw FTS5
top-5 query, and a naive ``LIKE`` scan. A benchmark, not a test: it prints figures.
"""
from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from directory import migrate
from directory.constants import CATEGORIES, DISTRICTS, SUPPORTED_LANGUAGES
from directory.db import make_engine
from directory.search import find_offers

SIZES = (1_000, 10_000, 100_000)
VOCABULARY = 20_000
QUERIES = 200
SEED = 7


def make_vocabulary(rng: random.Random) -> list[str]:
    """Return pseudo-words; rank 0 is the most frequent."""
    syllables = ["ka", "ber", "lin", "to", "mar", "schu", "len", "ar", "bei", "kurs", "deu",
                 "tsch", "woh", "nung", "arzt", "rat", "hil", "fe", "ma", "ni", "pro", "gra"]
    words: set[str] = set()
    while len(words) < VOCABULARY:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words, key=lambda w: rng.random())


def zipf_weights(n: int, s: float = 1.07) -> list[float]:
    """Return Zipf weights for ranks 1..n."""
    return [1 / (rank ** s) for rank in range(1, n + 1)]


def generate(db_url: str, size: int, rng: random.Random, vocab: list[str],
             weights: list[float]) -> None:
    """Insert ``size`` offers with translations and facets using bulk SQL."""
    engine = make_engine(db_url)
    cats = [(c, s) for c, subs in CATEGORIES.items() for s in subs]
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO organization (id, external_id, name, is_sample) "
                          "VALUES ('org', 'org', 'Bench', 1)"))
        conn.execute(text("INSERT INTO location (id, external_id, name, city, district, latitude, "
                          "longitude, is_sample) VALUES (:id, :id, :id, 'KL', :d, :lat, :lon, 1)"),
                     [{"id": f"loc{i}", "d": DISTRICTS[i % len(DISTRICTS)],
                       "lat": 49.40 + rng.random() * 0.08, "lon": 7.70 + rng.random() * 0.13}
                      for i in range(200)])
        offers, trs, catrows, langs, locs, scheds = [], [], [], [], [], []
        for i in range(size):
            oid = str(uuid.UUID(int=rng.getrandbits(128)))
            offers.append({"id": oid, "ext": f"bench-{i}", "free": rng.random() < 0.4})
            for lang in ("de", "en"):
                title = " ".join(rng.choices(vocab, weights, k=4))
                body = " ".join(rng.choices(vocab, weights, k=30))
                trs.append({"o": oid, "l": lang, "t": title, "d": body,
                            "st": title, "sb": body})
            c, s = rng.choice(cats)
            catrows.append({"o": oid, "c": c, "s": s})
            for code in rng.sample(SUPPORTED_LANGUAGES, 2):
                langs.append({"o": oid, "l": code})
            locs.append({"o": oid, "loc": f"loc{rng.randrange(200)}"})
            start = rng.choice([8, 9, 13, 17])
            scheds.append({"o": oid, "w": rng.randrange(7), "a": dt.time(start).isoformat(),
                           "b": dt.time(start + 3).isoformat()})
        conn.execute(text("INSERT INTO offer (id, external_id, organization_id, status, is_free, "
                          "is_sample, created_at, updated_at) VALUES (:id, :ext, 'org', "
                          "'published', :free, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"), offers)
        conn.execute(text("INSERT INTO offer_translation (offer_id, language, title, description, "
                          "reviewed, search_title, search_body) VALUES (:o, :l, :t, :d, 1, :st, :sb)"),
                     trs)
        conn.execute(text("INSERT INTO offer_category (offer_id, category, subcategory) "
                          "VALUES (:o, :c, :s)"), catrows)
        conn.execute(text("INSERT INTO offer_language (offer_id, language) VALUES (:o, :l)"), langs)
        conn.execute(text("INSERT INTO offer_location (offer_id, location_id) VALUES (:o, :loc)"),
                     locs)
        conn.execute(text("INSERT INTO schedule (offer_id, weekday, opens_at, closes_at) "
                          "VALUES (:o, :w, :a || '.000000', :b || '.000000')"), scheds)
        conn.exec_driver_sql("ANALYZE")
    engine.dispose()


def timed(fn, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    """Return per-call latencies in milliseconds."""
    out = []
    for i in range(repeat):
        start = time.perf_counter()
        fn(i)
        out.append((time.perf_counter() - start) * 1000)
    return out


def pct(values: list[float], q: float) -> float:
    """Return the q-quantile of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def bench_size(size: int, folder: Path) -> dict[str, list[float]]:
    """Generate ``size`` offers and measure every query kind."""
    rng = random.Random(SEED)
    vocab = make_vocabulary(rng)
    weights = zipf_weights(len(vocab))
    path = folder / f"bench-{size}.db"
    url = f"sqlite:///{path}"
    if not path.exists():  # with --keep DIR a generated database is reused
        migrate.upgrade(url)
        generate(url, size, rng, vocab, weights)
    engine = make_engine(url)
    typical = [vocab[rng.randrange(200, 5000)] for _ in range(QUERIES)]
    filters = [dict(category=rng.choice(list(CATEGORIES)) if i % 2 else None,
                    spoken_language=rng.choice(SUPPORTED_LANGUAGES) if i % 3 == 0 else None)
               for i in range(QUERIES)]
    top = vocab[0]
    results: dict[str, list[float]] = {}
    def fresh(**kwargs):  # type: ignore[no-untyped-def]
        # One session per search, as the action server and the web app use it.
        with Session(engine) as s:
            return find_offers(session=s, **kwargs)

    with Session(engine) as session:
        fresh(text=typical[0])  # warm caches
        results["find_offers typical"] = timed(
            lambda i: fresh(text=typical[i], **filters[i]), QUERIES)
        results["find_offers top word"] = timed(lambda i: fresh(text=top), 30)
        results["find_offers no text, filters"] = timed(
            lambda i: fresh(category="health", spoken_language="ar", free_only=True), 30)
        conn = session.connection()
        results["raw FTS5 top-5"] = timed(lambda i: conn.exec_driver_sql(
            "SELECT rowid FROM offer_fts WHERE offer_fts MATCH ? ORDER BY rank LIMIT 5",
            (f'"{typical[i]}"*',)).fetchall(), QUERIES)
        results["LIKE scan"] = timed(lambda i: conn.exec_driver_sql(
            "SELECT offer_id FROM offer_translation WHERE title LIKE ? OR description LIKE ? "
            "GROUP BY offer_id ORDER BY min(title) LIMIT 5",
            (f"%{typical[i]}%", f"%{typical[i]}%")).fetchall(), 20 if size >= 100_000 else 50)
    engine.dispose()
    return results


def main() -> int:
    """Print the latency table for every size."""
    args = sys.argv[1:]
    keep = None
    if "--keep" in args:
        keep = Path(args.pop(args.index("--keep") + 1))
        args.remove("--keep")
        keep.mkdir(parents=True, exist_ok=True)
    sizes = [int(a) for a in args] or list(SIZES)
    print("find_offers latency (ms), Zipf vocabulary, 2 translations per offer")
    print(f"{'offers':>8}  {'query':<30}{'p50':>9}{'p95':>9}{'LIKE p50 /':>12}{'p95 /':>9}")
    print(f"{'':>8}  {'':<30}{'':>9}{'':>9}{'this p50':>12}{'raw p95':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            started = time.monotonic()
            results = bench_size(size, keep or Path(tmp))
            like = statistics.median(results["LIKE scan"])
            raw = pct(results["raw FTS5 top-5"], .95)
            for name, values in results.items():
                ratio = like / statistics.median(values)
                print(f"{size:>8}  {name:<30}{pct(values, .5):>9.2f}{pct(values, .95):>9.2f}"
                      f"{ratio:>11.0f}x{pct(values, .95) / raw:>8.1f}x")
            print(f"{'':>8}  (generated and measured in {time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
