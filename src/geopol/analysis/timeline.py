"""Timelines: one actor's (or one dyad's) events period by period, with empty
periods filled with zeros so that plots show the gaps."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from geopol.analysis.dyads import aggregate
from geopol.analysis.frame import EventFilter, load_events, period_key, period_range, with_actors


def timeline_from_frame(events: pd.DataFrame, a: str, b: str | None = None, by: str = "month",
                        directed: bool = False, level: str = "country", weight: str | None = None,
                        fill: bool = True) -> pd.DataFrame:
    """:func:`timeline` on an events DataFrame."""
    df = with_actors(events, level, include_self=False)
    df = df[df["date"].notna()]
    if b is None:
        # every event with a on either side; role tells which
        df = df[(df["a"] == a) | (df["b"] == a)]
        df = df.assign(as_source=(df["a"] == a).astype(int), as_target=(df["b"] == a).astype(int),
                       partner=np.where(df["a"] == a, df["b"], df["a"]))
    elif directed:
        df = df[(df["a"] == a) & (df["b"] == b)]
    else:
        df = df[((df["a"] == a) & (df["b"] == b)) | ((df["a"] == b) & (df["b"] == a))]
    label, start = period_key(df["date"], by)
    df = df.assign(period=label, period_start=start)
    out = aggregate(df, ["period"], weight)
    starts = df.groupby("period")["period_start"].min() if len(df) else pd.Series(dtype="datetime64[ns]")
    out.insert(1, "period_start", out["period"].map(starts))
    if b is None and len(df):
        extra = df.groupby("period").agg(as_source=("as_source", "sum"), as_target=("as_target", "sum"),
                                         n_partners=("partner", "nunique")).reset_index()
        out = out.merge(extra, on="period", how="left")
    if fill and len(df) and by != "all":
        grid = period_range(df["date"].min(), df["date"].max(), by)
        out = grid.merge(out.drop(columns=["period_start"]), on="period", how="left")
        num = [c for c in out.columns if c not in ("period", "period_start", "balance", "goldstein_mean", "coop_share")]
        out[num] = out[num].fillna(0)
        for c in num:
            if weight is None and c != "goldstein_sum":
                out[c] = out[c].astype(int)
    out.insert(0, "actor", a)
    out.insert(1, "partner", b)
    front = ["actor", "partner", "period", "period_start", "n_events", "coop", "conflict", "balance",
             "goldstein_sum", "goldstein_mean"]
    out = out[[c for c in front if c in out.columns] + [c for c in out.columns if c not in front]]
    return out.sort_values("period_start", kind="mergesort").reset_index(drop=True)


def timeline(db: Any, a: str, b: str | None = None, by: str = "month", directed: bool = False,
             level: str = "country", since=None, until=None, all_modalities: bool = False,
             weight: str | None = None, fill: bool = True, **filters: Any) -> pd.DataFrame:
    """Events of actor ``a`` (with anyone) or of the dyad ``a``-``b`` per period.

    ``directed=True`` keeps only a->b events of a dyad. Columns: actor, partner,
    period, period_start, n_events, coop, conflict, balance, goldstein_sum,
    goldstein_mean, coop_share, q0..q4, PLOVER type counts; for one actor also
    as_source, as_target and n_partners. Empty periods between the first and
    last event are filled with zeros (``fill=False`` to skip).
    """
    flt = EventFilter(since=since, until=until, all_modalities=all_modalities, actor=a, level=level, **filters)
    return timeline_from_frame(load_events(db, flt), a, b, by=by, directed=directed, level=level,
                               weight=weight, fill=fill)
