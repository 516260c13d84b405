"""The notebook API, `geopol report` and the analysis commands."""
from __future__ import annotations

import json
import re

import networkx as nx
import pandas as pd
import pytest
from typer.testing import CliRunner

import geopol.api as gp
from geopol.analysis.report import write_report
from geopol.cli import app

runner = CliRunner()


def test_api(world_db):
    db = gp.open(world_db)
    s = db.summary()
    assert s["events"] == s["asserted_events"] > 500
    assert isinstance(db.events(actor="PRK", cameo="057"), pd.DataFrame)
    assert set(db.events(actor="PRK", cameo="057")["cameo"]) == {"057"}
    assert len(db.dyads(by="month", directed=False)) > 0
    assert db.timeline("RUS", "PRK")["n_events"].sum() > 0
    G = db.network(since="2023-01-01", until="2023-12-31")
    assert isinstance(G, nx.Graph) and G.has_edge("RUS", "PRK")
    b = db.blocs().set_index("actor")["bloc"]
    assert b["USA"] == b["GBR"] == b["JPN"] and b["RUS"] == b["CHN"] == b["PRK"] and b["USA"] != b["RUS"]
    assert db.balance()["unbalanced"] > 0             # the planted CHN-KOR cooperation
    sh = db.shifts(split="2023-07-01", min_events=3)
    assert (sh.iloc[0]["a"], sh.iloc[0]["b"]) == ("RUS", "TUR")
    md = db.commitments(kind="mutual_defence")
    assert [(r.a, r.b) for r in md.itertuples()] == [("PRK", "RUS")]
    assert db.sql("SELECT count(*) AS n FROM events WHERE cameo = ?", ["057"]).iloc[0]["n"] >= 1
    with pytest.raises(gp.GeopolDBError):
        gp.open(world_db.parent / "nope.duckdb")


def test_report(world_db, tmp_path):
    index = write_report(world_db, tmp_path / "rep")
    html = index.read_text()
    pngs = re.findall(r"src='([^']+\.png)'", html)
    assert "network.png" in pngs and "shifts.png" in pngs and sum(p.startswith("timeline_") for p in pngs) == 6
    for p in pngs:
        f = tmp_path / "rep" / p
        assert f.exists() and f.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and f.stat().st_size > 5000
    assert not re.search(r"(src|href)=['\"]?https?:", html) and "<script" not in html   # self-contained
    for section in ("Top dyads", "Dyad timelines", "Network", "Blocs", "Centrality", "Structural balance",
                    "Top shifts", "Commitments"):
        assert f"<h2>{section}" in html
    assert "mutual_defence" in html and "pledge mutual military assistance" in html      # claim + evidence
    assert "RUS – TUR" in html


def test_report_on_empty_store(tmp_path):
    from geopol.analysis.synthetic import write_store
    db = write_store(tmp_path / "empty.duckdb", [])
    index = gp.open(db).report(tmp_path / "out")
    assert index.exists() and (tmp_path / "out" / "network.png").exists()


def cli(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_cli_commands(world_db, tmp_path):
    r = cli("timeline", "RUS", "PRK", "--db", world_db, "--by", "month")
    assert r.exit_code == 0, r.output
    assert "2023-07" in r.stdout
    r = cli("timeline", "RUS", "--db", world_db, "--format", "csv")
    assert r.exit_code == 0 and r.stdout.splitlines()[0].startswith("actor,partner,period")
    r = cli("network", "--db", world_db, "--graphml", tmp_path / "n.graphml", "--gexf", tmp_path / "n.gexf")
    assert r.exit_code == 0, r.output
    assert "bloc 0:" in r.stdout and (tmp_path / "n.graphml").exists() and (tmp_path / "n.gexf").exists()
    r = cli("network", "--db", world_db, "--format", "json", "--since", "2023-01-01", "--until", "2023-06-30")
    d = json.loads(r.stdout)
    assert {"centrality", "blocs", "balance"} <= set(d) and d["nodes"] >= 9
    r = cli("shifts", "--db", world_db, "--split", "2023-07-01", "--min-events", "3", "--format", "json")
    assert r.exit_code == 0, r.output
    first = json.loads(r.stdout)[0]
    assert (first["a"], first["b"]) == ("RUS", "TUR") and first["event_ids"]
    r = cli("shifts", "--db", world_db, "--baseline", "--min-events", "2")
    assert r.exit_code == 0, r.output
    r = cli("commitments", "--db", world_db, "--kind", "mutual_defence", "--format", "json")
    assert [(x["a"], x["b"], x["kind"]) for x in json.loads(r.stdout)] == [("PRK", "RUS", "mutual_defence")]
    r = cli("commitments", "--db", world_db)
    assert r.exit_code == 0 and "PRK <-> RUS" in r.stdout
    r = cli("report", "--db", world_db, "--out", tmp_path / "rep")
    assert r.exit_code == 0 and (tmp_path / "rep" / "index.html").exists()


@pytest.mark.parametrize("args", [
    ("timeline", "RUS", "--db", "{missing}"),
    ("network", "--db", "{missing}"),
    ("shifts", "--db", "{missing}", "--split", "2024-01-01"),
    ("commitments", "--db", "{missing}"),
    ("report", "--db", "{missing}", "--out", "{tmp}/r"),
    ("shifts", "--db", "{world}"),                          # neither --split nor --baseline
    ("shifts", "--db", "{world}", "--split", "June"),
    ("timeline", "RUS", "--db", "{world}", "--by", "fortnight"),
    ("commitments", "--db", "{world}", "--kind", "nope"),
    ("timeline", "RUS", "--db", "{world}", "--format", "xml"),
])
def test_cli_errors(args, world_db, tmp_path):
    subst = {"missing": tmp_path / "missing.duckdb", "tmp": tmp_path, "world": world_db}
    r = runner.invoke(app, [a.format(**subst) for a in args])
    assert r.exit_code != 0
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("geopol: "), r.stderr
    assert "Traceback" not in r.output
