"""`geopol ingest --workers 2`: the workers send their chunks' tables, the main process merges and
commits them. Same store as one worker, idempotent re-runs, kill -9 of the main process mid-run
leaves whole batches, the orphaned workers go, and a resumed run gives the clean store."""
from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import duckdb
import pytest

from store_corpus import documents, geopol, ingest_until_committed, write_jsonl

def snapshot(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "events": sorted(con.execute("SELECT event_id, doc_id, num_mentions, num_sources, record FROM events"
                                         ).fetchall()),
            "documents": sorted(con.execute("SELECT doc_id, content_hash, duplicate_of, n_sentences, n_events, "
                                            "simhash, source_key FROM documents").fetchall()),
            "sentences": sorted(con.execute("SELECT * FROM sentences").fetchall()),
            "mentions": sorted(con.execute("SELECT * FROM duplicate_mentions").fetchall()),
        }
    finally:
        con.close()


def children(pid: int) -> list[int]:
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat", encoding="ascii") as fh:
                    if int(fh.read().rsplit(")", 1)[1].split()[1]) == pid:
                        out.append(int(d))
            except (OSError, ValueError, IndexError):
                pass
    return out


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_two_workers_same_store_as_one_idempotent_and_kill_9_safe(tmp_path):
    corpus = write_jsonl(tmp_path / "c.jsonl", documents(160, seed=17, duplicates=6))
    one_db, two_db, crash_db = tmp_path / "one.duckdb", tmp_path / "two.duckdb", tmp_path / "crash.duckdb"
    one = geopol("ingest", str(corpus), "--db", str(one_db), "--batch", "20")
    assert one.returncode == 0, one.stderr
    want = snapshot(one_db)
    assert len(want["documents"]) == 166 and len(want["mentions"]) > 0

    two = geopol("ingest", str(corpus), "--db", str(two_db), "--batch", "20", "--workers", "2")
    assert two.returncode == 0, two.stderr
    assert "166 documents" in two.stderr and "6 duplicates" in two.stderr, two.stderr
    assert snapshot(two_db) == want
    again = geopol("ingest", str(corpus), "--db", str(two_db), "--batch", "20", "--workers", "2")
    assert again.returncode == 0 and "166 skipped (already stored)" in again.stderr, again.stderr
    assert snapshot(two_db) == want

    proc = ingest_until_committed(str(corpus), "--db", str(crash_db), "--batch", "20", "--workers", "2",
                                  batches=2, timeout=180)
    workers = children(proc.pid)
    time.sleep(0.1)                       # into the next batch
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    deadline = time.monotonic() + 60      # the workers see their pipe close and leave
    while any(alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(alive(p) for p in workers), "coding workers outlived the killed ingest"
    partial = snapshot(crash_db)
    assert 40 <= len(partial["documents"]) < 166 and len(partial["documents"]) % 20 == 0   # whole batches

    resumed = geopol("ingest", str(corpus), "--db", str(crash_db), "--batch", "20", "--workers", "2")
    assert resumed.returncode == 0, resumed.stderr
    assert f"{len(partial['documents'])} skipped" in resumed.stderr
    assert snapshot(crash_db) == want
