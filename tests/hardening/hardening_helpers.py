"""Helpers for the hardening suite: CLI runs in subprocesses, the event-record invariants,
and a small corpus of good documents coded once into a clean store (the reference for fault tests)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from geopol.records import MODALITIES

ROOT = Path(__file__).resolve().parents[2]
GOOD_SENTENCES = [
    "Russia attacked Ukraine on Monday.",
    "The United States condemned Russia over the strike.",
    "France and Germany signed an agreement on energy.",
    "Japan pledged humanitarian aid to Ukraine.",
    "China accused the United States of interfering in Taiwan.",
    "Iran denied sending weapons to Russia.",
    "Turkey hosted talks between Armenia and Azerbaijan.",
    "Israeli forces attacked targets in Lebanon.",
]


def cli(*args: str, input: bytes | None = None, timeout: float = 600, env: dict | None = None,
        **kw) -> subprocess.CompletedProcess:
    """Run ``geopol ARGS`` in a fresh interpreter (bytes in, bytes out)."""
    e = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "geopol.cli", *args], input=input, capture_output=True,
                          timeout=timeout, env=e, **kw)


def popen(*args: str, env: dict | None = None, **kw) -> subprocess.Popen:
    e = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    return subprocess.Popen([sys.executable, "-m", "geopol.cli", *args], env=e, **kw)


def assert_one_line_errors(stderr: str) -> list[str]:
    """stderr holds only one-line ``geopol: ...`` messages: no traceback, no blank continuation lines."""
    assert "Traceback" not in stderr, stderr[-3000:]
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    for ln in lines:
        assert ln.startswith("geopol: "), f"not a one-line geopol message: {ln!r}\n{stderr[-2000:]}"
    return lines


def check_event(e) -> None:
    """The record invariants, on an Event or on its dict (to_dict / jsonl)."""
    d = e if isinstance(e, dict) else e.to_dict()
    assert isinstance(d["cameo"], str) and d["cameo"].isdigit() and 2 <= len(d["cameo"]) <= 4, d["cameo"]
    assert d["cameo_root"] == d["cameo"][:2]
    assert d["modality"] in MODALITIES
    assert d["trigger"] and d["trigger"] in d["sentence"], (d["trigger"], d["sentence"])
    assert d["quad_class"] in (1, 2, 3, 4) or (d["quad_class"] == 0 and d["cameo_root"] == "01"), d
    assert d["source"] is not None and d["source"]["code"]
    assert isinstance(d["event_id"], str) and d["event_id"]
    if d["date"] is not None:
        from datetime import date
        date.fromisoformat(d["date"])
    if not isinstance(e, dict):
        s = e.sentence
        assert s[e.trigger_start:e.trigger_end] == e.trigger or e.trigger in s


def corpus_lines(n: int, start: int = 0) -> list[str]:
    """n JSONL documents of two sentences each (distinct texts, so none is a duplicate of another)."""
    out = []
    for i in range(start, start + n):
        a = GOOD_SENTENCES[i % len(GOOD_SENTENCES)]
        b = GOOD_SENTENCES[(i * 3 + 1) % len(GOOD_SENTENCES)]
        text = f"{a} {b} Officials in city number {i} said talks would continue for {i % 17 + 2} days."
        out.append(json.dumps({"id": f"doc-{i:05d}", "text": text, "date": f"2024-{i % 12 + 1:02d}-{i % 27 + 1:02d}",
                               "source": f"wire{i % 5}"}))
    return out


def store_events(db: Path) -> list[tuple]:
    """(event_id, doc_id, cameo) of every stored event, sorted; duplicates kept, so a test sees them."""
    import duckdb
    con = duckdb.connect(str(db), read_only=True)
    try:
        return sorted(con.execute("SELECT event_id, doc_id, cameo FROM events").fetchall())
    finally:
        con.close()




def make_kill_once(base, marker: str):
    """An instance of a ``base`` (distributed.WorkerPlugin) subclass that kills its worker process on
    the first geopol shard task it sees, once across all workers (``marker`` file)."""
    class KillOnce(base):
        name = "geopol-kill-once"

        def __init__(self, marker: str) -> None:
            self.marker = marker

        def transition(self, key, start, finish, **kw) -> None:
            if finish == "executing" and str(key).startswith("geopol-shard"):
                try:
                    fd = os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
                except FileExistsError:
                    return
                os.close(fd)
                os._exit(1)
    return KillOnce(marker)


PEAK_WRAPPER = r"""
import resource, subprocess, sys
stdin = open(sys.argv[1], "rb") if sys.argv[1] != "" else subprocess.DEVNULL
r = subprocess.run(sys.argv[2:], stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
sys.stderr.buffer.write(r.stderr[-2000:])
print(r.returncode, peak)
"""


def peak_rss_mb(args: list[str], stdin_path: str | None = None, timeout: float = 900) -> tuple[int, float, str]:
    """Run ``geopol ARGS`` under a fresh wrapper process and return (exit status, peak RSS in MB, stderr):
    the wrapper's RUSAGE_CHILDREN covers that one child only, unlike the test process's."""
    r = subprocess.run([sys.executable, "-c", PEAK_WRAPPER, stdin_path or "", sys.executable, "-m", "geopol.cli",
                        *args], capture_output=True, timeout=timeout)
    rc, peak_kb = r.stdout.decode().split()
    return int(rc), int(peak_kb) / 1024, r.stderr.decode()


def padded_jsonl(path: Path, mb: float, pad_kb: int = 100) -> int:
    """A JSONL feed of ``mb`` MB: documents with one short sentence to code and a ``pad_kb`` kB field
    the reader ignores (as feeds carry raw HTML). Returns the number of documents."""
    pad = "p" * (pad_kb * 1000)
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        while fh.tell() < mb * 1_000_000:
            fh.write(json.dumps({"id": f"m{n}", "text": GOOD_SENTENCES[n % len(GOOD_SENTENCES)],
                                 "date": "2024-06-19", "raw_html": pad}) + "\n")
            n += 1
    return n
