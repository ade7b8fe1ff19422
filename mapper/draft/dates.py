"""The date of the events a sentence reports, read with dateparser.

Cheap patterns from ``lexicons/dates.yaml`` find the expressions that name a
date (months with their case endings, weekdays, "yesterday"); dateparser
reads each relative to the publication date. dateparser is slow to search a
whole sentence and fast on a short expression, so it only sees those.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

import yaml

__all__ = ["DateFinder", "LANGS"]

LEXICON = Path(__file__).parent / "lexicons" / "dates.yaml"
LANGS = ("en", "ru", "az", "hy")
_DAY = r"\d{1,2}"
_YEAR = r"(?:,?\s*(?:19|20)\d{2})"


def _patterns(lang: str, doc: dict) -> re.Pattern[str]:
    month, weekday, relative = doc["months"][lang], doc["weekdays"][lang], doc["relative"][lang]
    day_suffix = {"en": r"(?:st|nd|rd|th)?", "ru": r"(?:-?го)?", "az": r"(?:-?(?:[a-zəıüöğşç]{1,3}))?",
                  "hy": r"(?:-?[\u0561-\u0587]{1,3})?"}[lang]
    year_suffix = {"en": "", "ru": r"(?:\s*(?:года|г\.))?", "az": r"(?:-?ci|-?cı|-?cu|-?cü)?(?:\s*il(?:in|də)?)?",
                   "hy": r"(?:\s*թ\.?)?(?:ի|ին)?"}[lang]
    forms = [
        relative,
        rf"(?:{_YEAR}{year_suffix}\s+)?{_DAY}{day_suffix}\s+{month}(?:{_YEAR}{year_suffix})?",
        rf"{month}\s+{_DAY}{day_suffix}(?:{_YEAR}{year_suffix})?",
        weekday,
    ]
    return re.compile(r"(?<![\w])(?:" + "|".join(f"(?:{f})" for f in forms) + r")(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _compiled() -> dict[str, re.Pattern[str]]:
    doc = yaml.safe_load(LEXICON.read_text(encoding="utf-8"))
    return {lang: _patterns(lang, doc) for lang in LANGS}


_WEEKDAY_ONLY = re.compile(r"^\s*(?:\S+\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                           r"понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|"
                           r"երկուշաբթի|երեքշաբթի|չորեքշաբթի|հինգշաբթի|ուրբաթ|շաբաթ|կիրակի|"
                           r"bazar ertəsi|çərşənbə axşamı|çərşənbə|cümə axşamı|cümə|şənbə|bazar)\b", re.IGNORECASE)


class DateFinder:
    """Dates named in sentences, as ISO dates, relative to a publication date."""

    def __init__(self) -> None:
        import dateparser  # noqa: F401  (loaded now, not on the first sentence)

        self.patterns = _compiled()

    def dates_in(self, sentence: str, lang: str, published: dt.date | None) -> list[tuple[int, str]]:
        """(offset in the sentence, ISO date) of every date the sentence names."""
        code = lang if lang in self.patterns else "en"
        found = []
        for m in self.patterns[code].finditer(sentence):
            day = self.read(m.group(), code, published)
            if day is not None:
                found.append((m.start(), day.isoformat()))
        return found

    def date_in(self, sentence: str, lang: str, published: dt.date | None) -> str | None:
        """The first date the sentence names, as an ISO date, or None."""
        found = self.dates_in(sentence, lang, published)
        return found[0][1] if found else None

    def read(self, expr: str, lang: str, published: dt.date | None) -> dt.date | None:
        return _read(expr.strip(), lang if lang in LANGS else "en", published)


def _tidy(expr: str, lang: str) -> str:
    """Case endings dateparser's locales do not read: "oktyabrın 26-da" is "26 oktyabr"."""
    text = re.sub(r"^в ночь (?:с \d{1,2} )?на ", "", expr, flags=re.IGNORECASE)
    text = re.sub(r"^(?:on|last|this|late on|early on|в|во)\s+", "", text, flags=re.IGNORECASE)
    if lang == "az":
        text = re.sub(r"(\d+)-?(?:[a-zəıüöğşç]{1,3})\b", r"\1", text)
        text = re.sub(r"\b(yanvar|fevral|mart|aprel|may|iyun|iyul|avqust|sentyabr|oktyabr|noyabr|dekabr)"
                      r"(?:ın|in|un|da|də|a|ə)\b", r"\1", text, flags=re.IGNORECASE)
        m = re.fullmatch(r"(?:(\d{4})\s*(?:-?c[iıuü])?\s*(?:il(?:in|də)?)?\s+)?([^\d\s]+)\s+(\d{1,2})", text.strip())
        if m:  # "2020-ci ilin oktyabr 26" -> "26 oktyabr 2020"
            text = f"{m.group(3)} {m.group(2)}" + (f" {m.group(1)}" if m.group(1) else "")
        text = re.sub(r"\s+günü$", "", text)
    elif lang == "hy":
        text = re.sub(r"^(\S+)\s+\d{1,2}-ի\s+լույս\s+(\d{1,2})-ի$", r"\1 \2", text)
        text = re.sub(r"(\d+)-?[\u0561-\u0587]{1,3}\b", r"\1", text)
        text = re.sub(r"\s*թ\.?", "", text)
        text = re.sub(r"\s+օրը$", "", text)
    elif lang == "ru":
        text = re.sub(r"(\d+)-?го\b", r"\1", text)
    return text.strip()


@lru_cache(maxsize=4096)
def _read(expr: str, lang: str, published: dt.date | None) -> dt.date | None:
    import dateparser

    base = dt.datetime.combine(published, dt.time(12)) if published else dt.datetime.now()
    if _WEEKDAY_ONLY.match(expr):
        # A weekday in an article means the latest one up to the day it was
        # published: "on Monday" in Monday's paper is that day.
        base += dt.timedelta(days=1)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    text = _tidy(expr, lang)
    # One locale: the expression was found by that language's patterns (trying
    # several costs more than the parse itself).
    parsed = dateparser.parse(text, languages=[lang], settings=settings)
    if parsed is None and text != expr:
        parsed = dateparser.parse(expr, languages=[lang], settings=settings)
    if parsed is None:
        return None
    day = parsed.date()
    if published and day > published and not re.search(r"(?:19|20)\d{2}", expr):
        # A month and day with no year, after the publication: last year's.
        try:
            day = day.replace(year=day.year - 1)
        except ValueError:
            return None
    return day
