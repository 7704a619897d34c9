"""Directory statistics for staff: counts, translation coverage, stale offers."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from directory.constants import STALE_AFTER_DAYS, SUPPORTED_LANGUAGES, TOP_CATEGORIES
from directory.models import Offer, OfferCategory, OfferLanguage, OfferTranslation


@dataclass
class Stats:
    """Numbers shown by ``python -m directory stats``."""

    total: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    by_category: dict[str, dict[str, int]] = field(default_factory=dict)
    translation_coverage: dict[str, float] = field(default_factory=dict)
    sample: int = 0
    real: int = 0
    stale: list[tuple[str, dt.date | None]] = field(default_factory=list)
    spoken_languages: dict[str, int] = field(default_factory=dict)


def collect(*, session: Session, today: dt.date | None = None) -> Stats:
    """Compute :class:`Stats` over all offers."""
    today = today or dt.date.today()
    stats = Stats()
    stats.total = session.execute(select(func.count(Offer.id))).scalar_one()
    stats.by_status = dict(session.execute(
        select(Offer.status, func.count(Offer.id)).group_by(Offer.status)).all())
    rows = session.execute(
        select(OfferCategory.category, Offer.status, func.count(func.distinct(Offer.id)))
        .join(Offer, Offer.id == OfferCategory.offer_id)
        .group_by(OfferCategory.category, Offer.status)).all()
    stats.by_category = {c: {} for c in TOP_CATEGORIES}
    for category, status, count in rows:
        stats.by_category.setdefault(category, {})[status] = count
    published = select(Offer.id).where(Offer.status == "published").scalar_subquery()
    n_published = session.execute(
        select(func.count(Offer.id)).where(Offer.status == "published")).scalar_one()
    per_lang = dict(session.execute(
        select(OfferTranslation.language, func.count(OfferTranslation.id))
        .where(OfferTranslation.offer_id.in_(published), OfferTranslation.title != "")
        .group_by(OfferTranslation.language)).all())
    stats.translation_coverage = {
        lang: (per_lang.get(lang, 0) / n_published if n_published else 0.0)
        for lang in SUPPORTED_LANGUAGES
    }
    stats.sample = session.execute(
        select(func.count(Offer.id)).where(Offer.is_sample.is_(True))).scalar_one()
    stats.real = stats.total - stats.sample
    cutoff = today - dt.timedelta(days=STALE_AFTER_DAYS)
    stats.stale = list(session.execute(
        select(Offer.external_id, Offer.last_verified)
        .where(Offer.status == "published")
        .where((Offer.last_verified.is_(None)) | (Offer.last_verified < cutoff))
        .order_by(Offer.last_verified)).all())
    stats.spoken_languages = dict(session.execute(
        select(OfferLanguage.language, func.count(OfferLanguage.offer_id))
        .join(Offer, Offer.id == OfferLanguage.offer_id)
        .where(Offer.status == "published")
        .group_by(OfferLanguage.language)).all())
    return stats


def render(stats: Stats) -> str:
    """Render stats as the plain-text report printed by the CLI."""
    lines = [f"Offers: {stats.total}  (sample data: {stats.sample}, real: {stats.real})",
             "By status: " + ", ".join(f"{k} {v}" for k, v in sorted(stats.by_status.items())),
             "", f"{'category':<18}{'published':>10}{'draft':>8}{'archived':>10}"]
    for category, counts in stats.by_category.items():
        lines.append(f"{category:<18}{counts.get('published', 0):>10}{counts.get('draft', 0):>8}"
                     f"{counts.get('archived', 0):>10}")
    lines += ["", "Translation coverage of published offers:"]
    lines += [f"  {lang}: {share:6.1%}" for lang, share in stats.translation_coverage.items()]
    covered = [lang for lang in SUPPORTED_LANGUAGES if stats.spoken_languages.get(lang)]
    lines += ["", "Spoken languages (published offers): "
              + ", ".join(f"{k} {v}" for k, v in sorted(stats.spoken_languages.items())),
              f"Supported languages spoken somewhere: {len(covered)}/{len(SUPPORTED_LANGUAGES)}"]
    lines += ["", f"Stale (not verified for {STALE_AFTER_DAYS} days): {len(stats.stale)}"]
    lines += [f"  {ext}  last verified {date or 'never'}" for ext, date in stats.stale]
    return "\n".join(lines)
