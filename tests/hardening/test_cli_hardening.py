"""`geopol code` over a folder of good and bad files: exit status 1, one stderr line per bad unit,
no traceback, the good documents' events on stdout; the per-document size limit."""
from __future__ import annotations

import json

import pytest

from hardening_helpers import assert_one_line_errors, check_event, cli

GOOD = "Russia attacked Ukraine on Monday. The United States condemned Russia over the strike."


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("mixed")
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "good.html").write_text(f"<html><body><p>{GOOD}</p>" + "<a " * 300 + "</body></html>", encoding="utf-8")
    (d / "sub").mkdir()
    (d / "sub" / "feed.jsonl").write_text("\n".join([
        json.dumps({"id": "j1", "text": GOOD, "date": "2024-06-19"}),
        "{not json",                                                        # bad: line 2
        json.dumps({"id": "j3", "text": "Iran denied it.", "date": "99999-01-01"}),   # bad: line 3
        json.dumps({"id": "j4", "text": "Japan pledged aid to\u2028Ukraine.", "date": 12}, ensure_ascii=False),  # bad: 4
        json.dumps({"id": "j5", "text": "China accused\u2028the United States of spying.", "title": 5,
                    "url": {"x": 1}}, ensure_ascii=False),
        json.dumps({"id": "j6", "text": ""}),                             # bad: line 6 (empty)
    ]) + "\n", encoding="utf-8")
    (d / "latin.txt").write_bytes("Caf\xe9 au lait.".encode("latin-1"))    # bad: not UTF-8
    (d / "blob.txt").write_bytes(b"\x00\x01\x02binary")                     # bad: binary
    (d / "empty.txt").write_bytes(b"")                                      # bad: empty
    (d / "rows.csv").write_text("id,date\n1,2024-01-01\n", encoding="utf-8")  # bad: no text column
    (d / "broken.xml").write_text('<Sentences><Sentence id="x1" date="20240619"><Text>Israeli forces attacked '
                                  'targets in Lebanon.</Text></Sentence><Sentence id="x2"><Text>Oops</Sentences>',
                                  encoding="utf-8")                         # bad: malformed after x1
    return d


BAD_UNITS = {("feed.jsonl", 2), ("feed.jsonl", 3), ("feed.jsonl", 4), ("feed.jsonl", 6), ("latin.txt", None),
             ("blob.txt", None), ("empty.txt", None), ("rows.csv", None), ("broken.xml", None)}


def test_mixed_folder_exit_1_one_line_per_bad_unit_and_good_events_out(mixed_folder):
    missing = mixed_folder / "nope.txt"
    r = cli("code", str(mixed_folder), str(missing), "--date", "2024-06-20", "-q")
    assert r.returncode == 1
    err = r.stderr.decode()
    lines = assert_one_line_errors(err)
    assert len(lines) == len(BAD_UNITS) + 1, lines
    assert f"geopol: {missing}: no such file or directory" in lines
    for name, line in BAD_UNITS:
        hits = [ln for ln in lines if f"/{name}:" in ln and (line is None or f"/{name}:{line}:" in ln)]
        assert len(hits) == 1, (name, line, lines)
    events = [json.loads(x) for x in r.stdout.decode().splitlines()]
    for e in events:
        check_event(e)
    docs = {e["doc_id"] for e in events}
    assert {"j1", "j5", "x1"} <= docs
    assert any(d.startswith("good.txt:") for d in docs) and any(d.startswith("good.html:") for d in docs)


@pytest.mark.parametrize("fmt", ["jsonl", "tsv", "plover"])
def test_every_output_format_keeps_one_record_per_line(mixed_folder, fmt, geopol_pipeline, capsys):
    """In-process (no second pipeline load): odd characters never split a record over two lines
    (bug fixed in output.py: raw U+2028 / U+0085 in jsonl and plover records)."""
    import io

    from geopol.cli.code import code_paths
    from geopol.output import EventWriter
    buf = io.StringIO()
    summary = code_paths(geopol_pipeline, [str(mixed_folder)], EventWriter(buf, fmt), "auto", None, 5_000_000,
                         quiet=True)
    assert summary.errors == len(BAD_UNITS) and summary.events > 0
    assert_one_line_errors(capsys.readouterr().err)
    out = buf.getvalue().splitlines()
    if fmt == "tsv":
        n = len(out[0].split("\t"))
        assert all(len(row.split("\t")) == n for row in out) and len(out) == summary.events + 1
    else:
        assert len(out) == summary.events
        for row in out:
            rec = json.loads(row)
            if fmt == "jsonl":
                check_event(rec)


def test_per_document_size_limit_message(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(GOOD + " " + "word " * 300_000, encoding="utf-8")      # 1.5 MB
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "huge", "text": "x " * 700_000}) + "\n"
                    + json.dumps({"id": "small", "text": GOOD}) + "\n", encoding="utf-8")
    r = cli("code", str(big), str(feed), "--max-doc-mb", "1", "-q")
    assert r.returncode == 1
    lines = assert_one_line_errors(r.stderr.decode())
    assert len(lines) == 2
    assert any(f"{big}: document is 1.5 MB, over the 1.0 MB limit (raise it with --max-doc-mb): skipped" in ln
               for ln in lines), lines
    assert any(f"{feed}:1: document is 1.4 MB, over the 1.0 MB limit" in ln for ln in lines), lines
    assert {json.loads(x)["doc_id"] for x in r.stdout.decode().splitlines()} == {"small"}


def test_bad_options_are_one_line():
    for args in (["--date", "99999-01-01"], ["--date", "0000-00-00"], ["--input-format", "pdf"],
                 ["--format", "xml"]):
        r = cli("code", "-", *args, input=GOOD.encode())
        assert r.returncode == 2, args
        assert len(assert_one_line_errors(r.stderr.decode())) == 1


def test_stdin_of_arbitrary_bytes(tmp_path):
    r = cli("code", "-", "-q", "--input-format", "jsonl",
            input=b'{"id": "a", "text": "Russia attacked Ukraine."}\n\xff\n[')
    assert r.returncode == 1
    assert len(assert_one_line_errors(r.stderr.decode())) == 2
    assert [json.loads(x)["doc_id"] for x in r.stdout.decode().splitlines()][:1] == ["a"]
