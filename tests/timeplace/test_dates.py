from __future__ import annotations

import os
from pathlib import Path

from datetime import date

import pytest

from geopol.timeplace.dates import (DocDate, TemporalTagger, document_date, event_date,
                                    find_dateline, parse_date_loose)



def shared_dir() -> Path:
    env = os.environ.get("GEOPOL_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[3] / "shared"

A = date(2024, 6, 21)     # a Friday
D = date

# (sentence, anchor, expected text fragment, value, precision, kind)
CASES = [
    ("The treaty was signed on June 19.", A, "June 19", D(2024, 6, 19), "day", "point"),
    ("Talks opened on June 19, 2024 in Pyongyang.", A, "June 19, 2024", D(2024, 6, 19), "day", "point"),
    ("Ministers met on 19 June in Brussels.", A, "19 June", D(2024, 6, 19), "day", "point"),
    ("The ceasefire began on 3 March 2022.", A, "3 March 2022", D(2022, 3, 3), "day", "point"),
    ("Elections were held in September 2023.", A, "September 2023", D(2023, 9, 1), "month", "point"),
    ("The drought began in 2022.", A, "2022", D(2022, 1, 1), "year", "point"),
    ("The report is dated 2024-06-19.", A, "2024-06-19", D(2024, 6, 19), "day", "point"),
    ("The draft has been discussed since September 2023.", A, "since September 2023", D(2023, 9, 1), "month", "since"),
    ("The border has been closed since 2020.", A, "since 2020", D(2020, 1, 1), "year", "since"),
    ("Troops have been there since June 2.", A, "since June 2", D(2024, 6, 2), "day", "since"),
    ("The embargo stays until 12 July 2024.", A, "until 12 July 2024", D(2024, 7, 12), "day", "until"),
    ("Sanctions remain in force until December 2025.", A, "until December 2025", D(2025, 12, 1), "month", "until"),
    ("Rebels shelled the city last weekend.", A, "last weekend", D(2024, 6, 15), "day", "point"),
    ("Police arrested 40 people yesterday.", A, "yesterday", D(2024, 6, 20), "day", "point"),
    ("The minister resigned today.", A, "today", D(2024, 6, 21), "day", "point"),
    ("Officials said two days ago that talks failed.", A, "two days ago", D(2024, 6, 19), "day", "point"),
    ("The army withdrew three weeks ago.", A, "three weeks ago", D(2024, 5, 31), "day", "point"),
    ("Exports fell 10 percent last year.", A, "last year", D(2023, 1, 1), "year", "point"),
    ("The summit was postponed to next month.", A, "next month", D(2024, 7, 1), "month", "point"),
    ("Parliament voted earlier this month.", A, "earlier this month", D(2024, 6, 1), "month", "point"),
    ("Inflation rose last month.", A, "last month", D(2024, 5, 1), "month", "point"),
    ("The vote took place in March.", A, "in March", D(2024, 3, 1), "month", "point"),
    ("Diplomats met in October.", A, "in October", D(2023, 10, 1), "month", "point"),
    ("The leaders spoke by phone on Tuesday.", A, "Tuesday", D(2024, 6, 18), "day", "point"),
    ("Fighting resumed late in 2021.", A, "2021", D(2021, 1, 1), "year", "point"),
    ("Relations soured in mid-2023.", A, "mid-2023", D(2023, 1, 1), "year", "point"),
    ("Trade talks stalled in early 2019.", A, "early 2019", D(2019, 1, 1), "year", "point"),
    ("The accord was reached on Dec. 5, 2023.", A, "Dec. 5, 2023", D(2023, 12, 5), "day", "point"),
    ("A second round is planned for Sept. 30.", A, "Sept. 30", D(2023, 9, 30), "day", "point"),
    ("The hostages were freed on 1/2/2023.", A, "1/2/2023", D(2023, 2, 1), "day", "point"),
    ("Strikes hit the port this week.", A, "this week", D(2024, 6, 1), "month", "point"),
    ("The envoy arrived last week.", A, "last week", D(2024, 6, 1), "month", "point"),
    ("Voting is due next year.", A, "next year", D(2025, 1, 1), "year", "point"),
    ("The rebels attacked five years ago.", A, "five years ago", D(2019, 1, 1), "year", "point"),
    ("The reactor was shut six months ago.", A, "six months ago", D(2023, 12, 1), "month", "point"),
    ("Clashes erupted last night.", A, "last night", D(2024, 6, 20), "day", "point"),
    ("The cabinet will meet tomorrow.", A, "tomorrow", D(2024, 6, 22), "day", "point"),
    ("Fighting lasted from June 1 to June 5.", A, "from June 1 to June 5", D(2024, 6, 1), "range", "range"),
    ("Workers have been on strike for three days.", A, "for three days", None, "day", "duration"),
    ("The talks will resume on Monday.", A, "Monday", D(2024, 6, 24), "day", "point"),
    ("Kyiv said last Friday that it shot down drones.", A, "last Friday", D(2024, 6, 14), "day", "point"),
    ("The ships docked next Monday.", A, "next Monday", D(2024, 6, 24), "day", "point"),
    ("The decree was issued on December 28.", D(2024, 1, 5), "December 28", D(2023, 12, 28), "day", "point"),
    ("Troops arrived on January 3.", D(2024, 12, 30), "January 3", D(2025, 1, 3), "day", "point"),
    ("Since last year, prices have doubled.", A, "Since last year", D(2023, 1, 1), "year", "since"),
    ("The talks began in 1994.", A, "1994", D(1994, 1, 1), "year", "point"),
    ("He was elected on November 5, 2024.", A, "November 5, 2024", D(2024, 11, 5), "day", "point"),
    ("The ceasefire of 24 February 2022 collapsed.", A, "24 February 2022", D(2022, 2, 24), "day", "point"),
    ("On Wednesday the central bank cut rates.", A, "On Wednesday", D(2024, 6, 19), "day", "point"),
    ("Attacks rose in August 2014.", A, "August 2014", D(2014, 8, 1), "month", "point"),
]
# Template families (own sentences, many months/weekdays/offsets).
_M = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December"]
for i, m in enumerate(_M, 1):
    CASES.append((f"The delegation visited the capital on {m} 14, 2021.", A, f"{m} 14, 2021",
                  D(2021, i, 14), "day", "point"))
    CASES.append((f"Fresh clashes were reported in {m} 2020 near the border.", A, f"{m} 2020",
                  D(2020, i, 1), "month", "point"))
    CASES.append((f"The opposition has boycotted parliament since {m} 2019.", A,
                  f"since {m} 2019", D(2019, i, 1), "month", "since"))
    CASES.append((f"Negotiators met on 7 {m} 2018 in Doha.", A, f"7 {m} 2018",
                  D(2018, i, 7), "day", "point"))
_WD = {"Monday": D(2024, 6, 17), "Tuesday": D(2024, 6, 18), "Wednesday": D(2024, 6, 19),
       "Thursday": D(2024, 6, 20), "Friday": D(2024, 6, 21), "Saturday": D(2024, 6, 15),
       "Sunday": D(2024, 6, 16)}
for wd, v in _WD.items():
    CASES.append((f"Protesters marched through the city on {wd}.", A, wd, v, "day", "point"))
    CASES.append((f"The ministry said on {wd} that the talks had failed.", A, wd, v, "day", "point"))
_N = {"two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}
for w, n in _N.items():
    CASES.append((f"The convoy was ambushed {w} days ago.", A, f"{w} days ago",
                  D.fromordinal(A.toordinal() - n), "day", "point"))
    CASES.append((f"The mine closed {w} years ago.", A, f"{w} years ago", D(2024 - n, 1, 1),
                  "year", "point"))
for y in (1999, 2003, 2011, 2015, 2022):
    CASES.append((f"The regime fell in {y}.", A, str(y), D(y, 1, 1), "year", "point"))
    CASES.append((f"The mission has operated since {y}.", A, f"since {y}", D(y, 1, 1), "year", "since"))


@pytest.mark.parametrize("sentence,anchor,frag,value,precision,kind", CASES)
def test_tag(tagger, sentence, anchor, frag, value, precision, kind):
    txs = tagger.tag(sentence, anchor)
    hit = [t for t in txs if frag.lower() in t.text.lower() or t.text.lower() in frag.lower()]
    assert hit, (sentence, txs)
    t = hit[0]
    assert sentence[t.start:t.end] == t.text
    assert t.value == value
    if precision != "range":
        assert t.precision == precision
    assert t.kind == kind


NO_TIMEX = [
    "2000 people fled the fighting.",
    "The president may visit the region.",
    "Officials said 1500 soldiers were deployed.",
    "The bill passed with 2024 votes in favour.",
]


@pytest.mark.parametrize("sentence", NO_TIMEX)
def test_no_false_dates(tagger, sentence):
    assert [t for t in tagger.tag(sentence, A) if t.value is not None] == []


def test_anchor_none_keeps_relative_unresolved(tagger):
    txs = tagger.tag("Troops moved in yesterday and on June 19.", None)
    assert txs and all(t.value is None for t in txs)
    txs = tagger.tag("Troops moved in on June 19, 2024.", None)
    assert txs[0].value == D(2024, 6, 19)


def test_event_date_nearest_trigger(tagger):
    s = "On Monday officials in the capital said that the attack took place on June 12."
    txs = tagger.tag(s, A)
    assert event_date(txs, s.index("attack"), A) == ("2024-06-12", "day")
    assert event_date(txs, 3, A) == ("2024-06-17", "day")
    assert event_date([], 0, A) == ("2024-06-21", "day")
    assert event_date([], 0, None) == (None, None)
    s2 = "Sanctions last until 2026 and have applied since 2022."
    assert event_date(tagger.tag(s2, A), 0, A) == ("2022-01-01", "year")


# --------------------------------------------------------------------------- datelines
DATELINES = [
    ("MOSCOW, June 20 (Reuters) - Russia said on Thursday.", D(2024, 6, 20), "Moscow"),
    ("SEOUL, 19 June 2024 — North Korea fired a missile.", D(2024, 6, 19), "Seoul"),
    ("2024-06-19\nThe foreign ministers met.", D(2024, 6, 19), None),
    ("KYIV, Ukraine, March 3, 2023 (AP) — Russian forces advanced.", D(2023, 3, 3), "Kyiv"),
    ("Delegates pose for a photo, Geneva, May 2, 2024\nTalks began.", D(2024, 5, 2), "Geneva"),
    ("NAIROBI, Kenya (AP) Feb. 4, 2022 — Police fired tear gas.", None, None),
    ("BEIRUT, Oct 7 (Reuters) - Israeli jets struck.", D(2023, 10, 7), "Beirut"),
]


@pytest.mark.parametrize("text,value,place", DATELINES)
def test_find_dateline(text, value, place):
    m = find_dateline(text, ref=D(2024, 6, 25))
    if value is None:
        return        # format not promised; must not crash
    assert m is not None and m.date == value and m.place == place
    assert text[m.start:m.end].strip(" ,") == m.text


def test_no_dateline():
    assert find_dateline("Officials met to discuss trade.\nNothing else.") is None


def test_document_date_order():
    t = "MOSCOW, June 20, 2024 (Reuters) - Talks were held."
    assert document_date(t, D(2024, 6, 21), None) == DocDate(D(2024, 6, 21), "metadata", ())
    assert document_date(t, None, D(2020, 1, 1)).source == "dateline"
    assert document_date("No date here.", None, D(2020, 1, 1)) == DocDate(D(2020, 1, 1), "option", ())
    assert document_date("No date here.", None, None) == DocDate(None, "none", ())
    d = document_date(t, D(2024, 1, 1), None)
    assert d.source == "metadata" and any("differs" in w for w in d.warnings)


LOOSE = [
    ("2024-06-19", D(2024, 6, 19)),
    ("2024-06-19T10:15:00Z", D(2024, 6, 19)),
    ("Wed, 19 Jun 2024 08:00:00 +0000", D(2024, 6, 19)),
    ("June 19, 2024", D(2024, 6, 19)),
    ("19 June 2024", D(2024, 6, 19)),
    ("19/06/2024", D(2024, 6, 19)),
    ("20240619", D(2024, 6, 19)),
    ("", None),
    ("not a date", None),
]


@pytest.mark.parametrize("s,value", LOOSE)
def test_parse_date_loose(s, value):
    assert parse_date_loose(s) == value


# --------------------------------------------------------------------------- founding article
ART = shared_dir() / "corpus" / "putin-pyongyang-analysis.txt"


@pytest.mark.skipif(not ART.exists(), reason="shared corpus not available")
def test_founding_article_dates(tagger):
    text = ART.read_text(encoding="utf-8")
    m = find_dateline(text)
    assert m is not None and m.date == D(2024, 7, 19) and m.place == "Pyongyang"
    d = document_date(text, None, None)
    assert d.date == D(2024, 7, 19) and d.source == "dateline"
    assert any("2024-07-19" in w and "2024-06-19" in w for w in d.warnings)


def test_founding_sentences(tagger):
    s = "The draft treaty is known to have been under discussion since September 2023."
    t = tagger.tag(s, D(2024, 7, 19))
    assert [(x.value, x.precision, x.kind) for x in t] == [(D(2023, 9, 1), "month", "since")]
    s = ("The two countries also signed an agreement on June 19 on the construction of a "
         "border road bridge over the Tumannaya River in a related development.")
    t = tagger.tag(s, D(2024, 7, 19))
    assert event_date(t, s.index("signed"), D(2024, 7, 19)) == ("2024-06-19", "day")
