"""A generated JSONL corpus for ingest tests: a few sentence templates, many small documents."""
from __future__ import annotations

import json
import random
from pathlib import Path

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
