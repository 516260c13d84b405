"""`geopol ingest` with the real pipeline: idempotent re-runs, same ids as `geopol code`, kill -9 and resume."""
from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import duckdb
import pytest

from geopol.ingest.readers import read_paths
from geopol.records import Document
from geopol.store import Store
from store_corpus import documents, geopol, ingest_until_committed, write_jsonl

def snapshot(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "events": sorted(con.execute("SELECT event_id, doc_id, num_mentions, num_sources FROM events").fetchall()),
            "documents": sorted(con.execute("SELECT doc_id, content_hash, duplicate_of, n_sentences, n_events "
                                            "FROM documents").fetchall()),
            "sentences": con.execute("SELECT count(*) FROM sentences").fetchall()[0][0],
        }
    finally:
        con.close()


def test_pipeline_results_rewrite_idempotently(pipeline, tmp_path):
    corpus = write_jsonl(tmp_path / "c.jsonl", documents(30, seed=3, duplicates=3))
    docs = [d for d in read_paths([str(corpus)], "auto") if isinstance(d, Document)]
    results = list(pipeline.code_documents(docs))
    with Store(tmp_path / "s.duckdb") as s:
        first = s.write_results(results)
        assert first.documents == 33 and first.duplicates == 3 and first.events > 30
        coded = {e.event_id for r in results[:30] for e in r.events}
        assert {r[0] for r in s.con.execute("SELECT event_id FROM events").fetchall()} == coded
        second = s.write_results(results)
        assert (second.documents, second.events, second.skipped) == (0, 0, 33)
        # the three copies raise the mentions of their originals' events
        assert s.con.execute("SELECT count(*) FROM events WHERE num_mentions = 2 AND num_sources = 2"
                             ).fetchall()[0][0] == sum(len(r.events) for r in results[:3])


def cli(*args: str) -> "object":
    """Run a store query command in-process (no pipeline needed)."""
    from typer.testing import CliRunner

    from geopol.cli import app
    return CliRunner().invoke(app, list(args))


def test_cli_ingest_is_idempotent_and_matches_code(pipeline, tmp_path):
    corpus = write_jsonl(tmp_path / "c.jsonl", documents(40, seed=5, duplicates=2))
    with open(corpus, "a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    db = tmp_path / "s.duckdb"
    first = geopol("ingest", str(corpus), "--db", str(db), "--batch", "16")
    assert first.returncode == 1, first.stderr            # the bad line is an error, the good documents stored
    assert f"{corpus}:43: malformed JSON" in first.stderr
    summary = first.stderr.strip().splitlines()[-1]
    assert "42 documents" in summary and "2 duplicates" in summary and "0 skipped" in summary, summary
    stored = snapshot(db)
    second = geopol("ingest", str(corpus), "--db", str(db), "--batch", "16")
    assert second.returncode == 1
    summary = second.stderr.strip().splitlines()[-1]
    assert "0 documents" in summary and "42 skipped (already stored)" in summary and "0 events stored" in summary
    assert snapshot(db) == stored
    # the stored events are what `geopol code` writes (the duplicates' copies folded into num_mentions)
    docs = [d for d in read_paths([str(corpus)], "auto") if isinstance(d, Document)]
    coded = [e.to_dict() for r in pipeline.code_documents(docs) for e in r.events]
    want = {e["event_id"] for e in coded if not e["doc_id"].startswith("dup")}
    out = cli("events", "--db", str(db))
    assert out.exit_code == 0, out.output
    got = [json.loads(line) for line in out.stdout.splitlines()]
    assert {e["event_id"] for e in got} == want
    by_id = {e["event_id"]: e for e in coded}
    for e in got:
        assert {k: v for k, v in e.items() if k not in ("num_mentions", "num_sources")} == by_id[e["event_id"]]
    # a filter through the CLI, in tsv
    rows = cli("events", "--db", str(db), "--actor", "RUS", "--format", "tsv").stdout.splitlines()
    assert rows[0].startswith("GlobalEventID") and len(rows) - 1 == sum(
        1 for e in got if e["source"]["code"].startswith("RUS") or (e["target"] or {}).get("code", "").startswith("RUS"))
    pq_out = tmp_path / "ev.parquet"
    assert cli("events", "--db", str(db), "--format", "parquet", "-o", str(pq_out), "--limit", "5").exit_code == 0
    import pyarrow.parquet as pq
    assert pq.read_table(pq_out).num_rows == 5


@pytest.mark.slow
def test_kill_9_mid_run_then_resume_equals_clean_run(tmp_path):
    corpus = write_jsonl(tmp_path / "c.jsonl", documents(300, seed=11, duplicates=12))
    clean_db, crash_db = tmp_path / "clean.duckdb", tmp_path / "crash.duckdb"
    clean = geopol("ingest", str(corpus), "--db", str(clean_db), "--batch", "20")
    assert clean.returncode == 0, clean.stderr
    want = snapshot(clean_db)
    assert len(want["documents"]) == 312 and len(want["events"]) > 300

    proc = ingest_until_committed(str(corpus), "--db", str(crash_db), "--batch", "20", batches=3, timeout=120)
    time.sleep(0.15)                      # into the next batch: coding or writing it
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    partial = snapshot(crash_db)
    assert 60 <= len(partial["documents"]) < 312

    resumed = geopol("ingest", str(corpus), "--db", str(crash_db), "--batch", "20")
    assert resumed.returncode == 0, resumed.stderr
    assert f"{len(partial['documents'])} skipped" in resumed.stderr
    assert snapshot(crash_db) == want
