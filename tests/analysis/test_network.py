"""Network: blocs on a planted two-bloc graph, centrality, structural balance, exports."""
from __future__ import annotations

import itertools
from datetime import date, timedelta

import networkx as nx
import pytest

from geopol.analysis.network import (balance, blocs, centrality, graph_from_dyads, network, pagerank, triads,
                                     write_gexf, write_graphml)
from geopol.analysis.synthetic import event_row, write_store

BLOC_A = ["USA", "GBR", "FRA", "DEU"]
BLOC_B = ["RUS", "CHN", "IRN", "PRK"]


@pytest.fixture
def two_bloc_db(tmp_path):
    rows = []
    day = date(2024, 1, 1)
    for bloc in (BLOC_A, BLOC_B):
        for a, b in itertools.combinations(bloc, 2):
            for k in range(4):
                rows.append(event_row(a, b, ["057", "061", "071", "042"][k], day + timedelta(days=k),
                                      doc_id=f"{a}{b}{k}"))
    for a in BLOC_A:
        for b in BLOC_B:
            for k in range(2):
                rows.append(event_row(a, b, ["111", "163"][k], day + timedelta(days=k), doc_id=f"x{a}{b}{k}"))
    return write_store(tmp_path / "blocs.duckdb", rows)


def test_planted_blocs(two_bloc_db):
    G = network(two_bloc_db)
    assert G.number_of_nodes() == 8 and G.number_of_edges() == 6 + 6 + 16
    assert G["USA"]["GBR"]["sign"] == 1 and G["USA"]["RUS"]["sign"] == -1
    assert G["USA"]["RUS"]["n_events"] == 2 and G["USA"]["RUS"]["conflict"] == 2
    for method in ("greedy", "louvain"):
        b = blocs(G, method=method)
        groups = {frozenset(g["actor"]) for _, g in b.groupby("bloc")}
        assert groups == {frozenset(BLOC_A), frozenset(BLOC_B)}, method
    b = blocs(G)
    assert set(b["hostile_to"]) == {"0", "1"}
    assert G.nodes["USA"]["bloc"] != G.nodes["RUS"]["bloc"]


def test_structural_balance_of_planted_blocs(two_bloc_db):
    bal = balance(network(two_bloc_db))
    # 2 * C(4,3) all-friend triads + 2 * 4 * C(4,2) two-friends-one-enemy triads: all balanced
    assert bal["triads"] == 8 + 48 and bal["balanced"] == 56 and bal["unbalanced"] == 0
    assert bal["by_signs"] == {"+++": 8, "+--": 48}


def _signed(edges):
    G = nx.Graph()
    for u, v, s in edges:
        G.add_edge(u, v, sign=s, n_events=1, coop=int(s > 0), conflict=int(s < 0), goldstein_sum=0.0,
                   goldstein_mean=0.0, balance=float(s), weight=1.0, signed_weight=float(s))
    return G


def test_triads_balanced_and_unbalanced():
    G = _signed([("A", "B", 1), ("B", "C", 1), ("A", "C", -1),     # ++- unbalanced
                 ("C", "D", -1), ("B", "D", -1),                   # B,C,D: +-- balanced
                 ("A", "D", -1),                                   # A,B,D: +-- balanced; A,C,D: --- unbalanced
                 ("D", "E", 0), ("C", "E", 1)])                    # zero-sign edge: no triad through D-E
    t = triads(G)
    assert len(t) == 4
    bal = balance(G)
    assert (bal["balanced"], bal["unbalanced"]) == (2, 2)
    unb = {tuple(r) for r in bal["unbalanced_triads"][["a", "b", "c"]].itertuples(index=False)}
    assert unb == {("A", "B", "C"), ("A", "C", "D")}
    assert set(bal["unbalanced_triads"]["signs"]) == {"++-", "---"}


def test_centrality_hub_and_pagerank():
    G = _signed([("HUB", x, 1) for x in "ABCDE"] + [("A", "B", -1)])
    c = centrality(G)
    assert c.iloc[0]["actor"] == "HUB"
    assert c["pagerank"].sum() == pytest.approx(1.0)
    assert c.set_index("actor").loc["HUB", "degree"] == pytest.approx(1.0)
    assert c.set_index("actor").loc["HUB", "eigenvector"] > c.set_index("actor").loc["C", "eigenvector"]
    # a symmetric ring: equal PageRank everywhere
    ring = nx.cycle_graph(5)
    nx.set_edge_attributes(ring, 1.0, "weight")
    assert all(v == pytest.approx(0.2) for v in pagerank(ring).values())


def test_exports_round_trip(two_bloc_db, tmp_path):
    G = network(two_bloc_db)
    blocs(G)
    g1 = write_graphml(G, tmp_path / "g.graphml")
    g2 = write_gexf(G, tmp_path / "g.gexf")
    back = nx.read_graphml(g1)
    assert back.number_of_edges() == G.number_of_edges()
    assert back["USA"]["RUS"]["sign"] == -1 and "bloc" in back.nodes["USA"]
    assert nx.read_gexf(g2).number_of_nodes() == 8


def test_empty_graph():
    G = graph_from_dyads(__import__("pandas").DataFrame(columns=["a", "b", "n_events", "coop", "conflict",
                                                                 "goldstein_sum", "goldstein_mean", "balance"]))
    assert len(centrality(G)) == 0 and len(blocs(G)) == 0 and balance(G)["triads"] == 0
