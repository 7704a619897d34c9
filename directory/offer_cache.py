"""A cache of fully loaded offers, keyed by id and version, shared across sessions.

Searching returns ids and versions; only offers not cached at that version are loaded
with their translations, places, hours and contacts. Any edit raises the version
(:func:`directory.models.bump_versions`), so an edited offer is never served stale.
Cached offers are detached, read-only snapshots: never modify them.
"""
from __future__ import annotations

import threading
from collections import OrderedDict

from sqlalchemy import select
from sqlalchemy.orm import Session

from directory.models import Offer

MAX_ENTRIES = 4096


class OfferCache:
    """A thread-safe LRU of detached offers per database."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._data: OrderedDict[tuple[str, str], tuple[int, Offer]] = OrderedDict()
        self._lock = threading.Lock()

    def clear(self) -> None:
        """Forget everything."""
        with self._lock:
            self._data.clear()

    def load(self, session: Session, wanted: list[tuple[str, int]]) -> dict[str, Offer]:
        """Return offers for (id, version) pairs, loading what is missing or outdated."""
        bind = session.get_bind()
        namespace = str(bind.url)
        found: dict[str, Offer] = {}
        with self._lock:
            for offer_id, version in wanted:
                entry = self._data.get((namespace, offer_id))
                if entry and entry[0] == version:
                    self._data.move_to_end((namespace, offer_id))
                    found[offer_id] = entry[1]
        missing = {offer_id: version for offer_id, version in wanted if offer_id not in found}
        if not missing:
            return found
        if bind.url.database in (None, "", ":memory:"):
            return found | _load(session, list(missing))
        with Session(bind, expire_on_commit=False) as loader:
            loaded = _load(loader, list(missing))
        stale = [i for i, offer in loaded.items() if offer.version != missing[i]]
        with self._lock:
            for offer_id, offer in loaded.items():
                if offer_id not in stale:
                    self._data[(namespace, offer_id)] = (offer.version, offer)
            while len(self._data) > self.max_entries:
                self._data.popitem(last=False)
        found |= {i: o for i, o in loaded.items() if i not in stale}
        if stale:  # changed in the caller's own open transaction: read it there, uncached
            found |= _load(session, stale)
        return found


def _load(session: Session, ids: list[str]) -> dict[str, Offer]:
    return {o.id: o for o in session.execute(select(Offer).where(Offer.id.in_(ids))).scalars()}


#: The process-wide cache used by search.
OFFERS = OfferCache()
