"""The notebook API: open an event store and ask it questions; answers are
pandas DataFrames (and networkx graphs where a graph is the natural answer).

    import geopol.api as gp            # or: import geopol; geopol.open(...)
    db = gp.open("events.duckdb")
    db.dyads(by="month").head()
    db.timeline("RUS", "PRK")
    G = db.network(since="2024-01-01")
    db.blocs()
    db.shifts(split="2024-06-01")
    db.commitments(kind="mutual_defence")
    db.report("report/")

Each call opens a read-only connection and closes it before returning, so an
open GeopolDB never blocks ``geopol ingest`` writing to the same file.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from geopol.analysis import commitments as _commitments
from geopol.analysis import dyads as _dyads
from geopol.analysis import network as _network
from geopol.analysis import shifts as _shifts
from geopol.analysis import timeline as _timeline
from geopol.analysis.frame import GeopolDBError, connect, load_events

__all__ = ["open", "GeopolDB", "GeopolDBError"]


class GeopolDB:
    """A geopol DuckDB event store, read-only."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        con, _ = connect(self.path)   # fail now, with a clear message, if it is not a store
        con.close()

    def __repr__(self) -> str:
        return f"GeopolDB({str(self.path)!r})"

    # context-manager support, for symmetry with files (nothing is held open)
    def __enter__(self) -> "GeopolDB":
        return self

    def __exit__(self, *exc: Any) -> None:
        return None

    def close(self) -> None:
        return None

    def sql(self, query: str, params: list | tuple | None = None) -> pd.DataFrame:
        """Run your own (read-only) SQL on the store; parameters with ``?``."""
        con, _ = connect(self.path)
        try:
            return con.execute(query, list(params or [])).df()
        finally:
            con.close()

    def summary(self) -> dict[str, Any]:
        """Row counts and the date range of the store."""
        con, tables = connect(self.path)
        try:
            out: dict[str, Any] = {}
            for t in ("documents", "sentences", "events"):
                if t in tables:
                    out[t] = con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
            lo, hi = con.execute("SELECT min(date), max(date) FROM events").fetchall()[0]
            out["first_date"], out["last_date"] = lo, hi
            out["asserted_events"] = con.execute(
                "SELECT count(*) FROM events WHERE modality = 'asserted'").fetchall()[0][0]
            return out
        finally:
            con.close()

    def events(self, since=None, until=None, actor: str | None = None, all_modalities: bool = False,
               level: str = "country", cameo: str | list[str] | None = None, **filters: Any) -> pd.DataFrame:
        """Events (one row each, with the sentence). Filters: since, until, actor (either side),
        all_modalities (default: asserted only), modalities=(...), level, cameo prefixes,
        min_confidence, include_duplicates."""
        if isinstance(cameo, str):
            cameo = [cameo]
        return load_events(self.path, since=since, until=until, actor=actor, all_modalities=all_modalities,
                           level=level, cameo=tuple(cameo) if cameo else None, **filters)

    def dyads(self, by: str = "all", directed: bool = True, **kw: Any) -> pd.DataFrame:
        """See :func:`geopol.analysis.dyads.dyads`."""
        return _dyads.dyads(self.path, by=by, directed=directed, **kw)

    def timeline(self, a: str, b: str | None = None, by: str = "month", **kw: Any) -> pd.DataFrame:
        """See :func:`geopol.analysis.timeline.timeline`."""
        return _timeline.timeline(self.path, a, b, by=by, **kw)

    def network(self, since=None, until=None, **kw: Any) -> nx.Graph:
        """The signed weighted actor graph; see :func:`geopol.analysis.network.network`."""
        return _network.network(self.path, since=since, until=until, **kw)

    def centrality(self, since=None, until=None, **kw: Any) -> pd.DataFrame:
        return _network.centrality(self.network(since=since, until=until, **kw))

    def blocs(self, since=None, until=None, method: str = "greedy", **kw: Any) -> pd.DataFrame:
        """Blocs from community detection on cooperative ties (``method='greedy'|'louvain'``)."""
        return _network.blocs(self.network(since=since, until=until, **kw), method=method)

    def balance(self, since=None, until=None, **kw: Any) -> dict[str, Any]:
        """Structural balance of the signed triads; see :func:`geopol.analysis.network.balance`."""
        return _network.balance(self.network(since=since, until=until, **kw))

    def triads(self, since=None, until=None, **kw: Any) -> pd.DataFrame:
        return _network.triads(self.network(since=since, until=until, **kw))

    def shifts(self, split=None, baseline: bool = False, **kw: Any) -> pd.DataFrame:
        """See :func:`geopol.analysis.shifts.shifts`."""
        return _shifts.shifts(self.path, split=split, baseline=baseline, **kw)

    def commitments(self, kind: str | None = None, actor: str | None = None, **kw: Any) -> pd.DataFrame:
        """See :func:`geopol.analysis.commitments.commitments`."""
        return _commitments.commitments(self.path, kind=kind, actor=actor, **kw)

    def report(self, out_dir: str | Path, **kw: Any) -> Path:
        """Write an HTML report (index.html + PNG figures) into ``out_dir``; returns the index path."""
        from geopol.analysis.report import write_report
        return write_report(self.path, out_dir, **kw)


def open(db_path: str | Path) -> GeopolDB:  # noqa: A001 - geopol.open mirrors io.open on purpose
    """Open a geopol DuckDB event store for analysis (read-only)."""
    return GeopolDB(db_path)
