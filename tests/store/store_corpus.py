"""A generated JSONL corpus for ingest tests: a few sentence templates, many small documents; and the
`geopol` command line as the ingest tests run it."""
from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

GEOPOL = [sys.executable, "-c", "from geopol.cli import main; main()"]


def geopol(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*GEOPOL, *args], capture_output=True, text=True, timeout=300, **kw)


def ingest_until_committed(*args: str, batches: int, timeout: float) -> subprocess.Popen:
    """Start `geopol ingest ARGS --log-batches` and return it, still running, once ``batches`` batches are
    committed (asserted)."""
    proc = subprocess.Popen([*GEOPOL, "ingest", *args, "--log-batches"], stderr=subprocess.PIPE, text=True)
    committed = 0
    deadline = time.monotonic() + timeout
    while committed < batches and time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        committed += "committed" in line
    assert committed == batches, f"the run ended before {batches} batches were committed"
    return proc

COUNTRIES = ["Russia", "Ukraine", "China", "Japan", "France", "Germany", "Iran", "Israel", "India", "Pakistan",
             "Turkey", "Egypt", "Brazil", "Canada", "Poland"]
TEMPLATES = [
    "{a} accused {b} of shelling the border town on Monday.",
    "{a} condemned {b} over the missile launch.",
    "{a} imposed sanctions on {b}.",
    "Officials from {a} met officials from {b} in Geneva.",
    "{a} will not send troops to {b}.",
    "{a} praised {b} for its humanitarian aid.",
    "{a} threatened {b} with retaliation.",
    "{a} signed an agreement with {b} on energy.",
]


def documents(n: int, seed: int = 7, duplicates: int = 0) -> list[dict]:
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        sents = []
        for _ in range(3):
            a, b = rng.sample(COUNTRIES, 2)
            sents.append(rng.choice(TEMPLATES).format(a=a, b=b))
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        docs.append({"id": f"doc{i:05d}", "text": " ".join(sents), "date": f"2024-{month:02d}-{day:02d}",
                     "url": f"https://site{i % 5}.example/{i}"})
    for j in range(duplicates):   # the same story on another site
        src = docs[j]
        docs.append(dict(src, id=f"dup{j:05d}", url=f"https://mirror{j % 3}.example/{j}"))
    return docs


def write_jsonl(path: Path, docs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path
