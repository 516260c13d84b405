"""Dyad tables: event counts by QuadClass and PLOVER type, Goldstein, and the
cooperation-conflict balance of each pair of actors per period.

``balance = (coop - conflict) / (coop + conflict)`` with coop = QuadClass 1-2
and conflict = QuadClass 3-4 (QuadClass 0, public statements, counts in
``n_events`` only); it runs from -1 (only conflict) to +1 (only cooperation)
and is NaN when the dyad has neither.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from geopol.analysis.frame import PLOVER_TYPES, EventFilter, load_events, period_key, with_actors

WEIGHTS = (None, "mentions")


def _weights(df: pd.DataFrame, weight: str | None) -> pd.Series:
    if weight not in WEIGHTS:
        raise ValueError(f"weight must be None or 'mentions', got {weight!r}")
    if weight == "mentions":
        return df["num_mentions"].clip(lower=1).astype(float)
    return pd.Series(1.0, index=df.index)


def aggregate(df: pd.DataFrame, keys: list[str], weight: str | None = None,
              plover_columns: bool = True) -> pd.DataFrame:
    """Aggregate events grouped by ``keys``: counts, quad classes, PLOVER types, Goldstein, balance."""
    w = _weights(df, weight)
    g = df["goldstein"].astype(float)
    work = pd.DataFrame({k: df[k] for k in keys})
    work["n_events"] = w
    for q in range(5):
        work[f"q{q}"] = w.where(df["quad_class"] == q, 0.0)
    work["goldstein_sum"] = (g * w).fillna(0.0)
    work["_gw"] = w.where(g.notna(), 0.0)
    types = [t for t in PLOVER_TYPES if plover_columns]
    for t in types:
        work[t] = w.where(df["plover_type"] == t, 0.0)
    value_cols = [c for c in work.columns if c not in keys]
    if len(work):
        out = work.groupby(keys, dropna=False, sort=True)[value_cols].sum().reset_index()
    else:
        out = pd.DataFrame(columns=keys + value_cols)
    return finish(out, weight)


def finish(out: pd.DataFrame, weight: str | None = None) -> pd.DataFrame:
    """Derived columns (coop, conflict, balance, goldstein_mean, coop_share) from summed columns."""
    out = out.copy()
    gw = out.pop("_gw") if "_gw" in out.columns else out["n_events"]
    out["coop"] = out["q1"] + out["q2"]
    out["conflict"] = out["q3"] + out["q4"]
    cc = out["coop"] + out["conflict"]
    with np.errstate(divide="ignore", invalid="ignore"):
        out["goldstein_mean"] = np.where(gw.astype(float) > 0, out["goldstein_sum"].astype(float) / gw.astype(float), np.nan)
        out["balance"] = np.where(cc > 0, (out["coop"] - out["conflict"]) / cc.where(cc > 0, 1), np.nan)
        out["coop_share"] = np.where(cc > 0, out["coop"] / cc.where(cc > 0, 1), np.nan)
    if weight is None:
        count_cols = ["n_events", "q0", "q1", "q2", "q3", "q4", "coop", "conflict"] + \
            [t for t in PLOVER_TYPES if t in out.columns]
        for c in count_cols:
            out[c] = out[c].astype(int)
    return out


def _order(out: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    front = keys + ["n_events", "coop", "conflict", "balance", "goldstein_sum", "goldstein_mean", "coop_share",
                    "q0", "q1", "q2", "q3", "q4"]
    rest = [c for c in out.columns if c not in front]
    return out[[c for c in front if c in out.columns] + rest]


def dyads_from_frame(events: pd.DataFrame, by: str = "all", directed: bool = True, level: str = "country",
                     weight: str | None = None, include_self: bool = False,
                     drop_empty_types: bool = True) -> pd.DataFrame:
    """:func:`dyads` on an events DataFrame already loaded by :func:`~geopol.analysis.frame.load_events`."""
    df = with_actors(events, level, include_self=include_self)
    df = df[df["date"].notna()] if by != "all" else df
    if not directed:
        a, b = df["a"].astype(str), df["b"].astype(str)
        df = df.assign(a=np.where(a <= b, a, b), b=np.where(a <= b, b, a))
    label, start = period_key(df["date"], by)
    df = df.assign(period=label, period_start=start)
    keys = ["a", "b", "period"]
    out = aggregate(df, keys, weight)
    starts = df.groupby("period")["period_start"].min() if len(df) else pd.Series(dtype="datetime64[ns]")
    out.insert(3, "period_start", out["period"].map(starts))
    out.insert(2, "directed", directed)
    if drop_empty_types:
        out = out.drop(columns=[t for t in PLOVER_TYPES if t in out.columns and not out[t].any()])
    out = _order(out, ["a", "b", "directed", "period", "period_start"])
    return out.sort_values(["period_start", "n_events", "a", "b"], ascending=[True, False, True, True],
                           kind="mergesort").reset_index(drop=True)


def dyads(db: Any, by: str = "all", directed: bool = True, level: str = "country", since=None, until=None,
          all_modalities: bool = False, weight: str | None = None, actor: str | None = None,
          include_self: bool = False, min_events: int = 1, **filters: Any) -> pd.DataFrame:
    """One row per dyad and period.

    Parameters
    ----------
    db: the store path (or a GeopolDB).
    by: ``day|week|month|year|all``.
    directed: True for ordered pairs (a = source, b = target); False for unordered
        pairs (a < b alphabetically; events of both directions add up).
    level: ``country`` (source_country/target_country) or ``code`` (full CAMEO actor codes).
    all_modalities: include negated, hypothetical, future and reported events (default: asserted only).
    weight: None (each event counts 1) or ``mentions`` (each event counts num_mentions).
    actor: keep dyads with this actor on either side.
    min_events: drop dyad-period rows with fewer events.

    Columns: a, b, directed, period, period_start, n_events, coop, conflict, balance,
    goldstein_sum, goldstein_mean, coop_share, q0..q4, then one column per PLOVER type seen.
    """
    flt = EventFilter(since=since, until=until, all_modalities=all_modalities, actor=actor, level=level, **filters)
    out = dyads_from_frame(load_events(db, flt), by=by, directed=directed, level=level, weight=weight,
                           include_self=include_self)
    if actor:
        out = out[(out["a"] == actor) | (out["b"] == actor)]
    if min_events > 1:
        out = out[out["n_events"] >= min_events]
    return out.reset_index(drop=True)
