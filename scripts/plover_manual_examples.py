"""Turn the example sentences of the PLOVER manual into a gold file for the event coder.

The PLOVER gold records are what the coder was tuned on; the manual itself
(../shared/eval/plover/spec/PLOVER_MANUAL.tex) is a second, independent yardstick:
it codes categories, not examples. This script reads the manual at run time and
writes one JSON line per example in the form ``tocsin eval events`` reads:

    python scripts/plover_manual_examples.py --out /tmp/plover_manual.jsonl
    python -m tocsin eval events --gold /tmp/plover_manual.jsonl

An example is a quoted passage (````...''``) in a list item or paragraph that says
how to code it. Its label comes from, in order (first that fires wins):

1. ``only_the``: "only the \\plcat{X} should be coded" -> X;
2. ``coded_as``: "should/would be coded (as) \\plcat{X}" -> X (a mode used as a
   category, "\\plcat{RESTRICT}", is the material event that has that mode);
3. ``cameo_block``: a ``verbatim`` block of CAMEO triples after it ("USA RUS 112")
   -> the CAMEO code's PLOVER event (derived/CAMEO2PLOVER-2021.csv), the actors and
   recipients from the triples (mutual pairs are one reciprocal event: all actors,
   no recipient, as the manual says);
4. ``example_of``: "For example, ``...''" in an item naming categories -> the first;
5. ``auxiliary``: the auxiliary-mode list: a ``negation`` or ``hypothetical``
   example is a sentence with no event (``"event": null``).

Quotes that are keyword lists (fewer than three words) or ellipsis fragments
without a verb-bearing clause are kept only if a rule labels them. Commented-out
LaTeX (``%``) is ignored. Nothing is written into the project.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval" / "plover"
MANUAL = SHARED / "spec" / "PLOVER_MANUAL.tex"
CAMEO_TABLE = SHARED / "derived" / "CAMEO2PLOVER-2021.csv"
EVENTS = (
    *("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST"),
    *("ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
)
# A mode written as a category ("coded as \plcat{RESTRICT}") is the material act.
MATERIAL_MODE_OWNER = {"RESTRICT": "COERCE", "ARREST": "COERCE", "EXPEL": "SANCTION"}
# CAMEO country codes the manual uses that differ from ISO 3166 alpha-3.
CAMEO_COUNTRY = {"JAP": "JPN"}

_QUOTE = re.compile(r"``(.+?)(?:''|\")", re.S)
_ONLY_THE = re.compile(r"only the \\plcat\{([A-Z]+)\} should be coded")
_CODED_AS = re.compile(r"(?:should|would) be coded (?:as )?\\plcat\{([A-Z]+)\}")
_EXAMPLE = re.compile(r"(?:For example|e\.g\.|E\.g\.)[,:]?\s*``")
_PLCAT = re.compile(r"\\plcat\{([A-Z]+)\}")
_VERBATIM = re.compile(r"\\begin\{verbatim\}(.*?)\\end\{verbatim\}", re.S)
_AUX = re.compile(r"^\s*\\plcon\{(\w+)\}:\s*``")


def _uncomment(tex: str) -> str:
    """Drop LaTeX comments: whole commented lines and trailing ``% ...``."""
    lines = []
    for line in tex.splitlines():
        if line.lstrip().startswith("%"):
            continue
        lines.append(re.sub(r"(?<!\\)%.*$", "", line))
    return "\n".join(lines)


def _plain(latex: str) -> str:
    text = re.sub(r"\\(?:emph|textit|ti|txt|plcat|plcon|plmod)\{([^}]*)\}", r"\1", latex)
    text = text.replace("\\ldots", "...").replace("\\dots", "...").replace("\\$", "$")
    text = text.replace("’", "'").replace("\\", "")
    return re.sub(r"\s+", " ", text).strip(" ,.") + ("..." if text.rstrip().endswith("...") else "")


def _blocks(tex: str) -> list[str]:
    """List items and paragraphs: the unit a quote and its coding instruction share."""
    parts = re.split(r"\n\s*\n|\\item\b", tex)
    return [p for p in parts if "``" in p]


def _cameo_events() -> dict[str, tuple[str, str]]:
    with CAMEO_TABLE.open(encoding="utf-8", newline="") as handle:
        return {
            row["cameo_code"]: (row["plover_event"], row["plover_mode"]) for row in csv.DictReader(handle)
        }


def _from_cameo(block: str, start: int, cameo: dict[str, tuple[str, str]]) -> dict | None:
    found = _VERBATIM.search(block, start)
    if not found:
        return None
    triples = [line.split() for line in found.group(1).strip().splitlines() if line.strip()]
    triples = [t for t in triples if len(t) == 3]
    if not triples:
        return None
    events = [cameo.get(code, ("", ""))[0] for _, _, code in triples]
    pairs = {(CAMEO_COUNTRY.get(a, a), CAMEO_COUNTRY.get(b, b)) for a, b, _ in triples}
    mutual = all((b, a) in pairs for a, b in pairs)
    actors = sorted({a for a, _ in pairs}, key=[CAMEO_COUNTRY.get(t[0], t[0]) for t in triples].index)
    recipients = [] if mutual else sorted({b for _, b in pairs})
    return {
        "event": events[0],
        "actor": [{"code": code} for code in actors],
        "recipient": [{"code": code} for code in recipients],
    }


def examples() -> list[dict]:
    tex = _uncomment(MANUAL.read_text(encoding="utf-8"))
    cameo = _cameo_events()
    rows: list[dict] = []
    seen: set[str] = set()
    for block in _blocks(tex):
        aux = _AUX.search(block)
        for quote in _QUOTE.finditer(block):
            text = _plain(quote.group(1))
            if len(text.split()) < 3 or text in seen:
                continue
            label: dict | None = None
            rule = ""
            if m := _ONLY_THE.search(block):
                label, rule = {"event": m.group(1)}, "only_the"
            elif m := _CODED_AS.search(block):
                event = MATERIAL_MODE_OWNER.get(m.group(1), m.group(1))
                mode = m.group(1).lower() if m.group(1) in MATERIAL_MODE_OWNER else None
                label, rule = {"event": event, "mode": mode}, "coded_as"
            elif (found := _from_cameo(block, quote.end(), cameo)) is not None:
                label, rule = found, "cameo_block"
            elif _EXAMPLE.search(block[: quote.start() + 2]) and (m := _PLCAT.search(block)):
                label, rule = {"event": m.group(1)}, "example_of"
            elif aux and aux.group(1) in {"negation", "hypothetical"} and quote.start() < aux.end() + 2:
                label, rule = {"event": None}, "auxiliary"
            if label is None or (label["event"] is not None and label["event"] not in EVENTS):
                continue
            seen.add(text)
            rows.append(
                {
                    "id": f"plover-manual-{len(rows) + 1:02d}",
                    "text": text,
                    "event": label["event"],
                    "mode": label.get("mode"),
                    "actor": label.get("actor", []),
                    "recipient": label.get("recipient", []),
                    "rule": rule,
                    "source": "PLOVER manual (CC BY-SA 4.0), read at run time",
                }
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    rows = examples()
    with args.out.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} manual examples written to {args.out}")


if __name__ == "__main__":
    main()
