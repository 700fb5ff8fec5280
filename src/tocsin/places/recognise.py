"""Find toponym spans: spaCy's NER places, gazetteer names the NER mislabels or misses,
and demonyms before a territory noun ("Belarusian airspace").

Ambiguity control for names the NER did not call a place: the name must be a proper
noun, not blocked (``blocked_names.csv``), not part of a longer person or organisation
name, and big enough to be worth the risk (``accept_gazetteer_only``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from tocsin.places.gazetteer import Gazetteer, normalise_name

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# NER labels under which spaCy often files a real place ("Minsk" ORG, "Kyiv" PERSON).
MISLABELS = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})
# A gazetteer-only town must be at least this big; smaller ones are too often surnames.
MIN_TOWN_POPULATION = 15_000
MIN_MISLABELLED_POPULATION = 300_000
_LEADING = frozenset({"the"})
# Names of organisations and facilities that embed a place ("University of Toronto", "the
# Malta Independent"): the place is a toponym of its own (GeoWebNews' Embedded types) when
# it is prominent; person names never embed one ("Michael Jordan").
EMBEDDING_LABELS = frozenset({"ORG", "FAC", "EVENT"})
MIN_EMBEDDED_POPULATION = 50_000
_NAME_PUNCT = frozenset({".", "-", "'", "’", "&", ","})


@dataclass(frozen=True, slots=True)
class Toponym:
    """A candidate span (token offsets) with what the text says about it."""

    start: int
    end: int
    key: str  # normalised name to look up
    source: str  # "ner", "gazetteer", "demonym"
    label: str | None = None  # NER label, if any
    hint: str | None = None  # feature named by a word next to it (adm1, city, country, border)
    demonym: str | None = None  # ISO3, when the span is "<demonym> <territory noun>"


def _trim(span: Span) -> tuple[int, int]:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in _LEADING:
        start += 1
    while end > start and doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    return start, end


def _key(doc: Doc, start: int, end: int) -> str:
    return normalise_name(doc[start:end].text)


def feature_hint(doc: Doc, start: int, end: int, gaz: Gazetteer) -> str | None:
    if end < len(doc) and (feature := gaz.feature_words.get((doc[end].lower_, "after"))):
        # A street word is part of the street's name ("Elmwood Lane"); in lower case it is
        # a common noun ("the European drive", "a Swedish road model").
        if feature == "street" and not doc[end].text[:1].isupper():
            return None
        return feature
    if start >= 2 and doc[start - 1].lower_ == "of":
        return gaz.feature_words.get((doc[start - 2].lower_, "before"))
    return None


def _capitalised(text: str) -> bool:
    return text[:1].isupper()


def _longest_match(doc: Doc, i: int, limit: int, gaz: Gazetteer) -> int:
    """End (exclusive) of the longest gazetteer name starting at token ``i``, or ``i``."""
    sent_end = doc[i].sent.end if doc.has_annotation("SENT_START") else len(doc)
    stop = min(limit, sent_end, i + gaz.max_name_tokens)
    best = i
    for end in range(i + 1, stop + 1):
        last = doc[end - 1]
        if end - 1 > i and last.is_punct and last.text not in _NAME_PUNCT:
            break
        if gaz.has_name(_key(doc, i, end)):
            best = end
    # A name must end on a capitalised word or an abbreviation ("U.S."), never on "of".
    while best > i and not _capitalised(doc[best - 1].text) and not doc[best - 1].is_punct:
        best -= 1
    return best if best > i and gaz.has_name(_key(doc, i, best)) else i


def accept_gazetteer_only(
    doc: Doc, start: int, end: int, key: str, gaz: Gazetteer, label: str | None = None
) -> bool:
    """Whether a name spaCy did not call a place may still be one (ambiguity control).

    ``label`` is the NER label of an entity that is exactly this span, if any.
    """
    if key in gaz.blocked or label == "LANGUAGE" or (label == "NORP" and key in gaz.demonyms):
        return False
    places = gaz.candidates(key)
    country = any(p.feature == "country" for p in places)  # "U.S.", "U.K."
    if key.endswith(".") and len(key) <= 6 and not country and (start == 0 or doc[start - 1].text != ","):
        return False  # "Calif.", "Pa.": only as a qualifier, "Parkland, Fla."
    tokens = doc[start:end]
    if not all(t.pos_ == "PROPN" or t.is_punct or not t.is_alpha for t in tokens):
        return False
    big = any(p.feature in ("country", "adm1") or p.precision == "continent" for p in places)
    text = tokens.text
    if text.replace(".", "").isupper() and len(text) <= 6:
        return big  # acronyms: "US", "UK" yes; "BA", "OAS" (towns somewhere) no
    # spaCy calls some capitals persons, organisations or nationalities ("Kyiv" PERSON,
    # "Minsk" ORG, "Aleppo" NORP); a small town under such a label is much more often a
    # surname, a company or a people ("Arab").
    if label in ("PERSON", "ORG", "NORP"):
        return any(p.feature == "country" or p.population >= MIN_MISLABELLED_POPULATION for p in places)
    return big or any(p.population >= MIN_TOWN_POPULATION for p in places)


_DATELINE_END = frozenset({",", "(", "—", "–", "-", "--", ":"})


def dateline(doc: Doc, start: int, end: int) -> bool:
    """ "WASHINGTON (Reuters) -", "SAN ANTONIO —": an upper-case name opening a line or
    sentence, then punctuation. Where the story was filed: a place, never an actor."""
    at_start = start == 0 or doc[start].is_sent_start or "\n" in doc[start - 1].text
    text = doc[start:end].text
    return at_start and text.isupper() and end < len(doc) and doc[end].text in _DATELINE_END


# Prepositions after which an unknown GPE is a place ("in Ghouta", "near Qamishli").
LOCATIVE_BEFORE = frozenset(
    {"in", "at", "near", "outside", "across", "around", "inside", "into", "from", "to"}
)


def _after_locative(doc: Doc, start: int) -> bool:
    return start > 0 and doc[start - 1].lower_ in LOCATIVE_BEFORE and doc[start - 1].dep_ == "prep"


def prominent(key: str, gaz: Gazetteer) -> bool:
    """A country, first-level region, continent or sizeable town."""
    return any(
        p.feature in ("country", "adm1") or p.precision in ("continent", "area")
        or p.population >= MIN_EMBEDDED_POPULATION
        for p in gaz.candidates(key)
    )  # fmt: skip


def names_inside(doc: Doc, start: int, end: int, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Gazetteer names inside a span (an NER place the gazetteer lacks as a whole)."""
    found = []
    i = start
    while i < end:
        stop = _longest_match(doc, i, end, gaz) if _capitalised(doc[i].text) else i
        if stop > i and accept_gazetteer_only(doc, i, stop, _key(doc, i, stop), gaz):
            found.append((i, stop))
            i = stop
        else:
            i += 1
    return found


def find_toponyms(doc: Doc, gaz: Gazetteer) -> list[Toponym]:
    """Candidate place spans, non-overlapping, in text order."""
    taken = [False] * len(doc)
    found: list[Toponym] = []

    def claim(start: int, end: int, **kwargs: object) -> None:
        if start >= end or any(taken[start:end]):
            return
        for k in range(start, end):
            taken[k] = True
        found.append(Toponym(start, end, _key(doc, start, end), **kwargs))  # type: ignore[arg-type]

    # 1. "<demonym> <territory noun>": Belarusian airspace, Ukrainian territory, Belarusian borders.
    for token in doc[:-1]:
        iso3 = gaz.demonyms.get(token.lower_) if _capitalised(token.text) else None
        feature, nxt = None, token
        if iso3:
            # up to two modifiers between: "Belarusian military facilities"
            for nxt in doc[token.i + 1 : token.i + 4]:
                feature = gaz.feature_words.get((nxt.lower_, "after"))
                if feature or nxt.pos_ not in ("ADJ", "NOUN") or not nxt.is_lower:
                    break
        if feature == "border" and nxt.i != token.i + 1:
            feature = None
        if feature == "country":  # the adjective is the toponym: "Belarusian" (airspace)
            claim(token.i, token.i + 1, source="demonym", hint=feature, demonym=iso3)
        elif feature == "border":  # a border of its own: "Belarusian borders"
            claim(token.i, token.i + 2, source="demonym", hint=feature, demonym=iso3)

    # 2. spaCy's places; when the whole span is not a known name, the names inside it.
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        start, end = _trim(ent)
        if start >= end:
            continue
        # spaCy sometimes cuts a name in two ("Trinidad" and "Tobago"): take the longer name.
        end = max(end, _longest_match(doc, start, len(doc), gaz))
        key = _key(doc, start, end)
        if gaz.blocked.get(key):
            continue
        if gaz.has_name(key) or key in gaz.demonyms:
            claim(start, end, source="ner", label=ent.label_, hint=feature_hint(doc, start, end, gaz))
            continue
        inner = names_inside(doc, start, end, gaz)
        for a, b in inner:
            claim(a, b, source="ner", label=ent.label_, hint=feature_hint(doc, a, b, gaz))
        # An unknown GPE is mostly spaCy's error (a person, a brand), unless a locative
        # preposition governs it ("shelling in Ghouta"); an unknown street, river or
        # building (LOC, FAC) is usually real, though not in the gazetteer.
        if not inner and (ent.label_ != "GPE" or _after_locative(doc, start)):
            claim(start, end, source="ner", label=ent.label_)

    # 3. Gazetteer names the NER missed or mislabelled.
    ent_of = {}
    for ent in doc.ents:
        for k in range(ent.start, ent.end):
            ent_of[k] = ent
    i = 0
    while i < len(doc):
        token = doc[i]
        if taken[i] or not _capitalised(token.text) or token.lower_ in _LEADING:
            i += 1
            continue
        end = _longest_match(doc, i, len(doc), gaz)
        if end == i:
            i += 1
            continue
        ent = ent_of.get(i)
        inside_longer = ent is not None and (ent.start < i or ent.end > end) and ent.label_ in MISLABELS
        key = _key(doc, i, end)
        exact = ent.label_ if ent is not None and ent.start == i and ent.end == end else None
        ok = not inside_longer or (ent.label_ in EMBEDDING_LABELS and prominent(key, gaz))
        # spaCy tags upper-case words at random ("ANTONIO" NOUN): a dateline needs no PROPN.
        filed = dateline(doc, i, end) and prominent(key, gaz) and key not in gaz.blocked
        if filed or (ok and accept_gazetteer_only(doc, i, end, key, gaz, exact)):
            claim(
                i,
                end,
                source="gazetteer",
                label=ent.label_ if ent else None,
                hint=feature_hint(doc, i, end, gaz),
            )
        i = end
    found.sort(key=lambda t: t.start)
    return found
