"""The reader's language: every string in every language, dates by babel, place names."""

import pytest

from gazetteer.errors import InputError
from mapper.i18n import LANGS, format_day, format_when, other_names, place_name, strings


def keys(value, prefix=""):
    if isinstance(value, dict):
        return {k for key, v in value.items() for k in keys(v, f"{prefix}{key}.")} | {prefix}
    return {prefix}


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_has_every_string(lang):
    assert keys(strings(lang)) == keys(strings("en"))
    english = strings("en")
    # Translated, not copied: most strings differ from the English ones.
    if lang != "en":
        same = [k for k in english if isinstance(english[k], str) and strings(lang)[k] == english[k]]
        assert len(same) <= 2, same


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_survive_translation(lang):
    for key, text in strings("en").items():
        if isinstance(text, str) and "{" in text:
            assert text[text.index("{"):text.index("}") + 1] in strings(lang)[key]


@pytest.mark.parametrize("lang,expected", [
    ("en", "26 October 2020, 08:02 (UTC+4)"),
    ("ru", "26 октября 2020\u202fг., 08:02 (UTC+4)"),  # babel: a narrow no-break space
    ("az", "26 oktyabr 2020, 08:02 (UTC+4)"),
    ("hy", "2020 թ. հոկտեմբերի 26, 08:02 (UTC+4)"),
])
def test_date_times_keep_the_sources_clock(lang, expected):
    assert format_when("2020-10-26T08:02+04:00", lang) == expected


def test_offsets_and_bare_days():
    assert format_when("2020-10-26T23:30-03:30", "en") == "26 October 2020, 23:30 (UTC-3:30)"
    assert format_when("2020-10-26T08:02+00:00", "en") == "26 October 2020, 08:02 (UTC+0)"
    assert format_when("2020-11-09", "ru") == "9 ноября 2020\u202fг."
    import datetime as dt
    assert format_day(dt.date(2020, 11, 9), "en") == "9 November 2020"


def test_unknown_language_is_an_input_error():
    with pytest.raises(InputError, match="en, hy, az, ru"):
        strings("de")
    with pytest.raises(ValueError):
        format_when("2020-10-26", "fr")


def test_place_names_in_the_page_language(gaz):
    sanasar = gaz.get("wof:421169387")
    assert place_name(sanasar, "hy") == "Սանասար"
    assert place_name(sanasar, "az") == "Qubadlı"
    assert place_name(sanasar, "ru") == "Кубатлы"
    assert place_name(sanasar, "en") == "Gubadli"
    assert other_names(sanasar, "en") == ["Սանասար", "Qubadlı", "Кубатлы"]
    assert "Gubadli" in other_names(sanasar, "hy") and "Սանասար" not in other_names(sanasar, "hy")


# --- Each rule on its own, as the mutation run (benchmarks/mutation.py i18n) asks. ---

import datetime as dt  # noqa: E402


@pytest.mark.parametrize("text,expected", [
    ("2020-10-26T08:02+04:05", "26 October 2020, 08:02 (UTC+4:05)"),   # minutes always two digits
    ("2020-10-26T08:02-00:30", "26 October 2020, 08:02 (UTC-0:30)"),   # negative under an hour
    ("2020-10-26T08:02-11:00", "26 October 2020, 08:02 (UTC-11)"),
    ("2020-10-26T21:45+05:45", "26 October 2020, 21:45 (UTC+5:45)"),
    ("2020-10-26T00:00Z", "26 October 2020, 00:00 (UTC+0)"),
])
def test_every_offset_is_written_as_the_source_gave_it(text, expected):
    assert format_when(text, "en") == expected


@pytest.mark.parametrize("lang,expected", [
    ("en", "9 November 2020"), ("ru", "9 ноября 2020\u202fг."), ("az", "9 noyabr 2020"),
    ("hy", "2020 թ. նոյեմբերի 9"),
])
def test_days_in_every_language_in_the_long_form(lang, expected):
    assert format_day(dt.date(2020, 11, 9), lang) == expected
    assert format_when("2020-11-09", lang) == expected


def test_a_bad_language_names_the_choices_everywhere(gaz):
    sanasar = gaz.get("wof:421169387")
    for call in (lambda: strings("EN"), lambda: format_day(dt.date(2020, 1, 1), "de"),
                 lambda: format_when("2020-10-26T08:02+04:00", "de"), lambda: place_name(sanasar, "fr"),
                 lambda: other_names(sanasar, "fr")):
        with pytest.raises(InputError, match=r"language 'fr'|language 'de'|language 'EN'") as err:
            call()
        assert "choose one of en, hy, az, ru" in str(err.value)


def test_strings_are_the_locale_files():
    import json
    from importlib import resources

    for lang in LANGS:
        text = resources.files("mapper").joinpath("locales", f"{lang}.json").read_text(encoding="utf-8")
        assert strings(lang) == json.loads(text)
    assert strings("hy") != strings("ru")


def test_place_name_falls_back_to_the_display_name(gaz):
    ceyranbatan = gaz.get("wof:1125862021")    # no Armenian name in the data
    assert "hye" not in ceyranbatan.labels()
    assert place_name(ceyranbatan, "hy") == ceyranbatan.name == "Ceyranbatan"
    assert place_name(ceyranbatan, "ru") == "Джейранбатан"
    # The head (here the display name, as Azerbaijani writes it) is not
    # repeated, and a missing language is skipped.
    assert other_names(ceyranbatan, "hy") == ["Jeyranbatan", "Джейранбатан"]
    assert other_names(ceyranbatan, "ru") == ["Jeyranbatan", "Ceyranbatan"]


def test_other_names_keep_language_order_without_repeats(gaz):
    sederek = gaz.get("wof:1125773681")        # English and Azerbaijani names are one spelling
    assert other_names(sederek, "ru") == ["Sədərək", "Սանդրուք"]
    assert other_names(sederek, "hy") == ["Sədərək", "Садарак"]
    assert other_names(sederek, "az") == ["Սանդրուք", "Садарак"]


def test_english_days_are_babels_en_gb_long_form_on_every_day_from_1988_to_2030():
    # The English page writes its dates without babel; this holds it to babel's words.
    from babel.dates import format_date

    day, end = dt.date(1988, 1, 1), dt.date(2030, 12, 31)
    seen = 0
    while day <= end:
        assert format_day(day, "en") == format_date(day, format="long", locale="en_GB"), day
        day += dt.timedelta(days=1)
        seen += 1
    assert seen > 15000
    for odd in (dt.date(1, 1, 1), dt.date(999, 12, 31), dt.date(9999, 12, 31)):
        assert format_day(odd, "en") == format_date(odd, format="long", locale="en_GB")
