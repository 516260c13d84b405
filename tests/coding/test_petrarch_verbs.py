"""Tests for the PETRARCH-2 verb dictionary reader."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from geopol.coding.patterns import OBJ, PatternError, PatternSet
from geopol.coding.petrarch_verbs import load_petrarch_verbs

SAMPLE = """\
# a tiny dictionary in the CAMEO.2.0.txt format
####### SYNONYM SETS #######

&ARMS
+WEAPON
+RIFLE
+ANTI_TANK_MISSILE

&TREATY
+ACCORD
+PACT

####### VERB PATTERNS #######

---  SUPPLY   [070]  ---
SUPPLY {SUPPLIES SUPPLYING SUPPLIED }
DELIVER  # a comment
+HAND_OVER [0842]
- * &ARMS (TO +)                           [072]         # SUPPLY
- * {FOOD AID}                             [073]
- * (TO +)                                 [070:071]
- + INSPECTOR * (INTO $)                   [0862]
- * (IN COURT)                             [:173]
- * NOTHING                                [---]
- * &UNDEFINED_SET                         [072]

---  MEET   [---]  ---
MEET {MET MEETS MEETING}
- * (WITH +)                               [040:040]
- * &TREATY                                [057]

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
"""


@pytest.fixture()
def sample(tmp_path: Path) -> Path:
    p = tmp_path / "mini.verbs.txt"
    p.write_text(SAMPLE, encoding="utf-8")
    return p


def test_sample_conversion(sample):
    pats, stats = load_petrarch_verbs(sample)
    assert stats["blocks"] == 2
    assert stats["skipped_null_code"] == 1
    assert stats["skipped_undefined_synset"] == 1
    assert stats["secondary_codes_dropped"] == 2
    assert stats["transformations_skipped"] == 1
    assert stats["synset_phrases_dropped"] == 1
    ps = PatternSet.from_patterns(pats)
    # verb defaults
    assert ps.best("supply", False, {"supply"}).code == "070"
    assert ps.best("deliver", False, {"deliver"}).code == "070"
    assert ps.best("hand", False, {"hand", "over"}).code == "0842"
    assert ps.best("meet", False, {"meet"}) is None          # [---] block: no default
    # patterns apply to every verb of the block, synsets become alternatives, '+' is the target
    p = ps.best("deliver", False, {"deliver", "rifle", "to", "kenya"})
    assert p.code == "072" and p.target == frozenset({"to"}) and not p.swap
    assert ps.best("supply", False, {"supply", "food", "aid"}).code == "073"
    assert ps.best("hand", False, {"hand", "over", "weapon", "to"}).code == "072"
    # '$' source after the verb, '[:B]' reverse-only codes -> @swap
    p = ps.best("supply", False, {"supply", "inspector", "into", "iraq"})
    assert p.code == "0862" and p.swap and p.target == frozenset({"into"})
    p = ps.best("supply", False, {"supply", "in", "court"})
    assert p.code == "173" and p.swap
    p = ps.best("meet", False, {"meet", "with", "x"})
    assert p.code == "040" and p.target == frozenset({"with"})
    assert ps.best("meet", False, {"meet", "pact"}).code == "057"
    assert all(p.origin.startswith("mini.verbs.txt:") for p in pats)


def test_errors_name_file_and_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("---  X   [010]  ---\nSAY\n- SAY NOTHING [010]\n", encoding="utf-8")
    with pytest.raises(PatternError, match=r"bad.txt:3:"):
        load_petrarch_verbs(bad)
    bad.write_text("---  X   [010]  ---\nSAY\n- * FOO [01x]\n", encoding="utf-8")
    pats, stats = load_petrarch_verbs(bad)
    assert stats["skipped_bad_code"] == 1
    with pytest.raises(PatternError, match=r"bad.txt:3: bad CAMEO code"):
        load_petrarch_verbs(bad, strict=True)


def _shared() -> Path:
    env = os.environ.get("GEOPOL_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[3] / "shared"


def test_real_cameo_dictionary():
    path = _shared() / "data" / "reference" / "petrarch2-dictionaries" / "CAMEO.2.0.txt"
    if not path.exists():
        pytest.skip(f"{path} not available")
    pats, stats = load_petrarch_verbs(path)
    assert len(pats) >= 3000
    assert stats["blocks"] > 300 and stats["patterns"] > 3000
    ps = PatternSet.from_patterns(pats)
    assert ps.best("ask", False, {"ask", "for", "humanitarian", "aid"}).code == "0233"
    assert any(p.target == frozenset([OBJ]) for p in pats)


def test_placeholder_and_non_cameo_block_codes_are_skipped_not_fatal(tmp_path):
    """The PETRARCH toy dictionaries use "[+++]" (no code of the block's own) and WEIS-style codes."""
    from geopol.coding.petrarch_verbs import load_petrarch_verbs
    f = tmp_path / "toy.verbs.txt"
    f.write_text("--- BLAST  [+++]  ---\nBLAST\n- * STATEMENT  [122]\n\n"
                 "--- HELP  [210a] ---\nHELP\n- * DEMONSTRATION  [181]\n", encoding="utf-8")
    pats, stats = load_petrarch_verbs(f)
    assert {p.code for p in pats} == {"122", "181"}
    assert stats["skipped_bad_code"] == 1
