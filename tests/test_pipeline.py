"""Pipeline behaviour across sentences: dates carried within a paragraph, hosts placed, ids stable."""
from datetime import date


def code(pipe, text, when=date(2024, 6, 24)):
    return pipe.code_text(text, "t", when).events


def test_undated_event_takes_the_paragraphs_last_day(geopol_pipeline):
    text = ("Russian President Vladimir Putin visited Hanoi on June 20. "
            "Putin and Vietnamese President To Lam signed eleven agreements.\n"
            "Japan and the Philippines signed a defence pact.")
    ev = code(geopol_pipeline, text)
    signed = [e for e in ev if e.type.code == "057" and "eleven" in e.sentence]
    assert signed and {e.date for e in signed} == {"2024-06-20"}
    other = [e for e in ev if e.type.code == "057" and "Philippines" in e.sentence]
    assert other and {e.date for e in other} == {"2024-06-24"}   # a new paragraph: the document date


def test_host_is_placed_in_its_capital(geopol_pipeline):
    ev = code(geopol_pipeline, "Even as Putin landed in Pyongyang, Beijing hosted a security dialogue with South Korea.")
    hosted = [e for e in ev if e.trigger == "hosted"]
    assert hosted and hosted[0].location and hosted[0].location.name == "Beijing"
    assert hosted[0].source.country == "CHN" and hosted[0].target.country == "KOR"


def test_same_text_same_event_ids(geopol_pipeline):
    text = "France imposed sanctions on Iran. Iran condemned the decision."
    a = [e.event_id for e in code(geopol_pipeline, text)]
    b = [e.event_id for e in code(geopol_pipeline, text)]
    assert a and a == b


def test_lemma_fixes_for_pattern_verbs(nlp):
    # spaCy's rules strip the wrong ending of these; nlp/data/lemmas.tsv corrects them after the lemmatizer
    doc = nlp("Students staged a protest, the army waged war, a court fined the company and police cordoned "
              "off the square.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert (lemmas["staged"], lemmas["waged"], lemmas["fined"], lemmas["cordoned"]) == \
        ("stage", "wage", "fine", "cordon")
    assert "geopol_lemmas" in nlp.pipe_names


def test_lemma_fixes_table_corrects_only_what_spacy_gets_wrong():
    from geopol.nlp.parse import LemmaFixes
    table = LemmaFixes.load().table
    assert table["staged"] == "stage" and "attacked" not in table


def test_to_labelled_dative_still_binds_the_target(geopol_pipeline):
    # the parser labels "to" after give-type verbs "dative"; a "... to $" pattern must still find the target
    ev = [e for e in geopol_pipeline.code_text("Japan gave humanitarian aid to North Korea.").events]
    assert any(e.source.country == "JPN" and e.target and e.target.country == "PRK" for e in ev), ev


def test_hyphenated_event_words_are_one_token(nlp):
    doc = nlp("Students held a sit-in after North Korea test-fired a missile; Al-Qaeda denied it.")
    words = {t.text: t for t in doc}
    assert "sit-in" in words and words["sit-in"].pos_ == "NOUN"
    assert words["test-fired"].lemma_ == "test-fire" and words["test-fired"].pos_ == "VERB"
    assert "Al-Qaeda" not in words     # names are the actor knowledge base's, not merged here


def test_every_hyphenated_pattern_word_is_merged():
    # a pattern word such as "sit-in" can only match if the parser's tokens are merged into one
    from geopol.coding.patterns import PatternSet
    from geopol.nlp.parse import HyphenatedWords
    merged = HyphenatedWords.load().words
    words = {w for p in PatternSet.load().patterns for group in p.words for w in group}
    hyphenated = {w.split("/")[0] for w in words if "-" in w.strip("-") and w.replace("-", "").isalpha()
                  and w.islower()}
    assert hyphenated and hyphenated <= merged, sorted(hyphenated - merged)


def test_hyphenated_patterns_now_code(geopol_pipeline):
    ev = geopol_pipeline.code_text("Hundreds of Egyptian students held a sit-in outside the ministry.").events
    assert any(e.type.code.startswith("14") for e in ev), ev
    ev = geopol_pipeline.code_text("North Korea test-fired a ballistic missile into the sea.").events
    assert any(e.type.code == "150" and e.source.code == "PRK" for e in ev), ev


def test_a_deployed_force_is_not_a_target(geopol_pipeline):
    ev = geopol_pipeline.code_text("The United States deployed an aircraft carrier to the eastern Mediterranean.").events
    dep = [e for e in ev if e.type.code.startswith("15")]
    assert dep and all(e.target is None or e.target.country != "ITA" for e in dep), dep
