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
