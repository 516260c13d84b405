"""PETRARCH/TABARI dictionaries as actor sources: dated codes, synonyms, agents, discards."""
from datetime import date

import pytest

from geopol.actors.kb import KnowledgeBase
from geopol.actors.petrarch import parse_code, plural
from geopol.actors.resolver import ActorResolver, DocContext

ACTORS = """# test actors
<!-- an XML comment line -->
FREEDONIA_  [FRD]
+FREEDONIAN_
+FREEDONIANS # demonym
RUFUS_T._FIREFLY_  # a person with tenures
+FIREFLY_
\t[FRDELI 200101-230930]
\t[FRDGOV >231001]
SYLVANIA [USRSYL <911231]
\t[SYL]
"""
AGENTS = """!PERSON! = MAN, MEN
PRESIDENT [~GOV]
POLICE {} [~COP]
MINISTRY {MINISTRIES} [~GOV]
MILITIA!PERSON! [~REB]
PEACEKEEPER [IGO~]
"""
DISCARDS = """+WORLD SNOOKER CHAMPIONSHIP
DUCK SOUP
"""


@pytest.fixture(scope="module")
def resolver(tmp_path_factory, nlp):
    d = tmp_path_factory.mktemp("petr")
    (d / "Test.actors.txt").write_text(ACTORS)
    (d / "Test.agents.txt").write_text(AGENTS)
    (d / "Test.discards.txt").write_text(DISCARDS)
    kb = KnowledgeBase.load(extra=[d], replace=True)
    return ActorResolver(kb, nlp.tokenizer)


def codes(resolver, nlp, text, when=date(2024, 6, 20)):
    ctx = DocContext()
    return ["+".join(a.code for a in m.actors) for s in nlp(text).sents for m in resolver.mentions(s, when, ctx)]


def test_dates_and_codes():
    assert parse_code("FRDGOV >231001", "x") == ("FRDGOV", date(2023, 10, 1), None)
    assert parse_code("HOB < 950601", "x") == ("HOB", None, date(1995, 6, 1))
    assert parse_code("HOBGOV 19950601 - 19990815", "x") == ("HOBGOV", date(1995, 6, 1), date(1999, 8, 15))
    assert parse_code("---", "x") is None
    assert plural("MINISTRY") == "MINISTRIES" and plural("POLICEMAN") == "POLICEMEN" and plural("CHURCH") == "CHURCHES"


def test_countries_synonyms_and_agents(resolver, nlp):
    assert codes(resolver, nlp, "Freedonian police arrested him.") == ["FRDCOP"]
    assert codes(resolver, nlp, "The Freedonian president spoke.") == ["FRDGOV"]
    assert codes(resolver, nlp, "Freedonia's ministries closed.") == ["FRDGOV"]
    assert codes(resolver, nlp, "Freedonian militiamen attacked.") == ["FRDREB"]
    assert codes(resolver, nlp, "Freedonian peacekeepers arrived.") == ["IGOFRD"]
    assert codes(resolver, nlp, "The freedonia shop closed.") == []      # names need a capital letter


def test_date_limited_codes(resolver, nlp):
    assert codes(resolver, nlp, "Firefly spoke.", date(2022, 1, 1)) == ["FRDELI"]
    assert codes(resolver, nlp, "Firefly spoke.", date(2024, 1, 1)) == ["FRDGOV"]
    assert codes(resolver, nlp, "Sylvania protested.", date(1990, 1, 1)) == ["USRSYL"]
    assert codes(resolver, nlp, "Sylvania protested.", date(2000, 1, 1)) == ["SYL"]


def test_discards(resolver, nlp):
    assert codes(resolver, nlp, "Freedonia won the Duck Soup prize.") == []
    got = codes(resolver, nlp, "Freedonia hosted the World Snooker Championship. Sylvania protested.")
    assert got == []                                                    # story-level: the rest is discarded


def test_phoenix_dictionaries_load(shared, nlp):
    d = shared / "data/reference/petrarch2-dictionaries"
    if not d.is_dir():
        pytest.skip("no PETRARCH reference dictionaries")
    files = [d / n for n in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                             "Phoenix.agents.txt")]
    kb = KnowledgeBase.load(extra=files, replace=True)
    r = ActorResolver(kb, nlp.tokenizer)
    assert codes(r, nlp, "Russian troops shelled Kharkiv.") == ["RUSMIL", "UKR"]
    assert codes(r, nlp, "Vladimir Putin met the UN Security Council.", date(2024, 6, 20))[0] == "RUSGOV"
    # a country adjective coordinated with a role word that has no country of its own (a regression)
    assert codes(r, nlp, "Serbian and Moslem armed forces clashed near Gorazde.")[0].startswith("SRB")
