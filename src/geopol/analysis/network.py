"""The signed, weighted actor graph and what can be read off it: centrality,
blocs (communities of cooperative ties) and the structural balance of triads.

Each edge joins two actors that had events with each other in the period
(either direction). Edge attributes:

``n_events``, ``coop``, ``conflict``   event counts (QuadClass 1-2 vs 3-4)
``goldstein_sum``, ``goldstein_mean``  Goldstein scores
``balance``                             (coop - conflict) / (coop + conflict)
``sign``                                +1 if balance > 0, -1 if < 0, 0 otherwise
``weight``                              n_events (a positive volume weight for centrality)
``signed_weight``                       coop - conflict
"""
from __future__ import annotations

import itertools
import math
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from geopol.analysis.dyads import dyads_from_frame
from geopol.analysis.frame import EventFilter, load_events


def graph_from_dyads(dy: pd.DataFrame, min_events: int = 1) -> nx.Graph:
    """An undirected signed graph from an unordered, period='all' dyad table."""
    G = nx.Graph()
    for r in dy.itertuples(index=False):
        if r.n_events < min_events:
            continue
        bal = float(r.balance) if not pd.isna(r.balance) else 0.0
        sign = 1 if bal > 0 else (-1 if bal < 0 else 0)
        G.add_edge(str(r.a), str(r.b), n_events=int(r.n_events), coop=int(r.coop), conflict=int(r.conflict),
                   goldstein_sum=float(r.goldstein_sum),
                   goldstein_mean=float(r.goldstein_mean) if not pd.isna(r.goldstein_mean) else 0.0,
                   balance=bal, sign=sign, weight=float(r.n_events), signed_weight=float(r.coop - r.conflict))
    for n in G.nodes:
        G.nodes[n]["label"] = n
    return G


def network_from_frame(events: pd.DataFrame, level: str = "country", weight: str | None = None,
                       min_events: int = 1) -> nx.Graph:
    dy = dyads_from_frame(events, by="all", directed=False, level=level, weight=weight)
    return graph_from_dyads(dy, min_events=min_events)


def network(db: Any, since=None, until=None, level: str = "country", all_modalities: bool = False,
            weight: str | None = None, min_events: int = 1, **filters: Any) -> nx.Graph:
    """The signed weighted actor graph (networkx ``Graph``) of the events between ``since`` and ``until``."""
    flt = EventFilter(since=since, until=until, all_modalities=all_modalities, level=level, **filters)
    return network_from_frame(load_events(db, flt), level=level, weight=weight, min_events=min_events)


def centrality(G: nx.Graph) -> pd.DataFrame:
    """Per actor: partners, event volume, coop/conflict volume, degree centrality,
    weighted eigenvector centrality (PageRank-like fallback if it does not converge)
    and PageRank. Sorted by PageRank."""
    cols = ["actor", "partners", "n_events", "coop", "conflict", "degree", "eigenvector", "pagerank"]
    if G.number_of_nodes() == 0:
        return pd.DataFrame(columns=cols)
    deg = nx.degree_centrality(G)
    eig = eigenvector(G)
    pr = pagerank(G)
    rows = []
    for n in G.nodes:
        edges = G.edges(n, data=True)
        rows.append({"actor": n, "partners": G.degree(n),
                     "n_events": sum(d["n_events"] for _, _, d in edges),
                     "coop": sum(d["coop"] for _, _, d in edges),
                     "conflict": sum(d["conflict"] for _, _, d in edges),
                     "degree": deg[n], "eigenvector": eig.get(n, float("nan")), "pagerank": pr[n]})
    return pd.DataFrame(rows, columns=cols).sort_values(["pagerank", "actor"], ascending=[False, True],
                                                          kind="mergesort").reset_index(drop=True)


def _adjacency(G: nx.Graph, weight: str = "weight") -> tuple[list, np.ndarray]:
    nodes = list(G.nodes)
    idx = {n: i for i, n in enumerate(nodes)}
    A = np.zeros((len(nodes), len(nodes)))
    for u, v, d in G.edges(data=True):
        w = float(d.get(weight, 1.0))
        A[idx[u], idx[v]] += w
        if u != v:
            A[idx[v], idx[u]] += w
    return nodes, A


def eigenvector(G: nx.Graph, weight: str = "weight") -> dict:
    """Weighted eigenvector centrality (principal eigenvector of the symmetric adjacency, max-normalised
    to unit length as networkx does). numpy only: no scipy needed."""
    nodes, A = _adjacency(G, weight)
    if not len(nodes) or not A.any():
        return {n: 0.0 for n in nodes}
    vals, vecs = np.linalg.eigh(A)
    v = np.abs(vecs[:, int(np.argmax(vals))])
    v = v / (np.linalg.norm(v) or 1.0)
    return {n: float(x) for n, x in zip(nodes, v)}


def pagerank(G: nx.Graph, weight: str = "weight", alpha: float = 0.85, tol: float = 1e-10,
             max_iter: int = 1000) -> dict:
    """Weighted PageRank by power iteration (numpy only; same definition as networkx's)."""
    nodes, A = _adjacency(G, weight)
    n = len(nodes)
    if n == 0:
        return {}
    out = A.sum(axis=1)
    dangling = out == 0
    P = np.divide(A, out[:, None], out=np.zeros_like(A), where=out[:, None] > 0)
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        nxt = alpha * (x @ P + x[dangling].sum() / n) + (1 - alpha) / n
        if np.abs(nxt - x).sum() < n * tol:
            x = nxt
            break
        x = nxt
    return {node: float(v) for node, v in zip(nodes, x / x.sum())}


def cooperative_graph(G: nx.Graph) -> nx.Graph:
    """The positive part of ``G``: edges with sign +1, weighted by their net cooperation."""
    H = nx.Graph()
    H.add_nodes_from(G.nodes)
    for u, v, d in G.edges(data=True):
        if d.get("sign", 0) > 0:
            H.add_edge(u, v, weight=max(float(d["coop"] - d["conflict"]), 1e-9))
    return H


def blocs(G: nx.Graph, method: str = "greedy", seed: int = 0, resolution: float = 1.0) -> pd.DataFrame:
    """Blocs: communities of the cooperative ties (greedy modularity or Louvain).

    Actors with no cooperative tie form their own one-member bloc. Bloc 0 is the
    largest. Columns: actor, bloc, bloc_size, members (of the bloc, comma-joined),
    internal_coop (the actor's net cooperation with its own bloc), hostile_to
    (other blocs it has conflictual ties with). Also sets the ``bloc`` node
    attribute on ``G``.
    """
    H = cooperative_graph(G)
    cols = ["actor", "bloc", "bloc_size", "members", "internal_coop", "hostile_to"]
    if H.number_of_nodes() == 0:
        return pd.DataFrame(columns=cols)
    if H.number_of_edges() == 0:
        comms = [{n} for n in H.nodes]
    elif method == "greedy":
        comms = nx.community.greedy_modularity_communities(H, weight="weight", resolution=resolution)
    elif method == "louvain":
        comms = nx.community.louvain_communities(H, weight="weight", seed=seed, resolution=resolution)
    else:
        raise ValueError(f"method must be 'greedy' or 'louvain', got {method!r}")
    comms = sorted((sorted(c) for c in comms), key=lambda c: (-len(c), c[0]))
    bloc_of = {n: i for i, c in enumerate(comms) for n in c}
    rows = []
    for n in sorted(G.nodes, key=lambda x: (bloc_of[x], x)):
        i = bloc_of[n]
        G.nodes[n]["bloc"] = i
        internal = sum(d["signed_weight"] for _, m, d in G.edges(n, data=True) if bloc_of[m] == i)
        hostile = sorted({bloc_of[m] for _, m, d in G.edges(n, data=True) if d.get("sign", 0) < 0 and bloc_of[m] != i})
        rows.append({"actor": n, "bloc": i, "bloc_size": len(comms[i]), "members": ",".join(comms[i]),
                     "internal_coop": internal, "hostile_to": ",".join(map(str, hostile))})
    return pd.DataFrame(rows, columns=cols)


def triads(G: nx.Graph) -> pd.DataFrame:
    """Every signed triangle (all three edges with a non-zero sign) and whether it is balanced.

    A triad is balanced when the product of its signs is positive (+++ friends,
    or +-- two friends with a common enemy); ``++-`` and ``---`` are unbalanced.
    Columns: a, b, c, sign_ab, sign_bc, sign_ac, signs (e.g. '++-'), balanced.
    """
    cols = ["a", "b", "c", "sign_ab", "sign_bc", "sign_ac", "signs", "balanced"]
    S = nx.Graph((u, v, d) for u, v, d in G.edges(data=True) if d.get("sign", 0) != 0)
    rows = []
    for u in sorted(S.nodes):
        for v, w in itertools.combinations(sorted(n for n in S[u] if n > u), 2):
            if not S.has_edge(v, w):
                continue
            s = (S[u][v]["sign"], S[v][w]["sign"], S[u][w]["sign"])
            rows.append({"a": u, "b": v, "c": w, "sign_ab": s[0], "sign_bc": s[1], "sign_ac": s[2],
                         "signs": "".join(sorted(("+" if x > 0 else "-") for x in s)),
                         "balanced": math.prod(s) > 0})
    return pd.DataFrame(rows, columns=cols)


def balance(G: nx.Graph) -> dict[str, Any]:
    """Structural balance summary: counts of balanced/unbalanced triads and the unbalanced ones."""
    t = triads(G)
    n = len(t)
    nb = int(t["balanced"].sum()) if n else 0
    return {"triads": n, "balanced": nb, "unbalanced": n - nb,
            "balance_ratio": (nb / n) if n else float("nan"),
            "by_signs": t["signs"].value_counts().to_dict() if n else {},
            "unbalanced_triads": t[~t["balanced"]].reset_index(drop=True) if n else t}


def _exportable(G: nx.Graph) -> nx.Graph:
    H = G.copy()
    for _, d in H.nodes(data=True):
        for k, v in list(d.items()):
            if isinstance(v, (np.integer,)):
                d[k] = int(v)
            elif isinstance(v, (np.floating,)):
                d[k] = float(v)
    for _, _, d in H.edges(data=True):
        for k, v in list(d.items()):
            if isinstance(v, float) and math.isnan(v):
                d[k] = 0.0
    return H


def write_graphml(G: nx.Graph, path: str | Path) -> Path:
    path = Path(path)
    nx.write_graphml(_exportable(G), path)
    return path


def write_gexf(G: nx.Graph, path: str | Path) -> Path:
    path = Path(path)
    nx.write_gexf(_exportable(G), path)
    return path
