"""Normalised text and article ids: typography never changes an id, content always does."""

from __future__ import annotations

import hashlib

import pytest

from tocsin.ingest import article_id, normalise_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Kyiv  said\n\non Monday.  ", "Kyiv said on Monday."),
        ("the minister\u2019s \u201cwarning\u201d", 'the minister\'s "warning"'),
        ("\u2018quoted\u2019 and \u00abguillemets\u00bb", "'quoted' and \"guillemets\""),
        ("Belarus\u2013Ukraine border \u2014 again", "Belarus-Ukraine border - again"),
        ("non\u00a0breaking\tspace", "non breaking space"),
        ("soft\u00adhyphen and zero\u200bwidth", "softhyphen and zerowidth"),
        ("\ufeffBOM first", "BOM first"),
        # NFC: "e" + combining acute becomes the single precomposed character.
        ("Mine\u0301sk", "Min\u00e9sk"),
    ],
)
def test_normalise_text(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Kyiv's statement", "Kyiv\u2019s statement"),
        ("one two", "one\n\ntwo"),
        ("a \u2014 b", "a - b"),
        ("  padded  ", "padded"),
        ("Caf\u00e9", "Cafe\u0301"),
    ],
)
def test_typographic_variants_share_an_id(first: str, second: str) -> None:
    assert article_id(first) == article_id(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Belarus called up reservists.", "Belarus called up reserves."),
        ("Kyiv", "kyiv"),  # case is content
        ("June 28", "June 29"),
    ],
)
def test_different_content_gets_a_different_id(first: str, second: str) -> None:
    assert article_id(first) != article_id(second)


def test_id_is_first_16_hex_of_sha256_of_normalised_text() -> None:
    text = "  Minsk \u201cdenied\u201d it.\n"
    expected = hashlib.sha256(b'Minsk "denied" it.').hexdigest()[:16]
    assert article_id(text) == expected
    assert len(expected) == 16 and int(expected, 16) >= 0


def test_id_is_stable_across_releases() -> None:
    # Pinned: changing the normalisation silently would re-store every article.
    assert (
        article_id("Minsk has called its army reservists back to duty.")
        == hashlib.sha256(b"Minsk has called its army reservists back to duty.").hexdigest()[:16]
    )
