"""``geopol report``: a self-contained HTML report (index.html + PNG figures, no
scripts, no CDN) of an event store: top dyads and their timelines, the signed
network coloured by bloc, blocs, centrality, structural balance, top shifts
and commitments, each claim followed by its evidence sentences."""
from __future__ import annotations

import html
import math
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from geopol.analysis.commitments import commitments_from_frame
from geopol.analysis.dyads import dyads_from_frame
from geopol.analysis.frame import EventFilter, load_events
from geopol.analysis.network import balance, blocs, centrality, graph_from_dyads
from geopol.analysis.shifts import shifts_from_frame
from geopol.analysis.timeline import timeline_from_frame

COOP, CONFLICT, NEUTRAL = "#2e8b57", "#c0392b", "#888888"
BLOC_COLOURS = ["#1f77b4", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f",
                "#aec7e8", "#ffbb78", "#c5b0d5", "#c49c94"]

CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;max-width:1100px;margin:2em auto;
     padding:0 1em;color:#222;line-height:1.45}
h1{margin-bottom:.2em} h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:.6em 0;font-size:.9em} th,td{border:1px solid #ddd;padding:.25em .5em;
     text-align:left;vertical-align:top} th{background:#f4f4f4} td.num{text-align:right;font-variant-numeric:tabular-nums}
.coop{color:#2e8b57;font-weight:600} .conflict{color:#c0392b;font-weight:600}
.ev{font-size:.88em;color:#444;margin:.2em 0 .6em 1em} .ev li{margin:.15em 0} .code{font-family:monospace;color:#555}
img{max-width:100%;border:1px solid #eee} .muted{color:#777} details{margin:.3em 0}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:1em}
"""


def _e(x: Any) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    return html.escape(str(x))


def _fmt(x: Any) -> str:
    if isinstance(x, (float, np.floating)):
        return "" if math.isnan(x) else f"{x:.2f}"
    return _e(x)


def _table(df: pd.DataFrame, cols: list[str] | None = None, classes: dict[str, Any] | None = None) -> str:
    if df is None or not len(df):
        return '<p class="muted">none</p>'
    cols = cols or list(df.columns)
    out = ["<table><tr>" + "".join(f"<th>{_e(c)}</th>" for c in cols) + "</tr>"]
    for _, r in df.iterrows():
        cells = []
        for c in cols:
            v = r[c]
            num = isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool)
            cls = ' class="num"' if num else ""
            if c == "balance" and num and not (isinstance(v, float) and math.isnan(v)):
                cls = ' class="num coop"' if v > 0 else (' class="num conflict"' if v < 0 else cls)
            cells.append(f"<td{cls}>{_fmt(v)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def _evidence_list(rows: pd.DataFrame, limit: int = 5) -> str:
    if rows is None or not len(rows):
        return ""
    items = []
    for _, r in rows.head(limit).iterrows():
        code = f'{_e(r["source_code"])} {_e(r["cameo"])} {_e(r["target_code"])}'
        when = r["date"].date().isoformat() if not pd.isna(r["date"]) else "undated"
        items.append(f'<li><span class="code">[{when} · {code} · {_e(r["modality"])} · {_e(r["event_id"])}]</span> '
                     f'{_e(r["sentence"])}</li>')
    return '<ul class="ev">' + "".join(items) + "</ul>"


def _slug(*parts: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "_", "-".join(parts))[:80]


def _auto_by(events: pd.DataFrame) -> str:
    d = events["date"].dropna()
    if not len(d):
        return "all"
    span = (d.max() - d.min()).days
    return "day" if span <= 45 else ("week" if span <= 240 else "month")


def _timeline_png(tl: pd.DataFrame, a: str, b: str, path: Path) -> None:
    from matplotlib.figure import Figure
    fig = Figure(figsize=(5.2, 3.1), dpi=110)
    ax = fig.add_subplot(111)
    x = np.arange(len(tl))
    ax.bar(x, tl["coop"], color=COOP, label="cooperation (Q1-2)")
    ax.bar(x, -tl["conflict"], color=CONFLICT, label="conflict (Q3-4)")
    ax.axhline(0, color="#444", lw=0.6)
    ax.set_ylabel("events")
    step = max(1, len(tl) // 8)
    ax.set_xticks(x[::step])
    ax.set_xticklabels(tl["period"].iloc[::step], rotation=30, ha="right", fontsize=7)
    ax2 = ax.twinx()
    ax2.plot(x, tl["balance"], color="#222", marker="o", ms=3, lw=1.2, label="balance")
    ax2.set_ylim(-1.1, 1.1)
    ax2.set_ylabel("balance", fontsize=8)
    ax.set_title(f"{a} – {b}", fontsize=10)
    h1, l1 = ax.get_legend_handles_labels()
    h2, l2 = ax2.get_legend_handles_labels()
    fig.legend(h1 + h2, l1 + l2, fontsize=7, loc="lower center", ncol=3, frameon=False)
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    fig.savefig(path)


def bloc_layout(G, bl: pd.DataFrame) -> dict:
    """Blocs on a big circle, each bloc's members on a small circle around its centre (deterministic)."""
    bloc_of = dict(zip(bl["actor"], bl["bloc"])) if len(bl) else {}
    groups: dict[int, list[str]] = {}
    for n in sorted(G.nodes):
        groups.setdefault(int(bloc_of.get(n, -1)), []).append(n)
    order = sorted(groups, key=lambda i: (-len(groups[i]), i))
    pos = {}
    k = len(order)
    for j, i in enumerate(order):
        members = groups[i]
        angle = 2 * math.pi * j / k + math.pi / 2
        centre = (0.0, 0.0) if k == 1 else (math.cos(angle), math.sin(angle))
        r = 0.0 if len(members) == 1 else 0.12 + 0.07 * math.sqrt(len(members))
        for m_i, n in enumerate(members):
            a = 2 * math.pi * m_i / len(members) + angle
            pos[n] = (centre[0] + r * math.cos(a), centre[1] + r * math.sin(a))
    return pos


def _network_png(G, bl: pd.DataFrame, cen: pd.DataFrame, path: Path) -> None:
    import networkx as nx
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    fig = Figure(figsize=(8, 6.5), dpi=110)
    ax = fig.add_subplot(111)
    ax.set_axis_off()
    if G.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no dyadic events", ha="center")
        fig.savefig(path)
        return
    pos = bloc_layout(G, bl)
    bloc_of = dict(zip(bl["actor"], bl["bloc"])) if len(bl) else {}
    pr = dict(zip(cen["actor"], cen["pagerank"])) if len(cen) else {}
    maxn = max((d["n_events"] for _, _, d in G.edges(data=True)), default=1)
    for u, v, d in G.edges(data=True):
        colour = COOP if d["sign"] > 0 else (CONFLICT if d["sign"] < 0 else NEUTRAL)
        ax.plot([pos[u][0], pos[v][0]], [pos[u][1], pos[v][1]], color=colour,
                lw=0.8 + 4.0 * d["n_events"] / maxn, alpha=0.75, zorder=1,
                ls="-" if d["sign"] != 0 else ":")
    nodes = list(G.nodes)
    maxpr = max(pr.values(), default=1) or 1
    sizes = [250 + 1400 * pr.get(n, 0) / maxpr for n in nodes]
    colours = [BLOC_COLOURS[bloc_of.get(n, 0) % len(BLOC_COLOURS)] if bloc_of.get(n) is not None else "#ccc"
               for n in nodes]
    ax.scatter([pos[n][0] for n in nodes], [pos[n][1] for n in nodes], s=sizes, c=colours, edgecolors="white",
               linewidths=1.5, zorder=2)
    for n in nodes:
        ax.text(pos[n][0], pos[n][1], n, ha="center", va="center", fontsize=8, fontweight="bold", zorder=3)
    handles = [Line2D([0], [0], color=COOP, lw=3, label="cooperative tie"),
               Line2D([0], [0], color=CONFLICT, lw=3, label="conflictual tie")]
    for i in sorted(set(bloc_of.values()))[:8]:
        members = bl[bl["bloc"] == i]["actor"].tolist()
        if len(members) > 1:
            handles.append(Line2D([0], [0], marker="o", color="w", markerfacecolor=BLOC_COLOURS[i % len(BLOC_COLOURS)],
                                  ms=9, label=f"bloc {i}: " + ", ".join(members[:5]) + ("…" if len(members) > 5 else "")))
    ax.legend(handles=handles, loc="lower left", fontsize=7.5, frameon=False)
    ax.set_title("Actor network: node colour = bloc, size = PageRank, edge width = events", fontsize=10)
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    ax.set_xlim(min(xs) - 0.25, max(xs) + 0.25)
    ax.set_ylim(min(ys) - 0.35, max(ys) + 0.2)
    fig.tight_layout()
    fig.savefig(path)


def _shifts_png(sh: pd.DataFrame, path: Path) -> None:
    from matplotlib.figure import Figure
    top = sh.head(12).iloc[::-1]
    fig = Figure(figsize=(6.5, 0.45 * len(top) + 1.2), dpi=110)
    ax = fig.add_subplot(111)
    y = np.arange(len(top))
    ax.barh(y - 0.18, top["balance_before"], height=0.35, color="#999", label="before")
    ax.barh(y + 0.18, top["balance_after"], height=0.35,
            color=[COOP if v > 0 else CONFLICT for v in top["balance_after"]], label="after")
    ax.set_yticks(y)
    ax.set_yticklabels([f"{a}–{b} (z={z:.1f})" for a, b, z in zip(top["a"], top["b"], top["z"])], fontsize=8)
    ax.axvline(0, color="#444", lw=0.6)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("cooperation-conflict balance")
    ax.legend(fontsize=7, frameon=False, loc="lower right")
    ax.set_title("Largest shifts in balance", fontsize=10)
    fig.tight_layout()
    fig.savefig(path)


def write_report(db: Any, out_dir: str | Path, since=None, until=None, by: str = "auto", top: int = 6,
                 all_modalities: bool = False, split=None, min_shift_events: int = 3,
                 level: str = "country", title: str | None = None) -> Path:
    """Write ``index.html`` and its PNG figures into ``out_dir``; returns the path of index.html."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    flt = EventFilter(since=since, until=until, all_modalities=True, level=level)
    every = load_events(db, flt)
    events = every if all_modalities else every[every["modality"] == "asserted"]
    by = _auto_by(events) if by == "auto" else by
    figures: list[str] = []
    parts: list[str] = []
    dbname = Path(getattr(db, "path", db)).name
    title = title or f"geopol report: {dbname}"
    n_docs = every["doc_id"].nunique()
    d = events["date"].dropna()
    span = f"{d.min().date()} – {d.max().date()}" if len(d) else "undated"
    parts.append(f"<h1>{_e(title)}</h1><p class='muted'>{len(events)} {'' if all_modalities else 'asserted '}events "
                 f"({len(every)} of every modality) from {n_docs} documents, {span}. "
                 f"Generated {datetime.now().strftime('%Y-%m-%d %H:%M')} by geopol. Cooperation = QuadClass 1-2, "
                 f"conflict = QuadClass 3-4; balance = (coop − conflict)/(coop + conflict).</p>")

    # --- dyads --------------------------------------------------------------------------------------------------
    dy = dyads_from_frame(events, by="all", directed=False, level=level)
    dy = dy.sort_values(["n_events", "a", "b"], ascending=[False, True, True], kind="mergesort")
    wa = with_pairs(events, level)
    parts.append(f"<h2>Top dyads</h2>")
    parts.append(_table(dy.head(20), ["a", "b", "n_events", "coop", "conflict", "balance", "goldstein_sum",
                                      "goldstein_mean"]))
    parts.append("<h3>Evidence</h3>")
    for r in dy.head(top).itertuples(index=False):
        ev = wa[(wa["pa"] == r.a) & (wa["pb"] == r.b)]
        ev = ev.reindex(ev["goldstein"].abs().sort_values(ascending=False).index)
        parts.append(f"<details open><summary><b>{_e(r.a)} – {_e(r.b)}</b>: {r.n_events} events, "
                     f"{r.coop} cooperative, {r.conflict} conflictual, balance {_fmt(float(r.balance))}</summary>"
                     f"{_evidence_list(ev)}</details>")

    # --- timelines ----------------------------------------------------------------------------------------------
    parts.append(f"<h2>Dyad timelines <span class='muted'>(by {by})</span></h2><div class='grid'>")
    for r in dy.head(top).itertuples(index=False):
        tl = timeline_from_frame(events, r.a, r.b, by=by, level=level)
        if not len(tl):
            continue
        name = f"timeline_{_slug(r.a, r.b)}.png"
        _timeline_png(tl, r.a, r.b, out / name)
        figures.append(name)
        parts.append(f"<div><img src='{name}' alt='timeline {_e(r.a)}-{_e(r.b)}'></div>")
    parts.append("</div>")

    # --- network, blocs, centrality, balance -----------------------------------------------------------------
    G = graph_from_dyads(dyads_from_frame(events, by="all", directed=False, level=level))
    bl = blocs(G)
    cen = centrality(G)
    _network_png(G, bl, cen, out / "network.png")
    figures.append("network.png")
    parts.append("<h2>Network</h2><img src='network.png' alt='actor network'>")
    parts.append("<h2>Blocs</h2><p class='muted'>Communities of cooperative ties (greedy modularity).</p>")
    if len(bl):
        summary = bl.groupby("bloc").agg(size=("actor", "size"), members=("members", "first"),
                                         hostile_to=("hostile_to", lambda s: ",".join(sorted(set(",".join(s).split(",")) - {""})))).reset_index()
        parts.append(_table(summary, ["bloc", "size", "members", "hostile_to"]))
        for i, grp in bl.groupby("bloc"):
            members = set(grp["actor"])
            if len(members) < 2:
                continue
            ties = sorted(((d["coop"], u, v) for u, v, d in G.edges(data=True)
                           if u in members and v in members and d["sign"] > 0), reverse=True)[:3]
            ev_parts = []
            for _, u, v in ties:
                ev = wa[(wa["pa"] == min(u, v)) & (wa["pb"] == max(u, v)) & wa["quad_class"].isin([1, 2])]
                ev_parts.append(f"<div><b>{_e(u)} – {_e(v)}</b>{_evidence_list(ev, 2)}</div>")
            parts.append(f"<details><summary>bloc {i}: evidence of its strongest ties</summary>{''.join(ev_parts)}</details>")
    parts.append("<h2>Centrality</h2>")
    parts.append(_table(cen.head(20), ["actor", "partners", "n_events", "coop", "conflict", "degree",
                                       "eigenvector", "pagerank"]))
    bal = balance(G)
    parts.append(f"<h2>Structural balance</h2><p>{bal['triads']} signed triads: {bal['balanced']} balanced, "
                 f"{bal['unbalanced']} unbalanced"
                 + (f" (balance ratio {bal['balance_ratio']:.2f})" if bal['triads'] else "") + ".</p>")
    if bal["unbalanced"]:
        parts.append(_table(bal["unbalanced_triads"].head(20), ["a", "b", "c", "signs"]))

    # --- shifts -------------------------------------------------------------------------------------------------
    sh = shifts_from_frame(events, split=split, min_events=min_shift_events, level=level)
    parts.append("<h2>Top shifts</h2><p class='muted'>Two-proportion z-test of the cooperative share before vs "
                 f"after {'the split ' + str(split) if split else 'the middle of the time span'}; "
                 f"at least {min_shift_events} events on each side; p &lt; 0.05.</p>")
    if len(sh):
        _shifts_png(sh, out / "shifts.png")
        figures.append("shifts.png")
        parts.append("<img src='shifts.png' alt='shifts'>")
        parts.append(_table(sh.head(15), ["a", "b", "period", "n_before", "n_after", "balance_before",
                                          "balance_after", "z", "p_value", "direction"]))
        for r in sh.head(top).itertuples(index=False):
            ev = events[events["event_id"].isin(r.event_ids)]
            parts.append(f"<details><summary><b>{_e(r.a)} – {_e(r.b)}</b> moved {r.direction} "
                         f"({_fmt(r.balance_before)} → {_fmt(r.balance_after)})</summary>{_evidence_list(ev)}</details>")
    else:
        parts.append('<p class="muted">no significant shifts</p>')

    # --- commitments --------------------------------------------------------------------------------------------
    cm = commitments_from_frame(every, db=db, level=level)
    parts.append("<h2>Commitments</h2><p class='muted'>Standing pledges found in the text (rules in "
                 "analysis/data/commitments.tsv); symmetric ones bind both actors.</p>")
    parts.append(_table(cm, ["kind", "a", "b", "symmetric", "start_date", "n_evidence", "match"]))
    for r in cm.itertuples(index=False):
        ev = every[every["event_id"].isin(r.evidence)]
        sents = "".join(f"<li>{_e(s)}</li>" for s in r.sentences[:4])
        parts.append(f"<details><summary><b>{_e(r.kind)}</b> {_e(r.a)} {'↔' if r.symmetric else '→'} {_e(r.b)} "
                     f"since {_e(r.start_date)}</summary><ul class='ev'>{sents}</ul>{_evidence_list(ev, 3)}</details>")

    doc = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
           f"<meta name='viewport' content='width=device-width,initial-scale=1'><title>{_e(title)}</title>"
           f"<style>{CSS}</style></head><body>\n" + "\n".join(parts) + "\n</body></html>\n")
    index = out / "index.html"
    index.write_text(doc, encoding="utf-8")
    return index


def with_pairs(events: pd.DataFrame, level: str) -> pd.DataFrame:
    """Events with unordered pair columns pa <= pb (for looking up a dyad's evidence)."""
    from geopol.analysis.frame import with_actors
    df = with_actors(events, level, expand_reciprocal=False)
    a, b = df["a"].astype(str), df["b"].astype(str)
    return df.assign(pa=np.where(a <= b, a, b), pb=np.where(a <= b, b, a))
