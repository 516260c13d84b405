"""The coder on arbitrary text: no exception escapes, long documents are split (never handed to spaCy
whole), and every event that comes out satisfies the record invariants."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from geopol.ingest.readers import content_hash
from geopol.nlp import parse
from geopol.records import Document

from hardening_helpers import check_event  # noqa: E402

ODD = ["\u200b", "\u200e", "\u200f", "\u202e", "\u2066", "\ufeff", "\x00", "\x85", "\u2028", "\u2029", "\r",
       "\n", "\n\n", "\t", "\x0b", "\x0c", "\x1b", "\u0301", "\ufffd", "—", "“", "”", "'s", "U.S.", "...", "?!"]
WORDS = ["Russia", "attacked", "Ukraine", "on", "Monday", ".", "The", "United", "States", "condemned", "and",
         "did", "not", "will", "sign", "signed", "an", "agreement", "with", "China", "Iran", "denied", "sanctions",
         "President", "Putin", "met", "Kim", "Jong", "Un", "in", "Pyongyang", "said", "June", "19", "last", "year",
         "NATO", "troops", "Israeli", "forces", "Lebanon", "may", "threatened", "to", "invade", "Taiwan", ","]

texts = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(ODD),
                           st.text(max_size=8)), min_size=1, max_size=80).map(" ".join)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def code(pipe, texts_, when=date(2024, 6, 19)):
    docs = [Document(id=f"d{i}", text=t, content_hash=content_hash(t)) for i, t in enumerate(texts_)]
    results = list(pipe.code_documents(docs, when))
    assert [r.document.id for r in results] == [d.id for d in docs]
    return results


@SETTINGS
@given(batch=st.lists(texts, min_size=1, max_size=4),
       when=st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))))
def test_arbitrary_text_codes_without_error_and_events_hold_invariants(geopol_pipeline, batch, when):
    for r in code(geopol_pipeline, batch, when):
        for s in r.sentences:
            assert s.text and r.document.text[s.start_char:].lstrip().startswith(s.text[:1])
        for e in r.events:
            check_event(e)
            assert 0 <= e.sentence_index < len(r.sentences)
            assert e.sentence == r.sentences[e.sentence_index].text
        for w in r.warnings:
            assert "\n" not in str(w)


@SETTINGS
@given(text=st.text(min_size=1, max_size=400), chunk=st.integers(4, 60))
def test_split_paragraphs_covers_the_text_in_bounded_units(text, chunk):
    with pytest.MonkeyPatch.context() as mp:   # undone after each example: later tests see the real limit
        mp.setattr(parse, "MAX_CHUNK", chunk)
        units = parse.split_paragraphs(text)
    for off, u in units:
        assert 0 < len(u) <= chunk and text[off:off + len(u)] == u and u.strip()
    covered = set()
    for off, u in units:
        covered.update(range(off, off + len(u)))
    missing = [i for i, c in enumerate(text) if not c.isspace() and i not in covered]
    assert not missing
    starts = [off for off, _ in units]
    assert starts == sorted(starts)


@pytest.mark.slow
def test_documents_longer_than_spacys_max_length_are_split(geopol_pipeline):
    n = geopol_pipeline.nlp.max_length
    para = ("Russia attacked Ukraine on Monday. " + "x" * 19_000 + " ")
    one_paragraph = para * (n // len(para) + 2)                   # one paragraph of over 1,000,000 chars
    unbroken = "a" * (n + 10)                                      # no space, no sentence end at all
    many_lines = ("Japan pledged aid to Ukraine.\n" * 40_000)      # 1.2 M chars of short paragraphs
    for text in (one_paragraph, unbroken):
        assert len(text) > n
    r1, r2 = code(geopol_pipeline, [one_paragraph, unbroken])
    assert len(r1.events) >= one_paragraph.count("attacked") and r1.sentences
    for e in r1.events:
        check_event(e)
    assert r2.events == () and all(len(s.text) <= parse.MAX_CHUNK for s in r2.sentences)
    assert all(len(u) <= parse.MAX_CHUNK for _, u in parse.split_paragraphs(many_lines))


def test_control_and_bidi_characters_do_not_hide_or_break_events(geopol_pipeline):
    plain = "Russia attacked Ukraine on Monday."
    noisy = "\u202eRussia\u200b attacked\u200f Ukraine\x0b on Monday.\u2029\x00\x1b"
    (a, b) = code(geopol_pipeline, [plain, noisy])
    assert a.events
    for e in a.events + b.events:
        check_event(e)


@pytest.mark.parametrize("text", ["  Russia attacked Ukraine.", "\t\u3000Russia attacked Ukraine.",
                                  "Intro.\n   Russia attacked Ukraine on Monday.",
                                  "x" * 30 + ". " + "Russia attacked Ukraine. " * 1200])
def test_trigger_span_and_sentence_start_match_the_text(geopol_pipeline, text):
    """Bug fixed (nlp/parse.split_paragraphs): a paragraph or a cut chunk starting with whitespace gave
    trigger_start/trigger_end (PLOVER eventSpan) and sentence start_char shifted by that whitespace."""
    (r,) = code(geopol_pipeline, [text])
    assert r.events
    for e in r.events:
        assert e.sentence[e.trigger_start:e.trigger_end] == e.trigger, (e.sentence, e.trigger_start)
    for s in r.sentences:
        assert text[s.start_char:s.start_char + len(s.text)] == s.text


@pytest.mark.slow
def test_run_on_sentence_with_many_events_codes_in_linear_time(geopol_pipeline, monkeypatch):
    """Deterministic form: characters scanned by find_mentions must grow linearly with the sentence
    (place names are found once per sentence, not once per event)."""
    from geopol.timeplace import places
    scanned = [0]
    real = places.find_mentions

    def counting(gaz, text):
        scanned[0] += len(text)
        return real(gaz, text)
    monkeypatch.setattr(places, "find_mentions", counting)
    text = "Russia attacked Ukraine and " * 480
    (r,) = code(geopol_pipeline, [text])
    assert len(r.events) > 100
    assert scanned[0] < 5 * len(text), (scanned[0], len(text))
