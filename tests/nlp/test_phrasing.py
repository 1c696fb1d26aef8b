"""How the extractor reads common phrasings: one sentence in, the claim tuples out.

Each case is one line, so a new phrasing the extractor must handle is a one-line addition.
Sentences are written for these tests; none comes from a scored corpus.
"""

from __future__ import annotations

import pytest

from armstrace.extract import Extractor, load_extractor

Tuple = tuple[str, str | None, str | None, str | None]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return load_extractor()


def _tuples(extractor: Extractor, text: str, published: str | None = None) -> set[Tuple]:
    claims = extractor.extract_text(text, "case", published)
    return {(c.type, c.supplier, c.recipient, c.item.category if c.item else None) for c in claims}


CASES: list[tuple[str, set[Tuple]]] = [
    (
        "North Korea shipped artillery shells to Russia.",
        {("transfer", "KP", "RU", "artillery_ammunition")},
    ),
    (
        "Artillery rounds were sent to Russia by Pyongyang last year.",
        {("transfer", "KP", "RU", "artillery_ammunition")},
    ),
    (
        "Russia has received Shahed drones from Iran, officials said.",
        {("transfer", "IR", "RU", "aircraft")},
    ),
    (
        "Iran supplied the Houthis with anti-ship missiles.",
        {("transfer", "IR", "houthis", "cruise_missiles")},
    ),
    ("The Kremlin denied receiving Iranian drones.", {("transfer", "IR", "RU", "aircraft")}),
    ("There is no evidence that Belarus sent tanks to Russia.", set()),
    ("North Korea did not send any shells to Russia.", set()),
    (
        "Hezbollah also allegedly benefitted from Iranian training in the 1990s.",
        {("support", "IR", "hezbollah", "training")},
    ),
    (
        "Since October, North Korea has deployed more than 10,000 troops to support Russia's war.",
        {("support", "KP", "RU", "troops")},
    ),
    (
        "Israel seized 40 rockets aboard the MV Example bound for Gaza in 2014.",
        {("interdiction", None, "PS", "rockets")},
    ),
    ("The Iranian-backed Houthis fired missiles at ships.", {("support", "IR", "houthis", None)}),
    ("North Korea's Bulsae-2 is a copy of the Soviet Fagot.", {("production", "KP", None, "atgm")}),
    ("What could Hamas buy from North Korea?", set()),
    (
        "In exchange, Russia is providing North Korea with military technology.",
        {("transfer", "RU", "KP", "technology")},
    ),
    (
        "The KN-23 missiles used by Russia were made in North Korea, a UN report says.",
        {
            ("transfer", "KP", "RU", "ballistic_missiles"),
            ("production", "KP", None, "ballistic_missiles"),
        },
    ),
    (
        "Russian forces have fired North Korean KN-23 missiles at Ukrainian cities.",
        {("transfer", "KP", "RU", "ballistic_missiles")},
    ),
    (
        "China has become the main supplier of drones to the Sudanese army.",
        {("transfer", "CN", "SD", "aircraft")},
    ),
    (
        "The United States approved the sale of 66 F-16 fighter jets to Taiwan.",
        {("transfer", "US", "TW", "aircraft")},
    ),
    ("The system is similar to that used by the Soviet Union for its arms.", set()),
    (
        "North Korean troops are fighting alongside Russian forces in the Kursk region.",
        {("support", "KP", "RU", "troops")},
    ),
    (
        "Russia imports semiconductors from China to build missiles.",
        {("transfer", "CN", "RU", "technology")},
    ),
    ("Russia has dropped thousands of glide bombs on Kharkiv.", set()),
    # read in this session's rules: each phrasing in words of our own
    (
        "Government troops seized territory near the port, while Belarus sent 40 tanks to Russia.",
        {("transfer", "BY", "RU", "armoured_vehicles")},
    ),
    (
        "Tehran believes, a diplomat said, that Russia had delivered radars to bolster the defences around Damascus.",
        {("transfer", "RU", "SY", "radar")},
    ),
    (
        "A newspaper reported, citing officials, that Russia's Wagner Group had supplied the RSF with rifles flown from bases in Chad.",
        {("transfer", "wagner", "rapid-support-forces", "small_arms")},
    ),
    (
        "Hezbollah's drones are assembled in Lebanon by its own technicians.",
        {("production", "hezbollah", None, "aircraft")},
    ),
    (
        "Belarus, which Kyiv says has sent artillery shells to Russia, denies any role.",
        {("transfer", "BY", "RU", "artillery_ammunition")},
    ),
    ("Chinese-supplied jets flew over the capital.", set()),  # nobody named holds them
    (
        "Myanmar's army flies ageing Chinese-supplied jets.",
        {("transfer", "CN", "MM", "aircraft")},
    ),
    (
        "The missiles were sold by Belarus to Iran and then handed on to the Houthis.",
        {("transfer", "BY", "IR", "munitions"), ("transfer", "IR", "houthis", "munitions")},
    ),
    (
        "Several hundred fighters from Hamas were trained in Iran.",
        {("support", "IR", "hamas", "training")},
    ),
    (
        "Sudan has bought drones from Iran, shells from Serbia and jets from China.",
        {
            ("transfer", "IR", "SD", "aircraft"),
            ("transfer", "RS", "SD", "artillery_ammunition"),
            ("transfer", "CN", "SD", "aircraft"),
        },
    ),
    (
        "Syria acquired an estimated 200 Hwasong-6 missiles in the 1990s.",
        {("transfer", "KP", "SY", "ballistic_missiles")},
    ),
    (
        "Egypt, then turning away from Moscow, passed two missiles to North Korea.",
        {("transfer", "EG", "KP", "munitions")},
    ),
    ("It is widely believed that nobody will comment: would Serbia sell shells to Russia?", set()),
    (
        "North Korea's leader has new toys: Kim Jong Un inspected attack drones and ordered them to be mass-produced.",
        {("production", "KP", None, "aircraft")},
    ),
    (
        "According to officials, Iran gives roughly $50 million a year to Hezbollah.",
        {("support", "IR", "hezbollah", None)},
    ),
    (
        "The freighter Sea Lark sailed from the port of Wonju, North Korea, with 3,000 rifles "
        "to be discharged in Yemen. Yemeni coastguards later seized the Sea Lark.",
        {("interdiction", "KP", "YE", "small_arms")},
    ),
    (
        "Burundi has sent troops and rifles to the M23 rebels, the experts report.",
        {("support", "BI", "m23", "troops"), ("transfer", "BI", "m23", "small_arms")},
    ),
    (
        "Chad supplied weapons to rebels in the Central African Republic.",
        {("transfer", "TD", "CF", "munitions")},
    ),
    (
        "The Pentagon approved a $2 billion arms package for Taiwan.",
        {("transfer", "US", "TW", "munitions")},
    ),
    (
        "The Eritrean government used Iranian and Chinese drones against rebel positions.",
        {("transfer", "IR", "ER", "aircraft"), ("transfer", "CN", "ER", "aircraft")},
    ),
    ("Czech howitzers have reached Ukraine by rail.", {("transfer", "CZ", "UA", "artillery")}),
    (
        "Rosoboronexport will deliver Su-35 fighters to Algeria.",
        {("transfer", "RU", "DZ", "aircraft")},
    ),
    ("The pilots had flown missions over Aleppo for the Syrian army.", set()),
    (
        "In 2022 the destroyer HMS Example seized 900 rifles from a fishing boat in the Arabian Sea.",
        {("interdiction", None, None, "small_arms")},
    ),
    (
        "A coast guard cutter seized 400 Chinese-type rifles bound for Yemen.",
        {("interdiction", None, "YE", "small_arms")},
    ),
    (
        "Officials said the Patriot batteries, which Spain bought in 2004, had intercepted Russian"
        " missiles.",
        {("transfer", "US", "ES", "air_defence")},
    ),
    (
        "Chile signed a contract for twelve F-16 fighters worth $500 million.",
        {("transfer", "US", "CL", "aircraft")},
    ),
    (
        "The Ukrainian army used Turkish-made Bayraktar drones against Russian air-defence radars.",
        {("transfer", "TR", "UA", "aircraft"), ("production", "TR", None, "aircraft")},
    ),
    (
        "Qatar has denied the claim. Officials said the Gulf state had sent armoured vehicles to"
        " Sudan.",
        {("transfer", "QA", "SD", "armoured_vehicles")},
    ),
    (
        "Pakistan, the Taliban's main patron, rejected the report.",
        {("support", "PK", "taliban", None)},
    ),
    (
        "Libya is divided. Italy, which supports the government in Tripoli, said nothing.",
        {("support", "IT", "LY", None)},
    ),
    (
        "Ankara trained Azerbaijani crews to fly aircraft that could carry laser-guided bombs.",
        {("support", "TR", "AZ", "training")},
    ),
    (
        "Moscow promised to hand Armenia Tor missile systems, and Pashinyan said the S-300 systems"
        " supplied by Russia had arrived.",
        {("transfer", "RU", "AM", "air_defence")},
    ),
    (
        "Iraq signed a contract for 12 T-90 tanks in 2023 that drew an angry response from Ankara.",
        {("transfer", "RU", "IQ", "armoured_vehicles")},
    ),
    (
        "In 2019 Mali, then under attack from the forces of jihadist groups, received helicopters"
        " from Russia.",
        {("transfer", "RU", "ML", "aircraft")},
    ),
    (
        "In 2021 The Intercept reported that Jordan had sold mortar shells to Ukraine.",
        {("transfer", "JO", "UA", "mortar_ammunition")},
    ),
    ("In 2020 Baku recalled its ambassador to Moscow over the arms sales.", set()),
    (
        "Romania and Greece have become major sources of artillery shells for Ukraine.",
        {
            ("transfer", "RO", "UA", "artillery_ammunition"),
            ("transfer", "GR", "UA", "artillery_ammunition"),
        },
    ),
    (
        "Turkey sent drones to the internationally recognised Government of National Accord.",
        {("transfer", "TR", "LY", "aircraft")},
    ),
    (
        "Egypt flies the Rafale. In 2021 Qatar took delivery of six of the fighters.",
        {("transfer", "FR", "QA", "aircraft")},
    ),
    ("The arms maker Norinco opened an office in Nairobi in 2019.", set()),
    (
        "Lebanon's Hezbollah received rockets from Iran.",
        {("transfer", "IR", "hezbollah", "rockets")},
    ),
    (
        "Mali is at war. The Wagner Group, the private military company tied to the Kremlin, sent"
        " 1,000 fighters to Mali.",
        {("support", "wagner", "ML", "troops")},
    ),
    ("Turkey will train Somali officers.", {("support", "TR", "SO", "training")}),
    (
        "Officials believe Hungary received 100,000 rounds from Bulgaria last year.",
        {("transfer", "BG", "HU", "artillery_ammunition")},
    ),
    (
        "Documents show Jordan planned to make 20,000 shells for Ukraine.",
        {
            ("production", "JO", None, "artillery_ammunition"),
            ("transfer", "JO", "UA", "artillery_ammunition"),
        },
    ),
    (
        "Chinese Wing Loong drones have been spotted in Nigeria.",
        {("transfer", "CN", "NG", "aircraft")},
    ),
    (
        "Footage filmed in Israel shows rockets made in Iran.",
        {("production", "IR", None, "rockets")},
    ),
    (
        "Hundreds of Malian officers have trained at Russian military academies.",
        {("support", "RU", "ML", "training")},
    ),
    (
        "About 200 Russian military instructors arrived in Niger in April.",
        {("support", "RU", "NE", "training")},
    ),
    ("A regional force of Kenyan troops arrived in 2023.", set()),
    (
        "Sudan's army has taken delivery of Iranian Mohajer-6 drones, researchers said.",
        {("transfer", "IR", "SD", "aircraft")},
    ),
    (
        "The Houthis received anti-aircraft weapons via Oman, the experts said, pointing to Iran as"
        " the source.",
        {("transfer", "IR", "houthis", "air_defence")},
    ),
    (
        "Nigeria's air force deployed Chinese Wing Loong drones against the insurgents.",
        {("transfer", "CN", "NG", "aircraft")},
    ),
    (
        "Between 2016 and 2020, Russia accounted for 60 percent of India's arms imports.",
        {("transfer", "RU", "IN", "munitions")},
    ),
    (
        "Sudan was a conduit for Iranian weapons to Hamas.",
        {("transfer", "IR", "hamas", "munitions")},
    ),
    (
        "The KN-23 missiles, supplied by North Korea, were used by Russian forces in Ukraine.",
        {("transfer", "KP", "RU", "ballistic_missiles")},
    ),
    (
        "Chad's army now flies Bayraktar drones, which came from Turkey.",
        {("transfer", "TR", "TD", "aircraft")},
    ),
    (
        "Serbia relies on Russia for most of its fighter jets.",
        {("transfer", "RU", "RS", "aircraft")},
    ),
    ("Up to 3,000 Chadian soldiers were sent to Mali.", {("support", "TD", "ML", "troops")}),
    (
        "Most of the rifles in Hamas's hands originate in Iran.",
        {("transfer", "IR", "hamas", "small_arms")},
    ),
    (
        "Egypt's navy will commission two German-built submarines next year.",
        {("transfer", "DE", "EG", "ships"), ("production", "DE", None, "ships")},
    ),
    (
        "In 2015 a consignment of Chinese rifles was unloaded at the Tanzanian port of Dar es"
        " Salaam and trucked to Burundi.",
        {("transfer", "CN", "BI", "small_arms")},
    ),
    (
        "Analysts at Small Arms Watch, a Swiss research group, traced the rifles to Iran.",
        set(),
    ),
    (
        "In 2020 the Greek navy inspected a freighter flying the flag of Togo after it had passed"
        " through the Suez Canal.",
        set(),
    ),
    (
        "Weapons from Yemen are reaching al-Shabaab, the al-Qaeda affiliate, officials say.",
        {("transfer", "YE", "al-shabaab", "munitions")},
    ),
    ("Spain sells no tanks to Morocco.", set()),
    (
        "Somalia accused al-Shabaab, with Eritrean help, of smuggling rifles to the Houthis.",
        {
            ("transfer", "al-shabaab", "houthis", "small_arms"),
            ("transfer", "ER", "houthis", "small_arms"),
        },
    ),
    (
        "India inducted the first S-400 squadron from Russia in 2021.",
        {("transfer", "RU", "IN", "air_defence")},
    ),
    (
        "Ukraine re-exported 40 T-72 tanks to Ethiopia.",
        {("transfer", "UA", "ET", "armoured_vehicles")},
    ),
    ("The United States leased two MQ-9 drones to India.", {("transfer", "US", "IN", "aircraft")}),
    (
        "The Wagner Group, with the help of Russia, flew rifles to Mali.",
        {("transfer", "wagner", "ML", "small_arms"), ("transfer", "RU", "ML", "small_arms")},
    ),
    (
        "Greece ordered 18 used Mirage jets from France and cited Turkey's build-up as a reason.",
        {("transfer", "FR", "GR", "aircraft")},
    ),
    (
        "In 1984 Honduran troops shot down a cargo plane loaded with rifles for the Contras.",
        {("interdiction", None, "contras", "small_arms")},
    ),
    ("Ukraine's air force said it shot down five Russian jets and two drones.", set()),
    (
        "The mortars had been sent by al-Shabaab from Somalia to Kenya.",
        {("transfer", "al-shabaab", "KE", "mortars")},
    ),
    (
        "In 2015 Bulgaria sold 400 grenade launchers to the Iraqi army.",
        {("transfer", "BG", "IQ", "grenades")},
    ),
    (
        "Egypt bought Rafale jets and guided bombs from France.",
        {("transfer", "FR", "EG", "aircraft"), ("transfer", "FR", "EG", "munitions")},
    ),
    (
        "Egypt bought Rafale jets and other weapons from France.",
        {("transfer", "FR", "EG", "aircraft")},
    ),
    ("Egypt sent no more than 30 howitzers to Sudan.", {("transfer", "EG", "SD", "artillery")}),
    ("In 1985 Brunei gave the Contras some $10 million.", {("support", "BN", "contras", None)}),
    (
        "In 2019 the freighter carried rifles from Ukraine to Ethiopia.",
        {("transfer", "UA", "ET", "small_arms")},
    ),
    ("The tanker was carrying jet fuel from Russia to Syria.", set()),
    (
        "The Barak-8 missile is built by an Israeli-Indian joint venture.",
        {("production", "IL", None, "air_defence"), ("production", "IN", None, "air_defence")},
    ),
    (
        "Brussels aimed the measure at Belarus, which took delivery of Iskander launchers in"
        " 2022, and later widened it to cover Belarusian banks.",
        {("transfer", "RU", "BY", "ballistic_missiles")},
    ),
    (
        "Through the 1990s Belarus sold Syria spare parts for its Soviet-built helicopters and"
        " tanks.",
        {("transfer", "BY", "SY", "technology"), ("production", "RU", None, "aircraft")},
    ),
    (
        "Mexican prosecutors say the Jalisco New Generation Cartel bought rifles from US dealers.",
        {("transfer", "US", "jalisco-new-generation-cartel", "small_arms")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_phrasing_yields_claims(extractor: Extractor, text: str, expected: set[Tuple]) -> None:
    assert _tuples(extractor, text, "2024-06-01") == expected


TEASER_MID_ARTICLE = (
    "Egypt bought Rafale jets from France in 2015.\n\n"
    "Read more: Why cheap drones are changing air defence\n\n"
    "In 2021 Greece ordered 18 Rafale fighters from France, and deliveries began the next year,"
    " officials in Athens said. The deal was the first of several in southern Europe.\n\n"
    "Related stories\n\nThe drone race in the Aegean\nA new frigate for Athens\n"
)


def test_a_teaser_line_mid_article_is_skipped_and_trailing_links_are_not_read(
    extractor: Extractor,
) -> None:
    """Text after a mid-article teaser is read; the link titles at the end of a page are not."""
    pairs = {(s, r) for _, s, r, _ in _tuples(extractor, TEASER_MID_ARTICLE, "2024-06-01")}
    assert pairs == {("FR", "EG"), ("FR", "GR")}


def test_a_teaser_title_is_not_read_as_a_claim(extractor: Extractor) -> None:
    text = "Read next: How Iran's drone designs ended up in a factory in Tatarstan\n"
    assert _tuples(extractor, text, "2024-06-01") == set()


QUANTITY_CASES: list[tuple[str, tuple[float, str, str] | None]] = [
    ("About 2,000 troops were deployed to Mali by Russia.", (2000.0, "persons", "approx")),
    (
        "Chad took delivery of the Su-25 in 2020. In 2022 Mali took delivery of four of the jets.",
        (4.0, "items", "exact"),
    ),
    (
        "Some 600 members of the Wagner Group were deployed to Libya in 2020.",
        (600.0, "persons", "approx"),
    ),
    ("Bulgarian ammunition worth about €500 million reached Ukraine in 2023.", None),
    ("Egypt sent no more than 30 howitzers to Sudan.", (30.0, "items", "at_most")),
    (
        "In 2018 Bahrain ordered 16 F-16V Block 70 jets from the United States.",
        (16.0, "items", "exact"),
    ),
    (
        "Romania bought HIMARS from the United States in 2022 and later raised the order to 18"
        " launchers.",
        (18.0, "items", "exact"),
    ),
    (
        "- Javelin missiles for Estonia: 120 approved by Washington in 2021.",
        (120.0, "items", "exact"),
    ),
    (
        "The Philippines signed a contract with India in 2022 for three batteries of BrahMos"
        " missiles.",
        (3.0, "items", "exact"),
    ),
    ("Iran sent C-802 missiles with two launchers to the Houthis.", None),
    ("Couriers for the cartel were paid about $200 per rifle smuggled from Arizona.", None),
]


@pytest.mark.parametrize(("text", "expected"), QUANTITY_CASES)
def test_phrasing_yields_quantities(
    extractor: Extractor, text: str, expected: tuple[float, str, str] | None
) -> None:
    """Counts, units and qualifiers; amounts in currencies other than the dollar are not `usd`."""
    quantities = {
        (c.quantity.value, c.quantity.unit, c.quantity.qualifier)
        for c in extractor.extract_text(text, "case", "2024-06-01")
        if c.quantity is not None and c.type != "production"
    }
    assert quantities == ({expected} if expected else set())


def test_a_retracted_figure_in_a_correction_is_not_a_claim(extractor: Extractor) -> None:
    text = (
        "Correction: An earlier version of this article said Greece ordered 30 drones from Turkey."
        " It ordered 24.\n"
    )
    assert _tuples(extractor, text, "2024-06-01") == set()


def test_a_pronoun_subject_of_a_purchase_is_the_state_just_named(extractor: Extractor) -> None:
    text = "Serbia is a Russian ally. It received MiG-29 fighters in 2019."
    assert _tuples(extractor, text, "2024-06-01") == {("transfer", "RU", "RS", "aircraft")}


def test_goods_in_a_state_arsenal_went_to_that_state(extractor: Extractor) -> None:
    text = "For two decades, almost every rifle in Georgia's arsenal came from Ukraine."
    assert _tuples(extractor, text, "2024-06-01") == {("transfer", "UA", "GE", "small_arms")}


def test_the_plane_that_carried_a_cargo_is_not_part_of_it(extractor: Extractor) -> None:
    text = (
        "Indian police grounded an An-12 at Kolkata airport in 2019 after finding rifles and"
        " grenades on board bound for Myanmar."
    )
    categories = {t[3] for t in _tuples(extractor, text, "2024-06-01")}
    assert categories == {"small_arms", "grenades"}


def test_a_weight_of_several_kinds_of_goods_is_the_cargo_total(extractor: Extractor) -> None:
    text = "Customs found 12 tons of rifles and mortar bombs in a container bound for Libya."
    weighed = {
        (c.item.category if c.item else None)
        for c in extractor.extract_text(text, "case", "2024-06-01")
        if c.quantity is not None and c.quantity.unit == "tons"
    }
    assert weighed == {"munitions"}


def test_a_number_in_a_weapon_name_is_not_a_year(extractor: Extractor) -> None:
    claims = extractor.extract_text(
        "Peru bought Mirage 2000 fighters from France in 1984.", "case", "2024-06-01"
    )
    assert [(c.supplier, c.item.designation, c.when) for c in claims] == [
        ("FR", "Mirage 2000", "1984")
    ]


def test_a_table_rows_number_counts_the_system_the_row_names(extractor: Extractor) -> None:
    """ "| NASAMS | Norway | 2 launchers |" under a story of aid to Ukraine: two NASAMS."""
    text = (
        "Norway has sent a long list of equipment to Ukraine since 2022.\n\n"
        "| System | Supplier | Number |\n| NASAMS | Norway | 2 launchers |\n| M109 | Norway | 22 |\n"
    )
    found = {
        (c.supplier, c.recipient, c.item.category, c.quantity.value)
        for c in extractor.extract_text(text, "case", "2024-06-01")
        if c.quantity is not None
    }
    assert found == {("NO", "UA", "air_defence", 2.0), ("NO", "UA", "artillery", 22.0)}


def test_a_states_forces_in_the_possessive_make_the_seizure(extractor: Extractor) -> None:
    claims = extractor.extract_text(
        "Greece's coast guard seized 30 tons of rifles bound for Libya.", "case", "2024-06-01"
    )
    assert [(c.type, c.seized_by, c.recipient) for c in claims] == [("interdiction", "GR", "LY")]


def test_a_denied_sale_lends_its_parties_to_no_later_predicate(extractor: Extractor) -> None:
    text = (
        "Norway and Chile sell no rifles to Peru, and no Asian state has approved a sale since"
        " the French frigates of the 1980s."
    )
    assert {(s, r) for _t, s, r, _c in _tuples(extractor, text, "2024-06-01")} <= {("FR", None)}


def test_a_model_suffix_still_names_the_catalogued_system(extractor: Extractor) -> None:
    text = "Taipei bought 66 F-16C/D fighters from the United States."
    claims = extractor.extract_text(text, "case", "2024-06-01")
    assert [(c.item.category, c.item.designation) for c in claims] == [("aircraft", "F-16C/D")]


def test_a_count_with_its_noun_left_out_counts_the_goods_named_before(
    extractor: Extractor,
) -> None:
    text = "Russia sent 20 tanks to Syria in 2015, and 30 in 2016."
    counts = {
        c.quantity.value for c in extractor.extract_text(text, "case", "2024-06-01") if c.quantity
    }
    assert counts == {20.0, 30.0}


def test_a_second_state_in_a_sentence_gives_what_it_said_it_would(extractor: Extractor) -> None:
    text = (
        "Norway sent NASAMS launchers to Ukraine in 2022. Spain pledged a battery in May, and the"
        " Netherlands said it would contribute two launchers and missiles."
    )
    claims = extractor.extract_text(text, "case", "2024-06-01")
    netherlands = [c for c in claims if c.supplier == "NL"]
    assert [(c.recipient, c.source) for c in netherlands] == [("UA", "Netherlands")]


def test_goods_sold_on_go_to_their_buyer_and_keep_the_system_named_before(
    extractor: Extractor,
) -> None:
    text = (
        "In 2019, Yemeni troops found four U.S.-made Javelin missiles at a base used by the"
        " Houthis. The missiles had been sold to Saudi Arabia."
    )
    claims = extractor.extract_text(text, "case", "2024-06-01")
    sold = [c for c in claims if c.evidence.text.startswith("The missiles")]
    assert [(c.supplier, c.recipient, c.via, c.item.category) for c in sold] == [
        ("US", "SA", [], "atgm")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In May 2001 the Israeli navy stopped the Santorini with a load of rifles bound for Gaza.",
            [("interdiction", "PS", "small_arms", "Santorini")],
        ),
        (
            "In 2020 the Greek frigate Spetsai inspected the Kirkuk, which was carrying rifles to"
            " Libya.",
            [("interdiction", "LY", "small_arms", "Kirkuk")],
        ),
    ],
)
def test_a_named_ship_stopped_or_inspected_is_a_seizure_and_the_seizing_ship_no_cargo(
    extractor: Extractor, text: str, expected: list[tuple[str, str, str, str]]
) -> None:
    claims = extractor.extract_text(text, "case", "2024-06-01")
    found = [
        (c.type, c.recipient, c.item.category, c.conveyance.name if c.conveyance else None)
        for c in claims
    ]
    assert found == expected


def test_the_air_force_is_the_state_the_article_is_about(extractor: Extractor) -> None:
    text = (
        "Kenya has rebuilt its air force since 2015, and Kenya now flies several new types."
        " In June the air force received two Z-9 helicopters from China."
    )
    claims = extractor.extract_text(text, "case", "2024-06-01")
    assert {(c.supplier, c.recipient) for c in claims} == {("CN", "KE")}


def test_it_received_after_a_fronted_supplier_is_the_buyer_read_last(extractor: Extractor) -> None:
    text = (
        "Egypt keeps buying widely. It ordered Rafale jets from France, and Paris approved the"
        " sale of missiles as well. From Germany it received four submarines in 2021."
    )
    claims = extractor.extract_text(text, "case", "2024-06-01")
    assert ("DE", "EG", "ships") in {(c.supplier, c.recipient, c.item.category) for c in claims}


def test_an_aside_after_the_subject_does_not_take_its_place(extractor: Extractor) -> None:
    text = (
        "Jordan, mending ties with the Gulf states it had angered during the war with Iraq,"
        " sent Bahrain rifles and armoured vehicles in 1994."
    )
    claims = extractor.extract_text(text, "case", "2024-06-01")
    assert {(c.supplier, c.recipient, c.source) for c in claims} == {("JO", "BH", None)}


def test_a_table_rows_type_column_names_the_goods_it_counts(extractor: Extractor) -> None:
    text = (
        "Bolivia has bought arms from China since 2010.\n\n"
        "| System | Type | Supplier | Number |\n| QLZ-87 | grenade launcher | China | 40 |\n"
    )
    found = {
        (c.supplier, c.recipient, c.item.category, c.quantity.value)
        for c in extractor.extract_text(text, "case", "2024-06-01")
        if c.quantity is not None
    }
    assert found == {("CN", "BO", "grenades", 40.0)}


def test_deliveries_from_unnamed_western_givers_borrow_no_supplier(extractor: Extractor) -> None:
    text = (
        "North Korea has sent shells to Russia. Pyongyang called the reports a smear meant to hide"
        " Western arms deliveries to Ukraine."
    )
    pairs = {(c.supplier, c.recipient) for c in extractor.extract_text(text, "case", "2024-06-01")}
    assert ("KP", "UA") not in pairs


def test_a_state_named_as_the_giver_does_not_own_the_air_force_that_follows(
    extractor: Extractor,
) -> None:
    text = (
        "Ghana's air force has grown quickly. It flies Chinese trainers and Brazilian jets, and"
        " Ghana plans more. From Russia the air force has received transport helicopters."
    )
    pairs = {(c.supplier, c.recipient) for c in extractor.extract_text(text, "case", "2024-06-01")}
    assert ("RU", "GH") in pairs


def test_locally_assembled_goods_borrow_no_foreign_supplier(extractor: Extractor) -> None:
    text = (
        "Kenya bought helicopters from the United States. A few locally assembled armoured"
        " trucks, made by a private firm in Nairobi, were handed to the army this year."
    )
    pairs = {(c.supplier, c.recipient) for c in extractor.extract_text(text, "case", "2024-06-01")}
    assert pairs == {("US", "KE")}


@pytest.mark.parametrize(
    "text",
    [
        "Officials announced plans for the Ordnance Factory of Ghana, near Accra, to make rifles.",
        "A Ghanaian state firm, in Accra, will make rifles and mortars.",
    ],
)
def test_a_planned_state_factory_is_planned_production_by_its_state(
    extractor: Extractor, text: str
) -> None:
    claims = extractor.extract_text(text, "case", "2024-06-01")
    assert ("production", "GH", "small_arms", "planned") in {
        (c.type, c.supplier, c.item.category if c.item else None, c.hedge) for c in claims
    }


def test_goods_named_only_by_reference_are_the_last_ones_moved(extractor: Extractor) -> None:
    text = (
        "South Korea delivered K9 howitzers to Norway in 2019. Estonia, the next buyer, received"
        " its units a year later. Australia signed a contract worth $700 million in 2021, and"
        " Egypt is said to be discussing a deal."
    )
    found = {
        (c.supplier, c.recipient, c.item.category, c.quantity.value if c.quantity else None)
        for c in extractor.extract_text(text, "case", "2024-06-01")
    }
    assert {
        ("KR", "NO", "artillery", None),
        ("KR", "EE", "artillery", None),
        ("KR", "AU", "artillery", 700_000_000.0),
        ("KR", "EG", "artillery", None),
    } <= found


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Peru remains one of Russia's biggest arms customers in South America.", ("RU", "PE")),
        ("France's first export customer for the jet was Egypt.", ("FR", "EG")),
        ("Vietnam has long been among Israel's largest buyers in Asia.", ("IL", "VN")),
    ],
)
def test_a_state_called_another_states_customer_bought_its_arms(
    extractor: Extractor, text: str, pair: tuple[str, str]
) -> None:
    claims = extractor.extract_text(text, "case", "2024-06-01")
    assert pair in {(c.supplier, c.recipient) for c in claims if c.type == "transfer"}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("In Syria, Russia has supported the Assad government since 2015.", ("RU", "SY")),
        ("In Yemen, Iran supplies the Houthis with drones.", ("IR", "houthis")),
    ],
)
def test_a_fronted_place_is_the_scene_not_a_party(
    extractor: Extractor, text: str, pair: tuple[str, str]
) -> None:
    pairs = {(c.supplier, c.recipient) for c in extractor.extract_text(text, "case", "2024-06-01")}
    assert pair in pairs
    assert not any(p[1] in ("SY", "YE") and p != pair for p in pairs)


@pytest.mark.parametrize(
    "text",
    [
        "Burundi keeps several thousand troops in the Democratic Republic of Congo.",
        "Fighting goes on in the Democratic Republic of Congo. Burundi maintains 2,000 soldiers in"
        " Congo's South Kivu province.",
    ],
)
def test_troops_kept_in_another_state_are_support(extractor: Extractor, text: str) -> None:
    claims = extractor.extract_text(text, "case", "2024-06-01")
    assert ("support", "BI", "CD") in {(c.type, c.supplier, c.recipient) for c in claims}


def test_more_of_the_same_type_are_the_goods_just_named(extractor: Extractor) -> None:
    text = (
        "Cuba bought rifles from Russia in 2010. In 2015 Vietnam handed over eight T-55 tanks,"
        " and Laos donated three more of the same type a year later."
    )
    found = {
        (c.supplier, c.recipient, c.item.category, c.quantity.value if c.quantity else None)
        for c in extractor.extract_text(text, "case", "2024-06-01")
    }
    assert ("LA", "CU", "armoured_vehicles", 3.0) in found


def test_goods_made_for_a_buyer_carry_their_count(extractor: Extractor) -> None:
    text = "Belarus is producing 30,000 mortar rounds for Russia, officials said."
    found = {
        (c.type, c.supplier, c.recipient, c.quantity.value if c.quantity else None)
        for c in extractor.extract_text(text, "case", "2024-06-01")
    }
    assert {("production", "BY", None, None), ("transfer", "BY", "RU", 30_000.0)} <= found


def test_arms_called_the_seized_ones_open_no_new_seizure(extractor: Extractor) -> None:
    text = "Syria denied sending rockets to Lebanon and said the seized arms were not Syrian."
    claims = extractor.extract_text(text, "case", "2024-06-01")
    assert {(c.type, c.supplier, c.recipient, c.hedge) for c in claims} == {
        ("transfer", "SY", "LB", "denied")
    }


def test_goods_of_a_states_origin_were_made_there(extractor: Extractor) -> None:
    text = "Al-Shabaab fighters carried rifles of Chinese manufacture, the panel said."
    found = {(c.type, c.supplier, c.recipient) for c in extractor.extract_text(text, "case")}
    assert {("production", "CN", None), ("transfer", "CN", "al-shabaab")} <= found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In return for the drones, Russia has been sending wheat and cash to Tehran.", set()),
        (
            "Russia has sent fighter jets to Iran in exchange for the drones.",
            {("RU", "IR", "aircraft")},
        ),
    ],
)
def test_goods_paid_for_are_not_the_goods_sent(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    claims = extractor.extract_text(text, "case", "2024-06-01")
    assert {(c.supplier, c.recipient, c.item.category) for c in claims} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Israel's Heron drones have been sold to more than 20 countries, including India and Chile.",
        "Israel has exported Heron drones to several air forces, such as India and Chile.",
    ],
)
def test_buyers_listed_after_a_count_of_countries_are_recipients(
    extractor: Extractor, text: str
) -> None:
    pairs = {(c.supplier, c.recipient) for c in extractor.extract_text(text, "case", "2024-06-01")}
    assert pairs == {("IL", "IN"), ("IL", "CL")}


def test_seized_goods_handed_on_later_are_the_seizers_transfer(extractor: Extractor) -> None:
    text = (
        "The British navy seized 2,000 rifles from a boat bound for Somalia in May 2021."
        " The rifles were later donated to Kenya."
    )
    claims = extractor.extract_text(text, "case", "2024-06-01")
    found = {(c.type, c.supplier, c.recipient, c.hedge) for c in claims}
    assert ("transfer", "GB", "KE", "confirmed") in found
    assert not any(c.type == "interdiction" and c.recipient == "KE" for c in claims)
    assert {c.hedge for c in claims if c.type == "interdiction"} == {"confirmed"}  # "May": a month


def test_boarding_the_vessel_in_the_next_paragraph_continues_the_seizure(
    extractor: Extractor,
) -> None:
    text = (
        "The Australian navy stopped a fishing boat off Somalia and seized rifles that officials"
        " said were sent by Iran to al-Shabaab.\n\n"
        "Sailors boarded the vessel on 3 March and found machine guns and rocket launchers."
    )
    claims = [
        c for c in extractor.extract_text(text, "case", "2024-06-01") if c.type == "interdiction"
    ]
    assert {(c.supplier, c.recipient) for c in claims} == {("IR", "al-shabaab")}


def test_a_later_count_in_containers_belongs_to_the_flow_counted_in_containers(
    extractor: Extractor,
) -> None:
    text = (
        "Iran has shipped about 4,000 containers of ammunition to Russia since 2022, officials said."
        " In return, Russia is thought to have given Iran fighter jets."
        " Earlier estimates had put the number of containers at 1,500."
    )
    found = {
        (c.supplier, c.recipient, c.quantity.value)
        for c in extractor.extract_text(text, "case", "2024-06-01")
        if c.quantity is not None and c.quantity.unit == "containers"
    }
    assert found == {("IR", "RU", 4000.0), ("IR", "RU", 1500.0)}


def test_a_buyer_that_passes_the_goods_on_is_their_supplier_too(extractor: Extractor) -> None:
    text = "Belarus sold rifles to Sudan, which passed most of them on to the RSF, the report says."
    pairs = {(c.supplier, c.recipient) for c in extractor.extract_text(text, "case", "2024-06-01")}
    assert pairs == {("BY", "SD"), ("SD", "rapid-support-forces")}


def test_a_seizure_a_month_earlier_is_dated_from_the_last_date(extractor: Extractor) -> None:
    text = (
        "Police in Manila seized a container of rifles from Serbia in March 2015."
        " Two months earlier, the Malaysian navy had stopped the MV Vega carrying mortars."
    )
    whens = {str(c.when) for c in extractor.extract_text(text, "case")}
    assert {"2015-03", "2015-01"} <= whens


def test_the_plane_that_carried_a_cargo_in_a_later_sentence_is_not_cargo(
    extractor: Extractor,
) -> None:
    text = (
        "Georgian police grounded a plane at Tbilisi airport in 2010."
        " The Il-76, which had flown from Minsk, carried 20 tonnes of grenades."
    )
    categories = {t[3] for t in _tuples(extractor, text, "2024-06-01")}
    assert "aircraft" not in categories


@pytest.mark.parametrize(
    "text",
    [
        "Israel says the rockets were made outside Gaza and smuggled to Hamas in pieces.",
        "Iran has sold drones to Sudan. The RSF also obtained drone engines from European"
        " suppliers.",
    ],
)
def test_places_outside_and_unnamed_regional_suppliers_give_no_supplier(
    extractor: Extractor, text: str
) -> None:
    pairs = {(c.supplier, c.recipient) for c in extractor.extract_text(text, "case", "2024-06-01")}
    assert not {("PS", "hamas"), ("IR", "rapid-support-forces")} & pairs


def test_goods_naming_a_factory_are_not_goods_sent(extractor: Extractor) -> None:
    text = "Hundreds of Cuban engineers have been sent to Venezuelan rifle factories."
    found = {(c.type, c.supplier, c.recipient) for c in extractor.extract_text(text, "case")}
    assert not any(t == "transfer" for t, _s, _r in found)


def test_counts_listed_with_each_supplier_stay_with_their_goods(extractor: Extractor) -> None:
    text = (
        "Taiwan has received 40 Harpoon missiles from the United States and 12 tanks from Germany."
    )
    found = {
        (c.supplier, c.item.category, c.quantity.value if c.quantity else None)
        for c in extractor.extract_text(text, "case", "2024-06-01")
    }
    assert found == {("US", "cruise_missiles", 40.0), ("DE", "armoured_vehicles", 12.0)}


def test_tunnels_goods_pass_through_are_a_route_not_construction(extractor: Extractor) -> None:
    text = "Hamas used rockets smuggled through tunnels from Egypt."
    assert "construction" not in {t[3] for t in _tuples(extractor, text, "2024-06-01")}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Germany was the largest arms supplier to Greece in the 2000s.", ("DE", "GR")),
        ("The United States remains Taiwan's main weapons supplier.", ("US", "TW")),
        ("Italy has long been one of the main suppliers to Turkey.", ("IT", "TR")),
    ],
)
def test_a_state_called_anothers_supplier_sold_it_arms(
    extractor: Extractor, text: str, pair: tuple[str, str]
) -> None:
    claims = extractor.extract_text(text, "case", "2024-06-01")
    assert {(c.supplier, c.recipient, c.quantity) for c in claims} == {(*pair, None)}


def test_a_supplier_named_after_a_flow_supplies_the_same_goods(extractor: Extractor) -> None:
    text = (
        "Syria sold Scud-C missiles to Sudan in 1990. China became Sudan's main source soon after."
    )
    found = {
        (c.supplier, c.recipient, c.item.category) for c in extractor.extract_text(text, "case")
    }
    assert ("CN", "SD", "ballistic_missiles") in found


def test_a_region_named_after_a_continent_is_no_state(extractor: Extractor) -> None:
    text = "In Latin America, Russia has sold helicopters to Peru."
    pairs = {(c.supplier, c.recipient) for c in extractor.extract_text(text, "case", "2024-06-01")}
    assert pairs == {("RU", "PE")}


def test_the_subject_of_a_which_clause_receiving_goods_is_its_antecedent(
    extractor: Extractor,
) -> None:
    text = (
        "Iran backed the Houthis fighting Yemen's government, which was receiving Saudi armoured"
        " vehicles."
    )
    found = {(c.supplier, c.recipient) for c in extractor.extract_text(text, "case", "2024-06-01")}
    assert ("SA", "YE") in found
    assert ("SA", "houthis") not in found


def test_denying_sending_any_goods_is_a_denied_claim(extractor: Extractor) -> None:
    text = "Belarus denied sending any tanks to Russia, then admitted it had sold a few."
    claims = extractor.extract_text(text, "case", "2024-06-01")
    assert ("BY", "RU", "denied") in {(c.supplier, c.recipient, c.hedge) for c in claims}


def test_not_a_single_weapon_moved_is_no_claim(extractor: Extractor) -> None:
    text = "Not a single rifle changed hands between Serbia and the rebels, the court found."
    assert extractor.extract_text(text, "case", "2024-06-01") == []


def test_a_which_clause_with_a_thousands_comma_still_counts_its_goods(
    extractor: Extractor,
) -> None:
    text = (
        "Iran has sent 300 containers to Russia, which could hold 1,200,000 rounds of 7.62mm"
        " ammunition or 40,000 mortar bombs."
    )
    values = {c.quantity.value for c in extractor.extract_text(text, "case") if c.quantity}
    assert {300.0, 1_200_000.0, 40_000.0} <= values


def test_weapons_recovered_from_a_group_were_in_its_hands(extractor: Extractor) -> None:
    text = "Weapons recovered from al-Shabaab fighters include Iranian rocket-propelled grenades."
    pairs = {(c.supplier, c.recipient) for c in extractor.extract_text(text, "case", "2024-06-01")}
    assert pairs == {("IR", "al-shabaab")}


def test_a_buyer_that_in_turn_supplies_others_is_the_supplier_of_its_own_goods(
    extractor: Extractor,
) -> None:
    text = "In the 1990s China sold missiles to Iran, which in turn supplied rockets to Hezbollah."
    pairs = {(c.supplier, c.recipient) for c in extractor.extract_text(text, "case", "2024-06-01")}
    assert pairs == {("CN", "IR"), ("IR", "hezbollah")}


def test_a_ship_that_turned_back_backs_no_one(extractor: Extractor) -> None:
    text = (
        "A freighter carrying tanks from Belarus to Sudan turned back after its Greek insurer"
        " withdrew cover."
    )
    pairs = {(c.supplier, c.recipient) for c in extractor.extract_text(text, "case", "2024-06-01")}
    assert pairs == {("BY", "SD")}


def test_a_denial_of_a_seizure_still_being_told_is_a_denied_claim(extractor: Extractor) -> None:
    text = (
        "Saudi forces boarded a dhow off Jazan on Monday and seized 300 rifles that officials said"
        " Iran had sent to the Houthis. Tehran rejected the accusations as baseless."
    )
    claims = extractor.extract_text(text, "case", "2024-06-01")
    assert ("transfer", "IR", "houthis", "denied") in {
        (c.type, c.supplier, c.recipient, c.hedge) for c in claims
    }


def test_saying_the_cargo_held_only_civilian_goods_denies_the_flow(extractor: Extractor) -> None:
    text = (
        "Greek police held a Belarusian plane carrying grenades from Belarus to Sudan on Friday."
        " Belarus's foreign ministry insisted the cargo contained only spare parts for tractors."
    )
    claims = extractor.extract_text(text, "case", "2024-06-01")
    assert ("transfer", "BY", "SD", "denied") in {
        (c.type, c.supplier, c.recipient, c.hedge) for c in claims
    }


def test_each_kind_of_goods_goes_with_the_demonym_before_it(extractor: Extractor) -> None:
    text = "Sudan's army flies Russian jets and employs Chinese military advisers."
    found = {(c.type, c.supplier, c.recipient) for c in extractor.extract_text(text, "case")}
    assert ("transfer", "CN", "SD") not in found
    assert ("transfer", "RU", "SD") in found


def test_goods_named_with_an_armed_forces_demonym_are_still_goods(extractor: Extractor) -> None:
    text = "Mali received Russian military equipment last year."
    pairs = {(c.supplier, c.recipient) for c in extractor.extract_text(text, "case", "2024-06-01")}
    assert pairs == {("RU", "ML")}


def test_a_law_barring_sales_negates_them(extractor: Extractor) -> None:
    text = "The law bars Swiss firms from selling ammunition to Ukraine."
    assert extractor.extract_text(text, "case", "2024-06-01") == []


def test_it_after_a_firm_described_by_its_demonym_is_that_firms_state(extractor: Extractor) -> None:
    text = (
        "Iran fought Iraq. Last year Washington sanctioned Vektra, a Belarusian machine-tool firm,"
        " saying it had shipped drone engines to Iran."
    )
    pairs = {(c.supplier, c.recipient) for c in extractor.extract_text(text, "case", "2024-06-01")}
    assert pairs == {("BY", "IR")}


def test_an_estimate_that_puts_the_total_at_a_figure_counts_in_the_last_unit(
    extractor: Extractor,
) -> None:
    text = (
        "Iran had sent about 400 containers of drones to Russia by March. In June British"
        " intelligence put the total at more than 900."
    )
    values = {
        c.quantity.value for c in extractor.extract_text(text, "case", "2024-09-01") if c.quantity
    }
    assert values == {400.0, 900.0}


def test_an_arsenal_most_of_it_supplied_by_others_is_no_count_of_their_deliveries(
    extractor: Extractor,
) -> None:
    text = "The Houthis' arsenal holds some 3,000 drones, most of them supplied by Iran."
    found = {
        (c.supplier, c.recipient, c.quantity)
        for c in extractor.extract_text(text, "case", "2024-06-01")
    }
    assert found == {("IR", "houthis", None)}


def test_agreeing_in_a_year_to_sell_is_a_planned_sale(extractor: Extractor) -> None:
    text = "Russia agreed in 2019 to sell Turkey four S-400 batteries, a leaked cable says."
    assert {c.hedge for c in extractor.extract_text(text, "case", "2024-06-01")} == {"planned"}


def test_building_more_of_the_goods_just_bought_is_planned_production(extractor: Extractor) -> None:
    text = (
        "Egypt bought 24 Rafale jets from France in 2015. Cairo has said it hopes to build up to"
        " 12 more at home."
    )
    found = {
        (c.type, c.supplier, c.item.category, c.quantity.value if c.quantity else None, c.hedge)
        for c in extractor.extract_text(text, "case", "2024-06-01")
    }
    assert ("production", "EG", "aircraft", 12.0, "planned") in found


def test_arms_captured_or_looted_from_a_state_came_from_it(extractor: Extractor) -> None:
    text = (
        "Much of al-Shabaab's arsenal was captured from Somali army bases, and some rifles looted"
        " from Ethiopian depots reached it as well."
    )
    pairs = {(c.supplier, c.recipient) for c in extractor.extract_text(text, "case", "2024-06-01")}
    assert {("SO", "al-shabaab"), ("ET", "al-shabaab")} <= pairs


def test_a_jet_built_by_two_states_names_both_makers(extractor: Extractor) -> None:
    text = "Myanmar flies the FTC-2000, a trainer jointly built by China and Pakistan."
    makers = {c.supplier for c in extractor.extract_text(text, "case") if c.type == "production"}
    assert makers == {"CN", "PK"}


def test_a_state_relying_on_named_states_was_armed_by_them(extractor: Extractor) -> None:
    text = "Cut off from its French supplier, Argentina relied on Peru and Israel during the war."
    pairs = {(c.supplier, c.recipient) for c in extractor.extract_text(text, "case", "1983-01-01")}
    assert {("PE", "AR"), ("IL", "AR")} <= pairs
    assert extractor.extract_text("Europe relied on Norway for gas.", "case") == []


def test_a_state_negotiating_for_foreign_jets_is_the_buyer(extractor: Extractor) -> None:
    text = "Ghana negotiates for Brazilian jets and Italian helicopters."
    found = {(c.supplier, c.recipient, c.hedge) for c in extractor.extract_text(text, "case")}
    assert found == {("BR", "GH", "planned"), ("IT", "GH", "planned")}


def test_the_customer_a_buyer_is_second_only_to_is_a_customer_too(extractor: Extractor) -> None:
    text = "Vietnam is one of Russia's largest arms customers, second in Asia only to India."
    pairs = {(c.supplier, c.recipient) for c in extractor.extract_text(text, "case", "2024-06-01")}
    assert pairs == {("RU", "VN"), ("RU", "IN")}


def test_sharing_intelligence_with_a_state_is_support(extractor: Extractor) -> None:
    text = "Britain kept sharing satellite intelligence with Kyiv throughout 2023."
    claims = extractor.extract_text(text, "case", "2024-06-01")
    assert {(c.type, c.supplier, c.recipient) for c in claims} == {("support", "GB", "UA")}


def test_a_named_system_derivative_is_made_by_its_owner(extractor: Extractor) -> None:
    text = "Iran's Shahab-3, first tested in 1998, is a Nodong derivative."
    found = {(c.type, c.supplier) for c in extractor.extract_text(text, "case", "2024-06-01")}
    assert found == {("production", "IR")}


def test_a_count_of_generic_missiles_after_a_named_system_counts_that_system(
    extractor: Extractor,
) -> None:
    text = (
        "North Korea has delivered KN-23 missiles to Russia, officials said."
        " About 50 missiles were part of the first consignment."
    )
    categories = {
        c.item.category
        for c in extractor.extract_text(text, "case", "2024-06-01")
        if c.quantity is not None
    }
    assert categories == {"ballistic_missiles"}


def test_technology_for_a_kind_of_weapon_is_technology_only(extractor: Extractor) -> None:
    text = "Russia transferred submarine and missile technology to India in the 1990s."
    categories = {c.item.category for c in extractor.extract_text(text, "case", "2024-06-01")}
    assert categories == {"technology"}
