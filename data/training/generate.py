"""Generate geopol's labelled event-classifier corpus from hand-written templates (deterministic).

    python data/training/generate.py [--out data/training/corpus.jsonl] [--per-code 55] [--seed 20240619]

Every sentence is built from one template in templates.py (written for geopol), actors drawn from
the pools below (about 60 countries in every region, leaders, armed forces, police, armed groups,
protest movements, international organisations), fillers, a time modifier from several periods, a
modality transformation of the template's main verb, and a style wrapper (wire copy, analysis,
op-ed, plain). The same seed always gives the same file.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from templates import TEMPLATES  # noqa: E402

ROOT = HERE.parents[1]
CAMEO_TSV = ROOT / "src/geopol/coding/data/cameo.tsv"

# name, adjective, capital, region
COUNTRIES = [
    ("Russia", "Russian", "Moscow", "EUR"), ("Ukraine", "Ukrainian", "Kyiv", "EUR"),
    ("France", "French", "Paris", "EUR"), ("Germany", "German", "Berlin", "EUR"),
    ("Britain", "British", "London", "EUR"), ("Poland", "Polish", "Warsaw", "EUR"),
    ("Italy", "Italian", "Rome", "EUR"), ("Spain", "Spanish", "Madrid", "EUR"),
    ("Serbia", "Serbian", "Belgrade", "EUR"), ("Hungary", "Hungarian", "Budapest", "EUR"),
    ("Greece", "Greek", "Athens", "EUR"), ("Turkey", "Turkish", "Ankara", "EUR"),
    ("Sweden", "Swedish", "Stockholm", "EUR"), ("Georgia", "Georgian", "Tbilisi", "EUR"),
    ("Belarus", "Belarusian", "Minsk", "EUR"), ("Romania", "Romanian", "Bucharest", "EUR"),
    ("the United States", "American", "Washington", "AME"), ("Canada", "Canadian", "Ottawa", "AME"),
    ("Mexico", "Mexican", "Mexico City", "AME"), ("Brazil", "Brazilian", "Brasilia", "AME"),
    ("Argentina", "Argentine", "Buenos Aires", "AME"), ("Colombia", "Colombian", "Bogota", "AME"),
    ("Venezuela", "Venezuelan", "Caracas", "AME"), ("Peru", "Peruvian", "Lima", "AME"),
    ("Cuba", "Cuban", "Havana", "AME"), ("Chile", "Chilean", "Santiago", "AME"),
    ("Bolivia", "Bolivian", "La Paz", "AME"), ("Nicaragua", "Nicaraguan", "Managua", "AME"),
    ("China", "Chinese", "Beijing", "ASI"), ("Japan", "Japanese", "Tokyo", "ASI"),
    ("India", "Indian", "New Delhi", "ASI"), ("Pakistan", "Pakistani", "Islamabad", "ASI"),
    ("North Korea", "North Korean", "Pyongyang", "ASI"), ("South Korea", "South Korean", "Seoul", "ASI"),
    ("Vietnam", "Vietnamese", "Hanoi", "ASI"), ("Indonesia", "Indonesian", "Jakarta", "ASI"),
    ("the Philippines", "Philippine", "Manila", "ASI"), ("Myanmar", "Myanmar", "Naypyidaw", "ASI"),
    ("Thailand", "Thai", "Bangkok", "ASI"), ("Afghanistan", "Afghan", "Kabul", "ASI"),
    ("Kazakhstan", "Kazakh", "Astana", "ASI"), ("Sri Lanka", "Sri Lankan", "Colombo", "ASI"),
    ("Bangladesh", "Bangladeshi", "Dhaka", "ASI"), ("Australia", "Australian", "Canberra", "ASI"),
    ("Iran", "Iranian", "Tehran", "MEA"), ("Iraq", "Iraqi", "Baghdad", "MEA"),
    ("Israel", "Israeli", "Jerusalem", "MEA"), ("Syria", "Syrian", "Damascus", "MEA"),
    ("Saudi Arabia", "Saudi", "Riyadh", "MEA"), ("Egypt", "Egyptian", "Cairo", "MEA"),
    ("Lebanon", "Lebanese", "Beirut", "MEA"), ("Jordan", "Jordanian", "Amman", "MEA"),
    ("Yemen", "Yemeni", "Sanaa", "MEA"), ("Qatar", "Qatari", "Doha", "MEA"),
    ("Nigeria", "Nigerian", "Abuja", "AFR"), ("Kenya", "Kenyan", "Nairobi", "AFR"),
    ("Ethiopia", "Ethiopian", "Addis Ababa", "AFR"), ("South Africa", "South African", "Pretoria", "AFR"),
    ("Sudan", "Sudanese", "Khartoum", "AFR"), ("Somalia", "Somali", "Mogadishu", "AFR"),
    ("Mali", "Malian", "Bamako", "AFR"), ("Algeria", "Algerian", "Algiers", "AFR"),
    ("Morocco", "Moroccan", "Rabat", "AFR"), ("Uganda", "Ugandan", "Kampala", "AFR"),
    ("Rwanda", "Rwandan", "Kigali", "AFR"), ("Zimbabwe", "Zimbabwean", "Harare", "AFR"),
    ("Libya", "Libyan", "Tripoli", "AFR"), ("Senegal", "Senegalese", "Dakar", "AFR"),
]
SURNAMES = {
    "EUR": ["Kovalenko", "Dubois", "Weber", "Nowak", "Rossi", "Garcia", "Petrovic", "Horvath", "Papadopoulos",
            "Yilmaz", "Lindqvist", "Beridze", "Popescu", "Ivanov"],
    "AME": ["Johnson", "Tremblay", "Hernandez", "Silva", "Fernandez", "Rodriguez", "Mendoza", "Castillo",
            "Morales", "Ortega", "Vargas"],
    "ASI": ["Wang", "Tanaka", "Sharma", "Khan", "Kim", "Park", "Nguyen", "Widodo", "Santos", "Srisai",
            "Karimov", "Perera", "Rahman", "Mitchell"],
    "MEA": ["Rahimi", "al-Jabouri", "Levi", "Haddad", "al-Saud", "Mansour", "Khoury", "al-Masri", "Nasser"],
    "AFR": ["Okafor", "Mwangi", "Tesfaye", "Dlamini", "Osman", "Abdi", "Traore", "Benali", "Museveni",
            "Uwimana", "Moyo", "Diop"],
}
TITLES = ["President", "Prime Minister", "Foreign Minister", "Defence Minister", "Interior Minister",
          "Trade Minister", "opposition leader"]
IGOS = ["the United Nations", "the European Union", "NATO", "the African Union", "ASEAN",
        "the Organization of American States", "ECOWAS", "the Arab League", "the IMF", "the World Bank",
        "the OSCE", "the UN Security Council", "the Gulf Cooperation Council", "the Shanghai Cooperation Organisation"]
NGOS = ["Amnesty International", "Human Rights Watch", "the Red Cross", "Doctors Without Borders",
        "Reporters Without Borders", "Oxfam"]
GROUPS = ["Hamas", "Hezbollah", "the Taliban", "Boko Haram", "al-Shabaab", "the FARC", "the Houthis",
          "the ELN", "the M23 rebels", "Islamic State militants", "the Tamil Tigers", "the Kurdistan Workers' Party",
          "the Lord's Resistance Army", "Maoist insurgents", "the Sendero Luminoso", "the RSF paramilitaries"]

FILL: dict[str, list[str]] = {
    "ISSUE": ["the nuclear programme", "border security", "trade", "climate change", "refugees", "energy supplies",
              "the disputed islands", "water sharing", "the peace process", "drug trafficking", "fishing rights",
              "the gas pipeline", "migration", "arms control", "the debt crisis", "counter-terrorism",
              "regional security", "the election dispute", "maritime boundaries", "grain exports"],
    "AID": ["emergency aid", "food aid", "financial assistance", "humanitarian assistance", "a loan package",
            "medical supplies", "reconstruction funds", "development aid"],
    "GOODS": ["natural gas", "wheat", "oil", "steel", "rice", "cotton", "semiconductors", "coffee", "copper",
              "timber", "fish", "cars"],
    "WEAPON": ["tanks", "fighter jets", "artillery", "air-defence systems", "anti-tank missiles", "drones",
               "armoured vehicles", "small arms", "attack helicopters"],
    "MONEY": ["$200 million", "$1.5 billion", "$40 million", "500 million euros", "$3 billion", "$750 million",
              "$12 million"],
    "CRIME": ["corruption", "spying", "treason", "war crimes", "fraud", "terrorism", "money laundering",
              "election fraud", "human rights violations"],
    "NUM": ["two", "three", "five", "12", "24", "48", "30", "100", "dozens of", "several"],
    "YEAR": [str(y) for y in range(1975, 2025, 3)],
    "OLDYEAR": ["1812", "1848", "1905", "1919", "1947", "1962", "1971", "1898", "1936"],
    "DAY": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "PLACE": ["the border region", "the north", "the disputed enclave", "the eastern provinces", "the capital",
              "the Kashmir valley", "Darfur", "the Golan Heights", "the Donbas", "the Sahel", "the Crimea",
              "the South China Sea", "the port city", "the Nagorno-Karabakh region", "the Gaza Strip"],
    "CITY": ["Geneva", "Paris", "Nairobi", "Jakarta", "Lima", "Cairo", "Moscow", "Beijing", "Ankara", "Brasilia"],
    "IGO": IGOS,
    "CITY3": ["Geneva", "Vienna", "Oslo", "Doha", "Helsinki", "Singapore", "Istanbul", "Addis Ababa", "Astana"],
}
AGENCIES = ["AP", "AFP", "Reuters", "Xinhua", "dpa", "ANSA", "EFE", "Kyodo", "PTI", "TASS", "APA"]
ATTRIB = ["officials said", "a spokesman said", "state media reported", "diplomats said",
          "the foreign ministry said", "witnesses said", "a government statement said", "sources said"]
PAST_TIMES = ["on {DAY}", "on {DAY}", "last week", "earlier this month", "in March {YEAR}", "on 12 June {YEAR}",
              "in {YEAR}", "late last year", "in the autumn of {YEAR}", "this week", "overnight", "in early {YEAR}"]
FUTURE_TIMES = ["next week", "next month", "later this year", "on {DAY}", "before the summit", "in the coming days"]
CONTEXTS = ["rising tensions in the region", "a deepening economic crisis", "the looming elections",
            "months of stalled diplomacy", "renewed fighting", "a wave of public anger", "falling oil prices",
            "the end of the Cold War", "the war on terror", "the pandemic"]
READINGS = ["a sharp change of course", "a sign of things to come", "a calculated gamble",
            "a bid to shore up support at home", "an attempt to regain the initiative", "a turning point"]
MEDIA = ["State television", "Opposition media", "A pro-government newspaper", "An unverified social media post",
         "A rebel spokesman", "Local media"]

ADJ_NOUNS = set("""troops diplomats diplomat embassy hostages citizens official officials journalist journalists
soldiers positions building pipelines aid inspectors observers tankers nationals war airliner civilians population
town border workers""".split())
KINDS = ("gov", "mil", "pol", "civ", "grp", "igo", "ngo", "per", "loc")


def cameo_codes() -> dict[str, dict[str, str]]:
    rows = {}
    with open(CAMEO_TSV, encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        rows[row["code"]] = row
    return rows


def parse_templates() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    code = None
    for line in TEMPLATES.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("@"):
            code = line[1:]
            out[code] = []
        else:
            out[code].append(line)
    return out


class Actors:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def country(self):
        return self.rng.choice(COUNTRIES)

    def make(self, kind: str, avoid: str | None = None) -> tuple[str, bool, str | None]:
        """(text, plural, country name) of an actor of ``kind``."""
        r = self.rng
        c = self.country()
        while avoid is not None and c[0] == avoid:
            c = self.country()
        name, adj, cap, region = c
        sur = r.choice(SURNAMES[region])
        if kind == "gov":
            opts = [(name, False), (name, False), (name, False), (f"the {adj} government", False), (cap, False),
                    (f"{adj} {r.choice(TITLES[:6])} {sur}", False), (f"the {adj} foreign ministry", False),
                    (f"{adj} officials", True), (f"the {adj} president", False), (f"{r.choice(TITLES[:2])} {sur} of {name}", False)]
            t, pl = r.choice(opts)
        elif kind == "ctry":
            t, pl = name, False
        elif kind == "mil":
            t, pl = r.choice([(f"{adj} troops", True), (f"the {adj} army", False), (f"{adj} forces", True),
                              (f"the {adj} military", False), (f"{adj} warplanes", True), (f"the {adj} navy", False),
                              (f"{adj} government forces", True)])
        elif kind == "pol":
            t, pl = r.choice([(f"{adj} police", True), (f"police in {cap}", True), (f"security forces in {cap}", True),
                              (f"{adj} riot police", True), (f"the {adj} security services", True)])
        elif kind == "civ":
            t, pl = r.choice([(f"{adj} protesters", True), (f"thousands of students in {cap}", True),
                              (f"opposition supporters in {cap}", True), (f"{adj} farmers", True),
                              (f"{adj} trade unions", True), (f"dock workers in {cap}", True),
                              (f"the {adj} opposition", False), (f"{adj} activists", True)])
        elif kind == "grp":
            if r.random() < 0.55:
                t, pl = r.choice(GROUPS), False
                name = None
            else:
                t, pl = r.choice([(f"{adj} rebels", True), (f"{adj} insurgents", True), (f"militants in {name}", True),
                                  (f"gunmen in {name}", True), (f"an armed group in {name}", False)])
        elif kind == "igo":
            t, pl, name = r.choice(IGOS), False, None
        elif kind == "ngo":
            t, pl, name = r.choice(NGOS), False, None
        elif kind == "per":
            t, pl = r.choice([(f"{adj} journalists", True), (f"opposition leader {sur}", False),
                              (f"{adj} activists", True), (f"a {adj} businessman", False), (f"{adj} villagers", True),
                              (f"civilians in {name}", True), (f"{adj} soldiers", True), (f"{adj} aid workers", True),
                              (f"former {r.choice(TITLES[:2])} {sur}", False), (f"{adj} students", True)])
        elif kind == "loc":
            t, pl = r.choice([(f"{adj} positions", True), (f"{adj} troops", True), (f"a {adj} military base", False),
                              (f"villages in {name}", True), (f"{adj} border posts", True), (f"the {adj} capital", False),
                              (f"{name}", False), (f"rebel-held areas of {name}", True)])
        else:
            raise ValueError(kind)
        return t, pl, name


def default_kinds(code: str, slot: str) -> list[tuple[str, float]]:
    root = code[:2]
    if code == "000":
        return [("ctry", 1.0)]
    if slot == "S":
        if root in ("18", "20"):
            return [("grp", .4), ("mil", .4), ("gov", .2)]
        if root == "19":
            return [("mil", .6), ("gov", .3), ("grp", .1)]
        if root in ("14",):
            return [("civ", 1.0)]
        if root in ("09",):
            return [("gov", .5), ("igo", .3), ("ngo", .2)]
        return [("gov", .78), ("igo", .12), ("grp", .05), ("ngo", .05)]
    # target
    if code in ("173", "174", "175", "181", "182", "184", "185", "186", "116", "091", "201", "202", "203", "200"):
        return [("per", .75), ("grp", .15), ("civ", .1)]
    if root in ("18", "19", "20"):
        return [("loc", .5), ("mil", .2), ("grp", .2), ("gov", .1)]
    if root == "14":
        return [("gov", .9), ("igo", .1)]
    return [("gov", .75), ("igo", .12), ("grp", .08), ("civ", .05)]


def pick_kind(rng: random.Random, kinds: list[tuple[str, float]]) -> str:
    x = rng.random() * sum(w for _, w in kinds)
    for k, w in kinds:
        x -= w
        if x <= 0:
            return k
    return kinds[-1][0]


def adjectival(rng: random.Random) -> str:
    return rng.choice(COUNTRIES)[1]


def cap_first(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def lower_first(s: str) -> str:
    return s[:1].lower() + s[1:] if s[:4] in ("The ", "An a") or s[:2] == "A " else s


def fill(rng: random.Random, text: str) -> str:
    return re.sub(r"\{([A-Z0-9]+)\}", lambda m: rng.choice(FILL[m.group(1)]) if m.group(1) in FILL else m.group(0), text)


VERB = re.compile(r"\[([^|\]]+)\|([^\]]+)\]")


def modal_verb(rng: random.Random, modality: str, past: str, base: str, plural: bool) -> str:
    be = base.startswith("be ")
    if modality == "asserted":
        return past
    if modality == "future":
        aux = rng.choice(["will", "will", "is expected to", "is set to", "plans to", "is due to"] if not be
                         else ["will", "is expected to"])
        if plural:
            aux = aux.replace("is ", "are ").replace("plans", "plan")
        return f"{aux} {base}"
    if modality == "negated":
        if be:
            return ("were not " if plural else "was not ") + base[3:]
        return rng.choice(["did not", "did not", "never", "has not yet" if False else "did not"]) + " " + \
            (base if not past.startswith("never") else base)
    if modality == "hypothetical":
        return f"{rng.choice(['could', 'might', 'may', 'would'])} {base}"
    if modality == "reported_claim":
        return f"{rng.choice(['allegedly', 'reportedly', 'purportedly'])} {past}"
    raise ValueError(modality)


def style_wrap(rng: random.Random, core: str, style: str, modality: str) -> str:
    times = FUTURE_TIMES if modality == "future" else PAST_TIMES
    if modality in ("asserted", "negated", "reported_claim", "future", "none") and rng.random() < 0.45:
        t = fill(rng, rng.choice(times))
        if rng.random() < 0.3:
            core = f"{cap_first(t)}, {lower_first(core)}"
        else:
            core = f"{core} {t}"
    if style == "wire":
        form = rng.randrange(4)
        if form == 0:
            city = rng.choice(COUNTRIES)[2].upper()
            return f"{city} ({rng.choice(AGENCIES)}) - {core}."
        if form == 1:
            return f"{core}, {rng.choice(ATTRIB)}."
        if form == 2:
            return f"{core}, according to {rng.choice(['officials', 'a statement', 'the agency', 'diplomatic sources'])}."
        return f"{core}."
    if style == "analysis":
        form = rng.randrange(4)
        if form == 0:
            return f"Against the backdrop of {rng.choice(CONTEXTS)}, {lower_first(core)}."
        if form == 1:
            return f"{core}, a step observers read as {rng.choice(READINGS)}."
        if form == 2:
            return f"In what analysts called {rng.choice(READINGS)}, {lower_first(core)}."
        return f"Amid {rng.choice(CONTEXTS)}, {lower_first(core)}."
    if style == "oped":
        form = rng.randrange(5)
        if form == 0:
            return f"Make no mistake: {lower_first(core)}."
        if form == 1:
            return f"Once again, {lower_first(core)}, and the world barely noticed."
        if form == 2:
            return f"{core}. That should worry all of us."
        if form == 3:
            return f"Say what you will, but {lower_first(core)}."
        return f"It matters that {lower_first(core)}."
    return f"{core}."


MODALITIES = [("asserted", .66), ("future", .09), ("negated", .1), ("hypothetical", .07), ("reported_claim", .08)]
STYLES = [("wire", .45), ("analysis", .25), ("oped", .15), ("plain", .15)]


def render(rng: random.Random, actors: Actors, code: str, template: str, modality: str, style: str) -> dict:
    slots: dict[str, tuple[str, bool, str | None]] = {}
    for slot in ("S", "T"):
        m = re.search(r"\{" + slot + r"(?::([a-z]+))?\}", template)
        if not m:
            continue
        kind = m.group(1) or pick_kind(rng, default_kinds(code, slot))
        avoid = slots["S"][2] if slot == "T" and "S" in slots else None
        slots[slot] = actors.make(kind, avoid)
    text = template
    target_text = None
    if "T" in slots:
        m = re.search(r"\{T(?::[a-z]+)?\}('s)? (\w+)", text)
        if m and not m.group(1) and m.group(2) in ADJ_NOUNS:
            adj = adjectival(rng)
            text = re.sub(r"\{T(?::[a-z]+)?\}", adj, text, count=1)
            target_text = adj
        else:
            target_text = slots["T"][0]
            text = re.sub(r"\{T(?::[a-z]+)?\}", lambda _: target_text, text, count=1)
    source_text = slots["S"][0] if "S" in slots else None
    if source_text is not None:
        text = re.sub(r"\{S(?::[a-z]+)?\}", lambda _: source_text, text, count=1)
    plural = slots.get("S", ("", False, None))[1]
    if text.startswith(target_text or "\x00") and "by " + (source_text or "\x00") in text:
        plural = slots["T"][1]  # passive template: the grammatical subject is the target
    m = VERB.search(text)
    if m:
        v = modal_verb(rng, modality if code != "000" else "asserted", m.group(1), m.group(2), plural)
        text = text[:m.start()] + v + text[m.end():]
    if code != "000" and modality == "hypothetical" and rng.random() < 0.5:
        text = text + rng.choice([" if talks collapse", " should the crisis deepen", " if provoked",
                                  " under a plan being discussed"])
    if code != "000" and modality == "reported_claim" and rng.random() < 0.3:
        text = text + ", a claim officials denied"
    text = fill(rng, text)
    core = cap_first(text)
    sentence = style_wrap(rng, core, style, modality if code != "000" else "none")
    sentence = sentence.replace("..", ".").replace("?.", "?")
    return {"text": sentence, "source": source_text, "target": target_text}


def generate(per_code: int = 55, negatives: int = 1100, seed: int = 20240619) -> list[dict]:
    rng = random.Random(seed)
    actors = Actors(rng)
    codes = cameo_codes()
    tmpl = parse_templates()
    missing = [c for c in codes if len(c) == 3 and c not in tmpl]
    if missing:
        raise SystemExit(f"no templates for {missing}")
    records: list[dict] = []
    for code, templates in tmpl.items():
        n = negatives if code == "000" else per_code
        for i in range(n):
            ti = i % len(templates) if i < len(templates) else rng.randrange(len(templates))
            modality = "none" if code == "000" else pick_kind(rng, MODALITIES)
            style = pick_kind(rng, STYLES)
            rec = render(rng, actors, code, templates[ti], modality, style)
            row = codes.get(code, {})
            records.append({
                "id": f"gp{len(records):05d}", "text": rec["text"], "source": rec["source"], "target": rec["target"],
                "cameo": code, "plover": (row.get("plover_type") or None) if code != "000" else None,
                "modality": None if code == "000" else modality, "style": style, "template": f"{code}.{ti}"})
    seen = set()
    out = []
    for r in records:
        if r["text"] in seen:
            continue
        seen.add(r["text"])
        out.append(r)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(HERE / "corpus.jsonl"))
    ap.add_argument("--per-code", type=int, default=55)
    ap.add_argument("--negatives", type=int, default=1100)
    ap.add_argument("--seed", type=int, default=20240619)
    args = ap.parse_args()
    recs = generate(args.per_code, args.negatives, args.seed)
    with open(args.out, "w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(recs)} sentences to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
