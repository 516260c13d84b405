"""Property-based and adversarial tests of every reader: whatever the bytes, readers yield Documents
and one-line Problems naming the file (and line), never raise, and good records in a batch survive."""
from __future__ import annotations

import json
import time

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from geopol.ingest.html import extract_html
from geopol.ingest.readers import READERS, read_bytes, read_paths
from geopol.records import Document, Problem

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                           HealthCheck.data_too_large])
ODD = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\ufeff", "\x00", "\x85",
       "\u2028", "\u2029", "\r", "\r\n", "\n", "\t", "\x0b", "\x0c", "\x1b", "\x7f", "\ud7ff", "\U0010ffff",
       "\u0301", "\ufffd", "<", ">", "&", "\"", "'", ",", "{", "}", "[", "]", "\\", "&amp;", "&#0;", "&#x110000;"]
WORDS = ["Russia", "attacked", "Ukraine", "on", "Monday", ".", "The", "United", "States", "condemned", "and"]

odd_text = st.lists(st.one_of(st.text(max_size=20), st.sampled_from(ODD), st.sampled_from(WORDS)),
                    max_size=40).map("".join)
odd_bytes = st.one_of(
    st.binary(max_size=600),
    odd_text.map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.tuples(odd_text, st.sampled_from(["latin-1", "utf-16", "cp1252", "utf-8-sig", "utf-32"])).map(
        lambda t: t[0].encode(t[1], "replace")),
    st.lists(st.tuples(odd_text, st.sampled_from(["utf-8", "latin-1", "utf-16-le"])), max_size=5).map(
        lambda parts: b"".join(s.encode(enc, "replace") for s, enc in parts)),   # mixed encodings
)
odd_value = st.one_of(st.none(), st.booleans(), st.integers(min_value=-10**30, max_value=10**30),
                      st.floats(allow_nan=True, allow_infinity=True), odd_text,
                      st.sampled_from(["99999-01-01", "0000-01-01", "2024-02-30", "2024-13-01", "-2024-01-01",
                                       "12", "0", "year 0", "1e400", "9" * 300, "2024-06-19T25:61:61",
                                       "June 19", "last year", "\u0662\u0660\u0662\u0664-01-01"]),
                      st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(),
                                                                             max_size=2))


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Problem)]


def check_problems(problems, origin, lines_with_numbers: bool = False):
    for p in problems:
        s = str(p)
        assert "\n" not in s and "\r" not in s, s
        assert s.startswith(f"geopol: {origin}"), s
        assert p.severity in ("error", "warning")
        if lines_with_numbers and p.line is not None:
            assert s.startswith(f"geopol: {origin}:{p.line}: ")


def check_docs(docs):
    for d in docs:
        assert d.text.strip() and isinstance(d.id, str) and d.id
        assert len(d.content_hash) == 64
        for v in (d.title, d.source, d.url):
            assert v is None or isinstance(v, str)


@pytest.mark.parametrize("fmt", sorted(READERS))
@SETTINGS
@given(data=odd_bytes)
def test_any_bytes_in_any_format_never_raise(fmt, data):
    origin = f"fuzz.{fmt}"
    docs, probs = split(read_bytes(data, origin, fmt))
    check_problems(probs, origin)
    check_docs(docs)
    assert docs or probs                     # something is always said about the file


@SETTINGS
@given(data=odd_bytes, ext=st.sampled_from(["txt", "html", "jsonl", "csv", "tsv", "xml", "json", "", "bin"]))
def test_auto_detection_on_any_bytes(data, ext):
    origin = f"fuzz.{ext}" if ext else "fuzz"
    docs, probs = split(read_bytes(data, origin, "auto"))
    check_problems(probs, origin)
    check_docs(docs)


good_record = st.builds(lambda i: {"id": f"good-{i}", "text": "Russia attacked Ukraine on Monday.",
                                   "date": "2024-06-19"}, st.integers(0, 10**6))
bad_line = st.one_of(
    odd_text.filter(lambda s: "\n" not in s and s.strip()),
    st.builds(lambda v: json.dumps({"id": "x", "text": "Iran denied it.", "date": v}, ensure_ascii=False), odd_value),
    st.builds(lambda v: json.dumps({"id": v, "text": v, "title": v, "source": v, "url": v}, ensure_ascii=False),
              odd_value),
    st.builds(lambda s: json.dumps({"text": s}, ensure_ascii=False), odd_text),   # raw U+2028 / U+0085 inside
    st.sampled_from(["[1, 2", "{", "}", "null", "[]", "\"text\"", "{\"text\": 5}", "{\"text\": null}",
                     "[" * 3000 + "]" * 3000, "{\"text\": \"a\"" + ", \"b\": 1" * 100 + "}"]),
)


@SETTINGS
@given(lines=st.lists(st.one_of(good_record.map(lambda r: ("good", r)), bad_line.map(lambda s: ("other", s))),
                      min_size=1, max_size=12),
       newline=st.sampled_from(["\n", "\r\n"]))
def test_jsonl_good_records_survive_bad_lines(lines, newline, tmp_path_factory):
    """Each good line gives its document; each other line gives a document or one Problem at its line."""
    seen_ids = set()
    text_lines, good = [], {}
    for n, (kind, v) in enumerate(lines, 1):
        if kind == "good":
            if v["id"] in seen_ids:
                continue
            seen_ids.add(v["id"])
            good[v["id"]] = len(text_lines) + 1
            text_lines.append(json.dumps(v))
        else:
            text_lines.append(v)
    data = newline.join(text_lines).encode("utf-8", "surrogatepass") + newline.encode()
    path = tmp_path_factory.mktemp("jl") / "feed.jsonl"
    path.write_bytes(data)
    for items in (list(read_bytes(data, str(path))), list(read_paths([str(path)]))):
        docs, probs = split(items)
        check_problems(probs, str(path), lines_with_numbers=True)
        check_docs(docs)
        by_id = {d.id: d for d in docs}
        if "\x00" in text_lines[0]:   # NUL in the first line: taken for a binary file, one Problem
            assert len(probs) == 1 and "binary" in probs[0].message
            continue
        for gid, line in good.items():
            assert gid in by_id and by_id[gid].line == line, (gid, [str(p) for p in probs])
        assert len(docs) + len(probs) >= len(good)
        for p in probs:
            if p.line is not None:
                assert 1 <= p.line <= len(text_lines)


@SETTINGS
@given(rows=st.lists(st.one_of(st.just(("good", None)), odd_text.map(lambda s: ("odd", s))), min_size=1, max_size=10),
       delim=st.sampled_from([",", "\t"]))
def test_csv_odd_rows_never_raise(rows, delim):
    import csv
    import io
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim)
    w.writerow(["id", "date", "text"])
    for i, (kind, v) in enumerate(rows):
        if kind == "good":
            w.writerow([f"g{i}", "2024-06-19", "Russia attacked Ukraine."])
        else:
            buf.write(v + "\r\n")   # raw, unescaped: broken quotes, stray delimiters, NULs
    origin = "rows.tsv" if delim == "\t" else "rows.csv"
    docs, probs = split(read_bytes(buf.getvalue().encode("utf-8", "surrogatepass"), origin, "csv"))
    check_problems(probs, origin)
    check_docs(docs)


xml_piece = st.one_of(
    st.builds(lambda i, d, t: f'<Sentence id="{i}" date="{d}"><Text>{t}</Text></Sentence>',
              st.integers(0, 99), st.sampled_from(["20240619", "99999999", "00000000", "2024", "", "abcdefgh",
                                                   "\u00b2\u00b2\u00b2\u00b2\u00b2\u00b2\u00b2\u00b2",
                                                   "2024-06-19", "19/06/2024", "0"]),
              st.sampled_from(["Russia attacked Ukraine.", "", "&amp; &lt;", "<![CDATA[x]]>", "&bogus;", "\x01"])),
    st.sampled_from(["<Sentence>", "</Sentence>", "<Text>", "<Sentence id='1'><Text>Iran denied it.</Text>",
                     "<!-- c -->", "<?pi x?>", "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>", "&e;",
                     "<a:b xmlns:a='u'/>", "\x00", "<" * 50]),
    odd_text,
)


@SETTINGS
@given(pieces=st.lists(xml_piece, max_size=8), decl=st.booleans())
def test_petrarch_xml_never_raises(pieces, decl):
    body = ("<?xml version='1.0' encoding='UTF-8'?>" if decl else "") + "<Sentences>" + "".join(pieces) + "</Sentences>"
    docs, probs = split(read_bytes(body.encode("utf-8", "surrogatepass"), "s.xml", "petrarch-xml"))
    check_problems(probs, "s.xml", lines_with_numbers=True)
    check_docs(docs)
    assert all("root:" not in d.text for d in docs)   # no external entity was ever fetched


html_piece = st.one_of(
    st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<style>", "<!--", "-->", "<br/>",
                     "<title>", "</title>", "<meta name='date' content='99999-01-01'>",
                     "<meta property='article:published_time' content='0000-00-00T00:00'>",
                     "<time datetime='12'>", "<![CDATA[", "]]>", "<a href='", "'>", "<", "</", "<!", "<?",
                     "&", "&#", "&#x;", "&amp;", "<svg>", "<table><tr><td>", "<ul><li>"]),
    odd_text, st.sampled_from(WORDS),
)


@SETTINGS
@given(pieces=st.lists(html_piece, max_size=60), depth=st.integers(0, 3000))
def test_html_broken_and_deeply_nested_never_raises(pieces, depth):
    page = "<div>" * depth + "".join(pieces) + "</div>" * (depth // 2)
    docs, probs = split(read_bytes(page.encode("utf-8", "surrogatepass"), "p.html", "html"))
    check_problems(probs, "p.html")
    check_docs(docs)


@pytest.mark.parametrize("value", ["99999-01-01", 12, "0000-01-01", 0, -5, 1e308, True, [2024], {"y": 2024},
                                   "2024-02-30", "year 0", "9" * 400])
def test_out_of_range_dates_are_one_problem_and_the_batch_goes_on(value):
    lines = [json.dumps({"id": "bad", "text": "Iran denied it.", "date": value}),
             json.dumps({"id": "ok", "text": "Russia attacked Ukraine.", "date": "2024-06-19"})]
    docs, probs = split(read_bytes("\n".join(lines).encode(), "d.jsonl"))
    assert docs[-1].id == "ok"
    if value in ("99999-01-01", 12, "0000-01-01", 0, -5, "2024-02-30", "year 0"):
        assert [d.id for d in docs] == ["ok"]
        assert len(probs) == 1 and str(probs[0]).startswith("geopol: d.jsonl:1: unreadable date")
    else:   # lenient parsing may find a year in it ([2024] -> 2024); either way one line or a sane date
        assert len(probs) + len(docs) == 2
        assert all(str(p).startswith("geopol: d.jsonl:1: ") for p in probs)


def test_jsonl_line_separators_inside_strings_are_not_line_breaks():
    """json.dumps(ensure_ascii=False) writes U+2028, U+2029 and U+0085 raw; they are not line ends in JSONL
    (bug fixed: readers split on str.splitlines(), which broke such records in two)."""
    texts = ["Russia attacked\u2028Ukraine.", "Iran\u2029 denied it.", "Japan\x85 pledged aid.", "Form\x0cfeed."]
    data = "\n".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) for i, t in enumerate(texts))
    docs, probs = split(read_bytes(data.encode(), "sep.jsonl"))
    assert not probs, [str(p) for p in probs]
    assert [d.text for d in docs] == texts and [d.line for d in docs] == [1, 2, 3, 4]


def test_metadata_of_odd_types_becomes_text_or_none():
    """A number or an object as title/source/url must not reach the writers or the store (bug fixed:
    `"url": {...}` made results_to_tables raise, failing a whole `geopol ingest`)."""
    rec = {"id": 7, "text": "Russia attacked Ukraine.", "title": 5, "source": ["x"], "url": {"a": 1}}
    (doc,), = [split(read_bytes(json.dumps(rec).encode(), "m.jsonl"))[0]]
    assert (doc.id, doc.title, doc.source, doc.url) == ("7", "5", None, None)
    from geopol.pipeline import DocumentResult
    from geopol.store.tables import results_to_tables
    results_to_tables([DocumentResult(doc, None, "none", (), ())])


def test_undecodable_jsonl_line_is_reported_with_its_line_and_others_kept():
    data = (json.dumps({"id": "a", "text": "Russia attacked Ukraine."}).encode() + b"\n"
            + b'{"id": "b", "text": "caf\xe9"}\n'
            + json.dumps({"id": "c", "text": "Iran denied it."}).encode() + b"\n")
    docs, probs = split(read_bytes(data, "l.jsonl"))
    assert [d.id for d in docs] == ["a", "c"]
    assert len(probs) == 1 and str(probs[0]).startswith("geopol: l.jsonl:2: undecodable")


def test_billion_laughs_xml_is_refused_quickly():
    ents = "".join(f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    data = (f'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY l0 "lol">{ents}]>'
            '<Sentences><Sentence id="1"><Text>&l9;</Text></Sentence></Sentences>').encode()
    t = time.perf_counter()
    docs, probs = split(read_bytes(data, "bomb.xml"))
    assert time.perf_counter() - t < 5 and not docs and len(probs) == 1


@pytest.mark.slow
@pytest.mark.parametrize("unit", ["<a ", "<a", "</", "</a", "<?", "<!--", "<![CDATA[", '<a b="'])
def test_html_of_unterminated_markup_parses_in_linear_time(unit):
    """Bug fixed: html.parser rescans the rest of the page for every unterminated tag; 300 kB of `<a `
    took minutes (quadratic). 2 MB of any of these now takes seconds."""
    page = unit * (2_000_000 // len(unit))
    t = time.perf_counter()
    extract_html(page)
    list(read_bytes(page.encode(), "slow.html"))
    assert time.perf_counter() - t < 30


def test_html_markup_that_closes_is_still_markup():
    page = ("<html><head><title>T</title><meta name='date' content='2024-06-19'></head><body>"
            "<script>if (a < b) { x = '<p>'; }</script><!-- a < comment -->"
            "<p>Russia attacked <b>Ukraine</b> &amp; Iran.</p><p>2 < 3 and 5 > 4</p></body></html>")
    page_ = extract_html(page)
    assert page_.text == "Russia attacked Ukraine & Iran.\n2 < 3 and 5 > 4"
    assert page_.title == "T" and page_.date == "2024-06-19"


@SETTINGS
@given(names=st.lists(st.sampled_from(["a.txt", "b.jsonl", "c.csv", "d.xml", "e.html", "f", ".hidden", "g.json"]),
                      min_size=1, max_size=6, unique=True),
       contents=st.lists(odd_bytes, min_size=6, max_size=6))
def test_read_paths_over_a_folder_of_junk(names, contents, tmp_path_factory):
    folder = tmp_path_factory.mktemp("junk")
    for n, c in zip(names, contents):
        (folder / n).write_bytes(c)
    (folder / "sub").mkdir()
    (folder / "sub" / "ok.txt").write_text("Russia attacked Ukraine on Monday.", encoding="utf-8")
    items = list(read_paths([str(folder), str(folder / "missing.txt")]))
    docs, probs = split(items)
    check_docs(docs)
    for p in probs:
        assert "\n" not in str(p) and str(p).startswith(f"geopol: {folder}")
    assert any(d.origin.endswith("ok.txt") for d in docs)
    assert any(p.origin.endswith("missing.txt") and "no such file" in p.message for p in probs)


def test_special_files_are_problems_not_hangs(tmp_path):
    import os
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere")
    docs, probs = split(read_paths([str(fifo), str(tmp_path / "loop"), "/dev/null"]))
    assert not docs and len(probs) == 3 and all("\n" not in str(p) for p in probs)
