"""SQLAlchemy models of the offer directory, shaped after Open Referral HSDS 3.0.

HSDS names in brackets: Organization [organization], Offer [service], Location
[location], OfferLocation [service_at_location], Schedule [schedule], Phone [phone],
OfferLanguage [language], OfferCategory [taxonomy_term via attribute].
Translatable texts follow the base-row + translation-row pattern: ``OfferTranslation``
with a unique (offer, language); German is the source and the explicit fallback.
"""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
    event,
    func,
)
from sqlalchemy import select
from sqlalchemy.orm import Session, declarative_base, relationship

from directory.constants import SOURCE_LANGUAGE
from directory.text import fold

Base = declarative_base()


def new_id() -> str:
    """Return a fresh UUID string, the primary key of HSDS records."""
    return str(uuid.uuid4())


class Organization(Base):
    """An organization that runs offers (HSDS *organization*)."""

    __tablename__ = "organization"

    id = Column(String(36), primary_key=True, default=new_id)
    external_id = Column(String(100), unique=True, nullable=False)
    name = Column(String(300), nullable=False)
    description = Column(Text, nullable=True)
    email = Column(String(200), nullable=True)
    url = Column(String(500), nullable=True)
    is_sample = Column(Boolean, nullable=False, default=False)

    offers = relationship("Offer", back_populates="organization")


class Location(Base):
    """A physical place where offers are delivered (HSDS *location* + *address*)."""

    __tablename__ = "location"

    id = Column(String(36), primary_key=True, default=new_id)
    external_id = Column(String(100), unique=True, nullable=False)
    name = Column(String(300), nullable=False)
    address = Column(String(300), nullable=True)
    postal_code = Column(String(10), nullable=True)
    city = Column(String(100), nullable=False, default="Kaiserslautern")
    district = Column(String(100), nullable=True, index=True)
    latitude = Column(Float, nullable=True)
    longitude = Column(Float, nullable=True)
    accessibility = Column(Text, nullable=True)
    is_sample = Column(Boolean, nullable=False, default=False)


class Offer(Base):
    """One offer for newcomers (HSDS *service*)."""

    __tablename__ = "offer"

    id = Column(String(36), primary_key=True, default=new_id)
    external_id = Column(String(100), unique=True, nullable=False)
    organization_id = Column(String(36), ForeignKey("organization.id"), nullable=False)
    status = Column(String(20), nullable=False, default="draft", index=True)
    email = Column(String(200), nullable=True)
    url = Column(String(500), nullable=True)
    is_free = Column(Boolean, nullable=False, default=False)
    course_level = Column(String(2), nullable=True)
    min_german_level = Column(String(2), nullable=True)
    age_min = Column(Integer, nullable=True)
    age_max = Column(Integer, nullable=True)
    residence_status = Column(String(200), nullable=True)  # space-separated codes
    valid_from = Column(Date, nullable=True)
    valid_to = Column(Date, nullable=True)
    last_verified = Column(Date, nullable=True)
    verified_by = Column(String(100), nullable=True)
    is_sample = Column(Boolean, nullable=False, default=False)
    #: Raised on every change of the offer or anything it shows (see bump_versions),
    #: so caches of rendered offers know when they are stale.
    version = Column(Integer, nullable=False, default=1, server_default="1")
    created_at = Column(DateTime, nullable=False, server_default=func.current_timestamp())
    updated_at = Column(
        DateTime,
        nullable=False,
        server_default=func.current_timestamp(),
        onupdate=dt.datetime.utcnow,
    )

    organization = relationship("Organization", back_populates="offers", lazy="joined")
    translations = relationship(
        "OfferTranslation", back_populates="offer", cascade="all, delete-orphan", lazy="selectin"
    )
    categories = relationship(
        "OfferCategory", cascade="all, delete-orphan", lazy="selectin"
    )
    languages = relationship("OfferLanguage", cascade="all, delete-orphan", lazy="selectin")
    target_groups = relationship(
        "OfferTargetGroup", cascade="all, delete-orphan", lazy="selectin"
    )
    locations = relationship(
        "OfferLocation", cascade="all, delete-orphan", lazy="selectin"
    )
    schedules = relationship(
        "Schedule",
        cascade="all, delete-orphan",
        lazy="selectin",
        order_by="(Schedule.weekday, Schedule.opens_at)",
    )
    phones = relationship("Phone", cascade="all, delete-orphan", lazy="selectin")

    def translation(self, lang: str) -> OfferTranslation | None:
        """Return the translation in ``lang``, else the German source, else any."""
        by_lang = {t.language: t for t in self.translations}
        return (
            by_lang.get(lang)
            or by_lang.get(SOURCE_LANGUAGE)
            or next(iter(by_lang.values()), None)
        )

    @property
    def top_categories(self) -> list[str]:
        """Return the top-level category codes, sorted."""
        return sorted({c.category for c in self.categories})

    @property
    def subcategories(self) -> list[str]:
        """Return the sub-category codes, sorted."""
        return sorted({c.subcategory for c in self.categories if c.subcategory})

    @property
    def spoken_languages(self) -> list[str]:
        """Return the ISO 639-1 codes staff speak with clients, sorted."""
        return sorted({lang.language for lang in self.languages})

    @property
    def target_group_codes(self) -> list[str]:
        """Return the target-group codes, sorted."""
        return sorted({g.target_group for g in self.target_groups})

    @property
    def primary_location(self) -> Location | None:
        """Return the first location of the offer, if any."""
        return self.locations[0].location if self.locations else None


class OfferTranslation(Base):
    """Title, description, fee text and search keywords of an offer in one language."""

    __tablename__ = "offer_translation"
    __table_args__ = (UniqueConstraint("offer_id", "language"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    offer_id = Column(String(36), ForeignKey("offer.id", ondelete="CASCADE"), nullable=False)
    language = Column(String(5), nullable=False)
    title = Column(String(300), nullable=False)
    description = Column(Text, nullable=False, default="")
    fee = Column(Text, nullable=True)
    keywords = Column(Text, nullable=True)
    reviewed = Column(Boolean, nullable=False, default=True)
    # Folded copies of the texts, indexed by full-text search (see directory/fts.py).
    search_title = Column(Text, nullable=False, default="")
    search_body = Column(Text, nullable=False, default="")

    offer = relationship("Offer", back_populates="translations")


@event.listens_for(OfferTranslation, "before_insert")
@event.listens_for(OfferTranslation, "before_update")
def _fill_search_columns(_mapper, _connection, target: OfferTranslation) -> None:  # type: ignore[no-untyped-def]
    target.search_title = fold(target.title or "")
    target.search_body = fold(" ".join(p for p in (target.description, target.keywords) if p))


class OfferCategory(Base):
    """A top-level category and optional sub-category of an offer (HSDS taxonomy term)."""

    __tablename__ = "offer_category"

    id = Column(Integer, primary_key=True, autoincrement=True)
    offer_id = Column(
        String(36), ForeignKey("offer.id", ondelete="CASCADE"), nullable=False, index=True
    )
    category = Column(String(40), nullable=False, index=True)
    subcategory = Column(String(40), nullable=True, index=True)


class OfferLanguage(Base):
    """A language the offer's staff speak with clients (HSDS *language*)."""

    __tablename__ = "offer_language"
    __table_args__ = (UniqueConstraint("offer_id", "language"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    offer_id = Column(
        String(36), ForeignKey("offer.id", ondelete="CASCADE"), nullable=False, index=True
    )
    language = Column(String(5), nullable=False, index=True)


class OfferTargetGroup(Base):
    """A group the offer is meant for (eligibility)."""

    __tablename__ = "offer_target_group"
    __table_args__ = (UniqueConstraint("offer_id", "target_group"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    offer_id = Column(
        String(36), ForeignKey("offer.id", ondelete="CASCADE"), nullable=False, index=True
    )
    target_group = Column(String(30), nullable=False)


class OfferLocation(Base):
    """An offer delivered at a location (HSDS *service_at_location*)."""

    __tablename__ = "offer_location"
    __table_args__ = (UniqueConstraint("offer_id", "location_id"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    offer_id = Column(
        String(36), ForeignKey("offer.id", ondelete="CASCADE"), nullable=False, index=True
    )
    location_id = Column(String(36), ForeignKey("location.id"), nullable=False, index=True)

    location = relationship("Location", lazy="joined")


class Schedule(Base):
    """Weekly opening hours or course times (HSDS *schedule*, one weekday per row)."""

    __tablename__ = "schedule"

    id = Column(Integer, primary_key=True, autoincrement=True)
    offer_id = Column(
        String(36), ForeignKey("offer.id", ondelete="CASCADE"), nullable=False, index=True
    )
    weekday = Column(Integer, nullable=False)  # 0 = Monday … 6 = Sunday
    opens_at = Column(Time, nullable=False)
    closes_at = Column(Time, nullable=False)


class Phone(Base):
    """A phone number of an offer (HSDS *phone*)."""

    __tablename__ = "phone"

    id = Column(Integer, primary_key=True, autoincrement=True)
    offer_id = Column(
        String(36), ForeignKey("offer.id", ondelete="CASCADE"), nullable=False, index=True
    )
    number = Column(String(40), nullable=False)
    kind = Column(String(20), nullable=False, default="voice")
    is_sample = Column(Boolean, nullable=False, default=False)


_CHILDREN = (OfferTranslation, OfferCategory, OfferLanguage, OfferTargetGroup, OfferLocation,
             Schedule, Phone)


@event.listens_for(Session, "before_flush")
def bump_versions(session: Session, _context, _instances) -> None:  # type: ignore[no-untyped-def]
    """Raise ``Offer.version`` for every offer whose row, children, place or provider changed."""
    offer_ids: set[str] = set()
    touched_orgs: set[str] = set()
    touched_locations: set[str] = set()
    for obj in list(session.new) + list(session.dirty) + list(session.deleted):
        if isinstance(obj, Offer):
            if obj in session.dirty and session.is_modified(obj) and obj.id:
                offer_ids.add(obj.id)
        elif isinstance(obj, _CHILDREN):
            parent = obj.offer_id or (obj.offer.id if getattr(obj, "offer", None) else None)
            if parent:
                offer_ids.add(parent)
        elif isinstance(obj, Organization) and obj not in session.new:
            touched_orgs.add(obj.id)
        elif isinstance(obj, Location) and obj not in session.new:
            touched_locations.add(obj.id)
    with session.no_autoflush:
        if touched_orgs:
            offer_ids |= set(session.execute(
                select(Offer.id).where(Offer.organization_id.in_(touched_orgs))).scalars())
        if touched_locations:
            offer_ids |= set(session.execute(
                select(OfferLocation.offer_id).where(
                    OfferLocation.location_id.in_(touched_locations))).scalars())
        for offer_id in offer_ids:
            offer = session.get(Offer, offer_id)
            if offer is not None and offer not in session.new:
                offer.version = (offer.version or 1) + 1
