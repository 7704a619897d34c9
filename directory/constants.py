"""Codes shared by the directory, the assistant and the web app — defined once, here."""
from __future__ import annotations

#: Languages the assistant speaks, in menu order. German is the source language.
SUPPORTED_LANGUAGES: tuple[str, ...] = (
    "de", "en", "ar", "fa", "uk", "ru", "tr", "ro", "bg", "pl", "pt",
)
SOURCE_LANGUAGE = "de"
RTL_LANGUAGES: frozenset[str] = frozenset({"ar", "fa"})

#: Top-level categories (fixed by the city) and their sub-categories.
CATEGORIES: dict[str, tuple[str, ...]] = {
    "language_course": (
        "integration_course",   # Integrationskurs (BAMF)
        "job_german",           # Berufssprachkurs / berufsbezogenes Deutsch
        "literacy_course",      # Alphabetisierungskurs
        "womens_course",        # Frauenkurs, often with childcare
        "youth_course",         # Jugendintegrationskurs
        "conversation",         # Sprachcafé, conversation groups, tandem
    ),
    "job": (
        "job_search",           # Arbeitsvermittlung (Agentur für Arbeit / Jobcenter)
        "jobcenter",            # Bürgergeld, benefits, Jobcenter services
        "recognition",          # Anerkennung ausländischer Abschlüsse
        "apprenticeship",       # Ausbildung
        "application_help",     # Bewerbungshilfe, CV
        "job_counselling",      # Berufsberatung, Migrationsberatung zur Arbeit
    ),
    "housing": (
        "tenant_advice",        # Mieterberatung, Mietersprechstunde
        "flat_search",          # Wohnungssuche
        "tenant_guide",         # Mieterführerschein
        "housing_benefit",      # Wohngeld, Wohnberechtigungsschein
        "homelessness",         # Wohnungsnotfallhilfe
    ),
    "health": (
        "gp",                   # Hausarzt / Allgemeinmedizin
        "paediatrician",        # Kinderarzt
        "gynaecologist",        # Frauenarzt
        "dentist",              # Zahnarzt
        "psychotherapy",        # Psychotherapie
        "health_office",        # Gesundheitsamt, vaccination, health counselling
    ),
    "counselling": (
        "migration_counselling",  # Migrationsberatung für Erwachsene (MBE)
        "youth_migration",        # Jugendmigrationsdienst (JMD)
        "social_counselling",     # Allgemeine Sozialberatung
        "debt_counselling",       # Schuldnerberatung
        "psychosocial",           # Psychosoziales Zentrum
        "consumer_advice",        # Verbraucherberatung
        "family_counselling",     # Familien- und Erziehungsberatung
        "women_counselling",      # Frauenberatung, protection from violence
        "asylum_counselling",     # Asylverfahrensberatung, legal advice
    ),
}
TOP_CATEGORIES: tuple[str, ...] = tuple(CATEGORIES)
SUBCATEGORY_PARENT: dict[str, str] = {
    sub: top for top, subs in CATEGORIES.items() for sub in subs
}

TARGET_GROUPS: tuple[str, ...] = (
    "women", "men", "youth", "children", "families", "seniors", "refugees", "eu_citizens",
)
RESIDENCE_STATUSES: tuple[str, ...] = (
    "any", "asylum_seeker", "recognised_refugee", "tolerated", "eu_citizen",
    "work_permit", "settled",
)
GERMAN_LEVELS: tuple[str, ...] = ("A1", "A2", "B1", "B2", "C1", "C2")
TIMES_OF_DAY: tuple[str, ...] = ("morning", "afternoon", "evening", "weekend")
#: Hours that make a time of day, as [start, end) in minutes since midnight.
TIME_OF_DAY_WINDOWS: dict[str, tuple[int, int]] = {
    "morning": (6 * 60, 12 * 60),
    "afternoon": (12 * 60, 17 * 60),
    "evening": (17 * 60 + 30, 23 * 60),
}
#: A slot counts for a time of day when it covers at least this much of the window:
#: a practice open 15–18 h is not an "evening" offer, a course 18–20 h is.
TIME_OF_DAY_MIN_OVERLAP = 60
WEEKDAYS: tuple[str, ...] = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

OFFER_STATUSES: tuple[str, ...] = ("draft", "published", "archived")
STATUS_PUBLISHED = "published"

#: Kaiserslautern's districts (Stadtteile / Ortsbezirke) as used in addresses and filters.
DISTRICTS: tuple[str, ...] = (
    "Innenstadt", "Betzenberg", "Bännjerrück", "Grübentälchen", "Kaiserberg",
    "Lämmchesberg", "Erzhütten", "Kotten", "Erfenbach", "Erlenbach", "Dansenberg",
    "Einsiedlerhof", "Hohenecken", "Mölschbach", "Morlautern", "Siegelbach",
)

#: Offers not verified for this many days count as stale.
STALE_AFTER_DAYS = 365
