"""Faults during `geopol ingest`: kill -9, a full disk, a corrupted store, a Dask worker dying.
After each, the store says what went wrong in one line and a re-run ends with exactly the events of a
clean run (none lost, none duplicated)."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hardening_helpers import assert_one_line_errors, cli, popen, store_events

pytestmark = pytest.mark.slow


def test_kill_9_during_ingest_then_rerun_gives_the_clean_events(small_corpus, clean_store, tmp_path):
    _, clean = clean_store
    db = tmp_path / "killed.duckdb"
    p = popen("ingest", str(small_corpus), "--db", str(db), "--batch", "5", "--log-batches", "-q",
              stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    committed = 0
    deadline = time.monotonic() + 300
    try:
        while committed < 3 and time.monotonic() < deadline:
            line = p.stderr.readline().decode()
            if not line:
                break
            committed += "committed" in line
    finally:
        os.kill(p.pid, signal.SIGKILL)   # mid-run: between or during later batches
        p.wait()
        p.stderr.close()
    assert committed == 3, "ingest did not get to its third batch"
    partial = store_events(db)           # the store opens after a kill (WAL replayed), whole batches only
    assert len(set(partial)) == len(partial) and set(partial) < set(clean)
    r = cli("ingest", str(small_corpus), "--db", str(db), "--batch", "5", "-q")
    assert r.returncode == 0, r.stderr.decode()
    assert store_events(db) == clean


def _small_fs(path: Path, size_kb: int) -> bool:
    path.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(path)], capture_output=True)
    return r.returncode == 0


def _fsize_limit(limit: int):
    def apply():
        import resource
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)     # a write past the limit fails with EFBIG, no signal
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_full_disk_during_ingest_is_one_line_and_a_rerun_after_freeing_space_completes(small_corpus, clean_store,
                                                                                     tmp_path):
    """A 150 kB tmpfs (root), else RLIMIT_FSIZE (150 kB per file) for the ingest process."""
    _, clean = clean_store
    fs = tmp_path / "fs"
    mounted = _small_fs(fs, 150)
    try:
        db = fs / "full.duckdb"
        kw = {} if mounted else {"preexec_fn": _fsize_limit(150_000)}
        r = cli("ingest", str(small_corpus), "--db", str(db), "--batch", "5", "-q", **kw)
        assert r.returncode != 0
        (line,) = assert_one_line_errors(r.stderr.decode())
        assert ("No space left on device" if mounted else "File too large") in line, line
        assert "run again to resume" in line
        partial = store_events(db)
        assert len(set(partial)) == len(partial) and set(partial) < set(clean)
        if mounted:   # free space
            subprocess.run(["mount", "-o", "remount,size=20m", str(fs)], check=True)
        r = cli("ingest", str(small_corpus), "--db", str(db), "--batch", "5", "-q")
        assert r.returncode == 0, r.stderr.decode()
        assert store_events(db) == clean
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(fs)])


def _corrupt(src: Path, dst: Path, kind: str) -> Path:
    shutil.copy(src, dst)
    size = dst.stat().st_size
    rnd = __import__("random").Random(kind)
    with open(dst, "r+b") as f:
        if kind == "truncated-half":
            f.truncate(size // 2)
        elif kind == "truncated-100":
            f.truncate(100)
        elif kind == "random-header":
            f.write(rnd.randbytes(4096))
        elif kind == "random-second-block":
            f.seek(4096)
            f.write(rnd.randbytes(8192))
        elif kind == "random-every-block":
            for off in range(262_144, size, 262_144):
                f.seek(off + 100)
                f.write(rnd.randbytes(2000))
        elif kind == "text":
            f.truncate(0)
            f.write(b"not a database\n" * 100)
    return dst


KINDS = ["truncated-half", "truncated-100", "random-header", "random-second-block", "random-every-block", "text"]


@pytest.mark.parametrize("kind", KINDS)
def test_corrupted_store_is_one_line_non_zero_no_traceback(clean_store, small_corpus, tmp_path, kind):
    db = _corrupt(clean_store[0], tmp_path / f"{kind}.duckdb", kind)
    for args in (["events", "--db", str(db)], ["dyads", "--db", str(db)],
                 ["ingest", str(small_corpus), "--db", str(db), "-q"]):
        r = cli(*args, timeout=300)
        assert r.returncode != 0, (kind, args)
        (line,) = assert_one_line_errors(r.stderr.decode())
        assert str(db) in line or db.name in line
        assert any(w in line for w in ("corrupt", "not a", "unreadable", "cannot open")), line


def _kill_once_plugin(marker: str):
    """A Dask worker plugin: the first worker to start a geopol shard kills its own process (os._exit),
    once per test (a marker file); the nanny restarts it and the scheduler retries the task."""
    import cloudpickle
    from distributed import WorkerPlugin

    import hardening_helpers
    cloudpickle.register_pickle_by_value(hardening_helpers)   # the workers cannot import this test folder
    return hardening_helpers.make_kill_once(WorkerPlugin, marker)


def _dask_ingest(corpus: Path, db: Path, shard_dir: Path, plugin=None, workers: int = 1):
    """What `geopol ingest --engine dask` does, in-process so a plugin can be registered."""
    from geopol.cli.code import code_paths
    from geopol.cli.store import Ingest, IngestSummary, _NullWriter
    from geopol.engines.dask_engine import DaskEngine
    from geopol.pipeline import PipelineConfig
    from geopol.store import Store
    store = Store(db)
    engine = DaskEngine(PipelineConfig(), workers=workers, shard_dir=shard_dir)
    try:
        if plugin is not None:
            engine.client.register_plugin(plugin, name="geopol-kill-once")
        summary = IngestSummary()
        run = code_paths(Ingest(store, summary, 10, engine), [str(corpus)], _NullWriter(), "auto", None,
                         5_000_000, quiet=True)
        return run, summary
    finally:
        engine.close()
        store.close()


def test_dask_worker_dying_mid_run_is_retried_and_no_event_is_lost_or_doubled(small_corpus, clean_store, tmp_path):
    pytest.importorskip("distributed")
    _, clean = clean_store
    db = tmp_path / "dask.duckdb"
    marker = tmp_path / "killed-once"
    run, summary = _dask_ingest(small_corpus, db, tmp_path / "shards", plugin=_kill_once_plugin(str(marker)))
    assert marker.exists(), "the plugin never killed a worker"
    assert run.errors == 0 and summary.stored.events == len(clean)
    assert store_events(db) == clean
    # a re-run stores nothing new and changes nothing
    r = cli("ingest", str(small_corpus), "--db", str(db), "--engine", "dask", "--workers", "1", "-q")
    assert r.returncode == 0, r.stderr.decode()
    assert store_events(db) == clean
