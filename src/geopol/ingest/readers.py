"""One reader per input format, plus detection and hashing.

Every reader yields :class:`~geopol.records.Document` for good input and
:class:`~geopol.records.Problem` for bad input (naming the file and line), so
one bad unit never stops a batch.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from geopol.ingest.html import extract_html
from geopol.records import Document, Problem

FORMATS = ("auto", "text", "html", "jsonl", "csv", "petrarch-xml")
EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".tsv": "csv", ".xml": "petrarch-xml",
}
DEFAULT_MAX_BYTES = 5_000_000
TEXT_FIELDS = ("text", "content", "body", "article", "story")

Item = Document | Problem


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _doc_id(origin: str, text: str, line: int | None = None) -> str:
    name = "stdin" if origin == "-" else Path(origin).name
    suffix = f":{line}" if line is not None else ""
    return f"{name}{suffix}:{content_hash(origin + chr(0) + text)[:12]}"


def detect_format(path: str, head: bytes = b"") -> str:
    ext = Path(path).suffix.lower()
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    s = head.lstrip()[:200].lower()
    if s.startswith(b"{"):
        return "jsonl"
    if s.startswith(b"<?xml") or b"<sentences" in s or b"<sentence" in s:
        return "petrarch-xml"
    if s.startswith(b"<"):
        return "html"
    return "text"


def _decode(data: bytes, origin: str) -> str | Problem:
    if b"\x00" in data[:8192]:
        return Problem(origin, "binary file (NUL bytes), not text: skipped")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return Problem(origin, f"undecodable bytes (not UTF-8) at byte {exc.start}: skipped", line=line)


def _parse_date(value: object) -> date | None:
    if value in (None, ""):
        return None
    s = str(value).strip()
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        pass
    from geopol.timeplace.dates import parse_date_loose  # rarely needed: feeds, odd metadata
    return parse_date_loose(s)


def _make_doc(text: str, origin: str, *, doc_id: str | None = None, line: int | None = None,
              meta_date: date | None = None, title: str | None = None, source: str | None = None,
              url: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Item:
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        return Problem(origin, f"document is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit "
                               f"(raise it with --max-doc-mb): skipped", line=line)
    if not text.strip():
        return Problem(origin, "empty document: nothing to code", line=line)
    return Document(id=doc_id or _doc_id(origin, text, line), text=text, date=meta_date, title=title,
                    source=source, url=url, origin=origin, line=line, content_hash=content_hash(text))


def read_text(data: bytes, origin: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    text = _decode(data, origin)
    if isinstance(text, Problem):
        yield text
        return
    if not text.strip():
        yield Problem(origin, "empty file: nothing to code")
        return
    yield _make_doc(text, origin, max_bytes=max_bytes)


def read_html(data: bytes, origin: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    raw = _decode(data, origin)
    if isinstance(raw, Problem):
        yield raw
        return
    page = extract_html(raw)
    if not page.text.strip():
        yield Problem(origin, "HTML page has no readable text: skipped")
        return
    yield _make_doc(page.text, origin, meta_date=_parse_date(page.date), title=page.title, url=page.url,
                    max_bytes=max_bytes)


def _record_doc(rec: dict, origin: str, line: int, max_bytes: int) -> Item:
    text = next((rec[k] for k in TEXT_FIELDS if isinstance(rec.get(k), str)), None)
    if text is None:
        return Problem(origin, f"record has no text field ({'/'.join(TEXT_FIELDS)}): skipped", line=line)
    try:
        d = _parse_date(rec.get("date") or rec.get("published") or rec.get("publication_date"))
    except (ValueError, OverflowError):
        d = None
    if d is None and (rec.get("date") not in (None, "")):
        return Problem(origin, f"unreadable date {str(rec.get('date'))[:40]!r}: skipped", line=line)
    rid = rec.get("id")
    return _make_doc(text, origin, doc_id=str(rid) if rid not in (None, "") else None, line=line, meta_date=d,
                     title=_meta_str(rec.get("title")), source=_meta_str(rec.get("source")),
                     url=_meta_str(rec.get("url")), max_bytes=max_bytes)


def _meta_str(value: object) -> str | None:
    """A metadata field as text: strings kept, numbers written out, anything else (lists, objects) dropped,
    so one odd record never breaks the writers or the store downstream."""
    if isinstance(value, str):
        return value or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _binary_jsonl(head: bytes) -> bool:
    """NUL bytes in the first line: a binary (or UTF-16) file, not JSONL. A NUL further on is one bad line."""
    return b"\x00" in head[:8192].split(b"\n", 1)[0]


def read_jsonl(data: bytes, origin: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    if _binary_jsonl(data):
        yield Problem(origin, "binary file (NUL bytes), not text: skipped")
        return
    if data.lstrip()[:1] == b"[" or data[:3] == b"\xef\xbb\xbf" and data[3:].lstrip()[:1] == b"[":
        try:
            raw = data.decode("utf-8-sig")
        except UnicodeDecodeError:   # not one JSON document then: per line, each bad line reported
            raw = None
        if raw is None or _jsonl_shaped(raw):   # a JSONL file whose first line is a bad record starting with "["
            yield from _read_jsonl_lines(data.split(b"\n"), origin, max_bytes)
        else:
            yield from _read_json_array(raw.lstrip(), origin, max_bytes)
        return
    yield from _read_jsonl_lines(data.split(b"\n"), origin, max_bytes)


def _jsonl_shaped(text: str) -> bool:
    """True when the text is not one JSON value but a later line is a JSON object on its own: a JSONL file
    whose first line is a bad record starting with "[" (read line by line, so its good records survive)
    rather than a broken JSON array (reported once, at the error)."""
    try:
        json.loads(text)
        return False
    except (json.JSONDecodeError, RecursionError):
        pass
    for ln in text.split("\n")[1:]:
        if ln.strip().startswith("{"):
            try:
                if isinstance(json.loads(ln), dict):
                    return True
            except (json.JSONDecodeError, RecursionError):
                pass
    return False


def _read_json_array(text: str, origin: str, max_bytes: int) -> Iterator[Item]:
    """A JSON array of records is accepted too."""
    try:
        records = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Problem(origin, f"malformed JSON: {exc.msg}", line=min(exc.lineno, text.rstrip().count("\n") + 1))
        return
    except RecursionError:
        yield Problem(origin, "malformed JSON: nested too deeply")
        return
    if not isinstance(records, list):
        records = [records]
    for i, rec in enumerate(records, 1):
        yield _record_doc(rec, origin, i, max_bytes) if isinstance(rec, dict) else \
            Problem(origin, "record is not a JSON object: skipped", line=i)


def _read_jsonl_lines(lines: Iterable[bytes], origin: str, max_bytes: int) -> Iterator[Item]:
    """One record per line. Lines are split on "\\n" only (U+2028, U+0085 and friends may stand raw inside
    JSON strings) and decoded one at a time, so a bad line is reported and skipped and a file is streamed."""
    seen = False
    for lineno, bline in enumerate(lines, 1):
        if lineno == 1 and bline.startswith(b"\xef\xbb\xbf"):
            bline = bline[3:]
        if not bline.strip():
            continue
        seen = True
        try:
            line = bline.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Problem(origin, f"undecodable bytes (not UTF-8) at byte {exc.start} of the line: skipped",
                          line=lineno)
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(origin, f"malformed JSON line ({exc.msg}): skipped", line=lineno)
            continue
        except RecursionError:
            yield Problem(origin, "malformed JSON line (nested too deeply): skipped", line=lineno)
            continue
        if not isinstance(rec, dict):
            yield Problem(origin, "JSON line is not an object: skipped", line=lineno)
            continue
        yield _record_doc(rec, origin, lineno, max_bytes)
    if not seen:
        yield Problem(origin, "empty file: nothing to code")


def read_csv(data: bytes, origin: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    raw = _decode(data, origin)
    if isinstance(raw, Problem):
        yield raw
        return
    if not raw.strip():
        yield Problem(origin, "empty file: nothing to code")
        return
    delim = "\t" if origin.lower().endswith(".tsv") or ("\t" in raw.split("\n", 1)[0] and "," not in raw.split("\n", 1)[0]) else ","
    csv.field_size_limit(max(max_bytes * 2, 1 << 20))
    reader = csv.DictReader(io.StringIO(raw, newline=""), delimiter=delim)
    fields = [f.lower().strip() for f in (reader.fieldnames or [])]
    if not any(f in TEXT_FIELDS for f in fields):
        yield Problem(origin, f"CSV header has no text column (one of {', '.join(TEXT_FIELDS)})", line=1)
        return
    try:
        for row in reader:
            rec = {(k or "").lower().strip(): v for k, v in row.items()}
            yield _record_doc(rec, origin, reader.line_num, max_bytes)
    except csv.Error as exc:
        yield Problem(origin, f"malformed CSV ({exc}): rest of file skipped", line=reader.line_num)


def read_petrarch_xml(data: bytes, origin: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """PETRARCH ``<Sentence id=".." date="YYYYMMDD"><Text>..</Text></Sentence>`` records."""
    n = 0
    parser = ET.XMLPullParser(events=("end",))
    try:
        for chunk_start in range(0, len(data), 1 << 16):
            parser.feed(data[chunk_start:chunk_start + (1 << 16)])
            for _, el in parser.read_events():
                if el.tag != "Sentence":
                    continue
                n += 1
                text_el = el.find("Text")
                text = " ".join((text_el.text or "").split()) if text_el is not None else ""
                sid = el.get("id") or None
                d = el.get("date")
                meta = None
                if d:
                    try:
                        meta = date(int(d[:4]), int(d[4:6]), int(d[6:8])) if d.isdigit() else _parse_date(d)
                    except ValueError:
                        meta = None
                yield _make_doc(text, origin, doc_id=sid, line=n, meta_date=meta, source=el.get("source"),
                                max_bytes=max_bytes)
                el.clear()
        parser.close()
    except ET.ParseError as exc:
        yield Problem(origin, f"malformed XML ({exc.msg if hasattr(exc, 'msg') else exc}): rest of file skipped",
                      line=exc.position[0] if exc.position else None)
        return
    if n == 0:
        yield Problem(origin, "no <Sentence> records found")


READERS = {"text": read_text, "html": read_html, "jsonl": read_jsonl, "csv": read_csv,
           "petrarch-xml": read_petrarch_xml}


def read_bytes(data: bytes, origin: str, input_format: str = "auto",
               max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    fmt = detect_format(origin, data[:512]) if input_format == "auto" else input_format
    if fmt not in READERS:
        yield Problem(origin, f"unknown input format {fmt!r} (one of {', '.join(FORMATS)})")
        return
    if not data:
        yield Problem(origin, "empty file: nothing to code")
        return
    yield from READERS[fmt](data, origin, max_bytes)


def iter_files(paths: Iterable[str]) -> Iterator[str | Problem]:
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            found = False
            for f in sorted(path.rglob("*")):
                if f.is_file() and not f.name.startswith("."):
                    found = True
                    yield str(f)
            if not found:
                yield Problem(p, "folder holds no files")
        elif path.is_file():
            yield str(path)
        elif path.exists():
            yield Problem(p, "not a regular file: skipped")
        else:
            yield Problem(p, "no such file or directory")


def _head(path: str, n: int = 8192) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(n)
    except OSError:
        return b""


def _stream_jsonl(path: str, max_bytes: int) -> Iterator[Item]:
    head = _head(path)
    if _binary_jsonl(head):
        yield Problem(path, "binary file (NUL bytes), not text: skipped")
        return
    try:
        with open(path, "rb") as fh:
            yield from _read_jsonl_lines((ln.rstrip(b"\n") for ln in fh), path, max_bytes)
    except OSError as exc:
        yield Problem(path, f"cannot read: {exc.strerror or exc}")


def read_paths(paths: Iterable[str], input_format: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES,
               stdin: io.BufferedReader | None = None) -> Iterator[Item]:
    """Read files, folders (recursively) and ``-`` (stdin) into Documents and Problems."""
    for item in iter_files(paths):
        if isinstance(item, Problem):
            yield item
            continue
        if item == "-":
            data = (stdin or sys.stdin.buffer).read()
        elif (input_format == "jsonl" or input_format == "auto" and detect_format(item, _head(item)) == "jsonl") \
                and _head(item).lstrip()[:1] not in (b"[", b"\xef"):
            yield from _stream_jsonl(item, max_bytes)   # line by line: memory stays flat however big the file
            continue
        else:
            try:
                with open(item, "rb") as fh:
                    data = fh.read(max_bytes * 4 + 1)
            except OSError as exc:
                yield Problem(item, f"cannot read: {exc.strerror or exc}")
                continue
            fmt = detect_format(item, data[:512]) if input_format == "auto" else input_format
            if len(data) > max_bytes * 4 and fmt in ("text", "html"):
                yield Problem(item, f"file is over {max_bytes * 4 / 1e6:.0f} MB, far over the "
                                    f"{max_bytes / 1e6:.1f} MB document limit: skipped")
                continue
            if len(data) > max_bytes * 4:  # record formats: read the whole file
                with open(item, "rb") as fh:
                    data = fh.read()
        yield from read_bytes(data, item, input_format, max_bytes)
