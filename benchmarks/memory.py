"""Peak memory of `geopol code` on 5 MB and 50 MB JSONL inputs.

    python benchmarks/memory.py [--sizes 5 50] [--pad-kb 100] [--json out.json]

Each input is a JSONL feed of documents with one short sentence to code and a `pad_kb` kB field the
reader ignores (feeds often carry raw HTML), so the figure isolates reading and batching from the cost
of parsing (50 MB of dense prose takes about an hour to code on two cores). Each size is run twice:
from the file (streamed line by line) and from stdin (`geopol code -`, which must read all input first).
Peak RSS is the child's ru_maxrss, read through a fresh wrapper process so runs do not mix.
"""
from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WRAPPER = r"""
import resource, subprocess, sys
stdin = open(sys.argv[1], "rb") if sys.argv[1] != "" else subprocess.DEVNULL
r = subprocess.run(sys.argv[2:], stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""
SENTENCES = ["Russia attacked Ukraine on Monday.", "The United States condemned Russia over the strike.",
             "France and Germany signed an agreement on energy.", "Japan pledged humanitarian aid to Ukraine."]


def make_feed(path: Path, mb: float, pad_kb: int) -> int:
    pad = "p" * (pad_kb * 1000)
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        while fh.tell() < mb * 1_000_000:
            fh.write(json.dumps({"id": f"m{n}", "text": SENTENCES[n % len(SENTENCES)], "date": "2024-06-19",
                                 "raw_html": pad}) + "\n")
            n += 1
    return n


def peak(args: list[str], stdin: Path | None) -> tuple[int, float, float]:
    t = time.perf_counter()
    r = subprocess.run([sys.executable, "-c", WRAPPER, str(stdin or ""), sys.executable, "-m", "geopol.cli", *args],
                       capture_output=True, check=True)
    rc, kb = r.stdout.decode().split()
    return int(rc), int(kb) / 1024, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[5, 50])
    ap.add_argument("--pad-kb", type=int, default=100)
    ap.add_argument("--json", type=Path)
    a = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        base_rc, base, _ = peak(["code", "-", "-q"], None)     # empty stdin: the pipeline alone
        for mb in a.sizes:
            feed = Path(tmp) / f"{mb:g}mb.jsonl"
            n = make_feed(feed, mb, a.pad_kb)
            for how, args, stdin in (("file (streamed)", ["code", str(feed), "-q"], None),
                                     ("stdin (read whole)", ["code", "-", "-q", "-i", "jsonl"], feed)):
                rc, mb_peak, secs = peak(args, stdin)
                rows.append({"input_mb": mb, "documents": n, "read": how, "exit": rc, "peak_rss_mb": round(mb_peak),
                             "over_pipeline_mb": round(mb_peak - base), "seconds": round(secs, 1)})
                print(f"{mb:>5g} MB  {n:>5} docs  {how:<20} peak RSS {mb_peak:6.0f} MB "
                      f"(+{mb_peak - base:4.0f} over the pipeline alone)  {secs:5.1f} s", flush=True)
    print(f"pipeline alone (empty input): {base:.0f} MB; {platform.python_version()} on {platform.machine()}")
    if a.json:
        a.json.write_text(json.dumps({"pipeline_only_mb": round(base), "runs": rows}, indent=2) + "\n")


if __name__ == "__main__":
    main()
