"""Gold readers on tiny inline samples in the real formats."""
from __future__ import annotations

import json
from datetime import date

import pytest

from geopol.eval.gold import (OLD_TO_NEW_PLOVER, GoldFormatError, detect_format, gold_documents,
                              read_gold, read_gold_jsonl, read_petrarch_xml, read_plover_json)
from geopol.records import Problem

PETR_SAMPLE = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
##########################################
#   banner with a stray <EventCoding...> mention
##########################################
<Sentences>
<Sentence category="AFP" date="20080806" id="S1" evaluate="true"/>
<EventCoding eventcode="031" sourcecode="BRA" targetcode="USA" />
<EventCoding eventcode="031" sourcecode="USA" targetcode="BRA" />
<Text>
Brazil and the United States are seeking to deepen
a partnership in energy &amp; biofuels.
</Text>
<Parse>
1	Brazil	Brazil	PROPN	NNP	_	3	nsubj	_	_
2	<	<	PUNCT	_	_	1	punct	_	_
</Parse></Sentence>

<Sentence category="AFP" date="121108" id="S2" evaluate="true">
<!-- Discard event on "1994" -->
<EventCoding noevents="True" />
<Text>Nothing to code here.</Text>
</Sentence>
<Sentence date = "19950101" id ="S3" category="ERROR" sentence="true">
<EventCoding error="dateline"></EventCoding>
<Text>GAZA CITY</Text>
</Sentence>
<Sentence date="19950101" id="S4" category="X">
<Text>No coding at all.</Text>
</Sentence>
<Sentence date="19950101" id="S1" category="X">
<EventCoding sourcecode="ISR" targetcode="---" eventcode="190"></EventCoding>
<Text>A duplicate id.</Text>
</Sentence>
</Sentences>
</Validation>
"""


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_petrarch_reader_quirks(tmp_path):
    p = write(tmp_path, "v.xml", PETR_SAMPLE)
    problems: list[Problem] = []
    golds = read_petrarch_xml(p, problems)
    assert [g.id for g in golds] == ["S1", "S2", "S3", "S4", "S1#2"]
    s1 = golds[0]
    assert s1.text == "Brazil and the United States are seeking to deepen a partnership in energy & biofuels."
    assert s1.date == "2008-08-06"
    assert [(e.source, e.target, e.cameo, e.plover_type) for e in s1.events] == [
        ("BRA", "USA", "031", "AGREE"), ("USA", "BRA", "031", "AGREE")]
    assert s1.annotated and s1.cameo_annotated
    s2 = golds[1]
    assert s2.events == () and s2.annotated and s2.date == "2012-11-08"
    assert not golds[2].annotated and ("expected_error", "dateline") in golds[2].meta
    assert not golds[3].annotated            # no <EventCoding> at all
    assert golds[4].events[0].target == "---" and golds[4].events[0].plover_type == "ASSAULT"
    assert len(problems) == 1 and problems[0].severity == "warning" and "duplicate" in problems[0].message


@pytest.mark.parametrize("bad, line, msg", [
    ('<Sentences>\n<Sentence id="A" date="20000101">\n<EventCoding noevents="True"/>\n<Text>\nunclosed\n'
     '<Sentence id="B">\n<Text>x</Text>\n', 4, "<Text> is never closed"),
    ('<Sentences>\n<Sentence id="A">\n<EventCoding sourcecode="USA" targetcode="RUS"/>\n<Text>x</Text>\n',
     3, "no eventcode"),
    ('<Sentences>\n<Sentence date="2000">\n', 2, "without an id"),
    ('<Sentences>\n<EventCoding eventcode="010" sourcecode="USA"/>\n', 2, "outside a <Sentence>"),
    ('<Sentences>\n<Sentence id="A">\n<!-- never closed\n', 3, "never closed"),
    ('<Sentences>\n<Sentence id="A">\n<Text>x</Text>\n<Parse>\n1 x\n', 4, "<Parse> is never closed"),
])
def test_petrarch_reader_errors_give_file_and_line(tmp_path, bad, line, msg):
    p = write(tmp_path, "bad.xml", bad)
    with pytest.raises(GoldFormatError) as ei:
        read_petrarch_xml(p)
    assert ei.value.line == line
    assert msg in str(ei.value)
    assert str(ei.value).startswith(f"{p}:{line}: ")


PLOVER_SAMPLE = [
    {"id": "PLOVER-GSR01-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "doc"},
    {"id": "PLOVER-GSR01-AGREE-0003", "date": "2000-01-01",
     "source": [{"actorText": "United States", "code": "USA"}, {"actorText": "Jordan", "code": "JOR"}],
     "target": "", "event": "AGREE", "context": "economic",
     "text": "The United States and Jordan have agreed upon a new free-trade pact.",
     "textInfo": {"markup": "The (SRC/TAR: United States) and (SRC/TAR: Jordan) have (EVT: agreed) upon"}},
    {"id": "PLOVER-GSR01-DEMAND-0001", "date": "2000-01-01",
     "source": [{"actorText": "Sudanese government", "code": "SDN", "sector": "GOV"}],
     "target": [{"actorText": "rebels", "code": "SDN", "sector": "REB"},
                {"actorText": "Chad", "code": "TCD", "sector": "***"}],
     "event": "DEMAND", "context": "diplomatic, military", "mode": "",
     "eventLoc": {"name": "Khartoum", "country code": "SD"},
     "text": "Sudan's government demanded that the rebels and Chad stop.", "textInfo": {"markup": "..."}},
    {"id": "PLOVER-GSR01-ASSAULT-0009", "date": "2000-01-01",
     "target": [{"actorText": "Iraqi civilians", "code": "IRQ", "sector": "CVL"}],
     "event": "ASSAULT", "context": "terrorism", "mode": "suicide-attack",
     "text": "At least three Iraqi civilians have been killed.", "textInfo": {"markup": "..."}},
]


def test_plover_reader(tmp_path):
    p = write(tmp_path, "gold.json", json.dumps(PLOVER_SAMPLE, indent=1))
    golds = read_plover_json(p)
    assert [g.id for g in golds] == ["PLOVER-GSR01-AGREE-0003", "PLOVER-GSR01-DEMAND-0001",
                                     "PLOVER-GSR01-ASSAULT-0009"]
    agree, demand, assault = golds
    assert {(e.source, e.target) for e in agree.events} == {("USA", "JOR"), ("JOR", "USA")}
    assert not agree.cameo_annotated and all(e.cameo is None for e in agree.events)
    assert [(e.source, e.target, e.plover_type, e.plover_type_orig) for e in demand.events] == [
        ("SDNGOV", "SDNREB", "REQUEST", "DEMAND"), ("SDNGOV", "TCD", "REQUEST", "DEMAND")]
    assert demand.events[0].context == ("diplomatic", "military")
    assert demand.events[0].location == "Khartoum" and demand.events[0].mode is None
    assert [(e.source, e.target, e.mode) for e in assault.events] == [(None, "IRQCVL", "suicide-attack")]
    assert agree.line == 8          # line of the record's "id" in the file (indent=1 dump)


def test_plover_reader_errors(tmp_path):
    p = write(tmp_path, "bad.json", '[\n{"id": "x",\n "text": "a" "b"}\n]')
    with pytest.raises(GoldFormatError) as ei:
        read_plover_json(p)
    assert ei.value.line == 3
    rec = dict(PLOVER_SAMPLE[1], event="BOGUS")
    p = write(tmp_path, "bad2.json", json.dumps([rec], indent=1))
    with pytest.raises(GoldFormatError, match="unknown PLOVER type"):
        read_plover_json(p)


def test_old_to_new_mapping():
    assert OLD_TO_NEW_PLOVER == {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT",
                                 "INVESTIGATE": "ACCUSE"}


JSONL_SAMPLE = "\n".join([
    json.dumps({"id": "s1", "text": "Russia and North Korea signed a pact.", "date": "2024-06-19",
                "events": [{"source": "RUSGOV", "target": "PRK", "cameo": "057", "plover": "AGREE",
                            "reciprocal": True}]}),
    "",
    "# a comment",
    json.dumps({"id": 2, "text": "The US criticized China.",
                "events": [{"source": "usagov", "target": "CHN", "cameo": "111"},
                           {"source": "USAGOV", "target": None, "plover": "DISAPPROVE", "modality": "negated",
                            "context": ["diplomatic"], "location": {"name": "Washington"}}]}),
    json.dumps({"id": "s3", "text": "Nothing happened."}),
])


def test_jsonl_reader(tmp_path):
    p = write(tmp_path, "gold.jsonl", JSONL_SAMPLE)
    golds = read_gold_jsonl(p)
    assert [g.id for g in golds] == ["s1", "2", "s3"]
    s1, s2, s3 = golds
    assert [(e.source, e.target, e.cameo) for e in s1.events] == [("RUSGOV", "PRK", "057"), ("PRK", "RUSGOV", "057")]
    assert s1.date == "2024-06-19" and s1.cameo_annotated
    e1, e2 = s2.events
    assert (e1.source, e1.plover_type) == ("USAGOV", "ACCUSE")        # derived from CAMEO 111
    assert (e2.plover_type, e2.plover_type_orig, e2.modality) == ("ACCUSE", "DISAPPROVE", "negated")
    assert e2.context == ("diplomatic",) and e2.location == "Washington"
    assert not s2.cameo_annotated                                       # one event lacks a CAMEO code
    assert s3.events == () and s3.annotated and s3.cameo_annotated and s3.line == 5


@pytest.mark.parametrize("line2, msg", [
    ('{"id": "a", "text": "x", "events": [{"source": "USA", "cameo": 57}]}', "string of 2-4 digits"),
    ('{"id": "a", "text": "x", "events": [{"source": "USA", "plover": "HUG"}]}', "unknown PLOVER type"),
    ('{"id": "a", "text": "x", "events": [{"source": "USA"}]}', "needs 'cameo' or 'plover'"),
    ('{"id": "a", "text": "x", "events": [{"source": "USA", "cameo": "010", "modality": "maybe"}]}', "modality"),
    ('{"id": "a", "events": []}', "missing 'text'"),
    ('{"id": "a", "text": "x", "date": "June"}', "YYYY-MM-DD"),
    ('{"id": "a", "text": "x"', "invalid JSON"),
    ('[1, 2]', "one JSON object per line"),
])
def test_jsonl_reader_errors(tmp_path, line2, msg):
    p = write(tmp_path, "g.jsonl", '{"id": "ok", "text": "fine"}\n' + line2 + "\n")
    with pytest.raises(GoldFormatError) as ei:
        read_gold_jsonl(p)
    assert ei.value.line == 2 and msg in str(ei.value)


def test_detect_format_and_dispatch(tmp_path):
    x = write(tmp_path, "a.xml", PETR_SAMPLE)
    j = write(tmp_path, "a.json", json.dumps(PLOVER_SAMPLE))
    l1 = write(tmp_path, "a.jsonl", JSONL_SAMPLE)
    l2 = write(tmp_path, "gold.json", JSONL_SAMPLE)           # JSONL content with a .json name
    t = write(tmp_path, "records.txt", PETR_SAMPLE)
    assert detect_format(x) == "petrarch-xml"
    assert detect_format(j) == "plover-json"
    assert detect_format(l1) == "jsonl"
    assert detect_format(l2) == "jsonl"
    assert detect_format(t) == "petrarch-xml"
    assert len(read_gold(l2)) == 3
    with pytest.raises(GoldFormatError, match="unknown gold format"):
        read_gold(x, "csv")
    with pytest.raises(GoldFormatError, match="no such file"):
        read_gold(tmp_path / "missing.xml")
    u = write(tmp_path, "u.txt", "hello")
    with pytest.raises(GoldFormatError, match="--gold-format"):
        read_gold(u)


def test_gold_documents(tmp_path):
    golds = read_gold_jsonl(write(tmp_path, "g.jsonl", JSONL_SAMPLE))
    docs = gold_documents(golds)
    assert [d.id for d in docs] == ["s1", "2", "s3"]
    assert docs[0].date == date(2024, 6, 19) and docs[1].date is None
    assert docs[0].text == golds[0].text and docs[0].content_hash
