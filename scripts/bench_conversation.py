"""``make bench`` (conversation): REST turn latency vs. ``/model/parse``, 1 and 20 users.

Starts Rasa and the action server on free ports with the trained model and a seeded copy
of the sample directory, then measures in one run: ``/model/parse`` alone, full REST turns
(crisis check, NLU, rules, action, directory query, rendering) for a single user, and
turns with 20 concurrent conversations. Prints p50/p95 and the turn/parse ratio.
"""
from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
from sqlalchemy.orm import Session

from directory import migrate, seed
from directory.db import make_engine
from scripts.model import model_path
from scripts.servers import new_sender, start_assistant

MESSAGES = [
    "wo kann ich deutsch lernen", "i need a dentist who speaks arabic", "بدي شغل",
    "шукаю квартиру", "kostenlose schuldnerberatung", "kurs niemieckiego wieczorem",
    "doktor lazım", "caut de lucru", "търся лекар", "preciso de um médico", "کلاس زبان آلمانی",
]
TURNS = 60
USERS = 20


def pct(values: list[float], q: float) -> float:
    """Return the q-quantile of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def timed_post(url: str, body: dict) -> float:
    """POST ``body``; return the latency in milliseconds."""
    start = time.perf_counter()
    requests.post(url, json=body, timeout=60).raise_for_status()
    return (time.perf_counter() - start) * 1000


def main() -> int:
    """Run the benchmark and print the table."""
    model = model_path()
    if not model.exists():
        print("no trained model: run `make train`", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        url = f"sqlite:///{db}"
        migrate.upgrade(url)
        engine = make_engine(url)
        with Session(engine) as session, session.begin():
            seed.seed(session=session)
        engine.dispose()
        assistant = start_assistant(model, url, Path(tmp))
        try:
            rest = f"{assistant.rasa_url}/webhooks/rest/webhook"
            parse = f"{assistant.rasa_url}/model/parse"
            for text in MESSAGES:  # warm up
                timed_post(rest, {"sender": "warm", "message": text})
            parse_ms = [timed_post(parse, {"text": MESSAGES[i % len(MESSAGES)]})
                        for i in range(TURNS)]
            single = []
            sender = new_sender()
            for i in range(TURNS):
                if i % 6 == 0:
                    sender = new_sender()
                single.append(timed_post(rest, {"sender": sender,
                                                "message": MESSAGES[i % len(MESSAGES)]}))

            def conversation(user: int) -> list[float]:
                who = new_sender()
                return [timed_post(rest, {"sender": who,
                                          "message": MESSAGES[(user + i) % len(MESSAGES)]})
                        for i in range(5)]

            with ThreadPoolExecutor(USERS) as pool:
                concurrent = [ms for batch in pool.map(conversation, range(USERS)) for ms in batch]
        finally:
            assistant.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    print("Conversation latency over REST (ms)")
    print(f"{'measure':<34}{'n':>5}{'p50':>9}{'p95':>9}{'p95 / parse p95':>17}")
    base = pct(parse_ms, .95)
    for name, values in (("/model/parse", parse_ms), ("REST turn, 1 user", single),
                         (f"REST turn, {USERS} concurrent users", concurrent)):
        print(f"{name:<34}{len(values):>5}{statistics.median(values):>9.1f}"
              f"{pct(values, .95):>9.1f}{pct(values, .95) / base:>16.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
