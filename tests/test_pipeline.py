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
