"""The reader's language: UI strings, dates and place names in en, hy, az or ru.

The strings are data (``locales/<lang>.json``), one file per language with
the same keys; dates are formatted by babel with the locale's month names,
keeping the clock and UTC offset the source gave ("26 October 2020, 08:02
(UTC+4)"), since converting a ministry's timestamp to another zone would
misquote it.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from importlib import resources
from typing import Any

from gazetteer import Place

from gazetteer.errors import InputError

__all__ = ["LANGS", "strings", "format_day", "format_when", "place_name", "other_names"]

LANGS = ("en", "hy", "az", "ru")
#: The page language -> the gazetteer's language code for place names.
NAME_LANG = {"en": "eng", "hy": "hye", "az": "aze", "ru": "rus"}
#: en_GB: day before month ("26 October 2020"), as the region's own languages write it.
_LOCALE = {"en": "en_GB", "hy": "hy", "az": "az", "ru": "ru"}


def _check(lang: str) -> str:
    if lang not in LANGS:
        raise InputError(f"language {lang!r} is not supported; choose one of {', '.join(LANGS)}")
    return lang


@lru_cache(maxsize=None)
def strings(lang: str) -> dict[str, Any]:
    """Every UI string of the page and the report in one language."""
    text = resources.files("mapper").joinpath("locales", f"{_check(lang)}.json").read_text(encoding="utf-8")
    return json.loads(text)


#: en_GB's long date ("d MMMM y") written here: importing babel and its locale data costs an
#: English page 0.06 s, for month names that never change. tests/test_i18n.py holds it to babel's.
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")


def format_day(day: dt.date, lang: str) -> str:
    """A whole day, as the locale writes it: '26 October 2020', '26 октября 2020 г.'."""
    if lang == "en":
        return f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year}"
    from babel.dates import format_date

    return format_date(day, format="long", locale=_LOCALE[_check(lang)])


def _offset(stamp: dt.datetime) -> str:
    delta = stamp.utcoffset() or dt.timedelta(0)
    minutes = int(delta.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def format_when(text: str, lang: str) -> str:
    """A ledger date as written ('2020-10-26' or '2020-10-26T08:02+04:00') for readers.

    A date-time keeps the source's own clock and offset.
    """
    if "T" not in text:
        return format_day(dt.date.fromisoformat(text), lang)
    stamp = dt.datetime.fromisoformat(text)
    # 24-hour digits in all four languages: no locale data needed for the clock.
    return f"{format_day(stamp.date(), lang)}, {stamp:%H:%M} ({_offset(stamp)})"


def place_name(place: Place, lang: str) -> str:
    """The place's name in the page's language, else its display name."""
    return place.labels().get(NAME_LANG[_check(lang)]) or place.name


def other_names(place: Place, lang: str) -> list[str]:
    """The place's names in the other three languages, in a fixed order, without repeats."""
    labels = place.labels()
    head = place_name(place, lang)
    out: list[str] = []
    for other in LANGS:
        text = labels.get(NAME_LANG[other])
        if other != lang and text and text != head and text not in out:
            out.append(text)
    return out
