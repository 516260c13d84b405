"""HTML to text with the stdlib parser: paragraphs kept, scripts and chrome dropped, metadata read."""
from __future__ import annotations

import re

from dataclasses import dataclass
from html.parser import HTMLParser

BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section",
         "article", "header", "footer", "figcaption", "dd", "dt", "pre", "td"}
SKIP = {"script", "style", "noscript", "template", "svg", "nav", "iframe", "head", "form", "button", "select"}
DATE_META = ("article:published_time", "og:published_time", "date", "pubdate", "publishdate", "dc.date",
             "dc.date.issued", "datepublished", "sailthru.date", "parsely-pub-date")


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    date: str | None
    url: str | None


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title_parts: list[str] = []
        self.in_title = False
        self.meta: dict[str, str] = {}
        self.time: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "title":
            self.in_title = True
        elif tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and "content" in a:
                self.meta.setdefault(key, a["content"])
        elif tag == "link" and a.get("rel", "").lower() == "canonical":
            self.meta.setdefault("canonical", a.get("href", ""))
        elif tag == "time" and a.get("datetime") and self.time is None:
            self.time = a["datetime"]
        if tag in SKIP:
            self.skip += 1
        if tag in BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in SKIP and self.skip:
            self.skip -= 1
        if tag in BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title_parts.append(data)
        elif not self.skip:
            self.parts.append(data)


MAX_MARKUP = 65_536   # characters a tag, comment or declaration may span before its "<" is read as text
_ANGLE = re.compile(r"[<>]")


def defuse_markup(raw: str, limit: int = MAX_MARKUP) -> str:
    """Escape every "<" with no ">" within ``limit`` characters after it.

    The stdlib parser rescans the rest of the input for each unterminated ``<a``, ``</``, ``<!--``,
    ``<?`` or ``<![CDATA[``, which is quadratic: a 300 kB page of them took minutes. Such a "<" can
    never start markup that closes nearby, so it is text; escaping it keeps the parse linear."""
    if "<" not in raw:
        return raw
    cut: list[int] = []
    next_gt = None
    for m in reversed(list(_ANGLE.finditer(raw))):
        if m.group() == ">":
            next_gt = m.start()
        elif next_gt is None or next_gt - m.start() > limit:
            cut.append(m.start())
    if not cut:
        return raw
    parts, prev = [], 0
    for pos in reversed(cut):
        parts.append(raw[prev:pos])
        parts.append("&lt;")
        prev = pos + 1
    parts.append(raw[prev:])
    return "".join(parts)


def extract_html(raw: str) -> Page:
    ex = _Extractor()
    try:
        ex.feed(defuse_markup(raw))
        ex.close()
    except Exception:  # the stdlib parser is lenient; anything left is treated as text already read
        pass
    lines = [" ".join(line.split()) for line in "".join(ex.parts).split("\n")]
    text = "\n".join(line for line in lines if line)
    date = next((ex.meta[k] for k in DATE_META if ex.meta.get(k)), None) or ex.time
    title = " ".join("".join(ex.title_parts).split()) or ex.meta.get("og:title")
    url = ex.meta.get("og:url") or ex.meta.get("canonical")
    return Page(text=text, title=title or None, date=date, url=url or None)
