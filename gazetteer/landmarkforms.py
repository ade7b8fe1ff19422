"""The other forms a landmark's name, or a Russian noun phrase, is looked up in.

A text names a landmark with its word in a case (Azerbaijani "su anbarının",
Russian "Черного озера"), before or after the name, in another language
("pont d'Hakari", "Բագրատաշենի անցակետ") or apart ("Gtichi vank"); a stored
name holds it one way, in the nominative. ``parsing`` reads the word; this
module makes the forms to try.
"""

from __future__ import annotations

import re

from .lexicon import AZE_POSSESSIVE_CASES, LANDMARK_CASES, LANDMARK_WORDS
from .normalize import script_of

__all__ = ["APART_VANK", "ARMENIAN_LANDMARK_ENGLISH", "AZE_LANDMARK_CASES", "CHURCH_AS_MONASTERY",
           "RUSSIAN_LANDMARK_ENGLISH", "VANK_WORDS", "landmark_case_forms", "landmark_word_orders",
           "ru_feminine_nominative", "vank_forms"]

# Generated, and read off a name's end by parsing's _AZE_CASE_ENDING rather than added
# to the descriptor pattern: a pattern five times longer would slow every parse.
AZE_LANDMARK_CASES = {
    word + ending: word
    for word in LANDMARK_WORDS if word[-1] in AZE_POSSESSIVE_CASES and script_of(word) == "Latn"
    for ending in AZE_POSSESSIVE_CASES[word[-1]]}
# A Russian adjective before a landmark's word, in the case the word is in
# ("Черного озера", "Зангиланской мечети"), and its nominatives.
_RU_ADJECTIVE_CASES = (("ого", ("ое", "ый", "ий")), ("ому", ("ое", "ый", "ий")), ("ом", ("ое", "ый", "ий")),
                       ("ой", ("ая", "ый", "ой")), ("ую", ("ая",)), ("их", ("ие",)), ("ими", ("ие",)),
                       ("им", ("ое", "ый", "ий")))

def landmark_case_forms(name: str, word: str) -> list[str]:
    """The landmark's name with its word in the nominative, when the text has the
    word in another case: "Sərsəng su anbarının" -> "Sərsəng su anbarı", "Черного
    озера" -> "Черное озеро" (a Russian adjective agrees with the word)."""
    nominative = LANDMARK_CASES.get(word) or AZE_LANDMARK_CASES.get(word)
    if nominative is None and script_of(word) != "Cyrl":
        return []
    nominative = nominative or word
    names = [name]
    low = name.casefold()
    if script_of(name) == "Cyrl" and " " not in name:
        for ending, forms in _RU_ADJECTIVE_CASES:
            if low.endswith(ending) and len(name) > len(ending) + 2:
                names += [name[: -len(ending)] + form for form in forms]
                break
    return [f"{n} {nominative}" for n in names] + [f"{nominative} {n}" for n in names]


#: An Armenian landmark word and the English one a landmark's own name holds:
#: "Բագրատաշենի անցակետ" (Bagratashen's checkpoint) is the "Bagratashen
#: checkpoint", whose English name the normalised key matches across scripts.
ARMENIAN_LANDMARK_ENGLISH = {"անցակետ": "checkpoint", "մաքսակետ": "checkpoint", "կամուրջ": "bridge", "գետ": "river",
                              # "Սոթքի հանքի" is the "Sotk mine".
                              "հանք": "mine", "հանքավայր": "mine", "թունել": "tunnel",
                              "լիճ": "lake", "ջրամբար": "reservoir", "օդանավակայան": "airport",
                              "վանք": "monastery", "միջանցք": "corridor", "ամրոց": "fortress"}
#: The same for Russian: "КПП Лачин" is the "Lachin checkpoint", "пункт пропуска
#: Лачин" too (a landmark's Russian name, where it has one, is tried as well).
RUSSIAN_LANDMARK_ENGLISH = {"кпп": "checkpoint", "пункт пропуска": "checkpoint", "пропускной пункт": "checkpoint",
                             "контрольно-пропускной пункт": "checkpoint", "блокпост": "checkpoint",
                             "мост": "bridge", "озеро": "lake", "водохранилище": "reservoir",
                             "аэропорт": "airport", "коридор": "corridor",
                             # "перевале Сотк" is the "Sotk pass", "рудник Сотк" the "Sotk mine".
                             "перевал": "pass", "рудник": "mine", "месторождение": "deposit", "тоннель": "tunnel",
                             "туннель": "tunnel", "река": "river", "монастырь": "monastery", "крепость": "fortress",
                             "пещера": "cave", "хребет": "ridge"}
#: An Armenian monastery's name is its founder's or village's name + "vank"
#: (monastery), joined by "a": Gtich's is Gtichavank, Gosh's Goshavank, Makar's
#: Makaravank. Guidebooks write it apart ("Gtcha vank", the genitive "Gtichi
#: vank") or in English ("the Gtich Monastery"): each is tried joined.
APART_VANK = re.compile(r"^(?P<stem>[A-Z][a-z\u2019']+?)(?P<link>a|i)?\s+vank$", re.IGNORECASE)
VANK_WORDS = frozenset({"monastery", "monastery of", "monastery complex", "monastic complex"})


def vank_forms(stem: str, link: str | None = None) -> list[str]:
    """The joined forms of a monastery's name from its stem: "Gtich" is Gtichavank (and Gtichvank)."""
    forms = [f"{stem}{link or ''}vank"]
    if link != "a" and not stem.endswith(("a", "i")):
        forms.append(f"{stem}avank")
    return forms


#: Words for a church building that texts use for one monastery: the Azerbaijani
#: side writes "Aghoghlan Temple" (məbəd) or "church" for the monastery its
#: curated names call "Aghoghlan monastery"; "X monastery complex" is X monastery.
CHURCH_AS_MONASTERY = {"temple": "monastery", "church": "monastery", "monastery complex": "monastery",
                        "monastic complex": "monastery", "temple complex": "monastery",
                        "church complex": "monastery"}
#: A French or Italian landmark word and the English one a landmark's own name
#: holds: "pont d'Hakari" is the "Hakari bridge".
_FOREIGN_LANDMARK = {"pont": "bridge", "ponte": "bridge", "corridor": "corridor", "corridoio": "corridor",
                     "lac": "lake", "lago": "lake", "monastère": "monastery", "monastero": "monastery",
                     "forteresse": "fortress", "fortezza": "fortress", "réservoir": "reservoir",
                     "bacino idrico": "reservoir",
                     # "l’aéroport international de Lachin" (an Armenian-diaspora weekly):
                     # the "Lachin International Airport"; "la mosquée de Zangilan".
                     "aéroport": "airport", "aéroport international": "international airport",
                     "aeroporto": "airport", "aeroporto internazionale": "international airport",
                     "mosquée": "mosque", "moschea": "mosque"}


#: English's article, and French's and Italian's before a landmark's word ("la
#: mosquée de Zangilan", "l’aéroport de Lachin", "il ponte di Hakari").
_ARTICLE = re.compile(r"^(?:(?:the|la|le|les|il|lo)\s+|l['’](?=\w))", re.IGNORECASE)


def landmark_word_orders(text: str, name: str) -> list[str]:
    """A landmark's name with its word on the other side: "monastery of Tegher"
    is also "Tegher monastery", "Sevan lake" also "lake Sevan", as a landmark's
    own name may hold the word either way. English's article is no part of
    either: "the Lachin corridor" is "Lachin corridor"."""
    bare = _ARTICLE.sub("", text)
    out = [bare] if bare != text else []
    low, key = bare.casefold(), name.casefold()
    if low.endswith(key):
        word = bare[: len(bare) - len(name)].strip()
        word = re.sub(r"\s+(?:of(?:\s+the)?|de|du|d'|di|del)$", "", word, flags=re.IGNORECASE).strip()
        english = _FOREIGN_LANDMARK.get(word.casefold())
        return out + [f"{name} {word}"] + ([f"{name} {english}"] if english else []) if word else out
    if low.startswith(key):
        word = bare[len(name):].strip()
        return out + [f"{word} {name}"] if word else out
    return out


#: A feminine noun phrase in an oblique case, word by word up to a preposition:
#: "российской военной базы в Гюмри" is "российская военная база в Гюмри",
#: "Зангиланскую мечеть" "Зангиланская мечеть"... as a stored name holds it.
_RU_FEMININE_ADJECTIVE = (("ской", "ская"), ("ную", "ная"), ("ной", "ная"), ("кую", "кая"), ("ую", "ая"), ("ой", "ая"))
_RU_FEMININE_NOUN = (("ы", "а"), ("у", "а"), ("е", "а"))
_RU_PREPOSITIONS = frozenset({"в", "во", "на", "у", "под", "близ", "около", "возле"})


def ru_feminine_nominative(name: str) -> str | None:
    """``name`` with its leading adjectives and the noun after them in the
    nominative, when all of them are in a feminine oblique case; None otherwise."""
    words = name.split()
    head = []
    for word in words:
        if word.casefold() in _RU_PREPOSITIONS:
            break
        head.append(word)
    if len(head) < 2:
        return None
    out = []
    for i, word in enumerate(head):
        low = word.casefold()
        table = _RU_FEMININE_NOUN if i == len(head) - 1 else _RU_FEMININE_ADJECTIVE
        ending = next(((old, new) for old, new in table if low.endswith(old) and len(low) > len(old) + 2), None)
        if ending is None:
            if i == 0 and word.isdigit():
                # "102 российскую военную базу": a number before a feminine noun
                # is its ordinal, written "102-я" in the nominative.
                out.append(f"{word}-я")
                continue
            return None
        out.append(word[: len(word) - len(ending[0])] + ending[1])
    result = " ".join(out + words[len(head):])
    return result if result != name else None
