"""`geopol actors lookup`: explanation of a phrase's resolution."""
import json

from typer.testing import CliRunner

from geopol.cli import app


def test_lookup_json_explains_composition_and_tenure():
    res = CliRunner().invoke(app, ["actors", "lookup", "Russian President Vladimir Putin", "--date", "2024-06-20",
                                   "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    s = out["sentences"][0]
    assert s["mentions"][0]["actors"][0]["code"] == "RUSGOV"
    g = s["groups"][0]
    assert "person in office" in g["rule"]
    assert [n["picked"]["kind"] for n in g["names"]] == ["adjective", "sector", "person"]
    assert all(":" in n["picked"]["origin"] for n in g["names"])
    assert g["names"][2]["picked"]["tenure"][0] <= "2024-06-20"


def test_lookup_rich_output_and_bad_source():
    res = CliRunner().invoke(app, ["actors", "lookup", "Biden spoke", "--date", "2025-06-01"])
    assert res.exit_code == 0 and "out of office" in res.output
    res = CliRunner().invoke(app, ["actors", "lookup", "x", "--actors", "/nonexistent/dir"])
    assert res.exit_code != 0
