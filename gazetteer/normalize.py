"""Turning a name as a source writes it into keys that different spellings share.

Three layers, from strict to loose:

* ``exact_key``: Unicode-normalised and case-folded, nothing else.
* ``norm_key``: any script transliterated to ASCII (anyascii), letters and digits
  only. "Qubadlı", "Qubadli" and "QUBADLI" meet here.
* ``skeleton``: a phonetic skeleton on top of ``norm_key`` that folds the
  romanization systems into each other: Armenian BGN/PCGN, ISO 9985 and informal
  spellings (Avetaranots / Avetaranoc / Avetaranotz), Russian romanizations
  (Dzhebrail / Jebrail), Azerbaijani Latin without diacritics (Sugovusan) and
  voicing differences between Russian and Azerbaijani forms (Kubatly / Qubadli).

The skeleton is lossy on purpose; matches found through it score lower, and the
resolver reports ties as ambiguous rather than picking one. Beside the keys: a
name's stems in its case forms (``inflection_stems``), its qualifiers ("Aşağı",
"Verin") and other presses' spellings read as ours (``foreign_readings``). How a
name is read off the words around it is ``gazetteer.parsing``'s.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

__all__ = ["MAX_NAME", "aze_to_english", "exact_key", "inflection_stems", "norm_key", "short_stems", "skeleton",
           "name_base", "qualifiers", "script_of", "foreign_readings", "name_pair", "fold_arabic", "has_arabic"]

#: The longest place string read, in characters: longer text is no place name
#: (a pasted paragraph), and the resolver refuses it with a clear error.
MAX_NAME = 500

#: Bumped when any key function changes: compiled data built with another
#: version has stale keys and must be re-imported.
NORMALISER_VERSION = 6

_APOSTROPHES = "'’ʼʻ`´‘\u02bc\u055a\u055b\u055c\u055d\u055e"

# Ordered rewrites on lower-case ASCII. Longer digraphs first so that "dzh"
# is consumed before "zh" and "ch" before "c".
_SKELETON_RULES: tuple[tuple[str, str], ...] = (
    ("ow", "u"),  # anyascii's rendering of Armenian ու
    ("dzh", "j"),
    ("dsch", "j"),
    ("tch", "c"),
    ("tsch", "c"),
    ("dj", "j"),
    ("zh", "j"),
    ("ch", "c"),
    ("ts", "c"),
    ("tz", "c"),
    ("kh", "x"),
    ("gh", "k"),
    ("sh", "s"),
    ("ph", "p"),
    ("th", "t"),
    ("yu", "iu"),
    ("ya", "ia"),
    ("ye", "e"),
)
_SKELETON_TABLE = str.maketrans(
    {
        "q": "k",
        "g": "k",
        "d": "t",
        "b": "p",
        "z": "s",
        "w": "v",
        "f": "v",
        "y": "i",
        "e": "a",
        "o": "u",
    }
)
#: The rules a key without an "h" can meet: no rule writes an "h", so the
#: others never apply to it (a third of the rules' passes, for most keys).
_RULES_WITHOUT_H = tuple(rule for rule in _SKELETON_RULES if "h" not in rule[0]) if not any(
    "h" in new for _, new in _SKELETON_RULES) else _SKELETON_RULES
#: _SKELETON_TABLE for ASCII bytes (None if it ever maps a letter to more or other than one ASCII letter).
_SKELETON_BYTES = bytes(ord(_SKELETON_TABLE.get(i, chr(i))) for i in range(128)) + bytes(range(128, 256)) if all(
    isinstance(v, str) and len(v) == 1 and v.isascii() and k < 128 for k, v in _SKELETON_TABLE.items()) else None
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_REPEATS = re.compile(r"(.)\1+")


@lru_cache(maxsize=200_000)
def script_of(text: str) -> str:
    """The script of a name's first letter: "Latn", "Cyrl", "Armn" or "Other"."""
    for ch in text:
        code = ord(ch)
        if 0x0530 <= code <= 0x058F:
            return "Armn"
        if 0x0400 <= code <= 0x04FF:
            return "Cyrl"
        if ch.isalpha():
            return "Latn" if code < 0x0250 else "Other"
    return "Latn"


# Who's On First writes some two hundred Azerbaijani names with the turned
# e (ǝ, U+01DD) for the schwa (ə, U+0259): "Daşkǝsǝn" is Daşkəsən, exactly.
_SCHWA_TABLE = str.maketrans({"\u01dd": "\u0259", "\u018e": "\u018f"})
_APOSTROPHE_TABLE = str.maketrans({**{ch: "'" for ch in _APOSTROPHES}, "\u01dd": "\u0259", "\u018e": "\u018f"})


_AZE_TO_ENGLISH = str.maketrans({
    "c": "j", "ç": "ch", "ğ": "gh", "x": "kh", "ş": "sh", "q": "g", "ə": "a", "ı": "i", "ö": "o", "ü": "u",
    "C": "J", "Ç": "Ch", "Ğ": "Gh", "X": "Kh", "Ş": "Sh", "Q": "G", "Ə": "A", "I": "I", "İ": "I", "Ö": "O",
    "Ü": "U",
})


def aze_to_english(text: str) -> str:
    """The English press's transcription of an Azerbaijani Latin name.

    Cəbrayıl -> Jabrayil, Xocavənd -> Khojavend, Qubadlı -> Gubadli,
    Cahangirbəyli -> Jahangirbayli. The gazetteer indexes it beside the name,
    so that the press's spelling meets the official one.
    """
    return text.translate(_SCHWA_TABLE).translate(_AZE_TO_ENGLISH)


#: What the apostrophe table changes: a text holding none of it is left as it is
#: (a translate by a dict looks every letter up; a search does not).
_APOSTROPHE_CHANGES = re.compile("[" + "".join(
    re.escape(chr(code)) for code, new in _APOSTROPHE_TABLE.items() if new != chr(code)) + "]")


@lru_cache(maxsize=200_000)
def exact_key(text: str) -> str:
    """Case-folded NFKC text with apostrophes unified and spaces collapsed."""
    # ``_exact_key_of_any`` with less work: NFKC leaves ASCII as it is, and
    # the table is applied only to a text it changes.
    text = text.casefold() if text.isascii() else unicodedata.normalize("NFKC", text).casefold()
    if _APOSTROPHE_CHANGES.search(text):
        text = text.translate(_APOSTROPHE_TABLE)
    return " ".join(text.split())


def _exact_key_of_any(text: str) -> str:
    """``exact_key`` as defined, every step for every text (tests hold the two equal)."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHE_TABLE).split())


@lru_cache(maxsize=200_000)
def norm_key(text: str) -> str:
    """ASCII letters and digits only, any script transliterated."""
    if text.isascii():
        # NFKC, the schwa folds and anyascii leave ASCII as it is (most queries).
        return _NON_ALNUM.sub("", text.lower())
    return _norm_key_of_any(text)


# Arabic script as Persian, Arabic, Urdu and Kurdish write one name: Arabic ي, ك
# and ة where Persian has ی, ک and ه ("خانكندي", "خانکندی"), hamza on an alif
# that Persian leaves bare ("أغدام", "آغدام", "اغدام"), Urdu's ہ and ے, Kurdish ۆ
# and Arabic ڤ for the v Persian writes و ("پيرچيڤان"), the vowel marks, shadda
# and tatweel a text may add ("زنگِزور", "ممرّ") and the zero-width non-joiner
# ("پل‌های"). anyascii renders each differently (ي "y" but ئ "i'", ۆ "o" but و
# "w", ِ "i"), so they are folded to one letter first. A word-initial ئ is the
# Kurdish vowel carrier, as Persian's alif ("ئۆردوباد", "اردوباد").
_ARABIC_LETTERS = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_ARABIC_MARKS = "".join(map(chr, range(0x064B, 0x0660))) + "\u0670\u0640\u200c\u200d"
_ARABIC_FOLD = str.maketrans({
    **{ch: None for ch in _ARABIC_MARKS},
    **dict.fromkeys("آأإٱ", "ا"), **dict.fromkeys("يىېێئےۍ", "ی"), **dict.fromkeys("كڪ", "ک"),
    **dict.fromkeys("ةۀەہھ", "ه"), **dict.fromkeys("ؤۆۇۊۋۏڤ", "و"), "ں": "ن", "ٹ": "ت", "ڈ": "د", "ڑ": "ر",
})
_KURDISH_INITIAL = re.compile(r"(?<!\w)ئ")


def has_arabic(text: str) -> bool:
    """Whether ``text`` holds a letter of the Arabic script (Persian, Arabic, Urdu, Kurdish): one
    comparison for most text, whose letters all come before the block."""
    return max(text, default="\0") >= "\u0600" and bool(_ARABIC_LETTERS.search(text))


def fold_arabic(text: str) -> str:
    """``text`` with its Arabic-script letter variants and marks folded (see above); other text as it is."""
    if not has_arabic(text):
        return text
    return _KURDISH_INITIAL.sub("ا", text).translate(_ARABIC_FOLD)


def _norm_key_of_any(text: str) -> str:
    """``norm_key`` as defined, every step for every text (tests hold the two equal)."""
    text = fold_arabic(unicodedata.normalize("NFKC", text)).translate(_SCHWA_TABLE)
    # anyascii renders ə as "e"; Azerbaijani names in English press use "a"
    # (Cəbrayıl -> Jabrayil), so fold it before transliterating.
    text = text.replace("ə", "a").replace("Ə", "A")
    return _NON_ALNUM.sub("", anyascii(text).lower())


def skeleton(text: str) -> str:
    """Phonetic skeleton of a name, shared by its romanizations."""
    return skeleton_of_norm(norm_key(text))


def _first_of(match: re.Match[str]) -> str:
    # A function, not the template "\\1": re expands a template slowly.
    return match.group(1)


@lru_cache(maxsize=200_000)
def skeleton_of_norm(key: str) -> str:
    """``skeleton`` from a ``norm_key`` already computed."""
    for old, new in _SKELETON_RULES if "h" in key else _RULES_WITHOUT_H:
        key = key.replace(old, new)
    # A key is ASCII: bytes translate through a 256-byte table, str through a dict.
    key = key.encode().translate(_SKELETON_BYTES).decode() if _SKELETON_BYTES and key.isascii() else (
        key.translate(_SKELETON_TABLE))
    return _skeleton_end(key)


def _skeleton_end(key: str) -> str:
    # "h" is a modifier in most romanizations that survive the rules above
    # (Hadrut / Gadrut aside, which the curated file covers); keep it only
    # at the start of a name.
    if len(key) > 1:
        key = key[0] + key[1:].replace("h", "")
    return _REPEATS.sub(_first_of, key)


def _skeleton_of_any(key: str) -> str:
    """``skeleton_of_norm`` as defined: every rule, the table by dict (tests hold the two equal)."""
    for old, new in _SKELETON_RULES:
        key = key.replace(old, new)
    return _skeleton_end(key.translate(_SKELETON_TABLE))


# --- inflection ----------------------------------------------------------

# Case endings that sources leave on a name when it is lifted from a sentence,
# by script: (ending, what replaces it). Tried only when the name as written
# matches nothing, longest ending first.
_ENDINGS = {
    # A name ending in a vowel takes a glide before its ending: Շորժա, Շորժայի, Շորժայում.
    "Armn": (("յում", ""), ("յից", ""), ("յով", ""), ("յի", ""),
             ("ում", ""), ("ից", ""), ("ով", ""), ("ի", ""), ("ը", ""), ("ն", ""),
             # A name in -ի takes -ու in the genitive: Մարտունու շրջան is Martuni's;
             # its ablative builds on that genitive: "Մարտունուց" (from Martuni).
             ("ուց", "ի"), ("ու", "ի")),
    # The instrumental after a soft or hushing consonant takes -ей/-ем: "Шушей", "Евлахом" but "Карабахом".
    "Cyrl": (("ом", ""), ("ой", "а"), ("ей", "а"), ("ем", ""), ("ах", ""), ("ах", "ы"), ("ам", ""), ("ам", "ы"),
             ("е", ""), ("е", "а"),
             ("у", ""),
             ("у", "а"), ("а", ""), ("ы", "а"), ("и", "а"),
             # Feminine nouns in -ь: "в Нахичевани" is in Nakhchivan.
             ("и", "ь")),
    "Latn": (("'da", ""), ("'də", ""), ("'dan", ""), ("'dən", ""), ("'s", ""), ("dan", ""), ("dən", ""),
             ("tan", ""), ("tən", ""), ("nın", ""), ("nin", ""), ("nun", ""), ("nün", ""), ("da", ""),
             ("də", ""), ("ta", ""), ("tə", ""), ("ya", ""), ("yə", "")),
}


# Azerbaijani genitive and dative after a consonant, by the stem's last vowel
# (vowel harmony): Tovuzun, Tovuza; Dəjəlin; Qazaxın; Cəbrayıla. A stem that
# breaks the harmony (an English name ending in -in or -a) is not one.
_AZE_HARMONY = {"a": ("ın", "a"), "ı": ("ın", "a"), "o": ("un", "a"), "u": ("un", "a"),
                "e": ("in", "ə"), "ə": ("in", "ə"), "i": ("in", "ə"), "ö": ("ün", "ə"), "ü": ("ün", "ə")}
_AZE_ENDINGS = ("ın", "in", "un", "ün", "a", "ə")


def _aze_consonant_stem(low: str) -> str | None:
    """The stem of an Azerbaijani genitive or dative after a consonant, or None."""
    for ending in _AZE_ENDINGS:
        stem = low[: -len(ending)]
        if not low.endswith(ending) or len(stem) < 4 or stem[-1] in _AZE_HARMONY or not stem[-1].isalpha():
            continue
        vowels = [c for c in stem if c in _AZE_HARMONY]
        if vowels and ending in _AZE_HARMONY[vowels[-1]]:
            return stem
    # Written without diacritics ("daha 21 aile Lacina"), an i may be ı and an
    # ə is e: a dative in -a after i, or in -e after e or i, is one.
    stem = low[:-1]
    if low.isascii() and low[-1:] in ("a", "e") and len(stem) >= 4 and stem[-1].isalpha() and stem[-1] not in _AZE_HARMONY:
        vowels = [c for c in stem if c in _AZE_HARMONY]
        if vowels and (vowels[-1], low[-1]) in (("i", "a"), ("i", "e"), ("e", "e")):
            return stem
    return None


def inflection_stems(name: str) -> list[str]:
    """Stems a declined name may come from: Հադրութում -> Հադրութ, Гадруте -> Гадрут,
    Шуше -> Шуша, Qubadlıda -> Qubadlı, Tovuzun -> Tovuz. Stems shorter than four
    letters (with the ending they take back) are not tried."""
    low = name.casefold()
    out: list[str] = []
    script = script_of(name)
    for ending, replacement in _ENDINGS.get(script, ()):
        # The stem as read back, replacement included: "Шушу" (accusative) is
        # Шуша, four letters, though only three are left before the ending.
        if low.endswith(ending) and len(name) - len(ending) + len(replacement) >= 4:
            stem = name[: len(name) - len(ending)] + replacement
            if stem not in out:
                out.append(stem)
    stem = _aze_consonant_stem(low) if script == "Latn" and not out else None
    if stem is not None and name[: len(stem)] not in out:
        out.append(name[: len(stem)])
    if script == "Cyrl" and out and name.count(" ") == 1:
        # An adjective before the noun agrees with it: "в Нагорном Карабахе" is
        # in Нагорный Карабах, "Нижнем Сирике" in Нижний Сирик.
        first, _ = name.split(" ")
        ending = next((e for e in _RU_AGREEING if first.casefold().endswith(e)), None)
        if ending and len(first) > len(ending) + 2:
            nouns = [stem.split(" ")[1] for stem in out] + [name.split(" ")[1]]
            out += [f"{first[: -len(ending)]}{nominative} {noun}"
                    for nominative in _RU_AGREEING[ending] for noun in dict.fromkeys(nouns)]
    return out


def short_stems(name: str) -> list[str]:
    """Three-letter stems of a Russian or Armenian case form, the last reading
    tried when no other finds anything: "Кута" (of Кут), "Теху" (of Тех), "Цавом"
    (of Цав), "Շոշում" (of Շոշ); and, for Armenian, beside a name's sound-alikes.
    Kept apart from ``inflection_stems``: tried beside the longer stems, "Шуш"
    of "Шушу" would rival Шуша itself."""
    low = name.casefold()
    script = script_of(name)
    if " " in name or script not in _SHORT_ENDINGS:
        return []
    return [name[: len(name) - len(ending)] for ending in _SHORT_ENDINGS[script]
            if low.endswith(ending) and len(name) - len(ending) == 3][:1]


#: The case endings ``short_stems`` reads off. Armenian three-letter villages
#: are many (Շոշ, Սոս, Տող): "Շոշի" (Shosh's) is read as Շոշ, not as the
#: Շուշի it sounds like.
_SHORT_ENDINGS = {"Cyrl": ("ом", "а", "е", "у"), "Armn": ("ում", "ից", "ով", "ի", "ը")}


#: A Russian adjective's case endings (hard and soft) and its nominatives.
_RU_AGREEING = {"ого": ("ый", "ий", "ое"), "ому": ("ый", "ий", "ое"), "ом": ("ый", "ий", "ое"),
                "ым": ("ый", "ий", "ое"), "ой": ("ая", "ый", "ой"), "ую": ("ая",), "его": ("ий", "ее"),
                "ему": ("ий", "ее"), "ем": ("ий", "ее"), "им": ("ий", "ее"), "ей": ("яя",), "юю": ("яя",)}


_PAIR = re.compile(r"^(\w{3,})\s*[-‐–]\s*(\w{3,})$")


def name_pair(name: str) -> tuple[str, str] | None:
    """The two names of a hyphen-joined pair ("Бердзор-Лачин"), or None. A
    qualifier joined to its name ("Ашагы-Абдуррахманлы") is found whole first."""
    if "-" not in name and "‐" not in name and "–" not in name:
        return None
    match = _PAIR.match(name)
    return (match.group(1), match.group(2)) if match else None


# --- qualifiers ----------------------------------------------------------

# Words that tell apart villages of one name: Aşağı/Yuxarı Veysəlli, Verin/Nerkin
# Hand, Böyük/Kiçik Mərcanlı, Üçüncü Mahmudlu, Верхние/Нижние Оратаги. They are
# part of the name, never descriptors: each maps to what it means, so that
# "Nerkin Hand" and "Нижний Hand" carry the same qualifier.
_QUALIFIER_WORDS = {
    "upper": ("yuxarı", "yukhari", "yukhary", "yuhari", "verin", "վերին", "верин", "верхний", "верхние", "верхняя",
              "верхнее", "юхары", "upper", "haut", "haute",
              # Turkish writes Azerbaijani x as k here ("Yukarı Gövher Ağa Camii").
              "yukarı"),
    "lower": ("aşağı", "ashaghi", "ashagi", "ashagy", "nerkin", "ներքին", "неркин", "нижний", "нижние", "нижняя",
              "нижнее", "ашагы", "lower", "bas", "basse"),
    "middle": ("orta", "mijin", "միջին", "миджин", "средний", "средние", "средняя", "среднее", "middle", "moyen"),
    "big": ("böyük", "boyuk", "beyuk", "mets", "մեծ", "мец", "беюк", "бёюк", "большой", "большие", "большая",
            "большое", "big", "great", "greater", "grand", "grande", "büyük"),
    "small": ("kiçik", "kichik", "pokr", "փոքր", "покр", "кичик", "малый", "малые", "малая", "малое", "little",
              "small", "lesser", "petit", "petite", "küçük"),
    "new": ("yeni", "təzə", "teze", "nor", "նոր", "нор", "ени", "новый", "новые", "новая", "новое", "new", "nouveau"),
    "old": ("köhnə", "kohne", "kohna", "hin", "հին", "хин", "кёхна", "кехна", "старый", "старые", "старая", "старое",
            "old", "vieux"),
    "1st": ("birinci", "первый", "первая", "первое", "առաջին", "first", "1st", "i"),
    "2nd": ("ikinci", "второй", "вторая", "второе", "երկրորդ", "second", "2nd", "ii"),
    "3rd": ("üçüncü", "ucuncu", "uchunju", "третий", "третья", "третье", "tretye", "tret'ye", "երրորդ", "third",
            "3rd", "iii"),
    "4th": ("dördüncü", "dorduncu", "четвёртый", "четвертый", "fourth", "4th"),
    "5th": ("beşinci", "beshinci", "пятый", "fifth", "5th"),
    "6th": ("altıncı", "altinci", "шестой", "sixth", "6th"),
}
_QUALIFIER_OF = {norm_key(word): meaning for meaning, words in _QUALIFIER_WORDS.items() for word in words}
#: How the gazetteer's own names spell each qualifier: the Azerbaijani word and
#: the Armenian one in Latin letters ("Lower Sirik", "Bas Sirik" -> "Aşağı Sirik"),
#: and Verin/Nerkin in Armenian letters, for the abbreviations below.
_QUALIFIER_FORMS = {
    "upper": ("Yuxarı", "Verin", "Վերին"), "lower": ("Aşağı", "Nerkin", "Ներքին"), "middle": ("Orta", "Mijin"),
    "big": ("Böyük", "Mets"), "small": ("Kiçik", "Pokr"), "new": ("Yeni", "Nor"), "old": ("Köhnə", "Hin"),
    "1st": ("Birinci",), "2nd": ("İkinci",), "3rd": ("Üçüncü",), "4th": ("Dördüncü",), "5th": ("Beşinci",),
    "6th": ("Altıncı",),
}
#: Armenian lists abbreviate Verin and Nerkin: "Վ․ Շորժա", "Ն․ Շորժա". Read only
#: with the full stop, so that a letter standing alone is no qualifier.
_ABBREVIATED_QUALIFIERS = {"վ.": "upper", "վ․": "upper", "ն.": "lower", "ն․": "lower"}
_WORD_SPLIT = re.compile(r"[\s\-‐–]+")


@lru_cache(maxsize=200_000)
def name_base(name: str) -> str:
    """The skeleton of a name without its qualifiers: "sirik" for "Aşağı Sirik",
    "Сирик" and "Sirik"; what namesakes told apart by a qualifier share."""
    words = [w for w in _WORD_SPLIT.split(name.strip()) if w]
    if len(words) >= 2 and _QUALIFIER_OF.get(norm_key(words[0])):
        words = words[1:]
    if len(words) >= 2 and _QUALIFIER_OF.get(norm_key(words[-1])):
        words = words[:-1]
    return skeleton(" ".join(words))


@lru_cache(maxsize=200_000)
def qualifiers(name: str) -> frozenset[str]:
    """What a name's first (or, in Russian order, last) word says about which of
    several namesakes it is: {"lower"} for "Aşağı Veysəlli" and "Nerkin Hand",
    {"3rd"} for "Üçüncü Mahmudlu" and "Махмудлу Третье", nothing for "Hand"."""
    words = [w for w in _WORD_SPLIT.split(name.strip()) if w]
    if len(words) < 2:
        return frozenset()
    found = {_QUALIFIER_OF.get(norm_key(words[0])), _QUALIFIER_OF.get(norm_key(words[-1]))}
    found.discard(None)
    return frozenset(found)  # type: ignore[arg-type]


# --- other presses' spellings -----------------------------------------------

# What the norm keys and skeletons cannot fold, because folding it everywhere
# would merge names that differ: Turkish writes Azerbaijani x as h (Hocalı,
# Muhtar, Hocik), German writes ş, ç and c as sch, tsch and dsch and x as ch
# (Daschbaschi, Dschäbrayil, Chodschavend). Tried only when the name as
# written matches nothing.
_TURKISH_H = re.compile(r"(?<![kscztgdKSCZTGD])[hH]")
# Letters Turkish does not write (j only in loanwords): "Hojik" is English, not Turkish.
_NOT_TURKISH = frozenset("jqwx")
_GERMAN = (("tsch", "ç"), ("dsch", "c"), ("sch", "ş"), ("ch", "x"), ("j", "y"), ("w", "v"))
#: German "ch" after a vowel at a word's end is Azerbaijani x ("Gazach", Qazax);
#: English writes ç as "ch" only before a vowel ("Chinari"), so the reading is
#: kept to word ends.
_GERMAN_FINAL_CH = re.compile(r"[aeiouäöü]ch\b")
#: German adds -s to a name ending in a vowel for its genitive ("Schuschas").
_GERMAN_GENITIVE = re.compile(r"(?<=[aeiouäöüəı])s$")


# Russian writes Azerbaijani ə, ü and ö after a consonant as я, ю, ё ("Чимян" is
# Çimən, "Дюдюкчю" Düdükçü), which a transliteration reads as "ya", "yu", "yo".
_RU_SOFT_VOWEL = re.compile(r"(?<=[бвгджзйклмнпрстфхцчшщ])([яюё])", re.IGNORECASE)
_RU_HARD_VOWEL = {"я": "е", "ю": "у", "ё": "о", "Я": "Е", "Ю": "У", "Ё": "О"}


_KH = re.compile("kh", re.IGNORECASE)


def armenian_gh_readings(name: str) -> list[str]:
    """A Latin name's "kh" read as the "gh" of Armenian ղ, as the Russian route
    writes it (Цахкашат, "Tsakhkashat", is Ծաղկաշատ, Tsaghkashat): each "kh"
    alone, then all of them. Only for a Latin name with a "kh"; at most four."""
    if not name.isascii() or "kh" not in name.casefold():
        return []
    spots = [m.start() for m in _KH.finditer(name)][:3]
    out = [name[:i] + ("gh" if name[i] == "k" else "Gh") + name[i + 2:] for i in spots]
    if len(spots) > 1:
        out.append(_KH.sub(lambda m: "gh" if m.group(0)[0] == "k" else "Gh", name))
    return out


def armenian_kh_readings(name: str) -> list[str]:
    """A Latin name's "kh" read as Armenian ղ ("gh") or հ ("h"), each as it may be,
    as a spelling by way of Russian, which writes both as х, has it: "Eghtsakhokh"
    (Егцахох) is Եղցահող, "Eghtsahogh". The first three "kh" only; the name as
    given is not among them. Only for a Latin name with a "kh"."""
    if not name.isascii() or "kh" not in name.casefold():
        return []
    spots = [m.start() for m in _KH.finditer(name)][:3]
    out = [""]
    last = 0
    for i in spots:
        kh = name[i:i + 2]
        ways = (kh, ("gh" if kh[0] == "k" else "Gh"), ("h" if kh[0] == "k" else "H"))
        out = [head + name[last:i] + way for head in out for way in ways]
        last = i + 2
    return [text + name[last:] for text in out][1:]


# French writes Armenian and Azerbaijani ş as "ch", ç as "tch", c as "dj" and u as
# "ou", and ends a word in a mute e: "Chouchi", "Talich", "Tcharektar", "Djebraïl",
# "Turchsu" (Turşsu), "Tavouche". English writes ç as "ch" before a vowel
# ("Chinari"), so a "ch" is a French cue only before a consonant or at a word's end,
# and this is a reading of a name that matched nothing as written, never a key.
_FRENCH_CUE = re.compile(r"(?<!s)ch(?![aeiouy])|ou|dj|tch")
_FRENCH_MUTE_E = re.compile(r"(?<=[bcdfghjklmnpqrstvxz])e\b")


def _french_readings(low: str) -> list[str]:
    """A French spelling (case-folded) read as English writes the name: "talich"
    -> "talish", "tavouche" -> "tavushe" and "tavush"."""
    read = low.replace("tch", "\0").replace("dj", "j").replace("ch", "sh").replace("\0", "ch").replace("ou", "u")
    if read == low:
        return []
    mute = _FRENCH_MUTE_E.sub("", read)
    return [read] if mute == read else [read, mute]


# Western Armenian voices what Eastern Armenian unvoices and back: ծ/ձ are "dz"/"ts"
# where Eastern romanizations write "ts"/"dz", ճ/ջ "j"/"ch" where they write "ch"/"j"
# (Ծաղկաձոր, Tsaghkadzor, is "Dzaghgatsor"; Քարվաճառ, Karvachar, is "Karvajar", in
# French "Karvadjar"). The skeleton folds g/k, b/p and d/t already; these two pairs it
# keeps apart (c and j are different letters in Azerbaijani), so they are a reading.
# English writes ճ and չ alike as "ch", so "ch" and "j" swap only in a French spelling,
# whose "dj" says ջ or ճ ("Kichani" is no "Kijani").
_WESTERN_PAIRS = re.compile(r"dz|ts|tz")
_WESTERN_FRENCH_PAIRS = re.compile(r"dz|ts|tz|ch|j")
_WESTERN_SWAP = {"dz": "ts", "ts": "dz", "tz": "dz", "ch": "j", "j": "ch"}


def _western_armenian_reading(low: str, pairs: re.Pattern[str] = _WESTERN_PAIRS) -> list[str]:
    """A case-folded Latin spelling with Western Armenian's affricates swapped:
    "dzaghgatsor" -> "tsaghgadzor"; of a French reading, "karvajar" -> "karvachar"."""
    read = pairs.sub(lambda m: _WESTERN_SWAP[m.group(0)], low)
    return [] if read == low else [read]


# Russian writes an Azerbaijani h at a word's start as Г ("Гасанриз" is Həsənriz,
# "Горадиз" Horadiz), as it writes q ("Гасымлы" is Qasımlı): the other reading is
# Һ, the Azerbaijani Cyrillic letter the keys read as h. Tried only when the name
# as written matches nothing, so Qasımlı keeps its Г.
_RU_INITIAL_G = re.compile(r"(?<![^\W\d_])[Гг](?=[аеиоуыэяюё])")


# Arabic spells the vowels Persian leaves out ("ستيباناكيرت", Persian "استپاناکرت"),
# writes ب for پ, which it lacks, and غ or ك for the g of گ ("زنغزور", "زنكزور"): read
# the Persian way when the Arabic spelling matches nothing.
_ARABIC_MEDIAL_VOWEL = re.compile(r"(?<=[^\W\d_])[یو](?=[^\W\d_])")
_ARABIC_AS_PERSIAN = (("ب", "پ"), ("غ", "گ"), ("ک", "گ"))


def _arabic_readings(name: str) -> list[str]:
    """``name`` (Arabic script, folded) without its medial long vowels, and with each of
    Arabic's letters for a Persian one read as that letter."""
    bare = _ARABIC_MEDIAL_VOWEL.sub("", name)
    out = [bare] if bare != name else []
    for old, new in _ARABIC_AS_PERSIAN:
        if old in name:
            # Persian keeps some of the vowels Arabic writes ("زنگزور"): with them and without.
            out += dict.fromkeys((name.replace(old, new), bare.replace(old, new)))
    return out


def foreign_readings(name: str) -> list[str]:
    """The name read as Azerbaijani Latin from a Turkish or German spelling, as
    English writes it from a French one, or a Russian spelling of an Azerbaijani
    name with its soft vowels made plain or its first Г read as h; an Arabic
    spelling read as Persian writes it."""
    if has_arabic(name):
        return _arabic_readings(fold_arabic(name))
    out = []
    if _RU_SOFT_VOWEL.search(name):
        out.append(_RU_SOFT_VOWEL.sub(lambda m: _RU_HARD_VOWEL[m.group(1)], name))
    if "Г" in name or "г" in name:
        initial_h = _RU_INITIAL_G.sub(lambda m: "Һ" if m.group() == "Г" else "һ", name)
        if initial_h != name:
            out.append(initial_h)
    low = name.casefold()
    if "sch" in low or "dsch" in low or _GERMAN_FINAL_CH.search(low):
        for old, new in _GERMAN:
            low = low.replace(old, new)
        out.append(low)
        if _GERMAN_GENITIVE.search(low):
            # A German genitive: "Schuschas Verteidigung" is Shusha's defence.
            out.append(low[:-1])
        if "ş" in low:
            # German writes Russian ж as sch too ("Schdanowsk" is Ждановск, Zhdanovsk):
            # a Soviet name of Russian spelling, read the English way.
            out.append(low.replace("ş", "zh"))
    elif "h" in low and not _NOT_TURKISH.intersection(low):
        turkish = _TURKISH_H.sub("x", name)
        if turkish != name:
            out.append(turkish)
    low = name.casefold()
    if script_of(name) != "Latn" or "sch" in low:
        return out
    french = _french_readings(low) if _FRENCH_CUE.search(low) else []
    out += french
    # Western Armenian's affricates, on the French reading if there is one ("Karvadjar").
    if "dj" in low:
        for text in french:
            out += _western_armenian_reading(text, _WESTERN_FRENCH_PAIRS)
    elif _WESTERN_PAIRS.search(low):
        out += _western_armenian_reading(low)
    return out
