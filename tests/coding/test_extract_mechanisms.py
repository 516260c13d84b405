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


# -- precision: background event nouns, purpose clauses, announced measures, statement rank ------------------

def _asserted(ev):
    return [e for e in ev if e[4] == "asserted"]


@pytest.mark.parametrize("text,absent", [
    # a setting phrase: "since/after X", "on the eve of X", "amid X" without an actor of its own
    ("Peru granted asylum to five Panamanian officers who have hidden in its embassy since last month's "
     "U.S. invasion.", "ASSAULT"),
    ("Indian troops remained on alert in Kashmir after a week of unrest.", "PROTEST"),
    ("Pakistan threatened to cut ties with Congo on the eve of a visit by the Palestinian leader.", "CONSULT"),
    # the content of another event: what was rejected, complained about, agreed to
    ("Serbia flatly rejected an Australian ultimatum to hand over the guard.", "THREATEN"),
    ("Beirut rejected a United Nations appeal for deploying troops along the border.", "REQUEST"),
    ("Lebanon complained to the United Nations over two Israeli air raids on its villages.", "ASSAULT"),
    # an actor only as a modifier of a noun that is neither subject nor head: "a U.N. mediator"
    ("Afghan rebel leaders met U.N. mediator Diego Cordovez in Geneva.", None),
])
def test_background_event_nouns_are_not_events(geopol_pipeline, text, absent):
    ev = _asserted(_events(geopol_pipeline, text))
    if absent is not None:
        assert not any(p == absent for _, p, _, _, _, _ in ev), ev
    assert not any(trig in ("mediator", "invasion", "unrest", "visit", "ultimatum", "appeal", "raids")
                   for *_, trig in ev), ev


@pytest.mark.parametrize("text,ptype,trigger", [
    ("Israel mounted its long-threatened invasion of South Lebanon on Monday.", "ASSAULT", "invasion"),
    ("Palestinian riots against Israeli military policies are still continuing.", "PROTEST", "riots"),
    ("Students staged a hunger strike on Sunday in protest against the arrest of their leader by Algerian "
     "police.", "PROTEST", None),
])
def test_event_nouns_tied_to_an_actor_are_kept(geopol_pipeline, text, ptype, trigger):
    ev = _asserted(_events(geopol_pipeline, text))
    assert any(p == ptype and (trigger is None or trig == trigger) for _, p, _, _, _, trig in ev), ev


def test_purpose_clause_of_a_passive_is_done_by_those_sent(geopol_pipeline):
    ev = _events(geopol_pipeline, "Russian troops were sent to Chechnya to crush the rebellion.")
    assert any(trig == "crush" and s.startswith("RUS") for _, _, s, _, _, trig in ev), ev
    ev = _events(geopol_pipeline, "The United Nations sent 21 military observers to Bosnia to investigate the "
                                  "shelling of Sarajevo.")
    assert any(p == "ACCUSE" and trig == "investigate" and s.startswith("IGOUNO") for _, p, s, _, _, trig in ev), ev


@pytest.mark.parametrize("text,trigger", [
    # an infinitive under a directive, parsed as a purpose clause: requested, not done
    ("The U.N. relief coordinator demanded the parties to the conflict in Sudan to allow humanitarian workers "
     "free movement.", "allow"),
    ("Serbia demanded a meeting of the U.N. Security Council to discuss the Croatian offensive.", "discuss"),
    # a clause hung on the verb instead of on its object noun takes the noun's cue
    ("The International Labour Office reiterated its demand today that Israel ease restrictions on "
     "Palestinian workers.", "ease"),
    ("Vietnam and Cambodia signed an agreement today to increase trade by 50 percent.", "increase"),
    ("The Homeland Union began a drive to convince the Lithuanian parliament to amend the constitution.", "amend"),
])
def test_requested_and_agreed_acts_are_not_asserted(geopol_pipeline, text, trigger):
    ev = _events(geopol_pipeline, text)
    assert not any(trig == trigger and m == "asserted" for *_, m, trig in ev), ev


def test_sworn_intention_is_a_threat(geopol_pipeline):
    ev = _events(geopol_pipeline, "Ethnic Albanian rebels have sworn to fight Macedonian forces until they "
                                  "control the border villages.")
    assert any(p == "THREATEN" and m == "asserted" and s.startswith("ALB") for _, p, s, _, m, _ in ev), ev
    assert not any(p == "ASSAULT" and m == "asserted" for _, p, _, _, m, _ in ev), ev


def test_announced_sanction_is_the_sanction(geopol_pipeline):
    ev = _events(geopol_pipeline, "The United States announced on Wednesday it would prohibit all aid to "
                                  "Albanian rebels in Macedonia.")
    # stopping aid to a party is a reduction of aid (CAMEO 162), a PLOVER SANCTION
    assert any(p == "SANCTION" and m == "asserted" and trig == "announced" for _, p, _, _, m, trig in ev), ev
    assert not any(p == "THREATEN" for _, p, *_ in ev), ev
    # a warning stays a threat
    ev = _events(geopol_pipeline, "Palestinian leaders said they would boycott all contact with the United States.")
    assert any(p == "THREATEN" and m == "asserted" for _, p, _, _, m, _ in ev), ev


def test_verbal_support_patterns(geopol_pipeline):
    ev = _asserted(_events(geopol_pipeline, "The German government welcomed President Obama's latest policy "
                                            "statement on Iran."))
    assert any(p == "SUPPORT" for _, p, *_ in ev) and not any(p == "CONSULT" for _, p, *_ in ev), ev
    ev = _asserted(_events(geopol_pipeline, "Arafat defended Iraq and Libya on Friday against Western criticism "
                                            "of their arms industries."))
    assert any(c == "052" and t == "IRQ" for c, _, _, t, _, _ in ev), ev


def test_statement_ranks_below_the_specific_event(geopol_pipeline):
    res = geopol_pipeline.code_text("Nigeria said Nigerian troops attacked rebel camps near Lake Chad on Sunday.")
    said = [e.confidence for e in res.events if e.type.code.startswith("01")]
    other = [e.confidence for e in res.events if not e.type.code.startswith("01")]
    assert other, [(e.type.code, e.trigger) for e in res.events]
    assert all(s < min(other) for s in said)


def test_target_is_the_object_of_the_complement(geopol_pipeline):
    """"threatened to expel X": X is the target of the threat as well as of the expulsion."""
    from datetime import date
    ev = geopol_pipeline.code_text("Turkey threatened to expel the Swedish ambassador.", "x", date(2024, 1, 1)).events
    threat = [e for e in ev if e.type.root == "13"]
    assert threat and threat[0].source.country == "TUR" and threat[0].target.country == "SWE"
    assert threat[0].modality == "asserted"


# -- target binding ---------------------------------------------------------------------------------------
def _pairs(pipeline, text, ptype):
    return {(s, t) for _, p, s, t, m, _ in _events(pipeline, text) if p == ptype and m == "asserted"}


@pytest.mark.parametrize("text,ptype,source,target", [
    # a domestic party of another kind is a fine guessed target ...
    ("The Ethiopian government on Friday accepted demands from Oromo rebels that it release political "
     "prisoners.", "CONCEDE", "ETHGOV", "ETHREBORO"),     # ethnic.tsv: Oromo
    ("The Sudanese army rejected a fresh offer from the Rapid Support Forces for direct talks.", "REJECT",
     "SDNMIL", "SDNREBRSF"),
    # ... but not a bare country or city of the source's own country, nor a country's own organs
    ("The Thai government imposed a curfew in Bangkok on Monday.", "COERCE", "THAGOV", None),
    ("Syria has offered its troops to Lebanon's new president to restore order in Beirut.", "AGREE", "SYR",
     "LBNGOV"),
])
def test_domestic_targets_of_another_kind(geopol_pipeline, text, ptype, source, target):
    assert (source, target) in _pairs(geopol_pipeline, text, ptype), _events(geopol_pipeline, text)


def test_domestic_target_whose_country_comes_from_earlier_sentences_is_not_guessed():
    from geopol.coding.extract import other_party
    from geopol.records import Actor
    gov = Actor("Kim", "PRKGOV", "PRK", "GOV")
    assert other_party(Actor("rebels", "PRKREB", "PRK", "REB", rule="role REB"), [gov])
    assert not other_party(Actor("media", "PRKMED", "PRK", "MED", rule="country PRK from context "
                                                                    "(previous sentences: 'Pyongyang')"), [gov])
    assert not other_party(Actor("Pyongyang", "PRK", "PRK"), [gov])
    assert not other_party(Actor("its troops", "PRKMIL", "PRK", "MIL"), [Actor("North Korea", "PRK", "PRK")])
    assert not other_party(Actor("UNIFIL", "IGOUNOUFL", "IGO", "UFL"), [Actor("UNSC", "IGOUNOUSC", "IGO", "USC")])


def test_target_named_inside_a_passive_subject(geopol_pipeline):
    """"a convoy of Ukrainian refugees was shelled": the refugees are the target."""
    assert ("RUSMIL", "UKRREF") in _pairs(geopol_pipeline, "A convoy of Ukrainian refugees was shelled by "
                                                           "Russian troops near Kharkiv.", "ASSAULT")


def test_target_of_a_purpose_clause(geopol_pipeline):
    """"opened fire to disperse X", "began a hunger strike to protest X's refusal": X is the target."""
    assert ("TURCOP", "TUROPPKUR") in _pairs(geopol_pipeline, "Turkish police opened fire to disperse Kurdish "
                                                           "demonstrators in Diyarbakir.", "ASSAULT")
    assert ("KENLEG", "KENGOV") in _pairs(geopol_pipeline, "A member of the Kenyan parliament began a hunger "
                                          "strike on Monday to protest President Ruto's refusal to hold new "
                                          "elections.", "PROTEST")


def test_agent_of_an_event_noun_is_the_target_and_manner_noun_is_the_subjects_act(geopol_pipeline):
    text = "Chilean miners protested on Monday against the arrest of their leaders by Chilean police."
    assert ("CHLLAB", "CHLCOP") in _pairs(geopol_pipeline, text, "PROTEST"), _events(geopol_pipeline, text)
    # "in protest" with no actor of its own is the act of the verb's subject, not of the one arrested by
    text = "Algerian students staged a hunger strike on Sunday in protest against the arrest of their leader by police."
    ev = _asserted(_events(geopol_pipeline, text))
    assert any(p == "PROTEST" and s == "DZAEDU" for _, p, s, *_ in ev), ev
    assert not any(p == "COERCE" and s == "DZAEDU" for _, p, s, *_ in ev), ev


@pytest.mark.parametrize("text,ptype,a,b", [
    ("Armenia and Azerbaijan agreed to a ceasefire on Sunday after three days of fighting.", "AGREE", "ARM", "AZE"),
    ("Kenya and Uganda have upgraded their diplomatic ties to ambassadorial level.", "SUPPORT", "KEN", "UGA"),
    # coordinated modifiers name both parties; a guessed third party ("Bosnian refugees") does not replace them
    ("The Turkish and Greek sides have agreed to share information on missing people.", "AGREE", "TUR", "GRC"),
    ("Senior Serbian and Croatian officials agreed on Tuesday that their countries should cooperate to help "
     "Bosnian refugees return home.", "AGREE", "SRBGOV", "HRVGOV"),
])
def test_coordinated_parties_of_a_joint_act_are_each_others_target(geopol_pipeline, text, ptype, a, b):
    pairs = _pairs(geopol_pipeline, text, ptype)
    assert (a, b) in pairs and (b, a) in pairs, pairs


def test_preposition_left_without_its_object_takes_the_next_actor(nlp):
    """A parse that leaves "to" without an object ("granted asylum to [five officers holed up ...]" read as a
    clause) still finds the actor named right after it."""
    from spacy.tokens import Doc

    from geopol.actors.resolver import Mention
    from geopol.records import Actor
    words = ["Chile", "granted", "asylum", "to", "five", "Bolivian", "officers", "hiding", "there"]
    heads = [1, 1, 1, 1, 6, 6, 7, 1, 7]
    deps = ["nsubj", "ROOT", "dobj", "prep", "nummod", "amod", "nsubj", "advcl", "advmod"]
    pos = ["PROPN", "VERB", "NOUN", "ADP", "NUM", "ADJ", "NOUN", "VERB", "ADV"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, sent_starts=[1] + [0] * 8)
    bol = Actor("Bolivian officers", "BOLMIL", "BOL", "MIL")
    idx = {5: Mention(5, 7, (bol,)), 6: Mention(5, 7, (bol,))}
    ex = EventExtractor(PatternSet([]), intents={})
    trig = doc[1]
    from geopol.coding.extract import frame_of as _frame
    assert ex._prep_target(trig, _frame(trig), ("to",), idx) == [bol]


def test_gerund_under_a_preposition_is_done_by_the_verbs_subject(geopol_pipeline):
    """"responded by blocking border crossings": the farmers block."""
    assert ("POLAGR", "UKR") in _pairs(geopol_pipeline, "Angry Polish farmers responded by blocking border "
                                                        "crossings with Ukraine on Tuesday.", "PROTEST")


# --- stated intentions, refusals and demands (intent.tsv columns intent / refusal / demand) -------------------
def _asserted_of(ev, plover):
    return [(c, s, t, trig) for c, p, s, t, m, trig in ev if p == plover and m == "asserted"]


@pytest.mark.parametrize("text,plover,src,tgt", [
    ("Chile is willing to send peacekeepers to Haiti, the defence ministry said.", "AGREE", "CHL", "HTI"),
    ("Kenya says it is ready to withdraw its troops from Somalia.", "AGREE", "KEN", "SOM"),
    ("Japan will give Vietnam a loan of 300 million dollars.", "AGREE", "JPN", "VNM"),
    ("Poland said it plans to impose sanctions on Belarus.", "THREATEN", "POL", "BLR"),
    ("Sweden announced that it intends to expel two Russian diplomats.", "THREATEN", "SWE", "RUS"),
])
def test_intentions_of_the_own_actor_are_asserted(geopol_pipeline, text, plover, src, tgt):
    ev = _events(geopol_pipeline, text)
    found = _asserted_of(ev, plover)
    assert any(s.startswith(src) and (t or "").startswith(tgt) for _, s, t, _ in found), ev
    # the intended act itself is not asserted
    assert not any(m == "asserted" and p not in (plover, None) and s.startswith(src) for _, p, s, _, m, _ in ev), ev


@pytest.mark.parametrize("text", [
    "Analysts in London said Iran will attack Israel.",
    "British officials said Iran could attack Israel.",
])
def test_forecasts_are_no_intentions(geopol_pipeline, text):
    ev = _events(geopol_pipeline, text)
    assert not [e for e in ev if e[1] in ("AGREE", "THREATEN") and e[4] == "asserted"], ev


@pytest.mark.parametrize("text,src,tgt", [
    ("Turkey will expel the Dutch ambassador if the Netherlands bans the rally.", "TUR", "NLD"),
    ("The European Union said it could suspend aid to Niger if the junta stays in power.", "IGOEU", "NER"),
])
def test_conditional_threats_are_threats(geopol_pipeline, text, src, tgt):
    ev = _events(geopol_pipeline, text)
    assert any(p == "THREATEN" and m == "asserted" and s.startswith(src) and (t or "").startswith(tgt)
               for _, p, s, t, m, _ in ev), ev
    assert not any(p in ("SANCTION", "COERCE") and m == "asserted" for _, p, _, _, m, _ in ev), ev


@pytest.mark.parametrize("text,src,tgt", [
    ("Turkey said it will not accept any more refugees from Syria.", "TUR", None),
    ("The Serbian prime minister declined to resign.", "SRB", None),
    ("Egypt refused to release the detained journalists.", "EGY", None),
])
def test_refusals_are_rejections(geopol_pipeline, text, src, tgt):
    ev = _events(geopol_pipeline, text)
    found = _asserted_of(ev, "REJECT")
    assert any(c.startswith("12") and s.startswith(src) for c, s, _, _ in found), ev


def test_a_refusal_not_to_attack_is_no_rejection(geopol_pipeline):
    ev = _events(geopol_pipeline, "Pakistan said it will not attack India.")
    assert not _asserted_of(ev, "REJECT"), ev


@pytest.mark.parametrize("text,src,tgt,code", [
    ("Germany said on Friday that Hungary must release the two journalists.", "DEU", "HUN", "1053"),
    ("The European Union declared that Serbia must withdraw its police from Kosovo.", "IGOEU", "SRB", "1056"),
    ("Brazil insisted that Paraguay must hand over the documents.", "BRA", "PRY", "10"),
    # rebels and the government of their own country are two parties
    ("Rebels in Chad announced that the government must release all political prisoners.", "TCDREB", "TCDGOV", "10"),
    # a speech noun carries the demand: "issued a reminder to X that it must ..."
    ("The European Union issued a stern reminder to Serbia that it must cooperate with the tribunal.", "IGOEU",
     "SRB", "10"),
])
def test_what_another_actor_must_do_is_a_demand(geopol_pipeline, text, src, tgt, code):
    ev = _events(geopol_pipeline, text)
    found = _asserted_of(ev, "REQUEST")
    assert any(c.startswith(code) and s.startswith(src) and (t or "").startswith(tgt) for c, s, t, _ in found), ev


def test_own_duty_is_no_demand(geopol_pipeline):
    ev = _events(geopol_pipeline, "Israel said it must defend its citizens.")
    assert not _asserted_of(ev, "REQUEST"), ev
    ev = _events(geopol_pipeline, "The Kremlin said Russia must defend its citizens.")
    assert not _asserted_of(ev, "REQUEST"), ev


# --- an agreement referred back to by a definite description (EventMemory) ------------------------------------
def test_agreement_under_discussion_takes_the_parties_of_the_earlier_event(geopol_pipeline):
    res = geopol_pipeline.code_text("Chile and Peru signed a fisheries accord in Lima on Monday. "
                                    "The accord had been under negotiation since 2019.")
    ev = [e for e in res.events if e.sentence_index == 1]
    assert {(e.source.country, e.target.country) for e in ev} == {("CHL", "PER"), ("PER", "CHL")}
    assert {e.type.code for e in ev} == {"046"} and all(e.source.text == "The accord" for e in ev)


@pytest.mark.parametrize("text", [
    # nothing earlier names the agreement's parties
    "The accord had been under negotiation since 2019.",
    # an indefinite description is another agreement
    "Chile and Peru signed a fisheries accord on Monday. A new accord is under discussion.",
    # another kind of thing under discussion
    "Chile and Peru signed a fisheries accord on Monday. The budget is under discussion.",
])
def test_no_parties_without_a_definite_earlier_agreement(geopol_pipeline, text):
    ev = [e for e in geopol_pipeline.code_text(text).events if e.type.code == "046"]
    assert not ev, ev


# --- violence by an unidentified perpetrator (CAMEO UAF) ------------------------------------------------------
@pytest.mark.parametrize("text,source,target", [
    ("Four Afghan soldiers were killed by a roadside bomb in Kandahar on Monday.", "AFGUAF", "AFGMIL"),
    ("A car bomb explosion in Mogadishu killed three Somali police officers.", "SOMUAF", "SOMCOP"),
    ("Two Nigerian journalists were shot dead in Lagos.", "NGAUAF", "NGAJRN"),
])
def test_violence_without_a_named_perpetrator_is_coded_with_uaf(geopol_pipeline, text, source, target):
    ev = [e for e in geopol_pipeline.code_text(text).events if e.type.plover_type == "ASSAULT"]
    assert any(e.source.code == source and e.target and e.target.code.startswith(target[:3])
               and e.modality == "asserted" for e in ev), [(e.source.code, e.target and e.target.code) for e in ev]
    assert all(e.source.sector == "UAF" for e in ev)


@pytest.mark.parametrize("text", [
    "The Kenyan journalist was killed by his brother.",          # a person, not an armed group
    "The Canadian minister was criticized.",                    # not violence
    "Somebody was killed somewhere.",                            # no place, no actor
])
def test_no_uaf_without_violence_place_or_victim(geopol_pipeline, text):
    ev = geopol_pipeline.code_text(text).events
    assert not [e for e in ev if e.source.sector == "UAF"], ev


@pytest.mark.parametrize("text,src,tgt,plover", [
    ("Greece is opposed to Turkish mediation in the dispute.", "GRC", "TUR", "REJECT"),
    ("Ethiopian troops were engaged in heavy fighting with Eritrean forces.", "ETH", "ERI", "ASSAULT"),
])
def test_stative_participles_keep_their_subject_as_the_actor(geopol_pipeline, text, src, tgt, plover):
    ev = _events(geopol_pipeline, text)
    assert any(p == plover and s.startswith(src) and (t or "").startswith(tgt) for _, p, s, t, _, _ in ev), ev


def test_a_real_passive_still_swaps(geopol_pipeline):
    ev = _events(geopol_pipeline, "The Greek embassy was attacked by Turkish protesters.")
    assert any(s.startswith("TUR") and (t or "").startswith("GRC") for _, _, s, t, _, _ in ev), ev


@pytest.mark.parametrize("text,plover,src", [
    ("Sudanese troops were engaged in ethnic cleansing against the Masalit in Darfur.", "ASSAULT", "SDNMIL"),
    ("Syrian troops took part in the raid on the Lebanese village.", "ASSAULT", "SYRMIL"),
    ("The United States speeded up the withdrawal of its forces from Panama.", "RETREAT", "USA"),
    ("French farmers joined the protest against the European Union.", "PROTEST", "FRA"),
])
def test_acts_named_by_nouns_under_participation_and_aspect_verbs(geopol_pipeline, text, plover, src):
    ev = _events(geopol_pipeline, text)
    assert any(p == plover and m == "asserted" and s.startswith(src) for _, p, s, _, m, _ in ev), ev
    # "took part in the raid" is no occupation
    assert not any(c == "192" for c, *_ in ev), ev


def test_denying_an_act_is_no_refusal_of_arms(geopol_pipeline):
    ev = _events(geopol_pipeline, "Belarus denied sending weapons to Russia.")
    assert not any(c.startswith("12") for c, *_ in ev), ev
    assert any(c == "016" and m == "asserted" for c, _, _, _, m, _ in ev), ev


# --- readiness reported with "would", quotations, "as" clauses ---------------------------------
def test_readiness_reported_with_would_is_a_stated_intention(geopol_pipeline):
    for text in ("King Abdullah of Jordan said he would be ready to host a meeting between Israel and the PLO.",
                 "King Abdullah of Jordan was quoted as saying he would be ready to host a meeting between Israel "
                 "and the PLO."):
        ev = _events(geopol_pipeline, text)
        assert any(p == "AGREE" and s == "JORGOV" and m == "asserted" for _, p, s, _, m, _ in ev), (text, ev)
        assert not any(p == "CONSULT" and m == "asserted" for _, p, _, _, m, _ in ev), (text, ev)


def test_willingness_reaches_a_purpose_clause(geopol_pipeline):
    ev = _events(geopol_pipeline, "Norway is willing to send material to help defend Saudi Arabia.")
    assert any(p == "AGREE" and s == "NOR" and t == "SAU" and m == "asserted" for _, p, s, t, m, _ in ev), ev


def test_trailing_as_clause_ranks_below_the_main_event(geopol_pipeline):
    res = geopol_pipeline.code_text("Serbia eased emergency measures on Wednesday in Montenegro, as authorities in "
                                    "Croatia cracked down on Serbian nationalists.")
    best = max((e for e in res.events if e.modality == "asserted"), key=lambda e: e.confidence)
    assert best.type.plover_type == "CONCEDE" and best.source.code.startswith("SRB"), res.events


@pytest.mark.parametrize("text,plover,src", [
    ("The district administration has denied land allocation for the construction of a mosque.", "REJECT", None),
    ("A French minister has cancelled a planned visit to Haiti.", "SANCTION", "FRA"),
    ("Denmark accepted a formula for ending its fisheries dispute with Norway.", "AGREE", "DNK"),
    ("The Macedonian army prepared to resume shelling rebel-held territory.", "MOBILIZE", "MKDMIL"),
    ("Russian troops are preparing to storm the city of Bakhmut.", "MOBILIZE", "RUSMIL"),
    ("The rebel Revolutionary United Front announced it will return weapons seized from peacekeepers.", "AGREE",
     "SLEREB"),
])
def test_news_phrasings_of_the_plover_types(geopol_pipeline, text, plover, src):
    res = geopol_pipeline.code_text(text)
    asserted = [e for e in res.events if e.modality == "asserted"]
    best = max(asserted, key=lambda e: e.confidence) if asserted else None
    assert best is not None and best.type.plover_type == plover, res.events
    assert src is None or best.source.code.startswith(src), res.events


def test_a_planned_cancellation_of_plans_stays_a_policy_change(geopol_pipeline):
    ev = _events(geopol_pipeline, "The government cancelled its plan to build the dam.")
    assert any(c == "0832" for c, *_ in ev), ev


def test_a_bare_report_of_facts_is_no_event(geopol_pipeline):
    for text in ("Global military spending rose for the ninth year in a row, the Stockholm International Peace "
                 "Research Institute said on Monday.",
                 "Kyrgyz authorities have not imposed a curfew in Bishkek, a government spokeswoman said on Tuesday."):
        ev = _events(geopol_pipeline, text)
        assert not [e for e in ev if e[4] == "asserted"], (text, ev)
    # a statement addressed to another actor stays one
    ev = _events(geopol_pipeline, "Japan told Russia on Tuesday that the islands were Japanese territory.")
    assert any(c.startswith("01") and (t or "").startswith("RUS") for c, _, _, t, _, _ in ev), ev


@pytest.mark.parametrize("text,src", [
    ("Nepal's Supreme Court on Tuesday overturned the prime minister's decision to dissolve parliament.", "NPLJUD"),
    ("Kenya's Supreme Court annulled the result of the presidential election.", "KENJUD"),
])
def test_a_court_setting_aside_a_decision_rejects_it(geopol_pipeline, text, src):
    ev = _events(geopol_pipeline, text)
    assert any(c.startswith("12") and s == src and m == "asserted" for c, _, s, _, m, _ in ev), ev


def test_not_ruling_out_force_is_a_threat(geopol_pipeline):
    for text in ("President Donald Trump said on Friday he was not ruling out a military option in Venezuela.",
                 "Israel refused to rule out a strike on Iran's nuclear sites."):
        ev = _events(geopol_pipeline, text)
        assert any(c.startswith("138") and m == "asserted" for c, _, _, _, m, _ in ev), (text, ev)
    ev = _events(geopol_pipeline, "The minister ruled out military action against Iran.")
    assert not any(p == "THREATEN" and m == "asserted" for _, p, _, _, m, _ in ev), ev


@pytest.mark.parametrize("text,src,tgt", [
    ("Ukraine says it has strong evidence proving Russia was behind the chemical attacks.", "UKR", "RUS"),
    ("US officials said Iran was behind the attack on the tanker.", "USA", "IRN"),
    ("The Pentagon said Russia was responsible for the cyber attack.", "USA", "RUS"),
])
def test_saying_a_party_was_behind_an_act_accuses_it(geopol_pipeline, text, src, tgt):
    ev = _events(geopol_pipeline, text)
    assert any(c.startswith("112") and s.startswith(src) and t == tgt and m == "asserted"
               for c, _, s, t, m, _ in ev), ev


def test_saying_a_party_was_not_behind_an_act_accuses_nobody(geopol_pipeline):
    for text in ("US officials said Iran was not behind the attack on the tanker.",
                 "Russia said it was not behind the attack."):
        ev = _events(geopol_pipeline, text)
        assert not any(p == "ACCUSE" for _, p, *_ in ev), (text, ev)


@pytest.mark.parametrize("text,code,src", [
    # the parser hangs the actors on the fronted phrase and leaves the main verb without a subject
    ("With the signing of a Memorandum of Understanding on Cessation of Hostilities, the Sudanese government and "
     "the SPLA have agreed to allow humanitarian access to all areas.", "03", "SDNGOV"),
    ("North Korea expelled inspectors of the International Atomic Energy Agency from its nuclear facilities.",
     "1662", "PRK"),
    ("President Yoweri Museveni has banned opposition candidates from participating in the elections.", "1722",
     "UGAGOV"),
    ("Palestinians in the West Bank shunned work on Monday to protest at the settlement plan.", "143", "PSE"),
])
def test_more_news_phrasings(geopol_pipeline, text, code, src):
    ev = _events(geopol_pipeline, text)
    assert any(c.startswith(code) and s.startswith(src) and m == "asserted" for c, _, s, _, m, _ in ev), ev


def test_a_plan_the_reporter_relays_is_intended_not_stated(geopol_pipeline):
    # the modality list: "plans to" is future or intended; only the actor's own statement is an act
    for text in ("Chinese Premier Li Qiang plans to visit Australia next month.",
                 "Poland plans to impose sanctions on Belarus.",
                 "The African Union plans to deploy a new stabilisation mission in Somalia in January."):
        ev = _events(geopol_pipeline, text)
        assert not [e for e in ev if e[4] == "asserted"], (text, ev)
        assert any(m == "future" for *_, m, _ in ev), (text, ev)


@pytest.mark.parametrize("text", [
    "The Reserve Bank of India raised its key lending rate on Wednesday, stepping up its battle against inflation.",
    "The Mexican peso staged a fierce counterattack against the dollar on Tuesday.",
    "The Taiwan dollar came under fire on Monday as foreign investors dumped local technology shares.",
])
def test_force_against_an_abstraction_or_by_a_market_is_a_figure_of_speech(geopol_pipeline, text):
    ev = _events(geopol_pipeline, text)
    assert not any(p in ("ASSAULT", "ACCUSE", "THREATEN") and m == "asserted" for _, p, _, _, m, _ in ev), ev


def test_force_against_real_parties_stays(geopol_pipeline):
    ev = _events(geopol_pipeline, "The army launched an offensive against drug cartels in Sinaloa.")
    assert any(p == "ASSAULT" and m == "asserted" for _, p, _, _, m, _ in ev), ev
    ev = _events(geopol_pipeline, "The opposition came under fire from the president on Monday.")
    assert any(p == "ACCUSE" and s == "GOV" and t == "OPP" for _, p, s, t, _, _ in ev), ev


@pytest.mark.parametrize("text", [
    "A gas explosion tore through an apartment block, with investigators saying they had found no indication of a "
    "terrorist motive.",
    "Argentina's inflation slowed to 2.7 percent in October, according to figures released on Wednesday by the "
    "INDEC national statistics institute.",
    "Unemployment in the euro zone held at 6.3 percent, while Spain continued to post the highest jobless rate.",
    "A US strike on cartel targets in Mexico would badly damage relations between the two neighbours, analysts say.",
])
def test_no_event_in_statistics_disasters_and_forecasts(geopol_pipeline, text):
    ev = _events(geopol_pipeline, text)
    assert not any(p in ("REJECT", "RETREAT", "THREATEN") or c == "010" for c, p, _, _, m, _ in ev
                   if m == "asserted"), ev


def test_saying_no_and_freeing_nationals_stay_events(geopol_pipeline):
    ev = _events(geopol_pipeline, "Greece said no to the bailout terms.")
    assert any(p == "REJECT" and m == "asserted" for _, p, _, _, m, _ in ev), ev
    ev = _events(geopol_pipeline, "The Taliban released three British nationals on Friday.")
    assert any(c.startswith("084") and m == "asserted" for c, _, _, _, m, _ in ev), ev


@pytest.mark.parametrize("text,code,src,modality", [
    ("Solomon Islands severed diplomatic ties with Taiwan on Monday, the Pacific nation's cabinet decided.", "161",
     "SLB", "asserted"),
    ("The International Criminal Court issued an arrest warrant for Sudanese President Omar al-Bashir on charges of "
     "war crimes.", "173", "IGO", "asserted"),
    ("More than 2,500 police officers stormed the favela complexes in Rio de Janeiro in an operation against the "
     "Comando Vermelho gang.", "190", "BRACOP", "asserted"),
    ("European Union leaders agreed on Friday to impose asset freezes and travel bans on 40 Belarusian officials.",
     "163", "IGOEU", "asserted"),
])
def test_decisions_reports_and_raids(geopol_pipeline, text, code, src, modality):
    ev = _events(geopol_pipeline, text)
    assert any(c.startswith(code) and s.startswith(src) and m == modality for c, _, s, _, m, _ in ev), ev


@pytest.mark.parametrize("text,code,src,tgt", [
    ("North Korea fired two short-range ballistic missiles off its east coast early on Thursday.", "150", "PRK", None),
    ("A Mexican navy ship loaded with food and medicine docked in Havana on Thursday.", "073", "MEXMIL", "CUB"),
    ("Two Mexican navy ships loaded with food, medical supplies and diesel set sail from the port of Veracruz for "
     "Cuba on Sunday.", "073", "MEXMIL",
     "CUB"),
])
def test_missile_tests_and_relief_shipments(geopol_pipeline, text, code, src, tgt):
    ev = _events(geopol_pipeline, text)
    assert any(c.startswith(code) and s == src and (tgt is None or t == tgt) and m == "asserted"
               for c, _, s, t, m, _ in ev), ev
    if code == "150":
        assert not any(p == "ASSAULT" and m == "asserted" for _, p, _, _, m, _ in ev), ev


def test_orders_to_own_forces(geopol_pipeline):
    ev = _events(geopol_pipeline, "Venezuela ordered more than 5,600 troops to take part in military exercises "
                                  "near its eastern border on Thursday.")
    assert not any(p == "REQUEST" for _, p, *_ in ev), ev          # no demand on its own troops
    assert any(p == "MOBILIZE" and m == "asserted" for _, p, _, _, m, _ in ev), ev
    ev = _events(geopol_pipeline, "Venezuelan President Nicolas Maduro ordered the deployment of 15,000 additional "
                                  "troops to the western states of Zulia and Tachira on Tuesday.")
    assert any(p == "MOBILIZE" and s == "VENGOV" and m == "asserted" for _, p, s, _, m, _ in ev), ev


def test_accidents_and_glosses_are_no_events(geopol_pipeline):
    for text in ("A gas explosion tore through an apartment block in Magnitogorsk early on Monday, killing dozens.",
                 "Brazil's central bank raised the benchmark rate by a full percentage point, signalling further "
                 "increases."):
        ev = _events(geopol_pipeline, text)
        assert not [e for e in ev if e[4] == "asserted"], (text, ev)
    ev = _events(geopol_pipeline, "A car bomb tore through a market in Baghdad on Monday, killing 20 people.")
    assert any(c.startswith("18") and m == "asserted" for c, _, _, _, m, _ in ev), ev


@pytest.mark.parametrize("text,code,src,tgt", [
    ("Bulgaria has ordered 70 Russian diplomats and embassy staff to leave the country by Sunday.", "161", "BGR",
     "RUS"),
    ("India on Tuesday ordered Pakistan to cut the staff at its high commission in New Delhi by half.", "161", "IND",
     "PAK"),
    ("The first contingent of 400 Kenyan police officers landed in Port-au-Prince on Tuesday to lead a UN-backed "
     "mission.", "074", "KENCOP", "HTI"),
    ("Russian military instructors arrived in Niger's capital Niamey on Thursday.", "062", "RUSMIL", "NER"),
    ("Sri Lankan troops captured Kilinochchi, the political headquarters of the Liberation Tigers of Tamil Eelam.",
     "192", "LKAMIL", None),
])
def test_diplomatic_expulsions_deployments_and_captures(geopol_pipeline, text, code, src, tgt):
    ev = _events(geopol_pipeline, text)
    assert any(c.startswith(code) and s == src and (tgt is None or (t or "").startswith(tgt)) and m == "asserted"
               for c, _, s, t, m, _ in ev), ev
