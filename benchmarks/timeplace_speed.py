"""Gazetteer load time and the cost of dating and placing sentences.

    .venv/bin/python benchmarks/timeplace_speed.py

Targets (issue 6): gazetteer loaded in under 2 s; dating and placing well under 10% of
end-to-end coding time (throughput.py reports that share as stage_share_of_coding_time).
"""
from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

from geopol.timeplace.dates import TemporalTagger
from geopol.timeplace.places import EventLocator, Gazetteer

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    t0 = time.perf_counter()
    gaz = Gazetteer.load()
    load = time.perf_counter() - t0
    text = (ROOT / "src/geopol/examples/demo-article.txt").read_text(encoding="utf-8")
    sents = [s for s in text.replace("\n", " ").split(". ") if s.strip()]
    sents = (sents * (1000 // len(sents) + 1))[:1000]
    locator, tagger = EventLocator(gaz), TemporalTagger()
    t0 = time.perf_counter()
    for s in sents:
        locator.locate(s, 10, ["RUS"])
    loc = time.perf_counter() - t0
    t0 = time.perf_counter()
    for s in sents:
        tagger.tag(s, date(2024, 6, 21))
    tag = time.perf_counter() - t0
    print(json.dumps({"gazetteer_load_s": round(load, 2), "places": len(gaz),
                      "locate_1000_sentences_s": round(loc, 3), "tag_1000_sentences_s": round(tag, 3)}, indent=2))


if __name__ == "__main__":
    main()
