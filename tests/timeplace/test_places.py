from __future__ import annotations

import os
from pathlib import Path

import time

import pytest

from geopol.records import Location
from geopol.timeplace.places import EventLocator, Gazetteer, Place, fold



def shared_dir() -> Path:
    env = os.environ.get("GEOPOL_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[3] / "shared"

CITIES = [
    ("Kyiv", "UKR"), ("Kharkiv", "UKR"), ("Moscow", "RUS"), ("Belgorod", "RUS"),
    ("Pyongyang", "PRK"), ("Seoul", "KOR"), ("Beijing", "CHN"), ("Shanghai", "CHN"),
    ("Tokyo", "JPN"), ("Taipei", "TWN"), ("Manila", "PHL"), ("Jakarta", "IDN"),
    ("Bangkok", "THA"), ("Yangon", "MMR"), ("Dhaka", "BGD"), ("New Delhi", "IND"),
    ("Islamabad", "PAK"), ("Karachi", "PAK"), ("Kabul", "AFG"), ("Kandahar", "AFG"),
    ("Tehran", "IRN"), ("Baghdad", "IRQ"), ("Mosul", "IRQ"), ("Damascus", "SYR"),
    ("Aleppo", "SYR"), ("Beirut", "LBN"), ("Amman", "JOR"), ("Riyadh", "SAU"),
    ("Aden", "YEM"), ("Cairo", "EGY"), ("Khartoum", "SDN"), ("Addis Ababa", "ETH"),
    ("Nairobi", "KEN"), ("Mogadishu", "SOM"), ("Kinshasa", "COD"), ("Goma", "COD"),
    ("Lagos", "NGA"), ("Abuja", "NGA"), ("Maiduguri", "NGA"), ("Bamako", "MLI"),
    ("Niamey", "NER"), ("Dakar", "SEN"), ("Tunis", "TUN"), ("Algiers", "DZA"),
    ("Rabat", "MAR"), ("Johannesburg", "ZAF"), ("Harare", "ZWE"), ("Caracas", "VEN"),
    ("Bogota", "COL"), ("Lima", "PER"), ("Buenos Aires", "ARG"), ("Havana", "CUB"),
    ("Ottawa", "CAN"), ("London", "GBR"), ("Berlin", "DEU"), ("Warsaw", "POL"),
    ("Vilnius", "LTU"), ("Minsk", "BLR"), ("Tbilisi", "GEO"), ("Yerevan", "ARM"),
    ("Baku", "AZE"), ("Ankara", "TUR"), ("Istanbul", "TUR"), ("Athens", "GRC"),
    ("Belgrade", "SRB"), ("Sarajevo", "BIH"), ("Brussels", "BEL"), ("Geneva", "CHE"),
    ("Vienna", "AUT"), ("Rome", "ITA"), ("Madrid", "ESP"), ("Stockholm", "SWE"),
    ("Helsinki", "FIN"), ("Canberra", "AUS"), ("Wellington", "NZL"), ("Kathmandu", "NPL"),
]
_TEMPLATES = [
    "Thousands of protesters gathered in {c} on Sunday to demand new elections.",
    "The foreign minister arrived in {c} for two days of talks with officials.",
]

# (sentence, trigger word, actor countries, expected name fragment, country, precision)
CASES: list[tuple] = []
for i, (c, cc) in enumerate(CITIES):
    CASES.append((_TEMPLATES[i % 2].format(c=c), "gathered" if i % 2 == 0 else "arrived", [],
                  c, cc, "city"))
    CASES.append((f"A car bomb exploded near a market in {c}, killing at least five people.",
                  "exploded", [], c, cc, "city"))

CASES += [
    ("The two countries also signed an agreement on June 19 on the construction of a border "
     "road bridge over the Tumannaya River in a related development.", "signed", ["RUS", "PRK"],
     "Tumen", ("PRK", "RUS"), "feature"),
    ("Moscow will restore the joint logistics port of Rajin in North Korea.", "restore", ["RUS"],
     "Ra", "PRK", None),
    ("Kyiv may strike Russia's Kursk region with American weapons.", "strike", ["UKR"],
     "Kursk", "RUS", "admin1"),
    ("Russian troops massed near Ukraine's Sumy Region, officials said.", "massed", ["RUS"],
     "Sumy", "UKR", "admin1"),
    ("Israeli air strikes hit the Gaza Strip overnight.", "hit", ["ISR"], "Gaza", "PSE", "feature"),
    ("Settlers attacked a village in the occupied West Bank on Friday.", "attacked", ["ISR"],
     "West Bank", "PSE", "feature"),
    ("Iran seized a tanker in the Strait of Hormuz.", "seized", ["IRN"], "Hormuz", "IRN", "feature"),
    ("Chinese warships sailed through the Taiwan Strait on Monday.", "sailed", ["CHN"],
     "Taiwan Strait", "TWN", "feature"),
    ("The Philippine coast guard said Chinese vessels blocked a resupply mission in the South "
     "China Sea.", "blocked", ["PHL", "CHN"], "South China Sea", "CHN", "feature"),
    ("Houthi rebels fired missiles at a cargo ship in the Red Sea.", "fired", ["YEM"],
     "Red Sea", "SAU", "feature"),
    ("A Russian drone was shot down over the Black Sea.", "shot", ["RUS"], "Black Sea", "TUR",
     "feature"),
    ("Ukrainian forces withdrew from Avdiivka after months of fighting.", "withdrew", ["UKR"],
     "Avdiivka", "UKR", "feature"),
    ("Wagner fighters claimed control of Bakhmut in May.", "claimed", ["RUS"], "Bakhmut", "UKR",
     "feature"),
    ("IAEA inspectors visited the Zaporizhzhia Nuclear Power Plant on Tuesday.", "visited",
     ["IGO"], "Zaporizhzhia Nuclear", "UKR", "feature"),
    ("Israel struck targets in the Golan Heights.", "struck", ["ISR"], "Golan", "SYR", "feature"),
    ("North Korean soldiers crossed into the DMZ briefly.", "crossed", ["PRK"], "Demilitarized",
     "KOR", "feature"),
    ("Tensions are rising on the Korean Peninsula, the minister said.", "rising", [],
     "Korean Peninsula", "KOR", "feature"),
    ("Russian officials said Ukrainian drones attacked targets in Crimea.", "attacked", ["UKR"],
     "Crimea", "UKR", "feature"),
    ("Separatists consolidated their hold on the Donbas.", "consolidated", ["RUS"], "Donbas",
     "UKR", "feature"),
    ("Fighting flared in the western province of Herat.", "Fighting", ["AFG"], "Herat", "AFG",
     "admin1"),
    ("Gunmen kidnapped 20 pupils in Zamfara State, police said.", "kidnapped", ["NGA"],
     "Zamfara", "NGA", "admin1"),
    ("Boko Haram fighters raided a village in Borno State.", "raided", ["NGA"], "Borno", "NGA",
     "admin1"),
    ("Government forces regained ground in the Tigray region.", "regained", ["ETH"], "Tigray",
     "ETH", None),
    ("Clashes broke out in North Kivu between the army and M23 rebels.", "broke", ["COD"],
     "North Kivu", "COD", "admin1"),
    ("Shelling hit residential areas in the Kharkiv region overnight.", "hit", ["RUS"],
     "Kharkiv", "UKR", "admin1"),
    ("Drones struck a fuel depot in the Belgorod region.", "struck", ["UKR"], "Belgorod", "RUS",
     "admin1"),
    ("Militants attacked a checkpoint in Balochistan province.", "attacked", ["PAK"],
     "Balochistan", "PAK", "admin1"),
    ("Troops were deployed in Rakhine State after the attacks.", "deployed", ["MMR"], "Rakhine",
     "MMR", "admin1"),
    ("Wildfires forced evacuations in British Columbia.", "forced", ["CAN"], "British Columbia",
     "CAN", "admin1"),
    ("The governor declared an emergency in Texas after the floods.", "declared", ["USA"],
     "Texas", "USA", "admin1"),
    ("Police fired tear gas at protesters in Hong Kong.", "fired", ["CHN"], "Hong Kong", None,
     None),
    ("The minister held talks in Paris with his French counterpart.", "held", ["USA", "FRA"],
     "Paris", "FRA", "city"),
    ("A tornado damaged homes in Paris, Texas, on Monday.", "damaged", ["USA"], "Paris", "USA",
     "city"),
    ("Syrian officers ended mediation between militias in Tripoli, the north Lebanese port.",
     "ended", ["SYR", "LBN"], "Tripoli", "LBN", "city"),
    ("Rival militias clashed in Tripoli as the UN called for calm.", "clashed", ["LBY"],
     "Tripoli", "LBY", "city"),
    ("Zambia extradited a suspected militant to Britain on Sunday.", "extradited", ["ZMB"],
     "United Kingdom", "GBR", "country"),
    ("Albania on Friday denounced the suppression of unrest in Montenegro.", "denounced",
     ["ALB"], "Montenegro", "MNE", "country"),
    ("Aid agencies rushed supplies to Sudan as famine spread.", "rushed", [], "Sudan", "SDN",
     "country"),
    ("Refugees sought shelter in Poland after the invasion.", "sought", ["UKR"], "Poland", "POL",
     "country"),
    ("The UN sent peacekeepers to Bosnia on Wednesday.", "sent", ["IGO"], "Bosnia", "BIH",
     "country"),
    ("Doctors handed over medicine to the Red Crescent in Bam, Iran.", "handed", ["CHE"], "Bam",
     "IRN", "city"),
    ("A bombing near the town of Samarra killed two soldiers.", "bombing", ["USA"], "Samarra",
     "IRQ", "city"),
    ("Israeli tanks shelled positions near the town of Rafah.", "shelled", ["ISR", "PSE"],
     "Rafah", "PSE", "city"),
    ("Kurds demonstrated in the northern city of Kirkuk on Sunday.", "demonstrated", ["IRQ"],
     "Kirkuk", "IRQ", "city"),
    ("Prisoners rioted at a jail in East Timor's capital Dili on Monday.", "rioted", ["TLS"],
     "Dili", "TLS", "city"),
    ("The president met Kim Jong-un in Vladivostok.", "met", ["RUS", "PRK"], "Vladivostok",
     "RUS", "city"),
    ("Police said the protest in Minneapolis was peaceful.", "protest", ["USA"], "Minneapolis",
     "USA", "city"),
    ("Sri Lankan troops fought rebels on the Jaffna peninsula.", "fought", ["LKA"], "Jaffna",
     "LKA", "feature"),
    ("Migrants drowned off Lampedusa when their boat capsized.", "drowned", ["ITA"],
     "Lampedusa", "ITA", "feature"),
    ("Hezbollah fighters fired rockets across the border from southern Lebanon.", "fired",
     ["LBN"], "Lebanon", "LBN", None),
    ("Russia accused Ukraine of shelling the Zaporizhzhia nuclear plant.", "shelling", ["RUS"],
     "Zaporizhzhia", "UKR", None),
    ("Azerbaijan launched an offensive in Nagorno-Karabakh.", "launched", ["AZE"], "Karabakh",
     "AZE", "feature"),
    ("The tanker was attacked in the Gulf of Aden.", "attacked", [], "Gulf of Aden", "YEM",
     "feature"),
    ("Chinese and Indian troops clashed in the Galwan Valley.", "clashed", ["CHN", "IND"],
     "Galwan", "IND", "feature"),
    ("Thousands marched through Caracas, Venezuela, demanding new elections.", "marched",
     ["VEN"], "Caracas", "VEN", "city"),
]

NO_PLACE = [
    ("The minister said the talks were constructive.", "said"),
    ("President Kim praised the new policy.", "praised"),
    ("Police said they arrested three men.", "arrested"),
    ("The committee will publish its report next week.", "publish"),
]


def _check(loc: Location | None, frag, country, precision):
    assert loc is not None
    assert fold(frag).lower() in fold(loc.name).lower() or \
        fold(loc.name).lower() in fold(frag).lower(), loc
    if isinstance(country, tuple):
        assert loc.country in country, loc
    elif country is not None:
        assert loc.country == country, loc
    if precision is not None:
        assert loc.precision == precision, loc


@pytest.mark.parametrize("sentence,trigger,actors,frag,country,precision", CASES)
def test_locate(locator, sentence, trigger, actors, frag, country, precision):
    pos = sentence.find(trigger)
    loc = locator.locate(sentence, pos if pos >= 0 else None, actors)
    _check(loc, frag, country, precision)


@pytest.mark.parametrize("sentence,trigger", NO_PLACE)
def test_no_place(locator, sentence, trigger):
    assert locator.locate(sentence, sentence.find(trigger), []) is None


def test_dateline_fallback(locator):
    loc = locator.locate("Officials said talks would continue.", 10, [], None, "Moscow")
    assert loc is not None and loc.name == "Moscow" and loc.country == "RUS"


def test_doc_places_disambiguate(locator):
    doc = "Lebanese officials in Beirut said the army entered Tripoli after clashes in Sidon."
    places = locator.doc_places(doc)
    assert {p.country for p in places} == {"LBN"}
    loc = locator.locate("Gunmen clashed in Tripoli.", 7, [], places)
    assert loc.country == "LBN"


def test_lookup(gaz):
    assert any(p.country == "PRK" for p in gaz.lookup("Tumannaya River"))
    assert gaz.lookup("Kursk Oblast")[0].kind == "admin1"
    assert gaz.lookup("DPRK")[0].country == "PRK"
    paris = gaz.lookup("Paris")
    assert paris[0].country == "FRA" and any(p.country == "USA" for p in paris)
    assert gaz.lookup("Goražde")[0].name == "Gorazde"
    assert gaz.lookup("nowhere-at-all") == []
    assert isinstance(paris[0], Place)


def test_features_file_size(gaz):
    from geopol.timeplace.places import DATA
    rows = [l for l in (DATA / "features.tsv").read_text(encoding="utf-8").splitlines()
            if l.strip() and not l.startswith("#")]
    assert len(rows) >= 80


ART = shared_dir() / "corpus" / "putin-pyongyang-analysis.txt"


@pytest.mark.skipif(not ART.exists(), reason="shared corpus not available")
def test_founding_article_places(locator):
    text = ART.read_text(encoding="utf-8")
    places = locator.doc_places(text)
    names = {p.name for p in places}
    assert {"Pyongyang", "Russia", "North Korea"} <= names
    s = next(l for l in text.split(". ") if "Tumannaya" in l)
    loc = locator.locate(s, s.find("signed"), ["RUS", "PRK"], places, "Pyongyang")
    assert loc.precision == "feature" and loc.country in ("PRK", "RUS") and "Tumen" in loc.name


@pytest.mark.parametrize("sentence,trigger,name", [
    ("Ethiopia agreed to reopen its borders to UN peacekeepers.", "agreed", "Ethiopia"),   # not the town Un (India)
    ("US troops were attacked near the border.", "attacked", "United States"),
    ("The DPRK fired two missiles.", "fired", "North Korea"),
])
def test_acronyms_are_not_towns(locator, sentence, trigger, name):
    loc = locator.locate(sentence, sentence.find(trigger), [])
    assert (loc.name if loc else None) == name, loc


@pytest.mark.parametrize("sentence,trigger,country", [
    # a city name followed by "of <Name>" is an institution's name: University (Florida), not Nairobi
    ("Students held a sit-in at the University of Nairobi against fee increases.", "held", "KEN"),
])
def test_institution_names_are_not_towns(locator, sentence, trigger, country):
    loc = locator.locate(sentence, sentence.find(trigger), [])
    assert loc is not None and loc.country == country, loc


def test_a_sea_is_marked_as_water(locator):
    loc = locator.locate("A drone hit a ship in the Red Sea.", 8, [])
    assert loc is not None and loc.water and not locator.locate("Shelling hit Kharkiv.", 9, []).water


def test_an_acronym_after_the_is_no_town():
    # "The UN said" is not the town Un (India); "The IMO" is not Nigeria's Imo state
    from geopol.timeplace.places import Gazetteer, find_mentions
    g = Gazetteer.load()
    assert find_mentions(g, "The UN said on Monday that aid was blocked.") == []
    assert find_mentions(g, "The IMO said ships must avoid the area.") == []
    assert [m.places[0].country for m in find_mentions(g, "Protesters marched in Imo state.")] == ["NGA"]


def test_a_demonym_before_a_place_qualifies_it():
    from geopol.timeplace.places import EventLocator, Gazetteer
    loc = EventLocator(Gazetteer.load()).locate("Gunmen attacked a church in the Malian town of Gao.", 0, [])
    assert loc is not None and loc.country == "MLI"
