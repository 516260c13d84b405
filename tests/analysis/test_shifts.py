"""Shifts on a synthetic corpus with planted shifts."""
from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from geopol.analysis.frame import load_events
from geopol.analysis.shifts import shifts, two_proportion_z
from geopol.analysis.synthetic import synthetic_events, write_store


@pytest.fixture(scope="module", params=[0, 7])
def planted(request, tmp_path_factory):
    rows, flipped = synthetic_events(n_dyads=15, months=12, per_month=10, flip=3, flip_after=6, seed=request.param)
    db = write_store(tmp_path_factory.mktemp("shifts") / "syn.duckdb", rows)
    return db, {tuple(p) for p in flipped}


def test_two_proportion_z_by_hand():
    z, p = two_proportion_z(9, 10, 1, 10)          # pooled p = 0.5, se = sqrt(.25 * .2)
    assert z == pytest.approx(-0.8 / math.sqrt(0.05))
    assert p == pytest.approx(math.erfc(abs(z) / math.sqrt(2)))
    assert two_proportion_z(5, 5, 5, 5) == (0.0, 1.0)


def test_split_ranks_planted_first(planted):
    db, flipped = planted
    s = shifts(db, split=date(2023, 7, 1), min_events=5)
    assert {tuple(x) for x in s[["a", "b"]].head(3).itertuples(index=False)} == flipped
    top = s.head(3)
    assert (top["direction"] == "toward conflict").all()
    assert (top["balance_before"] > 0.5).all() and (top["balance_after"] < -0.5).all()
    assert (top["p_value"] < 1e-6).all() and s["significant"].all()
    # the 12 stable dyads: at most a chance finding or two at alpha = 0.05, all far weaker
    assert len(s) <= 5
    assert s["z"].abs().iloc[3:].max() < top["z"].abs().min() / 2 if len(s) > 3 else True


def test_evidence_events_moved_the_dyad(planted):
    db, _ = planted
    s = shifts(db, split="2023-07-01", evidence=4)
    ev = load_events(db).set_index("event_id")
    for r in s.head(3).itertuples(index=False):
        assert len(r.event_ids) == 4 and len(r.sentences) == 4
        moved = ev.loc[r.event_ids]
        assert (moved["quad_class"] >= 3).all()                         # conflict events...
        assert (moved["date"] >= pd.Timestamp("2023-07-01")).all()      # ...after the split
        assert {frozenset((x[:3], y[:3])) for x, y in zip(moved["source_code"], moved["target_code"])} == \
            {frozenset((r.a, r.b))}
        assert all(isinstance(t, str) and t for t in r.sentences)


def test_baseline_ranks_planted_first_at_the_flip(planted):
    db, flipped = planted
    s = shifts(db, baseline=True, by="month", min_events=5)
    assert {tuple(x) for x in s[["a", "b"]].head(3).itertuples(index=False)} == flipped
    assert set(s.head(3)["period"]) == {"2023-07"}
    assert not s.duplicated(["a", "b"]).any()       # one row per dyad: its largest departure


def test_min_events_and_all(planted):
    db, _ = planted
    everything = shifts(db, split="2023-07-01", only_significant=False)
    assert len(everything) == 15 and not everything["significant"].all()
    assert shifts(db, split="2023-07-01", min_events=100).empty
    assert list(everything["z"].abs()) == sorted(everything["z"].abs(), reverse=True)
