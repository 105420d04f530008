"""Finnish-looking words for the synthetic region: names, companies, roles, skills, procurements.

Made up from common Finnish first names, surnames and everyday work
vocabulary; no record names a real person or company.
"""
from __future__ import annotations

import random

FIRST_NAMES = (
    "Aino", "Eeva", "Helmi", "Ilona", "Johanna", "Kaisa", "Laura", "Maria", "Minna", "Noora", "Oona", "Päivi",
    "Riikka", "Sanna", "Satu", "Tiina", "Tuula", "Venla", "Aleksi", "Antti", "Eero", "Heikki", "Ilkka", "Jani",
    "Juha", "Jukka", "Kalle", "Lauri", "Markku", "Matti", "Mikko", "Niko", "Olli", "Pekka", "Petri", "Sami",
    "Teemu", "Timo", "Tuomas", "Väinö", "Ahmed", "Amina", "Olga", "Dmitri", "Leila", "Kristiina", "Anneli",
    "Pirjo", "Raili", "Seppo", "Esa", "Elina", "Jenni", "Hanna", "Ville", "Joonas", "Emilia", "Iida", "Sofia",
)
SURNAMES = (
    "Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen", "Koskinen",
    "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi", "Heikkilä", "Kinnunen",
    "Salonen", "Turunen", "Salo", "Laitinen", "Tuominen", "Rantanen", "Karjalainen", "Jokinen", "Mattila",
    "Savolainen", "Lahtinen", "Ahonen", "Hiltunen", "Kettunen", "Lindholm", "Nyström", "Eskola", "Väisänen",
    "Pölönen", "Räsänen", "Öhman", "Ylönen", "Hyvönen", "Kärkkäinen", "Pesonen", "Rautio", "Leppänen",
)
COMPANY_STEMS = (
    "Aalto", "Kaleva", "Pohjola", "Revontuli", "Sampo", "Tapiola", "Kuura", "Lumo", "Hilla", "Mesi", "Kide",
    "Louhi", "Ilves", "Kontio", "Haapa", "Kataja", "Vaahtera", "Pihlaja", "Saimaa", "Päijät", "Kymi", "Vuoksi",
    "Kallio", "Harju", "Niitty", "Lähde", "Kota", "Ahjo", "Tuike", "Ranta", "Seppä", "Pajala", "Metsä",
)
COMPANY_TRADES = (
    "Siivous", "Kiinteistöpalvelu", "Ravintolat", "Logistiikka", "Rakennus", "Hoiva", "Kauppa", "Puutarha",
    "Pesula", "Kuljetus", "Konepaja", "Leipomo", "Kahvila", "Tilitoimisto", "IT-palvelut", "Painotalo",
    "Kierrätys", "Autohuolto", "Kotipalvelu", "Turvapalvelut",
)
COMPANY_FORMS = ("Oy", "Oy", "Oy", "Ky", "ry", "Osuuskunta", "Oy Ab")
BUYER_NAMES = (
    "{m} kaupunki", "{m} työllisyysalue", "{m} kunta", "{m} seudun hyvinvointialue", "{m} seudun koulutus",
)
PROVIDER_NAMES = (
    "{s} Työhönvalmennus", "Työvalmennussäätiö {s}", "{s} Kuntoutus", "{s} Osallisuuspalvelut",
    "Ohjaamo {s}", "{s} Työpaja ry",
)
ROLE_TITLES = (
    "Toimistosiivooja", "Siivooja", "Varastotyöntekijä", "Keittiöapulainen", "Kokki", "Asiakaspalvelija",
    "Kiinteistönhoitaja", "Myyjä", "Kassanhoitaja", "Toimistoavustaja", "Vastaanottovirkailija", "Pakkaaja",
    "Hoiva-avustaja", "Lastenhoitaja", "Puutarhatyöntekijä", "Lähetti", "IT-tukihenkilö", "Tallentaja",
    "Kokoonpanija", "Pesulatyöntekijä", "Autonpesijä", "Trukinkuljettaja", "Tarjoilija", "Arkistotyöntekijä",
    "Laitoshuoltaja", "Ravintolatyöntekijä", "Kierrätystyöntekijä", "Vahtimestari", "Kuljettaja", "Leipuri",
)
ROLE_QUALIFIERS = ("", "", "", "aamuvuoro", "osa-aikainen", "iltapäivät", "kesä", "viikonloput", "keskusta",
                   "varasto", "ravintola", "koulu", "sairaala", "kauppakeskus", "toimisto")
TASKS = (
    "Siivoat toimistotiloja ja täydennät tarvikkeita.", "Keräät tilauksia ja pakkaat ne lähetettäviksi.",
    "Autat keittiössä esivalmisteluissa ja astianpesussa.", "Palvelet asiakkaita kassalla ja hyllytät tuotteita.",
    "Vastaat puhelimeen ja ohjaat asiakkaita oikeaan paikkaan.", "Hoidat ulkoalueita ja teet pieniä korjauksia.",
    "Syötät tietoja järjestelmään ja arkistoit asiakirjoja.", "Avustat asukkaita arjen askareissa.",
    "Kokoat tuotteita valmiista osista työohjeen mukaan.", "Lajittelet pyykit ja käytät pesukoneita.",
    "Jaat postia ja lähetyksiä talon sisällä.", "Neuvot käyttäjiä tietokoneongelmissa puhelimessa.",
    "Lajittelet kierrätykseen tulleet tavarat ja hinnoittelet ne.", "Leivot aamulla kahvilan tuotteet.",
)
DESCRIPTIONS = (
    "Rauhallinen työyhteisö, jossa jokaiselle nimetään työkaveri.",
    "Työtahti sovitaan yhdessä, ja aloittaa voi lyhyemmillä päivillä.",
    "Kirjalliset työohjeet ja selkeä päivärytmi helpottavat aloitusta.",
    "Työhönvalmentaja on tervetullut työpaikalle ensimmäisiksi viikoiksi.",
    "Työ tehdään pienessä tiimissä, ja esihenkilö on paikalla päivittäin.",
    "Tehtäviä voidaan jakaa uudelleen, jotta työ sopii juuri sinulle.",
)
SKILL_PHRASES = (
    "asiakaspalvelu", "siivous", "kiinteistöhuolto", "varastotyö", "trukin ajo", "keittiötyö", "hygieniapassi",
    "kassatyö", "hyllytys", "toimisto-ohjelmat", "tietojen syöttö", "arkistointi", "vastaanotto", "IT-tuki",
    "ohjelmointi", "graafinen suunnittelu", "kirjanpito", "hoiva-avustajan työt", "lastenhoito",
    "viheralueiden hoito", "kokoonpano", "pakkaaminen", "kierrätys", "pesulatyö", "kuljetus", "myynti",
    "sosiaalinen media", "kääntäminen", "puutyöt", "tekstiilityöt", "valokuvaus", "ensiapukortti",
    "työturvallisuuskortti", "tiimityö", "polkupyörien korjaus", "astianpesu", "laitoshuolto", "keräily",
    "tilausten käsittely", "puhelinpalvelu", "laskutus", "Excel", "verkkokauppa", "leipominen", "tarjoilu",
)
SKILL_ENDINGS = ("", "", "", " (kokemusta)", " – perusteet", " työkokeilussa", ", hyvä osaaminen")
DESIRED_WORK = (
    "Siivous- tai laitoshuoltotyö aamupäivisin", "Varasto- ja logistiikkatyö", "Keittiö- tai kahvilatyö",
    "Toimisto- ja arkistotyö rauhallisessa paikassa", "Asiakaspalvelu kaupassa", "Ulkotyöt ja viheralueet",
    "IT-tuki tai tietojen käsittely", "Hoiva- ja avustavat työt", "Kokoonpano- tai pakkaustyö",
    "Kierrätys- ja korjaustyö", "Kuljetus- ja lähettityö", "Oppisopimuskoulutus kiinteistöalalle",
)
EDUCATION = ("Peruskoulu", "Peruskoulu (yksilöllistetty oppimäärä)", "Ammatillinen perustutkinto, puhtausala",
             "Ammatillinen perustutkinto, ravintola-ala", "Ylioppilas", "Merkonomi", "Kesken jäänyt ammattikoulu",
             "Logistiikan perustutkinto", "Datanomi", "Lähihoitaja")
HISTORY = ("Useita lyhyitä työsuhteita kaupan alalla.", "Pitkä tauko työelämästä sairauden vuoksi.",
           "Työpajajakso ja kaksi työkokeilua.", "Kymmenen vuotta varastotyössä, sitten kuntoutusta.",
           "Kesätöitä ja vapaaehtoistyötä.", "Ei aiempaa työkokemusta Suomessa.")
PROCUREMENT_TOPICS = (
    ("Ylläpitosiivous", "90910000-9"), ("Ruokapalvelut", "55520000-1"), ("Viheralueiden hoito", "77310000-6"),
    ("Kiinteistönhoito", "70332000-7"), ("Pesulapalvelut", "98311000-6"), ("Kuljetuspalvelut", "60130000-8"),
    ("Toimistotarvikkeet ja logistiikka", "63100000-0"), ("IT-tukipalvelut", "72611000-6"),
    ("Jätehuolto ja kierrätys", "90511000-2"), ("Vartiointipalvelut", "79713000-5"),
)
CAMPAIGN_THEMES = (
    ("Rekrytoi rohkeasti", "Osatyökykyinen työntekijä tuo työyhteisöön osaamista ja sitoutumista."),
    ("Työkokeilu on matala kynnys", "Työkokeilussa työnantaja ja työntekijä tutustuvat ilman riskiä."),
    ("Räätälöity työ toimii", "Kun tehtäviä muokataan, moni työ sopii osatyökykyiselle."),
    ("Oppisopimuksella alalle", "Oppisopimus yhdistää työn ja koulutuksen."),
    ("Palkkatuki tutuksi", "Palkkatuki keventää palkkauksen kustannuksia ensimmäisinä kuukausina."),
)


def genitive(town: str) -> str:
    """A rough Finnish genitive of a town's name (Helsinki -> Helsingin, Espoo -> Espoon)."""
    for ending, replacement in (("nki", "ngin"), ("ku", "un"), ("nen", "sen"), ("e", "een"), ("i", "in")):
        if town.endswith(ending):
            return town[: -len(ending)] + replacement
    return town + "n"


def person_name(rng: random.Random) -> str:
    """A Finnish-looking full name."""
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def company_name(rng: random.Random, n: int) -> str:
    """A Finnish-looking company name, made unique by a number where needed."""
    base = f"{rng.choice(COMPANY_STEMS)}{rng.choice(COMPANY_TRADES).lower()} {rng.choice(COMPANY_FORMS)}"
    return base if n % 7 else f"{rng.choice(SURNAMES)} {base}"


def skill_text(rng: random.Random, low: int = 2, high: int = 6) -> list[str]:
    """A few skills as a person or an employer would type them."""
    return [rng.choice(SKILL_PHRASES) + rng.choice(SKILL_ENDINGS) for _ in range(rng.randint(low, high))]


def role_title(rng: random.Random) -> str:
    """A role's title, sometimes with a qualifier."""
    return f"{rng.choice(ROLE_TITLES)} {rng.choice(ROLE_QUALIFIERS)}".strip()
