"""Shifts: dyads whose cooperation-conflict balance moved significantly.

Two ways to ask:

* ``split=DATE``: compare each dyad's events before DATE with those on or after it.
* ``baseline=True``: compare each period of a dyad (``by``) with the dyad's own
  earlier periods (all of them, or the last ``window``), and keep, per dyad, the
  period that departs most from its baseline.

The test is a two-proportion z-test on the cooperative share
``coop / (coop + conflict)`` (QuadClass 1-2 vs 3-4): z = (p2 - p1) / se with the
pooled standard error. Both sides need at least ``min_events`` coop+conflict
events. Dyads are ranked by |z|; each row carries the events that moved it (the
conflict events of the later side for a move towards conflict, the
cooperative ones for a move towards cooperation), with their sentences.
"""
from __future__ import annotations

import math
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from geopol.analysis.frame import EventFilter, _as_date, load_events, period_key, with_actors

COLUMNS = ["a", "b", "period", "n_before", "n_after", "coop_share_before", "coop_share_after",
           "balance_before", "balance_after", "delta_balance", "z", "p_value", "significant", "direction",
           "event_ids", "sentences"]


def two_proportion_z(c1: float, n1: float, c2: float, n2: float) -> tuple[float, float]:
    """z and two-sided p-value for the change of a proportion from c1/n1 to c2/n2."""
    if n1 <= 0 or n2 <= 0:
        return float("nan"), float("nan")
    p1, p2 = c1 / n1, c2 / n2
    p = (c1 + c2) / (n1 + n2)
    se = math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
    if se == 0:
        return 0.0, 1.0
    z = (p2 - p1) / se
    return z, math.erfc(abs(z) / math.sqrt(2))


def _prepare(events: pd.DataFrame, level: str, directed: bool) -> pd.DataFrame:
    df = with_actors(events, level)
    df = df[df["date"].notna() & df["quad_class"].isin([1, 2, 3, 4])]
    if not directed:
        a, b = df["a"].astype(str), df["b"].astype(str)
        df = df.assign(a=np.where(a <= b, a, b), b=np.where(a <= b, b, a))
    return df.assign(is_coop=df["quad_class"].isin([1, 2]).astype(int))


def _evidence(rows: pd.DataFrame, toward_conflict: bool, limit: int) -> tuple[list[str], list[str]]:
    if toward_conflict:
        ev = rows[rows["is_coop"] == 0].sort_values(["goldstein", "date"], ascending=[True, True], kind="mergesort")
    else:
        ev = rows[rows["is_coop"] == 1].sort_values(["goldstein", "date"], ascending=[False, True], kind="mergesort")
    ev = ev.drop_duplicates("event_id").head(limit)
    return ev["event_id"].tolist(), [s if isinstance(s, str) else "" for s in ev["sentence"]]


def _row(a, b, period, before: pd.DataFrame, after: pd.DataFrame, evidence: int) -> dict[str, Any]:
    n1, c1 = len(before), int(before["is_coop"].sum())
    n2, c2 = len(after), int(after["is_coop"].sum())
    z, p = two_proportion_z(c1, n1, c2, n2)
    s1, s2 = c1 / n1, c2 / n2
    toward_conflict = s2 < s1
    ids, sents = _evidence(after, toward_conflict, evidence) if s2 != s1 else ([], [])
    return {"a": a, "b": b, "period": period, "n_before": n1, "n_after": n2,
            "coop_share_before": s1, "coop_share_after": s2,
            "balance_before": 2 * s1 - 1, "balance_after": 2 * s2 - 1, "delta_balance": 2 * (s2 - s1),
            "z": z, "p_value": p,
            "direction": "toward conflict" if toward_conflict else ("toward cooperation" if s2 > s1 else "none"),
            "event_ids": ids, "sentences": sents}


def _finish(rows: list[dict], alpha: float, only_significant: bool) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "significant"])
    out.insert(COLUMNS.index("significant"), "significant",
               (out["p_value"] < alpha).astype(bool) if len(out) else pd.Series(dtype=bool))
    if only_significant:
        out = out[out["significant"]]
    out = out.assign(_abs=out["z"].abs(), _d=out["delta_balance"].abs())
    out = out.sort_values(["_abs", "_d", "a", "b"], ascending=[False, False, True, True], kind="mergesort")
    return out.drop(columns=["_abs", "_d"]).reset_index(drop=True)


def shifts_from_frame(events: pd.DataFrame, split: date | str | None = None, baseline: bool = False,
                      by: str = "month", window: int | None = None, min_events: int = 5,
                      alpha: float = 0.05, only_significant: bool = True, directed: bool = False,
                      level: str = "country", evidence: int = 5) -> pd.DataFrame:
    """:func:`shifts` on an events DataFrame."""
    df = _prepare(events, level, directed)
    rows: list[dict] = []
    if not len(df):
        return _finish(rows, alpha, only_significant)
    if not baseline:
        if split is None:  # the middle of the observed time span
            lo, hi = df["date"].min(), df["date"].max()
            split_ts = (lo + (hi - lo) / 2).normalize()
        else:
            split_ts = pd.Timestamp(_as_date(split))
        label = f">={split_ts.date().isoformat()}"
        for (a, b), grp in df.groupby(["a", "b"], sort=True):
            before, after = grp[grp["date"] < split_ts], grp[grp["date"] >= split_ts]
            if len(before) >= min_events and len(after) >= min_events:
                rows.append(_row(a, b, label, before, after, evidence))
        return _finish(rows, alpha, only_significant)
    label, start = period_key(df["date"], by)
    df = df.assign(period=label, period_start=start)
    for (a, b), grp in df.groupby(["a", "b"], sort=True):
        periods = grp.groupby("period")["period_start"].min().sort_values()
        best: dict | None = None
        for i, (per, _) in enumerate(periods.items()):
            if i == 0:
                continue
            earlier = list(periods.index[:i])
            if window:
                earlier = earlier[-window:]
            cur = grp[grp["period"] == per]
            base = grp[grp["period"].isin(earlier)]
            if len(cur) < min_events or len(base) < min_events:
                continue
            r = _row(a, b, per, base, cur, evidence)
            if best is None or abs(r["z"]) > abs(best["z"]):
                best = r
        if best is not None:
            rows.append(best)
    return _finish(rows, alpha, only_significant)


def shifts(db: Any, split: date | str | None = None, baseline: bool = False, by: str = "month",
           window: int | None = None, min_events: int = 5, alpha: float = 0.05,
           only_significant: bool = True, directed: bool = False, level: str = "country", since=None, until=None,
           all_modalities: bool = False, evidence: int = 5, **filters: Any) -> pd.DataFrame:
    """Dyads whose balance moved significantly, ranked by |z| (see the module doc).

    ``split`` (date) compares before/after; ``baseline=True`` compares each ``by``
    period with the dyad's own past. Without either, the split is the middle of
    the data's time span. ``only_significant=False`` returns every tested dyad
    (``significant`` tells which pass ``alpha``). Columns: a, b, period (the split or the departing period),
    n_before, n_after, coop_share_before/after, balance_before/after,
    delta_balance, z, p_value, significant, direction, event_ids, sentences.
    """
    flt = EventFilter(since=since, until=until, all_modalities=all_modalities, level=level, **filters)
    return shifts_from_frame(load_events(db, flt), split=split, baseline=baseline, by=by, window=window,
                             min_events=min_events, alpha=alpha, only_significant=only_significant,
                             directed=directed, level=level, evidence=evidence)
