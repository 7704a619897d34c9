"""Render answers from directory data and locale texts (pure: no database, no Rasa).

Right-to-left answers keep German names, addresses and phone numbers readable by
wrapping them in Unicode isolates (FSI…PDI / LRI…PDI); times and counts use the
digits Arabic and Persian readers expect, phone numbers stay dialable ASCII digits.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from actions.constants import INTENT_DETAILS, INTENT_MORE, INTENT_REFINE, intent_payload
from directory.constants import RTL_LANGUAGES, SUPPORTED_LANGUAGES, TOP_CATEGORIES
from directory.models import Offer
from directory.schedule import format_schedule
from directory.search import Hit, Reason, offer_slots
from locales import lookup, t

FSI, LRI, PDI = "\u2068", "\u2066", "\u2069"
_DIGITS = {"ar": str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"),
           "fa": str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")}


def isolate(text: str, lang: str) -> str:
    """Isolate embedded text (a German name, an address) inside a right-to-left answer."""
    return f"{FSI}{text}{PDI}" if lang in RTL_LANGUAGES and text else text


def isolate_ltr(text: str, lang: str) -> str:
    """Force left-to-right for numbers that must read in order (phone numbers)."""
    return f"{LRI}{text}{PDI}" if lang in RTL_LANGUAGES and text else text


def digits(text: str, lang: str) -> str:
    """Write digits the way readers of ``lang`` expect (Arabic-Indic, Persian)."""
    table = _DIGITS.get(lang)
    return text.translate(table) if table else text


def name_of(lang: str, group: str, code: str) -> str:
    """Return the locale name of a code (category, language, target group…)."""
    try:
        return str(lookup(lang, f"{group}.{code}"))
    except KeyError:
        return code


def reason_text(reason: Reason, lang: str) -> str:
    """Render one reason why an offer fits."""
    key = f"reasons.{reason.code}"
    if reason.code == "speaks":
        return t(lang, key, language=name_of(lang, "languages", str(reason.value)))
    if reason.code == "level":
        return t(lang, key, level=isolate(str(reason.value), lang))
    if reason.code == "time_of_day":
        return t(lang, key, time=name_of(lang, "times_of_day", str(reason.value)))
    if reason.code == "target_group":
        return t(lang, key, group=name_of(lang, "target_groups", str(reason.value)))
    if reason.code == "district":
        return t(lang, key, district=isolate(str(reason.value), lang))
    if reason.code == "near":
        return t(lang, key, km=digits(f"{reason.value:.1f}", lang))
    if reason.code == "subcategory":
        return t(lang, key, name=name_of(lang, "subcategories", str(reason.value)))
    if reason.code == "text":
        return t(lang, key, words=isolate(str(reason.value), lang))
    return t(lang, key)


def hours_text(offer: Offer, lang: str) -> str:
    """Return the opening hours in one line, or the 'please ask' text."""
    lines = format_schedule(offer_slots(offer), day_names=list(lookup(lang, "weekdays")),
                            time_format=lambda tm: digits(tm.strftime("%H:%M"), lang))
    return "; ".join(lines) if lines else t(lang, "card.no_hours")


def address_text(offer: Offer, lang: str) -> str | None:
    """Return 'street, postcode city (district)' with the German parts isolated."""
    loc = offer.primary_location
    if loc is None or not loc.address:
        return None
    text = f"{loc.address}, {loc.postal_code or ''} {loc.city}".replace("  ", " ")
    if loc.district:
        text += f" ({loc.district})"
    return isolate(text, lang)


def map_url(offer: Offer) -> str | None:
    """Return an OpenStreetMap link to the offer's first location."""
    loc = offer.primary_location
    if loc is None or loc.latitude is None or loc.longitude is None:
        return None
    return (f"https://www.openstreetmap.org/?mlat={loc.latitude:.5f}&mlon={loc.longitude:.5f}"
            f"#map=18/{loc.latitude:.5f}/{loc.longitude:.5f}")


def contact_text(offer: Offer, lang: str) -> str | None:
    """Return phone and e-mail of the offer for a card."""
    parts = [isolate_ltr(p.number, lang) for p in offer.phones[:1]]
    if offer.email:
        parts.append(isolate_ltr(offer.email, lang))
    return " · ".join(parts) or None


def cost_text(offer: Offer, lang: str) -> str:
    """Return the cost line: free, the fee text in ``lang``, or 'please ask'."""
    if offer.is_free:
        return t(lang, "card.cost_free")
    tr = offer.translation(lang)
    if tr and tr.fee:
        return t(lang, "card.cost_fee", fee=tr.fee)
    return t(lang, "card.cost_unknown")


def card(hit: Hit, index: int, lang: str) -> str:
    """Return a compact offer card: name, what, where, when, contact, why it fits."""
    offer = hit.offer
    tr = offer.translation(lang)
    title = tr.title if tr else offer.external_id
    lines = [f"{digits(str(index), lang)}. {isolate(title, lang) if tr and tr.language != lang else title}"]
    lines.append(isolate(offer.organization.name, lang))
    address = address_text(offer, lang)
    if address:
        lines.append(t(lang, "card.where", address=address))
    lines.append(t(lang, "card.when", hours=hours_text(offer, lang)))
    contact = contact_text(offer, lang)
    if contact:
        lines.append(t(lang, "card.contact", contact=contact))
    if hit.reasons:
        lines.append(t(lang, "card.why", reasons=" · ".join(reason_text(r, lang)
                                                             for r in hit.reasons)))
    return "\n".join(lines)


def details(offer: Offer, index: int, lang: str, today: dt.date | None = None) -> str:
    """Return every field of an offer people need to go there."""
    tr = offer.translation(lang)
    lines = [t(lang, "search.details", index=digits(str(index), lang),
               title=tr.title if tr else offer.external_id)]
    if tr and tr.description:
        lines.append(tr.description)
    lines.append(t(lang, "card.organization", name=isolate(offer.organization.name, lang)))
    address = address_text(offer, lang)
    if address:
        lines.append(t(lang, "card.where", address=address))
    url = map_url(offer)
    if url:
        lines.append(f"{t(lang, 'card.map')}: {url}")
    loc = offer.primary_location
    if loc is not None and loc.accessibility:
        lines.append(t(lang, "card.accessibility", text=isolate(loc.accessibility, lang)))
    lines.append(t(lang, "card.when", hours=hours_text(offer, lang)))
    if offer.valid_from and offer.valid_to:
        lines.append(t(lang, "card.dates", start=digits(offer.valid_from.strftime("%d.%m.%Y"), lang),
                       end=digits(offer.valid_to.strftime("%d.%m.%Y"), lang)))
    if offer.course_level:
        lines.append(t(lang, "card.level", level=isolate(offer.course_level, lang)))
    lines.append(cost_text(offer, lang))
    if offer.phones:
        lines.append(t(lang, "card.phone", phone=isolate_ltr(offer.phones[0].number, lang)))
    if offer.email:
        lines.append(t(lang, "card.email", email=isolate_ltr(offer.email, lang)))
    if offer.url:
        lines.append(t(lang, "card.website", url=isolate_ltr(offer.url, lang)))
    if offer.spoken_languages:
        lines.append(t(lang, "card.languages", languages=", ".join(
            name_of(lang, "languages", c) for c in offer.spoken_languages)))
    lines.append(t(lang, "card.verified", date=digits(offer.last_verified.strftime("%d.%m.%Y"), lang))
                 if offer.last_verified else t(lang, "card.not_verified"))
    if offer.is_sample:
        lines.append(t(lang, "card.sample"))
    return "\n".join(lines)


def offer_payload(offer: Offer, index: int, lang: str) -> dict[str, Any]:
    """Return structured data of an offer for channels that render cards themselves."""
    tr = offer.translation(lang)
    loc = offer.primary_location
    return {
        "type": "offer", "index": index, "id": offer.external_id,
        "title": tr.title if tr else offer.external_id,
        "organization": offer.organization.name,
        "address": f"{loc.address}, {loc.postal_code or ''} {loc.city}" if loc and loc.address else None,
        "latitude": loc.latitude if loc else None, "longitude": loc.longitude if loc else None,
        "map_url": map_url(offer),
        "phone": offer.phones[0].number if offer.phones else None,
        "email": offer.email, "url": offer.url, "is_sample": offer.is_sample,
        "web_path": f"/{lang}/offers/{quote(offer.external_id)}",
    }


def result_buttons(lang: str, count: int, has_more: bool, free_filter: bool) -> list[dict[str, str]]:
    """Return the buttons under a result list: details of each, more, only free."""
    buttons = [{"title": t(lang, "buttons.details", index=digits(str(i), lang)),
                "payload": intent_payload(INTENT_DETAILS, offer_index=str(i))}
               for i in range(1, count + 1)]
    if has_more:
        buttons.append({"title": t(lang, "buttons.more"), "payload": intent_payload(INTENT_MORE)})
    if not free_filter:
        buttons.append({"title": t(lang, "buttons.free_only"),
                        "payload": intent_payload(INTENT_REFINE, cost="free")})
    return buttons


def topic_buttons(lang: str) -> list[dict[str, str]]:
    """Return one button per top-level topic, titled in ``lang``."""
    return [{"title": name_of(lang, "categories", c), "payload": intent_payload(c)}
            for c in TOP_CATEGORIES]


def language_buttons() -> list[dict[str, str]]:
    """Return one button per supported language, each titled in its own language."""
    return [{"title": str(lookup(code, "meta.name")),
             "payload": intent_payload("choose_language", language=code)}
            for code in SUPPORTED_LANGUAGES]


def filters_summary(filters: dict[str, Any], lang: str) -> str:
    """Describe active filters in ``lang`` ('free of charge, speaks Arabic, …')."""
    parts = []
    for name, value in filters.items():
        if not value or name == "category":
            continue
        if name == "free_only":
            parts.append(t(lang, "filters.free_only"))
            continue
        group = {"spoken_language": "languages", "target_group": "target_groups",
                 "time_of_day": "times_of_day", "subcategory": "subcategories"}.get(name)
        shown = name_of(lang, group, str(value)) if group else isolate(str(value), lang)
        parts.append(t(lang, f"filters.{name}", value=shown))
    return ", ".join(parts)


def dropped_summary(dropped: Iterable[str], filters: dict[str, Any], lang: str) -> str:
    """Describe the filters dropped to widen a search."""
    return filters_summary({name: filters.get(name) or True for name in dropped}, lang)
