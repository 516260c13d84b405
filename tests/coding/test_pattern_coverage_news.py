"""Coverage of common news phrasings of the material-action roots (04-09, 14-20; some 05 and 12).

Each sentence below was written for this test (not taken from any corpus or evaluation set). It states an event
the way wire copy does: support-verb constructions ("launched a mediation effort", "organized a general
strike"), particle verbs ("called off", "handed back", "beat back"), nominalisations whose head noun is not the
dictionary word ("a car bomb", "an air strike", "ceasefire violations"), and passive-friendly forms. The
expected code may be a root ("09") or a prefix of the code ("154"); source/target are actor *countries*
(``None``: not checked). The negatives are metaphors, statistics, history, sport and hypotheticals that must
yield no asserted event.
"""
from __future__ import annotations

import pytest

# (sentence, expected CAMEO code prefix, source country, target country)
POSITIVE = [
    ("Syria and Turkey renewed negotiations over water sharing.", "046", "SYR", "TUR"),
    ("Serbia and Kosovo reopened talks in Brussels after a two-year pause.", "046", "SRB", None),
    ("India and Pakistan returned to the negotiating table in 2004.", "046", "IND", "PAK"),
    ("Negotiators from Armenia and Azerbaijan held marathon talks in Moscow.", "046", "ARM", None),
    ("The Chilean foreign minister exchanged views with his Argentine counterpart.", "040", "CHL", "ARG"),
    ("The Egyptian president spoke by telephone with the Jordanian king.", "041", "EGY", "JOR"),
    ("Chancellor Kohl made a phone call to President Yeltsin on Sunday.", "041", "DEU", "RUS"),
    ("The Japanese prime minister paid a courtesy call on the Indonesian president.", "042", "JPN", "IDN"),
    ("The Chinese premier set foot in Australia for the first time.", "042", "CHN", "AUS"),
    ("The Spanish king gave a warm welcome to the Moroccan prime minister.", "043", "ESP", "MAR"),
    ("The Thai king granted an audience to the Cambodian prime minister.", "043", "THA", "KHM"),
    ("The Saudi king hosted a banquet for the visiting Pakistani president.", "043", "SAU", "PAK"),
    ("Kuwait's emir launched a mediation effort between Qatar and Bahrain.", "045", "KWT", None),
    ("Norway played the role of mediator between Sri Lanka and the Tamil rebels.", "045", "NOR", None),
    ("Algeria shuttled between Ethiopia and Eritrea to end the border war.", "045", "DZA", None),
    ("Turkey and Israel patched up their relations in 2016.", "050", "TUR", "ISR"),
    ("Vietnam and the United States cemented their ties with a new partnership.", "050", "VNM", "USA"),
    ("Indonesia and Malaysia healed their rift over the border islands.", "050", "IDN", "MYS"),
    ("The Canadian prime minister heaped praise on the Indian government.", "051", "CAN", "IND"),
    ("The Kenyan president expressed gratitude to Japan for its support.", "051", "KEN", "JPN"),
    ("The Polish president bestowed the Order of the White Eagle on the Ukrainian leader.", "051", "POL", "UKR"),
    ("Moscow leapt to the defense of Syria at the Security Council.", "052", "RUS", "SYR"),
    ("Brazil extended diplomatic recognition to the new Libyan authorities.", "054", "BRA", "LBY"),
    ("The Vatican appointed its first ambassador to Vietnam.", "054", "VAT", "VNM"),
    ("Germany issued a formal apology to Namibia for the colonial massacres.", "055", "DEU", "NAM"),
    ("The Greek and Turkish foreign ministers put their signatures to the accord.", "057", "GRC", None),
    ("Japan and India pooled resources to build a port in Sri Lanka.", "06", "JPN", None),
    ("Russia delivered natural gas to Turkey through the new pipeline.", "061", "RUS", "TUR"),
    ("Beijing awarded contracts to Pakistani firms.", "061", "CHN", "PAK"),
    ("Chinese companies poured billions into Zambia.", "061", "CHN", "ZMB"),
    ("Philippine and American marines began joint exercises near Manila.", "062", "PHL", "USA"),
    ("Colombia turned over the drug suspects to the United States.", "063", "COL", "USA"),
    ("Spain approved the extradition of the former dictator.", "063", "ESP", None),
    ("The Mexican government passed on intelligence to Washington about the cartel.", "064", "MEX", "USA"),
    ("Jordan furnished intelligence to Iraq on the militants.", "064", "JOR", "IRQ"),
    ("Japanese volunteers donated computers to a Cambodian school.", "070", "JPN", "KHM"),
    ("Norway extended a helping hand to Haiti after the hurricane.", "070", "NOR", "HTI"),
    ("Kuwait pumped money into Egypt's central bank.", "071", "KWT", "EGY"),
    ("The Paris Club rescheduled Nigeria's debts.", "071", None, "NGA"),
    ("Germany provided Ukraine with air defense systems.", "072", "DEU", "UKR"),
    ("Washington sent military advisers to El Salvador.", "072", "USA", "SLV"),
    ("Turkey trucked food and medicine into northern Syria.", "073", "TUR", "SYR"),
    ("Cuba sent doctors to Pakistan after the earthquake.", "073", "CUB", "PAK"),
    ("The Red Crescent distributed blankets to Afghan refugees.", "073", None, "AFG"),
    ("Jordan opened a field hospital in Gaza.", "073", "JOR", None),
    ("Fiji contributed troops to the peacekeeping force in Lebanon.", "074", "FJI", None),
    ("Venezuela granted refuge to the Colombian rebel leader.", "075", "VEN", "COL"),
    ("The Iranian government dropped its objections to the inspection plan.", "080", "IRN", None),
    ("The Nepalese opposition called off the sit-in outside parliament.", "082", "NPL", None),
    ("Bolivian miners went back to work after a month.", "082", "BOL", None),
    ("The Sudanese government restored the citizenship of the exiled opposition leader.", "081", "SDN", None),
    ("The Burmese junta released the opposition leader from house arrest.", "0841", "MMR", None),
    ("The Peruvian president commuted the death sentences of six rebels.", "0841", "PER", None),
    ("Israel released 50 Palestinians.", "0841", "ISR", "PSE"),
    ("The Tunisian president stepped aside after weeks of protests.", "0831", "TUN", None),
    ("The Pakistani prime minister stood down on Friday.", "0831", "PAK", None),
    ("The Nigerian junta handed power to an elected civilian government.", "083", "NGA", None),
    ("The Egyptian government scrapped the fuel price hike.", "0832", "EGY", None),
    ("Iraq returned the bodies of Iranian soldiers to Tehran.", "0842", "IRQ", "IRN"),
    ("Britain handed back Hong Kong to China in 1997.", "0842", "GBR", None),
    ("The European Union lifted its trade restrictions on Myanmar.", "085", "IGO", "MMR"),
    ("Washington removed Cuba from the blacklist.", "085", "USA", "CUB"),
    ("Iraq opened its plants to inspections by the IAEA.", "0862", "IRQ", None),
    ("The Serbian army pulled back from the Kosovo border.", "087", "SRB", None),
    ("NATO called off its offensive against the rebels.", "087", "IGO", None),
    ("Hamas fighters silenced their guns on Friday.", "0871", "PSE", None),
    ("The IRA began handing in its weapons.", "0873", "GBR", None),
    ("The Libyan government gave up its nuclear weapons programme.", "0873", "LBY", None),
    ("Hundreds of FARC rebels gave themselves up to the Colombian army.", "0874", "COL", "COL"),
    ("The Brazilian congress appointed a commission of inquiry into the scandal.", "09", "BRA", None),
    ("French prosecutors widened their investigation into the arms deal.", "09", "FRA", None),
    ("Kenyan police quizzed the opposition leader for hours.", "090", "KEN", "KEN"),
    ("Indian investigators opened a criminal investigation against the Swiss bank.", "091", "IND", None),
    ("The United Nations sent investigators to Rwanda.", "090", "IGO", "RWA"),
    ("Amnesty International has documented widespread abuses by Syrian forces.", "092", "NGO", "SYR"),
    ("The Ugandan president reneged on his promise to step down.", "12", "UGA", None),
    ("Thousands of Kenyan students shouted slogans against the government.", "141", "KEN", None),
    ("Ukrainian farmers organized a protest against grain imports.", "14", "UKR", None),
    ("Hundreds of Hong Kong residents took part in a candlelight vigil.", "141", "HKG", None),
    ("Haitian opposition parties organized a general strike.", "143", "HTI", None),
    ("Nigerian oil workers struck over unpaid wages.", "143", "NGA", None),
    ("Bangladeshi opposition activists observed a hartal in Dhaka.", "143", "BGD", None),
    ("Jailed Kurdish activists in Turkey began a hunger strike.", "142", "TUR", None),
    ("Serbian students blockaded the railway tracks in Belgrade.", "144", "SRB", None),
    ("Greek farmers disrupted traffic on the main highway.", "144", "GRC", None),
    ("Rioters in Lagos pelted police with stones.", "145", "NGA", None),
    ("French protesters overturned cars in central Paris.", "145", "FRA", None),
    ("India has strengthened its forces along the Chinese border.", "154", "IND", None),
    ("South Korean troops remained on high alert after the incident.", "152", "KOR", None),
    ("The Kenyan government ordered police patrols in Mombasa.", "15", "KEN", None),
    ("Taiwanese warships sailed into the disputed waters.", "150", "TWN", None),
    ("Moscow sent troops to the Ukrainian border.", "154", "RUS", None),
    ("North Korea put its army on a war footing.", "152", "PRK", None),
    ("The Turkish army conducted war games near the Greek islands.", "150", "TUR", None),
    ("China deployed police reinforcements to Lhasa.", "153", "CHN", None),
    ("Washington withdrew from the nuclear deal with Iran.", "12", "USA", None),
    ("Russia suspended cultural exchanges with the United States.", "160", "RUS", "USA"),
    ("Lithuania called home its ambassador to Beijing.", "161", "LTU", "CHN"),
    ("Bolivia ordered the closure of the American embassy.", "161", "BOL", "USA"),
    ("The Dutch government suspended loans to Suriname.", "162", "NLD", "SUR"),
    ("Canada slapped duties on Chinese steel.", "163", "CAN", "CHN"),
    ("The United States froze the assets of the Venezuelan oil company.", "163", "USA", "VEN"),
    ("Hamas torpedoed the talks with Israel.", "164", "PSE", "ISR"),
    ("Eritrea expelled the UN mission staff.", "166", "ERI", None),
    ("Iranian hackers defaced dozens of Israeli government websites.", "170", "IRN", "ISR"),
    ("Russian hackers infiltrated networks of the German parliament.", "170", "RUS", "DEU"),
    ("The Zimbabwean government evicted white farmers from their land.", "170", "ZWE", "ZWE"),
    ("Israeli soldiers demolished the homes of Palestinian militants.", "1712", "ISR", "PSE"),
    ("Israeli settlers set fire to homes in the Palestinian village.", "1712", "ISR", None),
    ("The Egyptian authorities suspended the newspaper Al-Shaab.", "172", "EGY", None),
    ("The Iranian government switched off the internet nationwide.", "1721", "IRN", None),
    ("The Thai court stripped the opposition leader of his seat.", "1722", "THA", "THA"),
    ("Serbian police placed the city under curfew.", "1723", "SRB", None),
    ("The Pakistani army imposed military rule in 1977.", "1724", "PAK", None),
    ("The Chinese authorities put the dissident behind bars.", "173", "CHN", "CHN"),
    ("Belarus sent the opposition leader to prison.", "173", "BLR", None),
    ("The Algerian police pick up dozens of activists every week.", "173", "DZA", None),
    ("Riot police in Caracas clubbed protesters.", "175", "VEN", None),
    ("Burmese troops put down the uprising in 1988.", "175", "MMR", None),
    ("Moroccan police cleared protesters from the square.", "175", "MAR", None),
    ("Islamic State fighters held residents of Mosul as human shields.", "184", "IMG", None),
    ("Somali pirates took the Danish sailors captive.", "181", "SOM", "DNK"),
    ("Militants in Nigeria snatched schoolgirls from a dormitory.", "181", "NGA", None),
    ("An ETA car bomb killed two policemen in Madrid.", "1832", "ESP", None),
    ("Taliban militants planted a bomb in a Kabul market.", "183", "AFG", None),
    ("Police said the suicide bombing was carried out by Boko Haram.", "1831", "NGA", None),
    ("Gunmen fired on the motorcade of the Lebanese prime minister.", "18", None, "LBN"),
    ("Masked gunmen killed a prominent Honduran activist.", "186", "HND", "HND"),
    ("Chinese prison guards beat the Uighur prisoners to death.", "1823", "CHN", None),
    ("Iraqi troops beat back an Islamic State attack on Ramadi.", "190", "IRQ", "IMG"),
    ("An Israeli air strike killed ten people in Gaza.", "195", "ISR", None),
    ("A Russian drone strike hit a power plant in Kharkiv.", "195", "RUS", None),
    ("Hamas fired a rocket attack on Sderot.", "194", "PSE", None),
    ("The Ethiopian army sealed the border with Eritrea.", "191", "ETH", "ERI"),
    ("Turkish troops wrested control of Afrin from Kurdish militias.", "192", "TUR", None),
    ("Indian and Pakistani troops traded fire across the Line of Control.", "193", "IND", None),
    ("Syrian government forces violated the truce with the rebels.", "196", "SYR", None),
    ("Serbian forces carried out ethnic cleansing in Kosovo.", "203", "SRB", None),
    ("The Syrian government carried out a chemical attack on Ghouta.", "2041", "SYR", None),
    ("Janjaweed militias drove thousands from their homes in Darfur.", "201", "SDN", None),
]

NEGATIVE = [
    "The stock market rally lifted shares of Japanese exporters.",
    "Inflation in Argentina shot up to 50 percent last year.",
    "The striker scored twice as Brazil beat Argentina in the final.",
    "In 1815, Napoleon's army was defeated at Waterloo.",
    "Prices of wheat surged after the drought in Australia.",
    "Analysts say India could one day overtake China's economy.",
    "If Greece leaves the euro, its banks would collapse.",
    "The film portrays the siege of Leningrad.",
    "Unemployment in Spain fell to 14 percent in March.",
    "The French team is on a winning streak.",
    "Heavy rains flooded villages in Bangladesh.",
    "The museum exhibition explores the history of the Ottoman empire.",
    "The Canadian dollar weakened against the US currency.",
    "A fire destroyed a warehouse in Manila on Sunday.",
    "The novel describes a war between two imaginary kingdoms.",
    "Oil exports from Norway rose by ten percent.",
    "Tourists flocked to the beaches of Thailand over the holidays.",
    "The company's profits were hit hard by the pandemic.",
    "Economists expect Germany to slip into recession.",
    "The orchestra performed in Vienna to a packed hall.",
    "A bomb of a movie, the sequel flopped at the box office.",
    "The earthquake killed thousands of people in Turkey.",
    "The Japanese central bank held interest rates steady in March.",
    "Greece's finance ministry released budget figures on Monday.",
    "The Brazilian team beat Germany in the semifinal.",
]


def _asserted(pipeline, text):
    return [e for e in pipeline.code_text(text).events if e.modality == "asserted"]


def _show(events):
    return [(e.type.code, e.source.code if e.source else None, e.target.code if e.target else None, e.trigger,
             e.rule) for e in events]


@pytest.mark.parametrize("sentence,code,source,target", POSITIVE, ids=[p[0][:50] for p in POSITIVE])
def test_news_phrasing_is_coded(geopol_pipeline, sentence, code, source, target):
    events = _asserted(geopol_pipeline, sentence)
    hits = [e for e in events if e.type.code.startswith(code)
            and (source is None or (e.source is not None and e.source.country == source))
            and (target is None or (e.target is not None and e.target.country == target))]
    assert hits, (code, source, target, _show(events))


@pytest.mark.parametrize("sentence", NEGATIVE, ids=[s[:50] for s in NEGATIVE])
def test_non_event_sentence_yields_no_asserted_event(geopol_pipeline, sentence):
    events = _asserted(geopol_pipeline, sentence)
    assert not events, _show(events)


def test_case_counts():
    assert len(POSITIVE) >= 120 and len(NEGATIVE) >= 20
    assert len({p[0] for p in POSITIVE}) == len(POSITIVE)
    roots = {p[1][:2] for p in POSITIVE}
    assert {"04", "05", "06", "07", "08", "09", "14", "15", "16", "17", "18", "19", "20"} <= roots
