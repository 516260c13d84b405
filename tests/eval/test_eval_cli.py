"""`geopol eval` through Typer's CliRunner."""
from __future__ import annotations

import json
import sys
import types

import pytest
import typer
from typer.testing import CliRunner

from geopol.cli import app

from .test_eval_score import GOLD, PRED, ev

runner = CliRunner()


def invoke(args, **kw):
    # while `eval` is geopol's only command Typer runs it as the root command
    cmd = typer.main.get_command(app)
    if hasattr(cmd, "commands"):       # a group (typer may vendor its own click)
        args = ["eval", *args]
    return runner.invoke(app, [str(a) for a in args], **kw)


@pytest.fixture
def files(tmp_path):
    g = tmp_path / "gold.jsonl"
    g.write_text("\n".join(json.dumps(x) for x in GOLD) + "\n")
    p = tmp_path / "pred.jsonl"
    p.write_text("\n".join(json.dumps(x) for x in PRED) + "\n")
    return g, p


def test_json_output(files):
    g, p = files
    r = invoke([g, "--pred", p, "--json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["plover"]["micro"]["tp"] == 2
    assert d["triples"]["exact"]["f1"] == 0.5 and d["triples"]["relaxed"]["f1"] == 0.75
    assert d["gold"]["format"] == "jsonl" and d["options"]["all_modalities"] is False
    r = invoke([g, "--pred", p, "--json", "--all-modalities"])
    assert json.loads(r.stdout)["plover"]["micro"]["tp"] == 3


def test_limit_and_forced_format(files):
    g, p = files
    r = invoke([g, "--pred", p, "--json", "--limit", "2", "--gold-format", "jsonl"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["counts"]["sentences_scored"] == 2
    assert d["counts"]["pred_events_outside_gold"] == 4      # s3 (x2), s4 and zzz


def test_rich_output(files):
    g, p = files
    r = invoke([g, "--pred", p])
    assert r.exit_code == 0, r.output
    assert "PLOVER types" in r.stdout and "Triples" in r.stdout and "micro" in r.stdout


def test_missing_gold_file(tmp_path):
    r = invoke([tmp_path / "nope.xml", "--pred", tmp_path / "p.jsonl"])
    assert r.exit_code != 0
    assert r.stderr.strip() == f"geopol: {tmp_path / 'nope.xml'}: no such file"
    assert "Traceback" not in r.output


def test_malformed_prediction_line(files):
    g, p = files
    p.write_text(json.dumps(PRED[0]) + "\n{not json\n")
    r = invoke([g, "--pred", p])
    assert r.exit_code != 0
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"geopol: {p}:2: invalid JSON")
    p.write_text(json.dumps({"source": "USA"}) + "\n")
    r = invoke([g, "--pred", p])
    assert r.exit_code != 0 and f"{p}:1: event record has no 'doc_id'" in r.stderr


def test_malformed_gold_line(files, tmp_path):
    _, p = files
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "x"}\n{"id": "b", "text": "y", "events": [{"source": "USA", "cameo": 10}]}\n')
    r = invoke([bad, "--pred", p])
    assert r.exit_code != 0
    assert r.stderr.strip().startswith(f"geopol: {bad}:2: ")


def test_bad_gold_format_option(files):
    g, p = files
    r = invoke([g, "--pred", p, "--gold-format", "csv"])
    assert r.exit_code != 0 and "--gold-format must be one of" in r.stderr


def test_pred_from_stdin(files):
    g, p = files
    r = invoke([g, "--pred", "-", "--json"], input=p.read_text())
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["counts"]["pred_events"] == 6


def test_codes_gold_itself_with_pipeline(files, monkeypatch):
    """Without --pred, eval runs Pipeline.load().code_documents(docs) (a stand-in pipeline here)."""
    g, _ = files
    seen_docs = []

    class FakeEvent:
        def __init__(self, d):
            self.d = d

        def to_dict(self):
            return self.d

    class FakePipeline:
        @classmethod
        def load(cls, config=None):
            return cls()

        def code_documents(self, docs):
            for doc in docs:
                seen_docs.append(doc)
                evs = [FakeEvent(e) for e in PRED if e["doc_id"] == doc.id]
                yield types.SimpleNamespace(events=evs, problems=[])

    fake = types.ModuleType("geopol.pipeline")
    fake.Pipeline = FakePipeline
    fake.PipelineConfig = lambda **options: options
    monkeypatch.setitem(sys.modules, "geopol.pipeline", fake)
    r = invoke([g, "--json"])
    assert r.exit_code == 0, r.output
    assert [d.id for d in seen_docs] == ["s1", "s2", "s3", "s4"]
    d = json.loads(r.stdout)
    assert d["plover"]["micro"]["tp"] == 2 and d["counts"]["pred_events"] == 5


def test_no_pipeline_is_a_clean_error(files, monkeypatch):
    g, _ = files
    monkeypatch.setitem(sys.modules, "geopol.pipeline", None)     # import raises ImportError
    r = invoke([g])
    assert r.exit_code != 0
    assert r.stderr.startswith("geopol: eval: cannot run the coder") and "--pred" in r.stderr
