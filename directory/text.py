"""Pure text normalisation shared by indexing and querying (no I/O, no database)."""
from __future__ import annotations

import re
import unicodedata

_ARABIC_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ی": "ي", "ئ": "ي",
    "ك": "ك", "ک": "ك",
    "ة": "ه", "ۀ": "ه",
    "ؤ": "و",
    "ـ": None,  # tatweel
    "\u200c": " ",  # ZWNJ separates Persian word parts; treat as a space for search
    "’": "'", "ʼ": "'", "`": "'",
})
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)?", re.UNICODE)


def fold(text: str) -> str:
    """Return ``text`` lower-cased, without diacritics/tashkeel, Arabic variants unified.

    Used on both sides of every comparison, so "Ärztin" matches "arztin" and
    "أطباء" matches "اطباء".
    """
    text = unicodedata.normalize("NFKC", text).translate(_ARABIC_FOLD).translate(_DIGITS)
    decomposed = unicodedata.normalize("NFD", text.casefold())
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", kept).replace("ß", "ss")


def tokens(text: str) -> list[str]:
    """Split folded text into word tokens (letters and digits, inner apostrophes kept)."""
    return _TOKEN.findall(fold(text))


#: Inflection endings stripped from long query words so "deutschkurse" finds "Deutschkurs".
_SUFFIXES = ("innen", "ern", "en", "er", "es", "in", "e", "n", "s", "i", "a", "y", "и", "ы", "і", "а", "у", "ів", "ов", "ах")


def stem(token: str) -> str:
    """Strip one common inflection ending from a long word (a deliberately light stemmer)."""
    for suffix in _SUFFIXES:
        if len(token) - len(suffix) >= 5 and token.endswith(suffix):
            return token[: -len(suffix)]
    return token
