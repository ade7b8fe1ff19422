"""Event dates read with dateparser, relative to the publication date."""

import datetime as dt

import pytest

pytest.importorskip("dateparser")

from mapper.draft.dates import DateFinder  # noqa: E402

MONDAY = dt.date(2020, 10, 26)


@pytest.fixture(scope="module")
def dates():
    return DateFinder()


@pytest.mark.parametrize("sentence, lang, expected", [
    ("In a segment on Sunday, he said so.", "en", "2020-10-25"),
    ("The test came on Monday morning.", "en", "2020-10-26"),  # the day of publication
    ("Shelling began this morning.", "en", "2020-10-26"),
    ("The village was taken yesterday.", "en", "2020-10-25"),
    ("On October 26, 2020, the army moved.", "en", "2020-10-26"),
    ("On 20 October the town fell.", "en", "2020-10-20"),
    ("26 октября войска вошли в город.", "ru", "2020-10-26"),
    ("Вчера обстреляли Шушу.", "ru", "2020-10-25"),
    ("В воскресенье шли бои.", "ru", "2020-10-25"),
    ("Oktyabrın 26-da ordu irəlilədi.", "az", "2020-10-26"),
    ("2020-ci il oktyabrın 22-də kəndlər azad edildi.", "az", "2020-10-22"),
    ("Dünən Tərtər atəşə tutulub.", "az", "2020-10-25"),
    ("Հոկտեմբերի 26-ին բանակը նահանջեց։", "hy", "2020-10-26"),
    ("Երեկ Ստեփանակերտը հրետակոծվել է։", "hy", "2020-10-25"),
    # A night "from the 20th to the 21st" is the later day.
    ("Հոկտեմբերի 20-ի լույս 21-ի գիշերը իրադրությունը կայուն էր։", "hy", "2020-10-21"),
    ("В ночь с 20 на 21 октября шли бои.", "ru", "2020-10-21"),
])
def test_dates(dates, sentence, lang, expected):
    assert dates.date_in(sentence, lang, MONDAY) == expected


def test_a_month_and_day_after_publication_is_last_year(dates):
    assert dates.date_in("On November 10 the war ended.", "en", MONDAY) == "2019-11-10"


def test_no_date(dates):
    assert dates.date_in("The army moved forward.", "en", MONDAY) is None


def test_each_date_of_a_sentence_with_its_offset(dates):
    sentence = "On November 7 the governor said soldiers who entered on September 13 remain."
    assert dates.dates_in(sentence, "en", dt.date(2022, 11, 7)) == [(3, "2022-11-07"), (56, "2022-09-13")]
