"""Phrase -> actor code cases (tests/actors/phrase_cases.tsv): countries, metonyms, organisations,
groups, sectors, people at dates, near misses and coreference over several sentences."""
from datetime import date
from pathlib import Path

import pytest

from geopol.actors.resolver import DocContext

CASES = Path(__file__).with_name("phrase_cases.tsv")


def _cases():
    lines = [ln for ln in CASES.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    for n, ln in enumerate(lines[1:], 2):
        row = dict(zip(header, ln.split("\t")))
        yield pytest.param(row["text"], row["date"], row["expected"], id=f"{n}:{row['text'][:40]}")


def resolve(pipe, text: str, when: date) -> list[str]:
    ctx = DocContext()
    out = []
    for sent in pipe.nlp(text).sents:
        for m in pipe.resolver.mentions(sent, when, ctx):
            out.append("+".join(a.code for a in m.actors))
    return out


def check(got: list[str], expected: str) -> bool:
    if expected == "-":
        return not got
    if expected.startswith("!"):
        bad = expected[1:]
        if bad.endswith("-only"):
            return bad[:-5] not in got
        return not any(bad in g for g in got)
    return got == expected.split()


def test_there_are_at_least_400_cases():
    assert sum(1 for _ in _cases()) >= 400


@pytest.mark.parametrize("text,when,expected", list(_cases()))
def test_phrase_case(geopol_pipeline, text, when, expected):
    got = resolve(geopol_pipeline, text, date.fromisoformat(when))
    assert check(got, expected), f"{text!r} on {when}: got {got}, want {expected}"
