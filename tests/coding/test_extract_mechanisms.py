"""Pattern syntax extensions (patterns.py docstring) and extractor mechanisms (extract.py docstring)."""
from __future__ import annotations

import pytest

from geopol.coding.extract import EventExtractor, frame_of, frame_words
from geopol.coding.patterns import PatternError, PatternSet, parse_pattern

SYN = {"AID": frozenset({"aid", "help", "assistance"})}


def test_multiword_tag_and_subject_syntax_parse():
    p = parse_pattern("0871", "declare cease_fire|truce", SYN)
    assert p.words == (frozenset({"cease_fire", "truce"}),)
    p = parse_pattern("020", "appeal to/prep $", SYN)
    assert p.words == (frozenset({"to/prep"}),) and p.target == frozenset({"to/prep"}) or p.target is not None
    p = parse_pattern("0831", "resign s:minister|president", SYN)
    assert p.subject == (frozenset({"minister", "president"}),) and p.words == ()
    assert p.specificity[0] == 1
    assert not p.matches(set(), {"foreign", "ministry"}) and p.matches(set(), {"minister"})


def test_head_lemma_removed_from_its_word_groups():
    p = parse_pattern("070", "aid|help &AID", SYN)
    assert p.words == (frozenset({"assistance"}),)
    p = parse_pattern("070", "aid aid", SYN)      # the only word stays
    assert p.words == (frozenset({"aid"}),)


def test_src_slot():
    p = parse_pattern("071", "receive aid from $src", SYN)
    assert p.src_slot and p.swap and p.target == frozenset({"from"})
    n = parse_pattern("071", "n:aid from $src", SYN)
    assert n.src_slot and not n.swap
    o = parse_pattern("071", "receive $src", SYN)       # the direct object as the source
    assert o.src_slot and o.swap and o.target == frozenset({"OBJ"})
    with pytest.raises(PatternError):
        parse_pattern("0x1", "receive $src", SYN)


def test_frame_words_have_neighbours_and_tags(nlp):
    doc = nlp("The rebels declared a cease fire on Monday.")
    words = frame_words(frame_of(doc[2]))
    assert {"cease_fire", "on/prep", "fire/dobj", "on_monday"} <= words
    doc = nlp("Iran agreed to talks.")
    assert "to/prep" in frame_words(frame_of(doc[1]))
    doc = nlp("Iran agreed to talk.")
    assert "to/aux" in frame_words(frame_of(doc[1]))


def _events(pipeline, text):
    return [(e.type.code, e.type.plover_type, e.source.code, e.target.code if e.target else None, e.modality,
             e.trigger) for e in pipeline.code_text(text).events]


def test_pronoun_subject_bound_by_reporting_clause(geopol_pipeline):
    ev = _events(geopol_pipeline, "Japan said on Tuesday it had halted economic aid to Serbia.")
    assert any(p == "SANCTION" and s.startswith("JPN") and t == "SRB" and m == "asserted"
               for _, p, s, t, m, _ in ev), ev


def test_participle_on_support_noun_takes_the_support_verbs_subject(geopol_pipeline):
    ev = _events(geopol_pipeline, "The Turkish opposition issued a declaration demanding that Iran free prisoners.")
    assert any(p == "REQUEST" and trig == "demanding" and s.startswith("TUR") for _, p, s, _, _, trig in ev), ev
    # ... but not when the noun's addressee acts: "an ultimatum to Ecuador to halt attacks"
    ev = _events(geopol_pipeline, "Peru issued an ultimatum to Ecuador to halt attacks.")
    assert not any(trig == "halt" and s.startswith("PER") for _, _, s, _, _, trig in ev), ev


def test_stated_intention_is_asserted_and_the_future_event_is_not(geopol_pipeline):
    ev = _events(geopol_pipeline, "Hungary said it will support the resolution.")
    assert any(c.startswith("03") and p == "AGREE" and s == "HUN" and m == "asserted" and trig == "said"
               for c, p, s, _, m, trig in ev), ev
    assert not any(p == "SUPPORT" and m == "asserted" for _, p, _, _, m, _ in ev), ev
    ev = _events(geopol_pipeline, "Palestinian leaders said they would boycott all contact with the United States.")
    assert any(p == "THREATEN" and m == "asserted" and t == "USA" for _, p, _, t, m, _ in ev), ev
    # someone else's forecast is not an intention
    ev = _events(geopol_pipeline, "Analysts in Germany said Russia will attack Ukraine.")
    assert not any(p == "THREATEN" for _, p, _, _, _, _ in ev), ev
    # a refusal is not an intention to cooperate
    ev = _events(geopol_pipeline, "Hungary said it will not support the resolution.")
    assert not any(p == "AGREE" and m == "asserted" for _, p, _, _, m, _ in ev), ev


def test_ultimatum_from_unless(geopol_pipeline):
    ev = _events(geopol_pipeline, "Nigeria announced that it will withdraw its troops from Chad unless the "
                                  "president holds elections.")
    assert any(c == "139" and s == "NGA" and m == "asserted" for c, _, s, _, m, _ in ev), ev
    # the saying verb does not code the withdrawal as its own event
    assert not any(trig == "announced" and p in ("AID", "RETREAT") for _, p, _, _, _, trig in ev), ev


def test_event_noun_subject_gives_the_source(geopol_pipeline):
    ev = _events(geopol_pipeline, "Putin's visit has revived the joint port project in North Korea.")
    assert any(p == "COOPERATE" and s.startswith("RUS") and (t or "").startswith("PRK") for _, p, s, t, _, _ in ev), ev


def test_main_clause_event_is_the_most_confident(geopol_pipeline):
    evs = geopol_pipeline.code_text("France condemned the U.S. invasion of Panama.").events
    typed = [e for e in evs if e.type.plover_type]
    assert max(typed, key=lambda e: e.confidence).trigger == "condemned", [(e.trigger, e.confidence) for e in typed]


def test_extra_syntax_applies_in_the_extractor(nlp):
    pats = PatternSet.from_patterns([
        parse_pattern("0831", "resign s:minister", SYN, order=0),
        parse_pattern("080", "resign", SYN, order=1),
        parse_pattern("0871", "declare cease_fire", SYN, order=2),
    ])
    from geopol.actors.resolver import Mention
    from geopol.records import Actor
    ex = EventExtractor(pats, intents={})
    doc = nlp("The Fijian prime minister resigned.")
    m = [Mention(1, 4, (Actor("Fijian prime minister", "FJIGOV", "FJI", "GOV", None, 0, 0, "test"),))]
    assert [c.pattern.code for c in ex.extract(doc[:], m)] == ["0831"]
    doc = nlp("The Fijian rebels resigned.")
    m = [Mention(1, 3, (Actor("Fijian rebels", "FJIREB", "FJI", "REB", None, 0, 0, "test"),))]
    assert [c.pattern.code for c in ex.extract(doc[:], m)] == ["080"]
    doc = nlp("The Fijian rebels declared a cease fire.")
    assert [c.pattern.code for c in ex.extract(doc[:], m)] == ["0871"]
