"""On the PLOVER dev records that carry an eventLoc, locate() must find the gold place
name (case-insensitive, either name contained in the other) for >= 80% of them."""
from __future__ import annotations

import os
from pathlib import Path

import json

import pytest

from geopol.timeplace.places import fold



def shared_dir() -> Path:
    env = os.environ.get("GEOPOL_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[3] / "shared"

GOLD = shared_dir() / "data" / "dev" / "PLOVER_GSR_CAMEO.json"


def _codes(actors) -> list[str]:
    out = []
    for a in actors or []:
        if isinstance(a, dict) and a.get("code"):
            out.append(a["code"][:3])
    return out


@pytest.mark.skipif(not GOLD.exists(), reason="shared PLOVER data not available")
def test_plover_event_locations(locator):
    records = [r for r in json.loads(GOLD.read_text(encoding="utf-8")) if r.get("eventLoc")]
    assert len(records) >= 40
    hits = 0
    misses = []
    for r in records:
        text = r["text"]
        trig = (r.get("eventText") or "").split()
        pos = text.find(trig[0]) if trig else -1
        loc = locator.locate(text, pos if pos >= 0 else None,
                             _codes(r.get("source")) + _codes(r.get("target")))
        gold = fold(r["eventLoc"]["name"]).lower()
        ours = fold(loc.name).lower() if loc else ""
        if ours and (gold in ours or ours in gold):
            hits += 1
        else:
            misses.append((gold, ours))
    rate = hits / len(records)
    print(f"\nPLOVER eventLoc name match: {hits}/{len(records)} = {rate:.3f}; misses: {misses}")
    assert rate >= 0.80
