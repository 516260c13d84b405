"""Analysis commands on an event store: `geopol timeline`, `network`, `shifts`,
`commitments`, `report`. Thin: they parse options, call geopol.analysis and
print Rich tables (or CSV/JSON with --format)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer

from geopol.cli._common import fail, parse_date_option

FORMATS = ("table", "csv", "json")
DB_HELP = "the DuckDB event store (written by geopol ingest)"


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise fail(f"--format must be one of {', '.join(FORMATS)}, got {fmt!r}")


def _guard(fn, *args: Any, **kwargs: Any):
    """Call an analysis function, turning store and argument errors into one-line messages."""
    from geopol.analysis.frame import GeopolDBError
    try:
        return fn(*args, **kwargs)
    except GeopolDBError as exc:
        raise fail(str(exc))
    except ValueError as exc:
        raise fail(str(exc))


def _cell(v: Any) -> str:
    import math
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return "" if math.isnan(v) else f"{v:.3g}" if abs(v) < 1e-3 and v != 0 else f"{v:.3f}".rstrip("0").rstrip(".")
    if isinstance(v, (list, tuple)):
        return ", ".join(map(str, v))
    if v is None:
        return ""
    try:
        import pandas as pd
        if v is pd.NaT or (not isinstance(v, str) and pd.isna(v)):
            return ""
    except (TypeError, ValueError):
        pass
    if hasattr(v, "date") and hasattr(v, "hour"):   # timestamps
        return v.date().isoformat()
    return str(v)


def emit(df, fmt: str, title: str | None = None, columns: list[str] | None = None, max_rows: int | None = None) -> None:
    """Print a DataFrame as a Rich table, CSV or JSON (records)."""
    import pandas as pd
    if columns:
        df = df[[c for c in columns if c in df.columns]]
    if fmt == "csv":
        out = df.copy()
        for c in out.columns:
            if out[c].map(lambda v: isinstance(v, (list, tuple))).any():
                out[c] = out[c].map(lambda v: " | ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
        out.to_csv(sys.stdout, index=False)
        return
    if fmt == "json":
        out = df.copy()
        for c in out.columns:
            if pd.api.types.is_datetime64_any_dtype(out[c]):
                out[c] = out[c].dt.strftime("%Y-%m-%d")
        print(out.to_json(orient="records", force_ascii=False, date_format="iso", default_handler=str))
        return
    from rich.console import Console
    from rich.table import Table
    table = Table(title=title, show_lines=False)
    for c in df.columns:
        table.add_column(str(c), justify="right" if pd.api.types.is_numeric_dtype(df[c]) and df[c].dtype != bool else "left",
                         overflow="fold")
    shown = df if max_rows is None else df.head(max_rows)
    for row in shown.itertuples(index=False):
        table.add_row(*(_cell(v) for v in row))
    console = Console()
    console.print(table)
    if max_rows is not None and len(df) > max_rows:
        console.print(f"[dim]{len(df) - max_rows} more rows (use --format csv for all)[/dim]")


def register(app: typer.Typer) -> None:
    @app.command("timeline")
    def timeline_cmd(
        a: str = typer.Argument(..., help="actor (country code such as RUS, or a full code with --level code)"),
        b: Optional[str] = typer.Argument(None, help="second actor: the dyad's timeline"),
        db: Path = typer.Option(..., "--db", help=DB_HELP),
        by: str = typer.Option("month", "--by", help="day|week|month|year|all"),
        directed: bool = typer.Option(False, "--directed", help="only A->B events (dyad)"),
        level: str = typer.Option("country", "--level", help="country|code"),
        since: Optional[str] = typer.Option(None, "--since", help="YYYY-MM-DD"),
        until: Optional[str] = typer.Option(None, "--until", help="YYYY-MM-DD"),
        all_modalities: bool = typer.Option(False, "--all-modalities", help="count negated/hypothetical/future/reported events too"),
        weight: Optional[str] = typer.Option(None, "--weight", help="mentions: weight events by num_mentions"),
        fmt: str = typer.Option("table", "--format", "-f", help="table|csv|json"),
    ) -> None:
        """Events of one actor, or of a dyad, period by period: counts, cooperation/conflict, Goldstein, balance."""
        from geopol.analysis.timeline import timeline
        _check_format(fmt)
        df = _guard(timeline, db, a, b, by=by, directed=directed, level=level,
                    since=parse_date_option(since, "--since"), until=parse_date_option(until, "--until"),
                    all_modalities=all_modalities, weight=weight)
        cols = ["period", "n_events", "coop", "conflict", "balance", "goldstein_sum", "goldstein_mean"]
        if b is None:
            cols += ["as_source", "as_target", "n_partners"]
        emit(df, fmt, title=f"{a}" + (f" – {b}" if b else "") + f" by {by}",
             columns=None if fmt != "table" else cols)

    @app.command("network")
    def network_cmd(
        db: Path = typer.Option(..., "--db", help=DB_HELP),
        since: Optional[str] = typer.Option(None, "--since", help="YYYY-MM-DD"),
        until: Optional[str] = typer.Option(None, "--until", help="YYYY-MM-DD"),
        level: str = typer.Option("country", "--level", help="country|code"),
        method: str = typer.Option("greedy", "--method", help="bloc detection: greedy|louvain"),
        min_events: int = typer.Option(1, "--min-events", help="drop ties with fewer events"),
        all_modalities: bool = typer.Option(False, "--all-modalities"),
        graphml: Optional[Path] = typer.Option(None, "--graphml", help="write the graph as GraphML"),
        gexf: Optional[Path] = typer.Option(None, "--gexf", help="write the graph as GEXF (Gephi)"),
        fmt: str = typer.Option("table", "--format", "-f", help="table|csv|json"),
    ) -> None:
        """The signed actor network: centrality and blocs (communities of cooperative ties), structural balance."""
        from geopol.analysis import network as nw
        _check_format(fmt)
        G = _guard(nw.network, db, since=parse_date_option(since, "--since"), until=parse_date_option(until, "--until"),
                   level=level, all_modalities=all_modalities, min_events=min_events)
        bl = _guard(nw.blocs, G, method=method)
        cen = nw.centrality(G)
        table = cen.merge(bl[["actor", "bloc"]], on="actor", how="left") if len(bl) else cen.assign(bloc=None)
        table = table[["actor", "bloc", "partners", "n_events", "coop", "conflict", "degree", "eigenvector", "pagerank"]]
        bal = nw.balance(G)
        try:
            if graphml:
                nw.write_graphml(G, graphml)
            if gexf:
                nw.write_gexf(G, gexf)
        except OSError as exc:
            raise fail(f"cannot write the graph: {exc}")
        if fmt == "json":
            blocs_list = [{"bloc": int(i), "members": g["actor"].tolist()} for i, g in bl.groupby("bloc")] if len(bl) else []
            print(json.dumps({"nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
                              "centrality": json.loads(table.to_json(orient="records")),
                              "blocs": blocs_list,
                              "balance": {k: v for k, v in bal.items() if k != "unbalanced_triads"},
                              "unbalanced_triads": json.loads(bal["unbalanced_triads"].to_json(orient="records"))},
                             default=str))
            return
        emit(table, fmt, title=f"{G.number_of_nodes()} actors, {G.number_of_edges()} ties")
        if fmt == "table":
            from rich.console import Console
            console = Console()
            for i, grp in bl.groupby("bloc"):
                if len(grp) > 1:
                    console.print(f"bloc {i}: {', '.join(grp['actor'])}")
            if bal["triads"]:
                console.print(f"structural balance: {bal['balanced']} of {bal['triads']} signed triads balanced")
                for t in bal["unbalanced_triads"].head(10).itertuples(index=False):
                    console.print(f"  unbalanced: {t.a} {t.b} {t.c} ({t.signs})")
            for p in (graphml, gexf):
                if p:
                    console.print(f"graph written to {p}")

    @app.command("shifts")
    def shifts_cmd(
        db: Path = typer.Option(..., "--db", help=DB_HELP),
        split: Optional[str] = typer.Option(None, "--split", help="compare events before/after YYYY-MM-DD"),
        baseline: bool = typer.Option(False, "--baseline", help="compare each period with the dyad's own past"),
        by: str = typer.Option("month", "--by", help="period for --baseline: day|week|month|year"),
        window: Optional[int] = typer.Option(None, "--window", help="--baseline: only the last N periods as baseline"),
        min_events: int = typer.Option(5, "--min-events", help="coop+conflict events needed on each side"),
        alpha: float = typer.Option(0.05, "--alpha", help="significance level (two-sided)"),
        show_all: bool = typer.Option(False, "--all", help="list every tested dyad, not only significant ones"),
        directed: bool = typer.Option(False, "--directed", help="ordered dyads"),
        level: str = typer.Option("country", "--level", help="country|code"),
        all_modalities: bool = typer.Option(False, "--all-modalities"),
        limit: int = typer.Option(20, "--limit", help="rows to show in the table"),
        fmt: str = typer.Option("table", "--format", "-f", help="table|csv|json"),
    ) -> None:
        """Dyads whose cooperation-conflict balance moved significantly, ranked, with the events that moved them."""
        from geopol.analysis.shifts import shifts
        _check_format(fmt)
        if split is None and not baseline:
            raise fail("shifts: give --split YYYY-MM-DD or --baseline")
        if split is not None and baseline:
            raise fail("shifts: give --split or --baseline, not both")
        df = _guard(shifts, db, split=parse_date_option(split, "--split"), baseline=baseline, by=by, window=window,
                    min_events=min_events, alpha=alpha, only_significant=not show_all, directed=directed, level=level,
                    all_modalities=all_modalities)
        if fmt != "table":
            emit(df, fmt)
            return
        short = df.assign(direction=df["direction"].str.replace("toward ", "→ ", regex=False)).rename(columns={
            "n_before": "n pre", "n_after": "n post", "balance_before": "bal pre", "balance_after": "bal post",
            "p_value": "p"})
        cols = ["a", "b"] + (["period"] if baseline else []) + ["n pre", "n post", "bal pre", "bal post", "z", "p",
                                                                "direction"]
        emit(short, fmt, title="balance shifts" + (f" at {split}" if split else f" against baseline (by {by})"),
             columns=cols, max_rows=limit)
        from rich.console import Console
        console = Console()
        for r in df.head(min(limit, 5)).itertuples(index=False):
            console.print(f"[bold]{r.a} – {r.b}[/bold] {r.direction}:")
            for eid, s in list(zip(r.event_ids, r.sentences))[:3]:
                console.print(f"  [dim]{eid}[/dim] {s}")

    @app.command("commitments")
    def commitments_cmd(
        db: Path = typer.Option(..., "--db", help=DB_HELP),
        kind: Optional[str] = typer.Option(None, "--kind", help="mutual_defence, security_guarantee, alliance, "
                                           "partnership_treaty, sanctions, military_cooperation"),
        actor: Optional[str] = typer.Option(None, "--actor", help="only commitments involving this actor"),
        level: str = typer.Option("country", "--level", help="country|code"),
        rules: Optional[Path] = typer.Option(None, "--rules", help="a commitments.tsv replacing geopol's"),
        fmt: str = typer.Option("table", "--format", "-f", help="table|csv|json"),
    ) -> None:
        """Standing pledges found in the text: mutual defence, guarantees, alliances, treaties, sanctions."""
        from geopol.analysis.commitments import RuleError, commitments
        _check_format(fmt)
        try:
            df = _guard(commitments, db, kind=kind, actor=actor, level=level, rules_path=rules)
        except (RuleError, OSError) as exc:
            raise fail(str(exc))
        if fmt != "table":
            emit(df.drop(columns=["description"]), fmt)
            return
        df = df.assign(pair=[f"{a} {'<->' if s else '->'} {b}" for a, b, s in zip(df["a"], df["b"], df["symmetric"])])
        emit(df, fmt, title="commitments", columns=["kind", "pair", "start_date", "n_evidence", "sentence"])

    @app.command("report")
    def report_cmd(
        db: Path = typer.Option(..., "--db", help=DB_HELP),
        out: Path = typer.Option(..., "--out", help="folder for index.html and its figures"),
        since: Optional[str] = typer.Option(None, "--since", help="YYYY-MM-DD"),
        until: Optional[str] = typer.Option(None, "--until", help="YYYY-MM-DD"),
        by: str = typer.Option("auto", "--by", help="timeline period: auto|day|week|month|year"),
        split: Optional[str] = typer.Option(None, "--split", help="date for the shifts section (default: mid-span)"),
        top: int = typer.Option(6, "--top", help="dyads to plot"),
        all_modalities: bool = typer.Option(False, "--all-modalities"),
    ) -> None:
        """Write an HTML report (index.html + PNG figures, self-contained) of the store."""
        from geopol.analysis.report import write_report
        try:
            index = _guard(write_report, db, out, since=parse_date_option(since, "--since"),
                           until=parse_date_option(until, "--until"), by=by, top=top,
                           all_modalities=all_modalities, split=parse_date_option(split, "--split"))
        except OSError as exc:
            raise fail(f"report: {exc}")
        print(f"geopol: report written to {index}", file=sys.stderr)
