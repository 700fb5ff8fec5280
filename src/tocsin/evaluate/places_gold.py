"""Readers for the places gold corpora: GeoWebNews (GWN.xml) and TR-News (TR-News.xml).

Which GeoWebNews toponyms count (Gritta et al. 2019, "A Pragmatic Guide to Geoparsing
Evaluation", the corpus's own taxonomy):

- Scored as toponyms (recognition and resolution): the eight types the annotators
  geolocate -- literal (Literal, Mixed, Embedded_Literal, Coercion, Literal_Modifier)
  and associative (Metonymic, Non_Literal_Modifier, Embedded_Non_Lit). These are the
  toponyms of the paper's geoparsing task and the ones carrying GeoNames ids/coordinates.
- Ignored (a system span on them is neither right nor wrong): Demonym ("Mexicans"),
  Language ("English") and Homonym ("Iceland" the supermarket): toponym-derived words
  the taxonomy keeps apart from toponyms.
- Not toponyms (a system place there is a false positive): Non_Toponym, and the common
  nouns Literal_Expression / Non_Lit_Expression ("city", "lot").

TR-News annotates every toponym with a GeoNames record; all count.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from tocsin.errors import InputError

SCORED_TYPES = frozenset(
    {
        "Literal", "Mixed", "Embedded_Literal", "Coercion", "Literal_Modifier",
        "Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit",
    }
)  # fmt: skip
IGNORED_TYPES = frozenset({"Demonym", "Language", "Homonym"})


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    kind: str  # GeoWebNews type, or "toponym" (TR-News)
    adjective: bool  # an adjectival modifier ("Russian" in "Russian troops")
    geonameid: str | None
    lat: float | None
    lon: float | None

    @property
    def scored(self) -> bool:
        return self.kind in SCORED_TYPES or self.kind == "toponym"


@dataclass(frozen=True, slots=True)
class GoldDoc:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _align(text: str, start: int, end: int, phrase: str) -> tuple[int, int] | None:
    """Offsets of ``phrase`` at or near ``start`` (a few TR-News offsets are shifted)."""
    if text[start:end] == phrase:
        return start, end
    best = None
    for hit in _find_all(text, phrase):
        if best is None or abs(hit - start) < abs(best - start):
            best = hit
    if best is None or abs(best - start) > 400:
        return None
    return best, best + len(phrase)


def _find_all(text: str, phrase: str) -> list[int]:
    hits, i = [], text.find(phrase)
    while i >= 0:
        hits.append(i)
        i = text.find(phrase, i + 1)
    return hits


def read_geowebnews(path: Path) -> list[GoldDoc]:
    xml = path / "GWN.xml" if path.is_dir() else path
    docs = []
    for art in ET.parse(xml).getroot().iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for t in art.iter("toponym"):
            name = t.findtext("extractedName") or ""
            span = _align(text, int(t.findtext("start") or 0), int(t.findtext("end") or 0), name)
            if span is None:
                continue
            tops.append(
                GoldToponym(
                    start=span[0],
                    end=span[1],
                    text=name,
                    kind=t.findtext("type") or "",
                    adjective=(t.findtext("modifierType") or "") == "Adjective",
                    geonameid=(t.findtext("geonamesID") or "").strip() or None,
                    lat=_float(t.findtext("latitude")),
                    lon=_float(t.findtext("longitude")),
                )
            )
        docs.append(
            GoldDoc(art.get("file") or str(len(docs)), text, tuple(sorted(tops, key=lambda g: g.start)))
        )
    return docs


def read_trnews(path: Path) -> list[GoldDoc]:
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for t in art.iter("toponym"):
            phrase = t.findtext("phrase") or ""
            span = _align(text, int(t.findtext("start") or 0), int(t.findtext("end") or 0), phrase)
            gaz = t.find("gaztag")
            if span is None:
                continue
            if gaz is None:  # a toponym the annotators could not geolocate: recognition only
                gaz = ET.Element("gaztag")
            tops.append(
                GoldToponym(
                    start=span[0],
                    end=span[1],
                    text=phrase,
                    kind="toponym",
                    adjective=False,  # TR-News does not say; the scorer asks the gazetteer
                    geonameid=gaz.get("geonameid"),
                    lat=_float(gaz.findtext("lat")),
                    lon=_float(gaz.findtext("lon")),
                )
            )
        docs.append(
            GoldDoc(art.get("docid") or str(len(docs)), text, tuple(sorted(tops, key=lambda g: g.start)))
        )
    return docs


def read_gold(path: Path) -> tuple[str, list[GoldDoc]]:
    """(corpus name, documents) for a GeoWebNews folder/GWN.xml or a TR-News xml file."""
    if path.is_dir() or path.name == "GWN.xml":
        return "GeoWebNews", read_geowebnews(path)
    if path.suffix == ".xml":
        return "TR-News", read_trnews(path)
    raise InputError(str(path), "not a places gold corpus: give the GeoWebNews folder or TR-News.xml")
