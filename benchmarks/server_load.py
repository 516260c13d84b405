"""Latency of `geopol serve` under loopback load: p50 / p99 per endpoint and overall.

    python benchmarks/server_load.py [--db STORE] [--docs 300] [--clients 8] [--seconds 20] [--json out.json]

Without --db, a store is built first with `geopol ingest` from generated two-sentence documents
(--docs of them). The server runs in a subprocess (uvicorn, as `geopol serve` starts it); --clients
threads, each with a keep-alive connection, request a fixed mix of read endpoints for --seconds.
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx

ENDPOINTS = ["/api/events?limit=100", "/api/events?actor=RUS&limit=50", "/api/events?q=attack&limit=50",
             "/api/events?since=2024-03-01&until=2024-06-30&modality=asserted", "/api/info", "/api/dyads",
             "/api/timeline?actor=USA", "/api/network"]
SENTENCES = ["Russia attacked Ukraine on Monday.", "The United States condemned Russia over the strike.",
             "France and Germany signed an agreement on energy.", "Japan pledged humanitarian aid to Ukraine.",
             "China accused the United States of interfering in Taiwan.", "Iran denied sending weapons to Russia."]


def geopol(*args: str, **kw):
    return subprocess.run([sys.executable, "-m", "geopol.cli", *args], check=True, **kw)


def build_store(db: Path, docs: int) -> None:
    feed = db.with_suffix(".jsonl")
    with open(feed, "w", encoding="utf-8") as fh:
        for i in range(docs):
            text = f"{SENTENCES[i % 6]} {SENTENCES[(i * 5 + 1) % 6]} Talks in round {i} would go on."
            fh.write(json.dumps({"id": f"b{i}", "text": text, "date": f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}"}) + "\n")
    geopol("ingest", str(feed), "--db", str(db), "-q")


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--json", type=Path)
    a = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = a.db
    if db is None:
        db = Path(tmp.name) / "load.duckdb"
        t = time.perf_counter()
        build_store(db, a.docs)
        print(f"built a store of {a.docs} documents in {time.perf_counter() - t:.0f} s", flush=True)
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "geopol.cli", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                if httpx.get(base + "/api/info", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        counts = httpx.get(base + "/api/info").json()["counts"]
        lat: dict[str, list[float]] = defaultdict(list)
        status: dict[int, int] = defaultdict(int)
        lock = threading.Lock()
        stop = time.perf_counter() + a.seconds

        def client(k: int) -> None:
            with httpx.Client(base_url=base, timeout=60) as c:
                i = k
                while time.perf_counter() < stop:
                    path = ENDPOINTS[i % len(ENDPOINTS)]
                    t = time.perf_counter()
                    r = c.get(path)
                    dt = time.perf_counter() - t
                    with lock:
                        lat[path].append(dt)
                        status[r.status_code] += 1
                    i += 1

        threads = [threading.Thread(target=client, args=(k,)) for k in range(a.clients)]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
    finally:
        server.terminate()
        server.wait(30)
    every = [x for xs in lat.values() for x in xs]
    rows = []
    print(f"store: {counts['events']} events, {counts['documents']} documents; {a.clients} clients, {wall:.0f} s; "
          f"status {dict(status)}; {len(every) / wall:.0f} requests/s; {os.cpu_count()} CPUs")
    print(f"{'endpoint':<62} {'n':>6} {'p50 ms':>8} {'p99 ms':>8}")
    for path in ENDPOINTS + ["all"]:
        xs = every if path == "all" else lat[path]
        if not xs:
            continue
        row = {"endpoint": path, "n": len(xs), "p50_ms": round(statistics.median(xs) * 1000, 1),
               "p99_ms": round(pct(xs, 99) * 1000, 1)}
        rows.append(row)
        print(f"{path:<62} {row['n']:>6} {row['p50_ms']:>8} {row['p99_ms']:>8}")
    if a.json:
        a.json.write_text(json.dumps({"clients": a.clients, "seconds": round(wall, 1), "status": dict(status),
                                      "requests_per_s": round(len(every) / wall, 1), "events": counts["events"],
                                      "rows": rows}, indent=2) + "\n")
    tmp.cleanup()


if __name__ == "__main__":
    main()
