"""Rules added from the dev2 set (tests/data/draft/dev2): one test per rule, each failing when it breaks."""

import datetime as dt

import pytest

pytest.importorskip("ahocorasick_rs")
pytest.importorskip("dateparser")

from mapper.draft import draft_ledger  # noqa: E402
from mapper.draft.claims import claim_kinds  # noqa: E402
from mapper.draft.dates import DateFinder  # noqa: E402
from mapper.draft.places import PlaceFinder  # noqa: E402

GANJA, SHUSHA, MINGACHEVIR = "wof:421168739", "wof:421174129", "wof:421178467"
WEDNESDAY = dt.date(2020, 10, 28)


@pytest.fixture(scope="module")
def finder(gaz):
    return PlaceFinder(gaz)


@pytest.fixture(scope="module")
def dates():
    return DateFinder()


def by_surface(finder, text):
    return {m.surface: m for m in finder.find(text)}


# --- places ------------------------------------------------------------------

@pytest.mark.parametrize("text, surface, place_id", [
    # Taken whole by the automaton (Гяндже keys like Гянджа), then read by its stem.
    ("Власти заявили о ракетном ударе по Гяндже.", "Гяндже", GANJA),
    # The Azerbaijani accusative -i after a consonant.
    ("Ermənistan ordusu Mingəçeviri raketlərlə vurub.", "Mingəçeviri", MINGACHEVIR),
])
def test_declined_forms_read_by_their_stem(finder, text, surface, place_id):
    mentions = by_surface(finder, text)
    assert surface in mentions, mentions.keys()
    assert mentions[surface].place is not None and mentions[surface].place.id == place_id


def test_a_stem_never_swaps_a_known_name_for_another(finder):
    # "Əfəndilər" is villages of that name; the stem "Əfəndi" is not a licence to pick another place.
    m = by_surface(finder, "Cəbrayıl rayonunun Qışlaq və Əfəndilər kəndləri azad edilib.")["Əfəndilər kəndləri"]
    assert m.place is None or m.place.name.startswith("Əfəndilər")


def test_the_russian_district_adjective_in_the_dative(finder):
    m = by_surface(finder, "Армянские войска ударили по Бардинскому району.")
    (mention,) = [v for k, v in m.items() if k.startswith("Бардинскому")]
    assert mention.place is not None and mention.place.kind == "district" and mention.place.name == "Bərdə"


def test_a_street_or_park_name_is_no_village(finder):
    # Qələbə is also a village; "Qələbə parkı" is a park in Ganja.
    assert not any(s.startswith("Qələbə") for s in by_surface(finder, "Raket Qələbə parkının yaxınlığına düşüb."))
    assert any(s.startswith("Qələbə") for s in by_surface(finder, "Qələbə kəndi atəşə tutulub."))


def test_a_village_heads_title_is_no_place(finder):
    text = "Նորաբակի գյուղապետ Վազգեն Ասատրյանն ասաց, որ կրակոցները շարունակվում են։"
    assert not any(s.startswith("Նորաբակ") for s in by_surface(finder, text))


def test_a_unit_and_a_colon_give_the_district_to_the_list(finder):
    text = "Füzuli rayonu: Dördçinar, Kürdlər və Qarğabazar kəndləri."
    mentions = by_surface(finder, text)
    kurdler = mentions["Kürdlər"]
    assert kurdler.near and kurdler.place is not None and "wof:85668351" in kurdler.place.parents
    assert mentions["Füzuli rayonu"].is_context


# --- claims ------------------------------------------------------------------

@pytest.mark.parametrize("sentence, lang, kind", [
    ("Kəndlər işğalçılardan təmizlənib.", "az", "captured"),
    ("Kəndlər ordunun nəzarətinə keçib.", "az", "captured"),
    ("Kəndlərdə Azərbaycan bayrağı qaldırılıb.", "az", "captured"),
    ("Kilsənin zərər görməsinin ordunun əməliyyatları ilə heç bir əlaqəsi yoxdur.", "az", "denies"),
    ("Ստորաբաժանումները հետ են մղել հակառակորդի փորձերը։", "hy", "holds"),
])
def test_claim_verbs(sentence, lang, kind):
    assert kind in claim_kinds(sentence, lang)


# --- dates -------------------------------------------------------------------

@pytest.mark.parametrize("sentence, lang, expected", [
    ("Ötən gün kəndlər atəşə tutulub.", "az", "2020-10-27"),
    ("Srağagün Tərtər atəşə tutulub.", "az", "2020-10-26"),
    ("Dünən gecə Tərtər atəşə tutulub.", "az", "2020-10-27"),
    ("Gecə saat 2-də Gəncə vurulub.", "az", "2020-10-28"),
    ("Oktyabrın 17-si gecə saatlarında Gəncə vurulub.", "az", "2020-10-17"),  # the named day, not the paper's
    ("Накануне обстреляли Мартуни.", "ru", "2020-10-27"),
    ("Минувшей ночью обстреляли Мартуни.", "ru", "2020-10-28"),
    ("Գիշերը Մարտունին ռմբակոծվել է։", "hy", "2020-10-28"),
    ("Հոկտեմբերի 26-ից 27-ի գիշերը Մարտունին ռմբակոծվել է։", "hy", "2020-10-27"),
    ("Հոկտեմբերի 20-ի լույս 21-ի գիշերը մարտեր են եղել։", "hy", "2020-10-21"),
])
def test_day_words_and_nights(dates, sentence, lang, expected):
    assert dates.date_in(sentence, lang, WEDNESDAY) == expected


# --- end to end --------------------------------------------------------------

def test_a_casualty_sentence_after_a_park_takes_the_town_named_before(gaz):
    text = ("Ermənistan silahlı qüvvələri bu gecə Gəncəni yenidən raket atəşinə tutub. "
            "Raket Qələbə parkının yaxınlığındakı binalara düşüb; 10 dinc sakin həlak olub.")
    rows = draft_ledger(text, published="2020-10-11", gazetteer=gaz)
    assert {r["place_id"] for r in rows} == {GANJA}
    assert {r["claim"] for r in rows} >= {"attacked", "casualties"}
    assert {r["date"] for r in rows} == {"2020-10-11"}


# --- found on dev2-fresh's first run --------------------------------------------

@pytest.mark.parametrize("sentence, lang, expected", [
    # The year before month and day: anniversary pieces date the event, not the paper.
    ("Üç il əvvəl, 2020-ci il oktyabrın 4-də Cəbrayıl azad edilib.", "az", "2020-10-04"),
    ("Rayon 1993-cü il avqustun 31-də işğal edilmişdi.", "az", "1993-08-31"),
    ("2020 թվականի հոկտեմբերի 4-ին Ջաբրայիլը գրավվեց։", "hy", "2020-10-04"),
    ("2020 թ. հոկտեմբերի 4-ին Ջաբրայիլը գրավվեց։", "hy", "2020-10-04"),
])
def test_a_year_before_the_month(dates, sentence, lang, expected):
    assert dates.date_in(sentence, lang, dt.date(2023, 10, 4)) == expected


def test_the_armenian_genitive_of_an_i_stem(finder):
    # Մարտունի -> Մարտունու: the ending replaces the final -ի.
    m = by_surface(finder, "Մարտունու շրջանի Ննգի գյուղում վիրավորներ կան։")
    (unit,) = [v for k, v in m.items() if k.startswith("Մարտունու")]
    assert unit.place is not None and unit.place.kind in ("district", "province")


def test_an_emergency_service_of_a_region_is_no_place(finder):
    text = "Արցախի ԱԻՊԾ-ն հայտնեց, որ Բերձորը հրթիռակոծվել է։"
    assert not any(s.startswith("Արցախ") for s in by_surface(finder, text))


@pytest.mark.parametrize("text, word", [
    ("Şəhidlər xiyabanında anım mərasimi keçirilib.", "Şəhidlər"),
    ("Qələbə Günü qeyd edilir.", "Qələbə"),
    ("Xocalı soyqırımı qurbanları anılıb.", "Xocalı"),
    ("Ermənistan Silahlı Qüvvələri təxribat törədib.", "Silahlı"),
])
def test_memorials_days_events_and_armies_are_no_places(finder, text, word):
    assert not any(s.startswith(word) for s in by_surface(finder, text))


def test_advancing_toward_a_town_is_an_attack():
    assert "attacked" in claim_kinds("Ordunun bölmələri Şuşa istiqamətində irəliləyir.", "az")


def test_an_abbreviation_is_no_village(finder):
    assert not any(s.startswith("ԱԳՆ") for s in by_surface(finder, "Հայաստանի ԱԳՆ-ն դատապարտել է հարձակումը։"))


def test_a_russian_army_name_before_its_region_is_no_place(finder):
    text = "Армия обороны Нагорного Карабаха отразила атаку."
    assert not any("Карабах" in s for s in by_surface(finder, text))
