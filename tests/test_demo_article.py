"""The bundled demo article (ours, always present), coded end to end through the CLI and the store."""
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

ARTICLE = Path(str(resources.files("geopol").joinpath("examples", "demo-article.txt")))


@pytest.fixture(scope="module")
def events():
    r = subprocess.run([sys.executable, "-m", "geopol.cli", "code", str(ARTICLE), "-q"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    return [json.loads(line) for line in r.stdout.splitlines()]


def pick(events, code_prefix, src, tgt=None):
    return [e for e in events if e["cameo"].startswith(code_prefix) and e["source"]["country"] == src
            and (tgt is None or (e["target"] and e["target"]["country"] == tgt))]


def test_dateline_gives_the_document_date_and_weekdays_resolve(events):
    summoned = pick(events, "11", "KOR", "RUS")
    assert summoned and summoned[0]["date"] == "2024-06-21"            # "on Friday", dateline SEOUL, June 21, 2024
    signed = [e for e in pick(events, "057", "RUS", "PRK") if "Wednesday" in e["sentence"]]
    assert signed and signed[0]["date"] == "2024-06-19" and signed[0]["location"]["name"] == "Pyongyang"


def test_treaty_both_ways_and_sanctions(events):
    assert pick(events, "057", "PRK", "RUS") and pick(events, "057", "RUS", "PRK")
    sanctions = pick(events, "163", "USA", "RUS")
    assert sanctions and sanctions[0]["target"]["code"] == "RUSBUS" and sanctions[0]["plover"]["type"] == "SANCTION"


def test_modality_of_denial_and_speculation(events):
    sending = [e for e in events if e["trigger"] == "sending"]
    assert sending and all(e["modality"] == "negated" for e in sending)
    speculation = [e for e in events if "was unlikely" in e["sentence"] and e["cameo_root"] in ("18", "19", "20")]
    assert speculation and all(e["modality"] != "asserted" for e in speculation)


def test_demo_command_stores_and_prints_dyads(tmp_path):
    r = subprocess.run([sys.executable, "-m", "geopol.cli", "demo", "--out", str(tmp_path / "e.jsonl"),
                        "--db", str(tmp_path / "d.duckdb")], capture_output=True, text=True, timeout=300,
                       env={"COLUMNS": "160", "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0, r.stderr
    assert "dyads in" in r.stdout and "RUS" in r.stdout and (tmp_path / "d.duckdb").stat().st_size > 0
    assert len((tmp_path / "e.jsonl").read_text().splitlines()) >= 20
