"""A canonical form of article text, for hashing and duplicate detection only.

``Article.text`` is never replaced by this form: mention offsets index the text
exactly as read. Two copies of one article that differ only in typography
(curly vs straight quotes, en vs em dashes, re-wrapped lines) get one id.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Typographic variants that copy-paste, CMS and wire rewrites swap freely.
_REPLACE: dict[str, str] = {
    "\u2018": "'",  # left single quote
    "\u2019": "'",  # right single quote / apostrophe
    "\u201a": "'",  # single low-9 quote
    "\u201b": "'",  # single high-reversed-9 quote
    "\u2032": "'",  # prime
    "\u201c": '"',  # left double quote
    "\u201d": '"',  # right double quote
    "\u201e": '"',  # double low-9 quote
    "\u201f": '"',  # double high-reversed-9 quote
    "\u2033": '"',  # double prime
    "\u00ab": '"',  # guillemets
    "\u00bb": '"',
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2012": "-",  # figure dash
    "\u2013": "-",  # en dash
    "\u2014": "-",  # em dash
    "\u2015": "-",  # horizontal bar
    "\u2212": "-",  # minus sign
    "\u00ad": "",  # soft hyphen: invisible, dropped
    "\u200b": "",  # zero-width space
    "\ufeff": "",  # byte order mark / zero-width no-break space
}
# One scan for all of them (str.translate with a dict is several times slower on long text).
_TYPOGRAPHY = re.compile("[" + "".join(_REPLACE) + "]")


def normalise_text(text: str) -> str:
    """NFC, straight quotes, ASCII hyphens, single spaces, stripped."""
    if not text.isascii():
        text = _TYPOGRAPHY.sub(_replacement, unicodedata.normalize("NFC", text))
    # split() with no argument splits on every Unicode whitespace run (NBSP, line breaks...).
    return " ".join(text.split())


def _replacement(match: re.Match[str]) -> str:
    return _REPLACE[match.group()]


def article_id(text: str) -> str:
    """First 16 hex characters of the SHA-256 of the normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]
