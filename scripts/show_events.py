"""Print what tocsin codes in a text file: one line per event, for eyeballing.

python scripts/show_events.py ARTICLE.txt [--published 2024-07-02]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tocsin.api import annotate


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", type=Path)
    parser.add_argument("--published", default=None)
    args = parser.parse_args()
    coded = annotate(args.path.read_text(encoding="utf-8"), published=args.published)
    text = coded.article.text
    for e in coded.events:
        actors = ",".join(f"{a.country}/{a.sector}" for a in e.actor)
        recips = ",".join(f"{a.country}/{a.sector}" for a in e.recipient)
        loc = f"{e.location.feature}:{e.location.geonameid}:{e.location.country}" if e.location else "-"
        claimant = f"{e.claimant.country}/{e.claimant.sector}" if e.claimant else "-"
        print(
            f"[{e.index}] {e.event}/{e.mode} {actors}->{recips} @{loc} {e.date}({e.date_precision},"
            f"{e.date_source}) {e.factuality}{' hist' if e.historical else ''} by {claimant}"
            f" trig={e.trigger!r} {e.coder.split(':')[-1]}"
        )
        print(f"      {text[e.sentence_start : e.sentence_end][:150]!r}")
    for c in coded.claims:
        print(
            "claim", c.event_index, c.status, [(s.stance, s.party.country, s.event_index) for s in c.stances]
        )
    print("specificity", coded.specificity, coded.specificity_signals)


if __name__ == "__main__":
    main()
