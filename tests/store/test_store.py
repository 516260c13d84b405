"""The store with hand-built events: idempotency, replacement, duplicates, queries, dyads, export, errors."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pyarrow.dataset as pads
import pytest

from geopol.store import EventFilter, Store, StoreError
from geopol.store import migrations
from geopol.store.tables import record_to_event, simhash
from store_factory import make_result

LONG = ("Russian President Vladimir Putin arrived in Pyongyang on Wednesday for talks with North Korean leader "
        "Kim Jong Un, the first visit in twenty-four years, and the two sides signed a comprehensive strategic "
        "partnership treaty that includes a mutual defence clause, officials in Moscow said after the meeting.")


def ids(store: Store, where: str = "") -> set[str]:
    return {r[0] for r in store.con.execute(f"SELECT event_id FROM events {where}").fetchall()}


def test_new_store_has_latest_schema(store):
    assert store.version == migrations.LATEST
    assert store.con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchall() == [
        (str(migrations.LATEST),)]


def test_version_1_store_is_migrated(tmp_path):
    path = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(path))
    con.execute(migrations.base_schema())
    con.execute("INSERT INTO documents (doc_id, content_hash) VALUES ('old', 'h')")
    con.close()
    with Store(path) as s:
        assert s.version == migrations.LATEST
        cols = {r[0] for r in s.con.execute("SELECT column_name FROM information_schema.columns "
                                             "WHERE table_name='documents'").fetchall()}
        assert "source_key" in cols
        assert s.con.execute("SELECT count(*) FROM duplicate_mentions").fetchall() == [(0,)]
        assert s.con.execute("SELECT doc_id FROM documents").fetchall() == [("old",)]


def test_rewrite_is_idempotent(store):
    batch = [make_result("a", "text a", [("RUSGOV", "PRKGOV", "057"), ("USA", "CHN", "112")]),
             make_result("b", "text b", [("FRA", "DEU", "036")])]
    first = store.write_results(batch)
    assert (first.documents, first.events, first.skipped) == (2, 3, 0)
    before = store.con.execute("SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY doc_id").fetchall()
    second = store.write_results(batch)
    assert (second.documents, second.events, second.skipped) == (0, 0, 2)
    assert store.counts()["events"] == 3
    assert store.con.execute("SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY doc_id").fetchall() == before
    assert store.known([("a", batch[0].document.content_hash), ("b", "other")]) == {"a"}


def test_changed_document_replaces_its_events(store):
    old = make_result("a", "first version", [("RUSGOV", "PRKGOV", "057"), ("USA", "CHN", "112")])
    store.write_results([old])
    new = make_result("a", "second version", [("JPN", "PRK", "111")])
    stats = store.write_results([new])
    assert (stats.replaced, stats.events) == (1, 1)
    assert ids(store) == {new.events[0].event_id}
    assert store.con.execute("SELECT content_hash FROM documents").fetchall() == [(new.document.content_hash,)]
    assert store.con.execute("SELECT count(*) FROM sentences WHERE doc_id='a'").fetchall() == [(1,)]


def test_same_doc_id_twice_in_a_batch_keeps_the_last(store):
    stats = store.write_results([make_result("a", "v1", [("RUS", "UKR", "190")]),
                                 make_result("a", "v2", [("UKR", "RUS", "190")])])
    assert stats.skipped == 1
    assert store.con.execute("SELECT source_code FROM events").fetchall() == [("UKR",)]


def test_duplicate_documents_count_mentions_and_sources(store):
    spec = [("RUSGOV", "PRKGOV", "057"), ("USA", "CHN", "112")]
    canon = make_result("a", LONG, spec, url="https://www.reuters.com/1")
    store.write_results([canon])
    # the same story on another site, and a near-identical copy with a footer, in one batch
    copy = make_result("b", LONG, spec[:1], url="https://apnews.com/2")
    near = make_result("c", "BREAKING: " + LONG, spec, url="https://reuters.com/3")
    assert simhash(near.document.text) is not None
    stats = store.write_results([copy, near])
    assert (stats.duplicates, stats.events) == (2, 0)
    assert dict(store.con.execute("SELECT doc_id, duplicate_of FROM documents").fetchall()) == {
        "a": None, "b": "a", "c": "a"}
    got = dict(((r[0], r[1]), (r[2], r[3])) for r in store.con.execute(
        "SELECT source_code, target_code, num_mentions, num_sources FROM events").fetchall())
    # RUS->PRK: a, b, c (reuters twice: 2 sources); USA->CHN: a and c (both reuters: 1 source)
    assert got == {("RUSGOV", "PRKGOV"): (3, 2), ("USA", "CHN"): (2, 1)}
    assert ids(store) == {e.event_id for e in canon.events}
    # writing the duplicates again changes nothing
    again = store.write_results([copy, near])
    assert again.skipped == 2
    assert dict(((r[0], r[1]), (r[2], r[3])) for r in store.con.execute(
        "SELECT source_code, target_code, num_mentions, num_sources FROM events").fetchall()) == got
    # a duplicate that changes into another story stops counting
    store.write_results([make_result("b", "an unrelated short story", [("FRA", "DEU", "036")])])
    assert store.con.execute("SELECT num_mentions, num_sources FROM events WHERE source_code='RUSGOV'"
                             ).fetchall() == [(2, 1)]
    assert store.con.execute("SELECT duplicate_of FROM documents WHERE doc_id='b'").fetchall() == [(None,)]


def test_unrelated_long_documents_are_not_duplicates(store):
    other = " ".join(reversed(LONG.split()))
    stats = store.write_results([make_result("a", LONG, [("RUS", "PRK", "057")]),
                                 make_result("b", other, [("RUS", "PRK", "057")])])
    assert stats.duplicates == 0 and stats.events == 2


@pytest.fixture
def filled(store):
    store.write_results([
        make_result("d1", "one", [
            ("RUSGOV", "UKRMIL", "190", {"when": "2024-01-10", "quad": 4, "goldstein": -10.0, "plover": "ASSAULT"}),
            ("UKRGOV", "RUSGOV", "112", {"when": "2024-01-20", "quad": 3, "goldstein": -2.0, "plover": "ACCUSE"}),
            ("RUSGOV", "UKRMIL", "190", {"when": "2024-01-25", "quad": 4, "goldstein": -10.0, "plover": "ASSAULT",
                                         "modality": "negated"}),
        ]),
        make_result("d2", "two", [
            ("USAGOV", "CHNGOV", "036", {"when": "2024-02-05", "quad": 1, "goldstein": 4.0, "plover": "CONSULT"}),
            ("FRA", "DEU", "057", {"when": "2024-02-06", "quad": 1, "goldstein": 8.0, "plover": "AGREE",
                                   "reciprocal": True}),
            ("RUSMIL", "UKR", "190", {"when": "2024-02-07", "quad": 4, "goldstein": -10.0, "plover": "ASSAULT",
                                      "modality": "future"}),
            ("CHN", None, "010", {"when": "2024-02-08", "quad": 0, "goldstein": 0.0, "plover": None}),
        ]),
    ])
    return store


def codes(store, **kw) -> list[tuple[str, str | None, str]]:
    return [(r["source"]["code"], (r["target"] or {}).get("code"), r["cameo"])
            for r in store.event_records(EventFilter(**kw))]


def test_event_filters(filled):
    assert len(codes(filled)) == 7
    assert codes(filled, actor="rus") == [("RUSGOV", "UKRMIL", "190"), ("UKRGOV", "RUSGOV", "112"),
                                          ("RUSGOV", "UKRMIL", "190"), ("RUSMIL", "UKR", "190")]
    assert codes(filled, actor="RUSMIL") == [("RUSMIL", "UKR", "190")]
    assert codes(filled, dyad=("UKR", "RUSGOV")) == [("RUSGOV", "UKRMIL", "190"), ("UKRGOV", "RUSGOV", "112"),
                                                     ("RUSGOV", "UKRMIL", "190")]
    assert codes(filled, dyad=("CHN", "USA")) == [("USAGOV", "CHNGOV", "036")]
    assert codes(filled, plover_type="assault") == [("RUSGOV", "UKRMIL", "190")] * 2 + [("RUSMIL", "UKR", "190")]
    assert codes(filled, cameo_root="1") == [("CHN", None, "010")]
    assert codes(filled, cameo_root="19", modality=("asserted",)) == [("RUSGOV", "UKRMIL", "190")]
    assert codes(filled, modality=("negated", "future")) == [("RUSGOV", "UKRMIL", "190"), ("RUSMIL", "UKR", "190")]
    assert codes(filled, since=date(2024, 1, 20), until=date(2024, 2, 5)) == [
        ("UKRGOV", "RUSGOV", "112"), ("RUSGOV", "UKRMIL", "190"), ("USAGOV", "CHNGOV", "036")]
    page = filled.event_records(limit=2, offset=1)
    assert [r["date"] for r in page] == ["2024-01-20", "2024-01-25"]
    assert page[0]["num_mentions"] == 1 and "explain" not in page[0]
    with pytest.raises(StoreError):
        filled.events(EventFilter(cameo_root="abc"))


def test_stored_record_rebuilds_the_event(filled):
    from store_factory import make_result as mk
    r = mk("x", "x", [("RUSGOV", "UKRMIL", "190", {"reciprocal": True})])
    filled.write_results([r])
    rec = filled.event_records(EventFilter(actor="RUSGOV", since=date(2024, 6, 19)), explain=True)[0]
    assert record_to_event(rec).to_dict(explain=True) == r.events[0].to_dict(explain=True)


def test_dyads_by_month(filled):
    rows = {(str(r["period"]), r["source"], r["target"]): r for r in filled.dyads(by="month").to_pylist()}
    # asserted only; the reciprocal FRA-DEU agreement counts in both directions; CHN (no target) is left out
    assert sorted(rows) == [("2024-01-01", "RUS", "UKR"), ("2024-01-01", "UKR", "RUS"),
                            ("2024-02-01", "DEU", "FRA"), ("2024-02-01", "FRA", "DEU"),
                            ("2024-02-01", "USA", "CHN")]
    r = rows[("2024-01-01", "RUS", "UKR")]
    assert (r["n_events"], r["n_q4"], r["goldstein_sum"], r["goldstein_mean"]) == (1, 1, -10.0, -10.0)
    assert rows[("2024-02-01", "DEU", "FRA")]["goldstein_sum"] == 8.0
    every = {(str(r["period"]), r["source"], r["target"]): r for r in
             filled.dyads(by="month", asserted_only=False).to_pylist()}
    r = every[("2024-01-01", "RUS", "UKR")]
    assert (r["n_events"], r["n_q4"], r["goldstein_sum"], r["goldstein_mean"]) == (2, 2, -20.0, -10.0)
    assert every[("2024-02-01", "RUS", "UKR")]["n_events"] == 1
    code_level = {(r["source"], r["target"]) for r in filled.dyads(by="day", level="code").to_pylist()}
    assert ("RUSGOV", "UKRMIL") in code_level and ("USAGOV", "CHNGOV") in code_level


def test_dyads_by_week(filled):
    weeks = [(str(r["period"]), r["source"], r["target"], r["n_events"])
             for r in filled.dyads(by="week", asserted_only=False).to_pylist() if r["source"] == "RUS"]
    # 2024-01-10 (Wed) -> week of Mon 2024-01-08; 2024-01-25 (Thu) -> 2024-01-22; 2024-02-07 -> 2024-02-05
    assert weeks == [("2024-01-08", "RUS", "UKR", 1), ("2024-01-22", "RUS", "UKR", 1),
                     ("2024-02-05", "RUS", "UKR", 1)]


def test_export_month_partitions(filled, tmp_path):
    counts = filled.export(tmp_path / "pq")
    assert counts["events"] == 7
    months = sorted(p.relative_to(tmp_path / "pq" / "events").as_posix()
                    for p in (tmp_path / "pq" / "events").glob("year=*/month=*"))
    assert months == ["year=2024/month=01", "year=2024/month=02"]
    table = pads.dataset(tmp_path / "pq" / "events", partitioning="hive").to_table()
    assert table.num_rows == 7
    jan = table.filter((pads.field("year") == 2024) & (pads.field("month") == 1))
    assert sorted(jan.column("cameo").to_pylist()) == ["112", "190", "190"]
    assert json.loads(jan.column("record")[0].as_py())["event_id"] in set(jan.column("event_id").to_pylist())
    docs = pads.dataset(tmp_path / "pq" / "documents", partitioning="hive").to_table()
    assert docs.num_rows == 2


def test_not_a_store(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"this is not a database\n" * 400)
    with pytest.raises(StoreError, match="not a geopol store"):
        Store(bad)
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE t (a INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a geopol store"):
        Store(other)
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def _corrupt_store(tmp_path) -> Path:
    path = tmp_path / "c.duckdb"
    with Store(path) as s:
        s.write_results([make_result(f"d{i}", f"text {i}", [("RUS", "UKR", "190")]) for i in range(50)])
        s.con.execute("CHECKPOINT")
    data = bytearray(path.read_bytes())
    for i in range(4096 * 3, len(data), 7):   # garble everything after the headers
        data[i] = (data[i] * 31 + 17) % 256
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("kind", ["garbage", "garbled"])
def test_cli_corrupted_store_one_line_error(tmp_path, kind):
    if kind == "garbage":
        db = tmp_path / "g.duckdb"
        db.write_bytes(b"\x00garbage" * 5000)
    else:
        db = _corrupt_store(tmp_path)
    for args in (["events", "--db", str(db)], ["dyads", "--db", str(db)],
                 ["ingest", "-", "--db", str(db)]):
        p = subprocess.run([sys.executable, "-c", "from geopol.cli import main; main()", *args],
                           input="", capture_output=True, text=True, timeout=120)
        assert p.returncode != 0, (args, p.stdout, p.stderr)
        assert "Traceback" not in p.stderr, p.stderr
        lines = [ln for ln in p.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1 and lines[0].startswith("geopol: "), (args, p.stderr)
        assert ("not a geopol store" if kind == "garbage" else "corrupt") in lines[0], lines[0]
