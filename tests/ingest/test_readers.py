"""Readers: every format, folders, stdin, and bad input reported with file and line."""
import io
import json
from datetime import date

from geopol.ingest import detect_format, read_bytes, read_paths
from geopol.records import Document, Problem

ARTICLE = ("MOSCOW, June 20 (Reuters) - Russia and Vietnam signed eleven agreements on energy and education "
           "during President Vladimir Putin's visit to Hanoi.\nVietnamese President To Lam welcomed the deals.")


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Problem)]


def test_text_file_gives_one_document_with_stable_id(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    docs, probs = split(read_paths([str(p)]))
    docs2, _ = split(read_paths([str(p)]))
    assert not probs and len(docs) == 1
    assert docs[0].text == ARTICLE and docs[0].id == docs2[0].id and docs[0].id.startswith("story.txt:")
    assert len(docs[0].content_hash) == 64


def test_format_detection_by_extension_and_content():
    assert detect_format("a.HTML") == "html"
    assert detect_format("a.jsonl") == "jsonl"
    assert detect_format("a.xml") == "petrarch-xml"
    assert detect_format("a.csv") == "csv"
    assert detect_format("-", b'{"id": 1, "text": "x"}') == "jsonl"
    assert detect_format("-", b"<html><body>hi</body></html>") == "html"
    assert detect_format("notes", b"Plain words.") == "text"


def test_jsonl_malformed_line_is_reported_and_the_rest_read(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_text('{"id": "a1", "text": "Iran condemned the strike.", "date": "2024-04-02"}\n'
                 '{"id": "a2", "text": broken\n'
                 '\n'
                 '{"id": "a3", "text": "Egypt hosted talks.", "title": "Talks", "url": "http://x/y"}\n'
                 '{"id": "a4"}\n', encoding="utf-8")
    docs, probs = split(read_paths([str(p)]))
    assert [d.id for d in docs] == ["a1", "a3"]
    assert docs[0].date == date(2024, 4, 2) and docs[1].title == "Talks" and docs[1].url == "http://x/y"
    assert [(pr.line, "malformed" in pr.message) for pr in probs][0] == (2, True)
    assert probs[1].line == 5 and "no text field" in probs[1].message
    assert str(probs[0]).startswith(f"geopol: {p}:2: ")


def test_html_text_and_metadata():
    html = b"""<html><head><title>Talks in Doha</title>
      <meta property="article:published_time" content="2024-03-05T10:00:00Z">
      <script>var x = "Israel attacked";</script></head>
      <body><nav>Home | World</nav><h1>Talks resume</h1><p>Qatar hosted talks between Israel and Hamas.</p>
      <p>Egypt&#39;s envoy attended.</p></body></html>"""
    docs, probs = split(read_bytes(html, "page.html"))
    assert not probs
    d = docs[0]
    assert d.date == date(2024, 3, 5) and d.title == "Talks in Doha"
    assert "Qatar hosted talks between Israel and Hamas." in d.text and "Egypt's envoy" in d.text
    assert "var x" not in d.text and "Home" not in d.text


def test_csv_with_text_column_and_without():
    good = b'id,date,text\nc1,2023-10-07,"Hamas fighters attacked Israeli towns."\nc2,,"Jordan recalled its ambassador."\n'
    docs, probs = split(read_bytes(good, "x.csv"))
    assert [d.id for d in docs] == ["c1", "c2"] and docs[0].date == date(2023, 10, 7) and not probs
    docs, probs = split(read_bytes(b"a,b\n1,2\n", "y.csv"))
    assert not docs and probs[0].line == 1 and "no text column" in probs[0].message


def test_petrarch_xml_sentences():
    xml = b"""<Sentences>
    <Sentence date="20080801" id="S1" source="AFP" sentence="true"><Text>
    Arnor is about to restore full diplomatic ties with Gondor.
    </Text></Sentence>
    <Sentence date="20080802" id="S2"><Text>Gondor rejected the offer.</Text></Sentence>
    </Sentences>"""
    docs, probs = split(read_bytes(xml, "v.xml"))
    assert [d.id for d in docs] == ["S1", "S2"] and docs[0].date == date(2008, 8, 1)
    assert docs[0].text == "Arnor is about to restore full diplomatic ties with Gondor."


def test_broken_xml_keeps_records_before_the_error():
    xml = b"<Sentences>\n<Sentence id='a'><Text>One.</Text></Sentence>\n<Sentence id='b'><Text>Two</Sentence>\n"
    docs, probs = split(read_bytes(xml, "bad.xml"))
    assert [d.id for d in docs] == ["a"]
    assert probs and probs[0].line == 3 and "malformed XML" in probs[0].message


def test_bad_files_each_get_one_message_and_good_ones_still_read(tmp_path):
    (tmp_path / "good.txt").write_text("Chile recalled its ambassador to Israel.", encoding="utf-8")
    (tmp_path / "bin.dat").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 talks in Paris.".encode("latin-1"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "big.txt").write_bytes(b"Troops moved. " * 450_000)   # 6.3 MB
    docs, probs = split(read_paths([str(tmp_path), str(tmp_path / "missing.txt")]))
    assert [d.id.split(":")[0] for d in docs] == ["good.txt"]
    msgs = {p.origin.rsplit("/", 1)[-1]: p.message for p in probs}
    assert "binary" in msgs["bin.dat"]
    assert "not UTF-8" in msgs["latin.txt"]
    assert "empty" in msgs["empty.txt"]
    assert "6.3 MB" in msgs["big.txt"] and "limit" in msgs["big.txt"]
    assert "no such file" in msgs["missing.txt"]
    assert all("\n" not in str(p) for p in probs)


def test_stdin_is_read_with_sniffed_format():
    stdin = io.BytesIO(json.dumps({"id": "s1", "text": "Peru expelled the envoy."}).encode() + b"\n")
    docs, probs = split(read_paths(["-"], stdin=stdin))
    assert [d.id for d in docs] == ["s1"] and not probs
