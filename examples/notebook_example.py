"""geopol's notebook API on an event store.

    python examples/notebook_example.py [events.duckdb] [report-dir]

Without a store path it builds a small synthetic two-bloc world (12 months,
a Russia-North Korea treaty with a mutual-defence clause, a Russia-Turkey
falling-out) in a temporary folder, so the script runs anywhere. With
`geopol ingest ... --db events.duckdb` you get a store of your own news.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pandas as pd

import geopol.api as gp          # once exported: import geopol; geopol.open(...)

pd.set_option("display.width", 140)
pd.set_option("display.max_columns", 12)

if len(sys.argv) > 1:
    path = Path(sys.argv[1])
else:
    from geopol.analysis.synthetic import world_events, write_store
    path = write_store(Path(tempfile.mkdtemp()) / "world.duckdb", world_events())
    print(f"synthetic store: {path}")

db = gp.open(path)
print(db.summary())

# 1. who interacts most, and how: unordered dyads over the whole period
dy = db.dyads(directed=False).sort_values("n_events", ascending=False)
print(dy[["a", "b", "n_events", "coop", "conflict", "balance", "goldstein_mean"]].head(10))

# 2. one dyad month by month (events weighted by how often they were reported)
print(db.timeline("RUS", "PRK", by="month", weight="mentions")[["period", "n_events", "coop", "conflict", "balance"]])

# 3. the signed network: centrality, blocs, structural balance (a networkx graph underneath)
G = db.network()
print(db.centrality().head(5))
print(db.blocs().groupby("bloc")["actor"].apply(list))
bal = db.balance()
print(f"{bal['balanced']} of {bal['triads']} signed triads balanced")
print(bal["unbalanced_triads"].head())

# 4. what changed: dyads whose balance moved after mid-year, with the events that moved them
sh = db.shifts(split="2023-07-01", min_events=3)
for r in sh.head(3).itertuples():
    print(f"{r.a}-{r.b}: {r.balance_before:+.2f} -> {r.balance_after:+.2f} (z={r.z:.1f}); e.g. {r.sentences[:1]}")

# 5. who is committed to defend whom
print(db.commitments(kind="mutual_defence")[["a", "b", "start_date", "sentence"]])
print(db.commitments(actor="PRK")[["kind", "a", "b", "symmetric", "start_date"]])

# 6. your own SQL, read-only
print(db.sql("SELECT cameo_root, count(*) AS n FROM events GROUP BY 1 ORDER BY n DESC LIMIT 5"))

# 7. the HTML report (index.html + PNGs)
out = Path(sys.argv[2]) if len(sys.argv) > 2 else path.parent / "report"
print("report:", db.report(out))
