"""Dyad aggregation and timelines, values checked by hand against conftest.small_db."""
from __future__ import annotations

import math
from datetime import date

import duckdb
import pandas as pd
import pytest

from geopol.analysis.dyads import dyads
from geopol.analysis.frame import GeopolDBError, load_events, period_key
from geopol.analysis.synthetic import event_row, write_store
from geopol.analysis.timeline import timeline


def row(df, a, b, period="all"):
    sel = df[(df["a"] == a) & (df["b"] == b) & (df["period"] == period)]
    assert len(sel) == 1, f"{a}-{b} {period}: {len(sel)} rows\n{df}"
    return sel.iloc[0]


def test_directed_country_dyads(small_db):
    d = dyads(small_db)
    assert set(zip(d["a"], d["b"])) == {("RUS", "PRK"), ("PRK", "RUS"), ("USA", "RUS"), ("CHN", "KOR"), ("KOR", "CHN")}
    r = row(d, "RUS", "PRK")
    assert (r.n_events, r.coop, r.conflict, r.q1, r.q4) == (2, 1, 1, 1, 1)
    assert r.balance == 0.0
    assert r.goldstein_sum == pytest.approx(8.0 - 10.0)
    assert r.goldstein_mean == pytest.approx(-1.0)
    assert (r.AGREE, r.ASSAULT) == (1, 1)
    r = row(d, "PRK", "RUS")
    assert (r.n_events, r.coop, r.conflict, r.balance, r.CONSULT) == (1, 1, 0, 1.0, 1)
    r = row(d, "USA", "RUS")           # the hypothetical threat is not counted
    assert (r.n_events, r.conflict, r.balance, r.ACCUSE) == (1, 1, -1.0, 1)
    assert "THREATEN" not in d.columns
    # the reciprocal record counts in both directions
    assert row(d, "CHN", "KOR").n_events == 1 and row(d, "KOR", "CHN").n_events == 1


def test_all_modalities(small_db):
    d = dyads(small_db, all_modalities=True)
    r = row(d, "USA", "RUS")
    assert (r.n_events, r.conflict, r.THREATEN) == (2, 2, 1)
    assert r.goldstein_sum == pytest.approx(-2.0 - 4.4)


def test_undirected_and_by_month(small_db):
    d = dyads(small_db, directed=False)
    r = row(d, "PRK", "RUS")
    assert (r.n_events, r.coop, r.conflict) == (3, 2, 1)
    assert r.balance == pytest.approx(1 / 3)
    assert r.goldstein_sum == pytest.approx(8.0 + 1.9 - 10.0)
    assert r.goldstein_mean == pytest.approx(-0.1 / 3)
    assert not r.directed
    m = dyads(small_db, directed=False, by="month")
    june, july = row(m, "PRK", "RUS", "2024-06"), row(m, "PRK", "RUS", "2024-07")
    assert (june.n_events, june.balance, july.n_events, july.balance) == (2, 1.0, 1, -1.0)
    assert june.period_start == pd.Timestamp("2024-06-01")


def test_weight_by_mentions(small_db):
    d = dyads(small_db, weight="mentions")
    r = row(d, "RUS", "PRK")          # the treaty was reported 3 times
    assert r.n_events == 4 and r.coop == 3 and r.conflict == 1
    assert r.balance == pytest.approx(0.5)
    assert r.goldstein_sum == pytest.approx(3 * 8.0 - 10.0)
    assert r.goldstein_mean == pytest.approx(14.0 / 4)


def test_full_codes_and_actor_filter(small_db):
    d = dyads(small_db, level="code")
    assert ("RUSGOV", "PRKGOV") in set(zip(d["a"], d["b"]))
    assert ("RUSMIL", "PRKMIL") in set(zip(d["a"], d["b"]))
    assert ("RUSGOV", "RUSMIL") in set(zip(d["a"], d["b"]))    # no longer a self-dyad at code level
    u = dyads(small_db, actor="USA")
    assert set(zip(u["a"], u["b"])) == {("USA", "RUS")}
    s = dyads(small_db, include_self=True)
    assert ("RUS", "RUS") in set(zip(s["a"], s["b"]))


def test_date_range_and_doc_date_fallback(tmp_path):
    rows = [event_row("RUSGOV", "UKRGOV", "190", None, doc_id="undated"),
            event_row("RUSGOV", "UKRGOV", "042", date(2024, 1, 5), doc_id="dated")]
    db = write_store(tmp_path / "f.duckdb", rows,
                     documents=[{"doc_id": "undated", "doc_date": "2024-03-10"}, {"doc_id": "dated", "doc_date": "2024-01-05"}])
    ev = load_events(db)
    assert sorted(ev["date"].dt.strftime("%Y-%m-%d")) == ["2024-01-05", "2024-03-10"]
    d = dyads(db, since=date(2024, 2, 1))
    assert row(d, "RUS", "UKR").n_events == 1 and row(d, "RUS", "UKR").conflict == 1


def test_periods():
    s = pd.Series(pd.to_datetime(["2024-06-19", "2024-12-31"]))
    assert list(period_key(s, "week")[0]) == ["2024-W25", "2025-W01"]
    assert list(period_key(s, "year")[0]) == ["2024", "2024"]
    assert list(period_key(s, "day")[1]) == list(s)
    with pytest.raises(ValueError):
        period_key(s, "fortnight")


def test_timeline(small_db):
    t = timeline(small_db, "RUS", "PRK", by="month")
    assert list(t["period"]) == ["2024-06", "2024-07"]
    assert list(t["balance"]) == [1.0, -1.0]
    one = timeline(small_db, "RUS", by="month")
    june = one[one["period"] == "2024-06"].iloc[0]
    assert (june.n_events, june.as_source, june.as_target, june.n_partners) == (3, 1, 2, 2)
    directed = timeline(small_db, "RUS", "PRK", by="month", directed=True)
    assert list(directed["n_events"]) == [1, 1]


def test_timeline_fills_gaps(tmp_path):
    rows = [event_row("USAGOV", "UKRGOV", "071", date(2024, 1, 3)),
            event_row("USAGOV", "UKRGOV", "071", date(2024, 3, 3))]
    t = timeline(write_store(tmp_path / "g.duckdb", rows), "USA", "UKR")
    assert list(t["period"]) == ["2024-01", "2024-02", "2024-03"]
    assert list(t["n_events"]) == [1, 0, 1]
    assert math.isnan(t["balance"].iloc[1])


def test_bad_store(tmp_path):
    with pytest.raises(GeopolDBError, match="no event store"):
        dyads(tmp_path / "missing.duckdb")
    junk = tmp_path / "junk.duckdb"
    junk.write_text("not a database")
    with pytest.raises(GeopolDBError):
        dyads(junk)
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE t (x INT)").close()
    with pytest.raises(GeopolDBError, match="no events table"):
        dyads(other)
