"""Reading a place name as a source writes it: its descriptors ("the village of",
"kəndi", "село", "գյուղ"), their case forms, the context it names (a district's
genitive, "X village of Y"), and what is left, the name to look up.

``parse_name`` gives a ``ParsedName``: the name, its other readings, a kind and
size hint, and the context. The keys a name is looked up by are
``gazetteer.normalize``'s.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .lexicon import (DIRECTION_WORDS, DISTRICT_WORDS, DROP_WORDS, LANDMARK_CASES,
                      LANDMARK_SYNONYMS, PLANT_WORDS, RESERVOIR_WORDS, RIVER_WORDS,
                      LANDMARK_WORDS, LOCALITY_WORDS, PROVINCE_WORDS, REGION_WORDS, SETTLEMENT_WORDS, TERRITORY_WORDS,
                      BIRTH_LEADS, BIRTH_PREDICATES, OLD_UNIT_OWNERS, LEAD_ARTICLES, LEAD_PLACE_WORDS,
                      LEAD_PREPOSITIONS, LEAD_VERBS, GLOSS_COUNTRIES, GLOSS_HEADS, GLOSS_TAILS,
                      TOWN_WORDS, UNIT_AS_RAION, UNIT_CASES, VILLAGE_WORDS)
from .landmarkforms import (APART_VANK, ARMENIAN_LANDMARK_ENGLISH, AZE_LANDMARK_CASES, CHURCH_AS_MONASTERY,
                            RUSSIAN_LANDMARK_ENGLISH, VANK_WORDS, landmark_case_forms, landmark_word_orders,
                            ru_feminine_nominative, vank_forms)
from .normalize import (MAX_NAME, fold_arabic, has_arabic, _ABBREVIATED_QUALIFIERS, _QUALIFIER_FORMS, _QUALIFIER_OF, inflection_stems,
                        name_base, norm_key, qualifiers, script_of)

__all__ = ["ParsedName", "parse_name", "aze_genitive_stems", "armenian_name_parts", "russian_name_parts"]


# --- descriptors ---------------------------------------------------------

_AZE_CASE_ENDING = re.compile(r"n(?:dan|dən|da|də|ın|in|un|ün|ı|i|u|ü|a|ə)$", re.IGNORECASE)
#: A Russian adjective of a place name, in any case a report puts it ("в
#: Кельбаджарском районе", "Лачинского района"), and the name's stems.
#: A town in -ск keeps it ("Красносельский район" is Krasnoselsk's, "Ильичёвский" Ilyichevsk's),
#: one in -ия ends the adjective in -ийский ("Амасийский район" is Amasia's): Soviet raions
#: named for their seat, as Soviet-era references write them.
_ADJECTIVE_STEMS = tuple(
    [(ending, ("", "а", "и", "ин")) for ending in ("инский", "инском", "инского", "инскому", "инским", "инской", "инская")]
    + [(ending, ("ия", "ий")) for ending in ("ийский", "ийском", "ийского", "ийскому", "ийским", "ийской", "ийская")]
    + [(ending, ("", "ск")) for ending in ("ский", "ском", "ского", "скому", "ским", "ской", "ская")]
    # A seat in -цк gives -цкий, not -ский: "Ашоцкая община", "Ашоцкого района" are Ashotsk's.
    + [(ending, ("цк",)) for ending in ("цкий", "цком", "цкого", "цкому", "цким", "цкой", "цкая")])
#: The same with the neuter and plural, read only before a landmark's word:
#: "Арпинское озеро", "Ишханасарские высоты", "Амулсарское месторождение".
_LANDMARK_ADJECTIVE_STEMS = tuple(
    [(ending, ("", "а", "и", "ин")) for ending in ("инское", "инские", "инских", "инскую")]
    + [(ending, ("",)) for ending in ("ское", "ские", "ских", "скую")]) + _ADJECTIVE_STEMS
_ADJECTIVE_ENDINGS = tuple(suffix for suffix, _ in _ADJECTIVE_STEMS)
#: The same adjective romanized, as other Slavic languages and older English write
#: a unit ("Kubatlinski rajon", "Lachinsky district"): read only with a unit's word.
_LATIN_ADJECTIVE_STEMS = tuple(
    [(ending, ("", "a", "i", "in")) for ending in ("inskiy", "inskij", "inskii", "insky", "inski")]
    + [(ending, ("",)) for ending in ("skiy", "skij", "skii", "sky", "ski")])
#: The endings the adjective loop below may meet, for one C-level check before it:
#: most names end in none of them, and the loop tried some twenty endings on each.
_UNIT_ADJECTIVE_ENDINGS = _ADJECTIVE_ENDINGS + tuple(suffix for suffix, _ in _LATIN_ADJECTIVE_STEMS)
_RU_UNIT_WORDS = frozenset({"район", "района", "районе", "районом", "району", "районах", "районов", "районам",
                            "районами", "административный район", "административного района",
                            "административном районе", "административному району", "административным районом"})
_RU_OBLIQUE_ADJECTIVE = ("ского", "скому", "ском", "ским", "ский")
#: An Armenian landmark's word in the genitive before շրջան, which then means the
#: area around it ("Սև լճի շրջանում", "Հակարիի կամրջի շրջանում"), not a unit.
_ARMENIAN_AREA_OF_LANDMARK = re.compile(
    r"^(.+\s(?:" + "|".join(w for w, nom in LANDMARK_CASES.items()
                            if script_of(w) == "Armn" and w.endswith("ի") and " " not in w)
    + r"))\s+շրջան(?:ում|ի|ը|ից)?$")
#: Armenian words for a community (LOCALITY_WORDS), after which a seat's name may be in the genitive.
_ARMENIAN_COMMUNITY_WORDS = frozenset(w for w in LOCALITY_WORDS if w.startswith(("համայնք", "խոշորացված")))
# "In the direction of X", as front-line reports put it: the name is X.
_DIRECTION = re.compile(
    r"^(?:(?:in\s+the\s+|on\s+the\s+)?direction\s+of|towards?|в\s+направлении|в\s+сторону|по\s+направлению\s+к)\s+"
    r"|[\s\-]+(?:directions?|istiqamətində|istiqamətindən|istiqaməti|istiqamətdə|istiqametinde|istiqametinden|"
    # The plural after two names ("Ağdərə rayonu və Murovdağ istiqamətlərində").
    r"istiqamətlərində|istiqamətlərindən|istiqametlerinde|istiqametlerinden|"
    r"istiqameti|istiqametde|направлении|направление|направления|"
    # Turkish, as its press reprints the Azerbaijani MoD ("Gubadlı istikametinde", "Cebrail yönünde").
    r"istikametinde|istikametindeki|istikametine|yönünde|yönüne|"
    r"ուղղությամբ|ուղղությունում|ուղղությունը|ուղղությամբ՝)$",
    re.IGNORECASE)
#: A direction word after the name, as a defence ministry names a stretch of the
#: front ("Tovuz istiqamətində", "on the Tovuz direction", "в Товузском
#: направлении"): the unit of that name when there is one, a place otherwise.
#: Armenian reports name villages so ("Երասխի ուղղությամբ"), and "in the direction
#: of X" before the name is a road's or a shot's heading: neither is read so.
_FRONT_DIRECTION = re.compile(r"[\s\-]+(?:directions?|istiqam[əe]t\w*|istikamet\w*|yönünde|yönüne|направлени[иея])$",
                              re.IGNORECASE)
_TERRITORY = re.compile(r"\s+(?:" + "|".join(TERRITORY_WORDS) + r")$", re.IGNORECASE)
_BIRTH_TAIL = re.compile(r"\s+(?:" + "|".join(map(re.escape, BIRTH_PREDICATES)) + r")$", re.IGNORECASE)
_BIRTH_LEAD = re.compile(r"^(?:(?:" + "|".join(map(re.escape, BIRTH_LEADS)) + r")\s+|"
                         r"\d{3,4}-(?:ci|cı|cu|cü|ji|ju)\s+ild[əe]\s+)", re.IGNORECASE)
_BIRTH_WORDS = tuple(w.casefold() for w in BIRTH_PREDICATES)
def _appositive(part: str) -> str:
    """A context after a comma without its describing words: "a village in the Tavush
    Province" is the Tavush Province, "գյուղ Տավուշի մարզում" Tavush's marz."""
    match = _APPOSITION.match(part) if " " in part else None
    if match:
        return match.group("ctx").strip(" .;:")
    return _gloss(part)[0] if part.startswith(_GLOSS_STARTS) else part


_GLOSS_HEAD = re.compile(r"^(?:" + "|".join(map(re.escape, GLOSS_HEADS)) + r")\s+", re.IGNORECASE)
_GLOSS_TAIL = re.compile(r"\s+(?:" + "|".join(map(re.escape, GLOSS_TAILS)) + r")$", re.IGNORECASE)
_GLOSS_COUNTRY = re.compile(r"(?:^|(?<=\s))(?:" + "|".join(map(re.escape, GLOSS_COUNTRIES)) + r")(?:\s+|$)")
_GLOSS_STARTS = tuple(w.split()[0] + " " for w in GLOSS_HEADS)
#: A name, a dash and its gloss: "Норашен — село в Тавушской области Армении".
_DASH_GLOSS = re.compile(r"^(?P<name>\S[^—–]*?)\s+[—–-]\s+(?P<gloss>\S.*)$")


def _gloss(text: str) -> tuple[str, ...]:
    """The units a dictionary's gloss names, as contexts: its place word and its
    country gone, the rest split at the Russian "в" ("в Армении в марзе Гехаркуник")."""
    text = _GLOSS_TAIL.sub("", _GLOSS_HEAD.sub("", text.strip(" .;:"), count=1), count=1)
    parts = [_GLOSS_COUNTRY.sub("", part).strip() for part in re.split(r"\s+в\s+", text)]
    return tuple(part for part in parts if part) or (text,)


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


# An encyclopedia's first sentence (lexicon.LEAD_VERBS): the name, then its unit.
_DESCRIBED_AS = (r"(?:(?:" + _alternation(LEAD_ARTICLES) + r")\s+)?(?:[\w-]+\s+)?(?P<word>"
                 + _alternation(LEAD_PLACE_WORDS) + r")\s+(?:" + _alternation(LEAD_PREPOSITIONS) + r")\s*")
_LEAD_SENTENCE = re.compile(r"^(?P<name>\S.*?)\s+(?:" + _alternation(LEAD_VERBS) + r")\s+" + _DESCRIBED_AS
                            + r"(?P<ctx>\S.*)$", re.IGNORECASE)
_APPOSITION = re.compile(r"^" + _DESCRIBED_AS + r"(?P<ctx>\S.*)$", re.IGNORECASE)
_LEAD_VERB_SET = frozenset(w.casefold() for w in LEAD_VERBS if " " not in w)

# The last older unit's genitive of a chain before the name, with the one word naming it.
_OLD_OWNER = re.compile(r"^(?:.*\s)?(?P<ctx>\S+)\s+(?P<word>" + "|".join(map(re.escape, OLD_UNIT_OWNERS))
                        + r")\s+(?P<name>\S.*)$", re.IGNORECASE)
_KIND_WORDS: tuple[tuple[str, str], ...] = tuple(
    sorted(
        [(w, "district") for w in DISTRICT_WORDS]
        + [(w, "province") for w in PROVINCE_WORDS]
        + [(w, "area") for w in REGION_WORDS]
        + [(w, "settlement") for w in (*VILLAGE_WORDS, *TOWN_WORDS, *SETTLEMENT_WORDS, *LOCALITY_WORDS)]
        + [(w, "landmark") for w in LANDMARK_WORDS],
        key=lambda item: -len(item[0]),
    )
)
# A township (qəsəbə, посёлок, ավան) is a size of its own; a locality or a
# community (LOCALITY_WORDS) says nothing of size.
_SIZE_OF = {**{w: "village" for w in VILLAGE_WORDS}, **{w: "town" for w in TOWN_WORDS},
            **{w: "township" for w in SETTLEMENT_WORDS}}
# Linear: a bracket's inner text holds no bracket, so no scan runs past the next one.
_PAREN = re.compile(r"[(\[](?P<inner>[^()\[\]]*)[)\]]")
_QUOTES = "\"«»“”„"
_QUOTE_TABLE = str.maketrans({ch: " " for ch in _QUOTES})
#: Whether a text holds any of them: a translate by a dict looks every letter up, a search does not.
_HAS_QUOTE = re.compile("[" + re.escape(_QUOTES) + "]")
#: Descriptors stripped from one name at most: real ones stack two or three deep.
_MAX_DESCRIPTORS = 6


_UNIT = r"(?:district|region|rayon|raion|province|marz)"
_ARMENIAN_COMMUNITY_PHRASE = (
    re.compile(r"^(?P<ctx>\S+?)(?:ի|ու)\s+(?:խոշորացված\s+)?համայնքի\s+(?P<name>[Ա-Ֆ].*?)$"), "{ctx}")
# Official announcements name a village with its district: "Qarakollu village
# of Fuzuli district", "Füzuli rayonunun Qarakollu kəndi", "село Карахулу
# Джебраильского района", "Ջաբրայիլի շրջանի Կարխուլու գյուղ". Each pattern
# gives the name and a context string the resolver reads as a district.
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    # "the center of the Tartar region": a district's seat, named as the district
    # is, as its context (Anadolu's English, Crisis Group's "regional centre").
    (re.compile(r"^(?:the\s+)?(?:administrative\s+|regional\s+|district\s+)?cent(?:er|re)\s+of\s+(?:the\s+)?"
                r"(?P<ctx>(?P<name>\S.*?)\s+" + _UNIT + r")$", re.IGNORECASE), "{ctx}"),
    # An Armenian community is named for its seat, and the English press writes it so:
    # "the Tegh community of Syunik province", "the community of Sotk in Gegharkunik marz".
    (re.compile(r"^(?:the\s+)?(?:border\s+)?(?:village|town|city|settlement|community)\s+of\s+(?P<name>.+?)\s+"
                r"(?:in|of)\s+(?:the\s+)?(?P<ctx>.+?\s+" + _UNIT + r")$", re.IGNORECASE), "{ctx}"),
    (re.compile(r"^(?P<name>.+?)\s+(?:village|town|settlement|community)\s+(?:of|in)\s+(?:the\s+)?"
                r"(?P<ctx>.+?\s+" + _UNIT + r")$", re.IGNORECASE), "{ctx}"),
    (re.compile(r"^(?P<name>.+?)\s+in\s+(?:the\s+)?(?P<ctx>.+?\s+" + _UNIT + r")$", re.IGNORECASE), "{ctx}"),
    # "Füzuli rayonundakı Qaraxanbəyli kəndi": the village that is in the district; the
    # press clips the genitive too: "Şabran rayonun Leyti kəndində"; an official text
    # writes the unit's word uninflected before a capitalised name: "Şahbuz rayon Kükü kənd".
    (re.compile(r"^(?P<ctx>.+?)\s+(?:rayonunun|rayonun|rayonundakı|rayonundaki|rayon(?=\s+(?-i:[A-ZÇƏĞIİÖŞÜ])))\s+(?P<name>.+?)"
                r"(?:\s+(?:kəndi|kendi|qəsəbəsi|qesebesi|şəhəri|seheri))?$", re.IGNORECASE), "{ctx} rayonu"),
    # An Armenian marz in the genitive, as Azerbaijani pages and press name a village of
    # Armenia: "Tavuş vilayətinin Noraşen kəndi", "Sünik vilayətindəki Lök kəndi",
    # "Sünik vilayətinin Şurnux kəndi".
    (re.compile(r"^(?P<ctx>.+?)\s+(?:vilayətinin|vilayətindəki|vilayetinin|vilayetindeki|mərzinin|merzinin)"
                r"\s+(?P<name>\S.*?)"
                r"(?:\s+(?:kəndi|kendi|qəsəbəsi|qesebesi|şəhəri|seheri))?$", re.IGNORECASE), "{ctx} vilayəti"),
    # The Turkish press's district before a village, as it reprints the liberation lists
    # and the MoD ("Fuzuli ilinin Dörtçınar", "Kelbecer ilinin Yellice köyü", "Tovuzkale
    # ilinin Mosesgeh kasabası", "Sederek iline bağlı Heyderabad"): the district is context.
    (re.compile(r"^(?P<ctx>.+?)\s+(?:ilinin|ilçesinin|bölgesinin|ilindeki|ilçesindeki|bölgesindeki|"
                r"(?:iline|ilçesine|bölgesine)\s+bağlı)\s+(?P<name>\S.*?)"
                r"(?:\s+(?:köyü|köyünü|köyünde|köyüne|köyünden|kasabası|kasabasında|kasabasına|yerleşkesi|"
                r"yerleşkesinde|yerleşkesindeki|yerleşim\s+birimi))?$", re.IGNORECASE), "{ctx} ili"),
    # A town's genitive before a township or village of its own: "Xankəndi şəhərinin
    # Kərkicahan qəsəbəsinə". The town is context, read as a town.
    (re.compile(r"^(?P<ctx>.+?)\s+(?:şəhərinin|seherinin)\s+(?P<name>\S.*?)(?:\s+(?:kəndi|kendi|qəsəbəsi|qesebesi))?$",
                re.IGNORECASE), "{ctx} şəhəri"),
    # The district in the nominative, as headlines put it: "Cəbrayıl rayonu Horovlu kəndinə".
    (re.compile(r"^(?P<ctx>.+?)\s+rayonu\s+(?P<name>\S.*?)(?:\s+(?:kəndi|kendi|qəsəbəsi|qesebesi|şəhəri|seheri))?$",
                re.IGNORECASE), "{ctx} rayonu"),
    # ("Кафанского административного района" is the administrative raion of Kafan,
    # not a place Кафанский in a raion named "административный".)
    (re.compile(r"^(?:(?:село|деревня|посёлок|поселок|город|пгт)\s+)?(?P<name>.+?)\s+(?P<ctx>(?!административн)\S+?)ого\s+района$",
                re.IGNORECASE), "{ctx}ий район"),
    (re.compile(r"^(?:(?:село|деревня|посёлок|поселок|город|пгт)\s+)?(?P<name>.+?)\s+(?P<ctx>\S+?)ской\s+"
                r"(?:области|марза)$", re.IGNORECASE), "{ctx}ская область"),
    # Armenian genitives: Ջաբրայիլի, and Մարտունու for a name ending in -ի; a
    # unit's name of two words has its second in lower case ("Վայոց ձորի մարզի").
    (re.compile(r"^(?P<ctx>\S+?(?:\s[ա-ֆ]\S*?)?)(?:ի|ու)\s+(?:տարածա)?շրջանի\s+(?P<name>.+?)(?:\s+(?:գյուղ|գյուղը|քաղաք|քաղաքը))?$"),
     "{ctx}ի շրջան"),
    (re.compile(r"^(?P<ctx>\S+?(?:\s[ա-ֆ]\S*?)?)(?:ի|ու)\s+մարզի\s+(?P<name>.+?)(?:\s+(?:գյուղ|գյուղը|քաղաք|քաղաքը))?$"),
     "{ctx}ի մարզ"),
    # A settlement of an enlarged community, named for its seat: "Կապանի համայնքի
    # Ներքին Հանդ բնակավայրում" is Nerkin Hand near Kapan.
    _ARMENIAN_COMMUNITY_PHRASE,
    # "St Hovhannes Mkrtich Church of Shushi", "Ghazanchetsots Cathedral of Shusha":
    # a church named, then the town it stands in, as context. Not "the Church of
    # the Holy Mother of God", whose name follows the word.
    (re.compile(r"^(?!(?:the|an?)\s+(?:church|cathedral|monastery|mosque|chapel)\b)(?P<name>\S.*?\s"
                r"(?:church|cathedral|monastery|mosque|chapel))\s+of\s+(?:the\s+)?(?P<ctx>\S.*)$", re.IGNORECASE),
     "{ctx}"),
    # "the Tavush region of Armenia", "Hadrut district of Nagorno-Karabakh": a unit and
    # the country or region it is in, as context ("Armenia's Tavush province" is read so).
    (re.compile(r"^(?:the\s+)?(?P<name>\S.*?\s(?:region|district|province|marz|raion|rayon))\s+of\s+(?:the\s+)?"
                r"(?P<ctx>(?:Republic\s+of\s+)?(?:Armenia|Azerbaijan|Artsakh)|Nagorno[-\s]Karabakh|Karabakh)$",
                re.IGNORECASE), "{ctx}"),
    # "Davit Bek village of Syunik": the village of a province or community named bare.
    # "the border village of Khnatsakh" is the village itself, not a village of a place "border".
    # "Tartar city of Azerbaijan" (a Turkish agency's English) is the city of that country.
    # The order is the writer's: "the Syunik village of Shikahogh" names the
    # village last, so the other reading goes with it (ParsedName.other_reading).
    # Armenia's official English names an enlarged community's villages so:
    # "Angeghakot settlement of Sisian community".
    (_OF_PLACE := re.compile(r"^(?!(?:the\s+)?(?:border\s+|capital\s+)?(?:village|town|city|settlement)\b)(?P<name>\S.*?)\s+"
                             r"(?P<word>village|town|city|settlement)\s+of\s+(?:the\s+)?(?P<ctx>\S.*)$", re.IGNORECASE),
     "{ctx}"),
    # "The one in X" before the name, Turkish after an apostrophe and Azerbaijani joined:
    # "Şuşa'daki Yukarı Gövher Ağa Camii", "Şuşadakı Gövhər Ağa məscidi". X is context.
    (_ONE_IN := re.compile(r"^(?P<ctx>[^\W\d_][^\s'’]*?)(?:['’](?:da|de|ta|te)ki|dakı|dəki|takı|təki)\s+"
                           r"(?P<name>\S.*)$"), "{ctx}"),
    # French names the unit after "du" or "de la": "le village de Gorchu du district de
    # Lachin", "Tegh de la région du Syunik". The unit is context.
    (re.compile(r"^(?P<name>\S.*?)\s+(?:du|de\s+la|de\s+l['’])\s*(?P<ctx>(?:district|région|province|raïon|rayon|"
                r"marz)\s+(?:de|du|d['’])\s*\S.*)$", re.IGNORECASE), "{ctx}"),
    # Last: "Khtsaberd village in Hadrut", "Talish near Madagiz": a place as context.
    # "near" stays on the context: near a district is not in it.
    (_IN_PLACE := re.compile(r"^(?:the\s+)?(?:(?:village|town)\s+of\s+)?(?P<name>.+?)(?:\s+(?:village|town))?"
                             r"\s+(?:in|im|dans|nella|nel|(?P<near>near))\s+(?:the\s+)?(?P<ctx>.+)$",
                             re.IGNORECASE), "{near}{ctx}"),
)


#: Every phrase above holds one of these; most names hold none, and skip the patterns.
_PHRASE_WORDS = ("aki ", "eki ", "akı ", "əki ", " du ", " de la ", " de l", " of ", " in ", " near ", " im ", " dans ", " nella ", " nel ", "rayonun", "rayonu ", "rayon ", "rayonundak",
                 "vilayətin", "vilayetin", "mərzinin ", "merzinin ",
                 "ilinin ", "ilçesinin ", "bölgesinin ", "ilindeki ", "ilçesindeki ", "bölgesindeki ", "ne bağlı ", "şəhərinin", "seherinin", "района", "области",
                 "марза", "շրջանի", "մարզի", "համայնքի ")
# Whether a text holds any of the words above, in one scan (a third of a loop's time).
_HAS_DIRECTION = re.compile("|".join(map(re.escape, DIRECTION_WORDS)))
_HAS_PHRASE = re.compile("|".join(map(re.escape, _PHRASE_WORDS)))


_set_dict = object.__setattr__


class _computed_once:
    """``functools.cached_property`` without the lock Python 3.11 takes at a
    value's first read (a parsed name is its look-up's own, and a look-up
    reads two of them): the value is kept in the instance's ``__dict__``."""

    def __init__(self, func) -> None:
        self.func, self.name, self.__doc__ = func, func.__name__, func.__doc__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


@dataclass(frozen=True)
class ParsedName:
    """What a source's place string says, split into its parts."""

    raw: str
    name: str
    #: Other readings of the same text to look up: the text with its
    #: descriptor ("Кельбаджарский район" is itself a stored name) and the
    #: Russian adjective's stem ("Лачинский" -> "Лачин").
    alternatives: tuple[str, ...] = ()
    #: "settlement", "district", "province", "landmark", or "area" (any
    #: administrative unit: English press says "Gubadli region" for the district).
    kind_hint: str | None = None
    context: tuple[str, ...] = ()
    #: "village", "town" or "township" when the text says which ("Zəngilan kəndi",
    #: "город Шуша", "поселок Бартаз").
    size_hint: str | None = None
    #: The stems of an Azerbaijani or Armenian genitive owner read off the front as
    #: context ("Cəbrayılın Horovlu": "Cəbrayıl"; "Մարտակերտի Մեծ Շեն": "Մարտակերտ");
    #: the resolver reads the text whole again when none of them names a place, or
    #: when the whole text is a place's name ("Լոռի Բերդ").
    owners: tuple[str, ...] = ()
    #: True when a word of the text itself gave the kind ("village", "community",
    #: "lake"), not a phrase read as one ("X in Y").
    worded: bool = field(default=False, compare=False, repr=False)
    #: "X village of Y" read the other way (Y in the unit X), when the text allows
    #: it: the resolver tries it second.
    other_reading: ParsedName | None = field(default=None, compare=False, repr=False)
    #: A landmark type the word rules out ("Xaçınçay su anbarı" is no river) ...
    not_type: str | None = field(default=None, compare=False, repr=False)
    #: ... or the only types it allows ("HPP": a plant or its reservoir).
    only_types: tuple[str, ...] | None = field(default=None, compare=False, repr=False)

    def __init__(self, raw: str, name: str, alternatives: tuple[str, ...] = (), kind_hint: str | None = None,
                 context: tuple[str, ...] = (), size_hint: str | None = None) -> None:
        # One a look-up (two with a context): one dict, not a frozen __setattr__ per field (see model.Candidate).
        _set_dict(self, "__dict__", {"raw": raw, "name": name, "alternatives": alternatives, "kind_hint": kind_hint,
                                     "context": context, "size_hint": size_hint})

    @_computed_once
    def base(self) -> str:
        """``name_base`` of the name: what namesakes told apart by a qualifier share."""
        return name_base(self.name)

    @_computed_once
    def qualifiers(self) -> frozenset[str]:
        """``qualifiers`` of the name ("Aşağı Sirik": {"lower"})."""
        return qualifiers(self.name)


def _word_tree(words) -> str:
    """A pattern matching any of ``words``, as their alternation longest first does, written as
    a tree of their shared beginnings: nine hundred descriptors compile in a tenth of the time
    (every process paid 40 ms for the two below) and are tried a letter at a time, not a word.
    A word that begins a longer one is its optional end, tried longer first (greedy)."""
    trie: dict = {}
    for word in dict.fromkeys(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = None
    escaped: dict[str, str] = {}

    def below(node: dict) -> tuple[str, int]:
        """The pattern below ``node``, and the length of the longest word's rest there."""
        branches = []
        for ch, child in node.items():
            if ch:
                pattern, length = below(child)
                esc = escaped.get(ch) or escaped.setdefault(ch, re.escape(ch))
                branches.append((length + 1, esc + pattern))
        if not branches:
            return "", 0
        if len(branches) > 1:
            # Of letters that may match alike (a case apart), the longer branch is tried first.
            branches.sort(key=lambda branch: -branch[0])
        end = "" in node
        body = branches[0][1] if len(branches) == 1 and not end else "(?:" + "|".join(b for _, b in branches) + ")"
        return (body + "?" if end else body), branches[0][0]

    return below(trie)[0]


_KIND_PATTERN = _word_tree(w for w, _ in _KIND_WORDS)
_LEADING = re.compile(r"^(?P<word>" + _KIND_PATTERN + r")\s+", re.IGNORECASE)
_TRAILING = re.compile(r"\s+(?P<word>" + _KIND_PATTERN + r")$", re.IGNORECASE)
_DROP = re.compile(r"^(?:" + "|".join(re.escape(w) for w in DROP_WORDS) + r")\s+", re.IGNORECASE)
_WORD_KIND = {w: k for w, k in _KIND_WORDS}
#: The Russian words for a place people live in, of one word.
_RU_SETTLEMENT_WORDS = frozenset(
    w for w in (*VILLAGE_WORDS, *TOWN_WORDS, *SETTLEMENT_WORDS, *LOCALITY_WORDS)
    if " " not in w and script_of(w) == "Cyrl")
# One or two Russian adjectives before a settlement's word say what the place is
# like or whose it is ("азербайджанском городе Гянджа", "приграничного села
# Чинари", "в восстановленном древнем городе Шуша", the preposition dropped
# before): not its name, which follows the word. The one Russian adjective rule.
_RU_ADJECTIVE_LEAD = re.compile(
    r"^(?:[а-яё][а-яё\-]*(?:ом|ем|ому|ему|ого|его|ой|ий|ый|ая|яя|ую|юю|ое|ее)\s+){1,2}"
    r"(?=(?:" + "|".join(sorted(_RU_SETTLEMENT_WORDS, key=len, reverse=True)) + r")\s+\S)", re.IGNORECASE)
#: The first and last words of every descriptor: a name that neither starts
#: nor ends with one of these has no descriptor to strip.
_EDGE_WORDS = frozenset(w.split()[i] for w, _ in _KIND_WORDS for i in (0, -1)) | frozenset(
    w.split()[0] for w in DROP_WORDS) | frozenset(w.split()[-1] for w in AZE_LANDMARK_CASES)
_TAIL = 2 + max(len(w) for w, _ in _KIND_WORDS)
#: Before a landmark's word only lower-case adjectives are dropped: "пограничного
#: пункта пропуска Лачин", "древнего монастыря Дадиванк" say what it is like,
#: where "Черного озера" and "Лачинского коридора" are the landmark's name.
_RU_LANDMARK_ADJECTIVE_LEAD = re.compile(
    r"^(?:[а-яё][а-яё\-]*(?:ом|ем|ому|ему|ого|его|ой|ий|ый|ая|яя|ую|юю|ое|ее)\s+){1,2}"
    r"(?=(?i:" + "|".join(sorted((re.escape(w) for w in LANDMARK_WORDS if script_of(w) == "Cyrl"), key=len,
                                 reverse=True)) + r")\s+\S)")


# An Azerbaijani descriptor as the press writes it beyond the forms listed
# above: with any case ending after its possessive ("körpüsündə", "su
# anbarından", "kəndinlə") and without its diacritics ("qesebesine",
# "kendinden", "zirvesi"). Matched on the text folded to ASCII, which keeps its
# length, so the match's span is the original's.
_ASCII_FOLD = str.maketrans("əƏıİşŞçÇğĞöÖüÜ", "eEiIsScCgGoOuU")
_FOLDED_WORD: dict[str, str] = {}
for _word, _ in _KIND_WORDS:
    if _word.isascii() or re.fullmatch(r"[a-zəıöüşçğ ]+", _word):
        _FOLDED_WORD.setdefault(_word.translate(_ASCII_FOLD), _word)
_POSSESSIVE = sorted((w for w in _FOLDED_WORD if w.endswith(("i", "u")) and not _FOLDED_WORD[w].isascii()
                      or w in ("kendi", "qesebesi", "seheri")), key=len, reverse=True)
# A copula may follow, present or past ("Nic kəndidir", "Nic kəndinəydi": it is,
# it was, to the village of Nic), in a sentence a text states of the place.
_COPULA = r"(?:dir|dur|ydi|ydu)"
_FOLDED_TRAILING = re.compile(
    r"\s+(?P<word>(?:" + "|".join(map(re.escape, _POSSESSIVE)) + r")"
    r"(?:(?:nin|nun|na|ne|ndaki|ndeki|ndan|nden|nda|nde|ni|nu|nla|nle)" + _COPULA + "?|" + _COPULA + r")"
    r"|" + "|".join(map(re.escape, sorted(_FOLDED_WORD, key=len, reverse=True))) + r")$")


def _folded_descriptor(text: str) -> re.Match[str] | None:
    """A trailing Azerbaijani descriptor in a case form or ASCII spelling, on ``text``'s span."""
    tail = max(len(text) - _TAIL - 6, 0)
    folded = text.translate(_ASCII_FOLD).lower()
    return _FOLDED_TRAILING.search(folded, tail) if len(folded) == len(text) else None


def _descriptor_word(folded: str) -> str:
    """The listed descriptor a folded match stands for: its own form, or its possessive before a case ending."""
    if folded in _FOLDED_WORD:
        return _FOLDED_WORD[folded]
    for word in _POSSESSIVE:
        if folded.startswith(word):
            return _FOLDED_WORD[word]
    return folded


def _strip_words(text: str) -> tuple[str, str | None, str | None, str | None]:
    kind = size = first = None
    for _ in range(_MAX_DESCRIPTORS):
        # A trailing descriptor is a few words long: searching only the end
        # keeps a long string's parse linear.
        match = _LEADING.match(text)
        if match and _WORD_KIND.get(match.group("word").casefold()) == "landmark" and (
                _WORD_KIND.get(text[match.end():].strip().casefold(), "landmark") != "landmark"):
            # A landmark's word that is all the name before a place's word: "Վանք
            # գյուղում" is in the village of Vank (Վանք, monastery), not a
            # monastery named "գյուղում".
            match = None
        match = match or _TRAILING.search(text, max(len(text) - _TAIL, 0))
        folded = None if match else _folded_descriptor(text)
        if folded:
            word = _descriptor_word(folded.group("word"))
            kind = kind or _WORD_KIND[word]
            size = size or _SIZE_OF.get(word)
            text = text[: folded.start()].strip()
            continue
        if match:
            word = match.group("word").casefold()
            if word not in _WORD_KIND:  # matched case-blind on a dotless ı: "anbari" for "anbarı"
                word = _descriptor_word(word.translate(_ASCII_FOLD).lower())
            kind = kind or _WORD_KIND[word]
            size = size or _SIZE_OF.get(word)
            first = first or word
            text = (text[: match.start()] + text[match.end():]).strip()
            continue
        # An Azerbaijani word with a case ending: "su anbarının" is "su anbarı" + "nın".
        case = _AZE_CASE_ENDING.search(text) if first is None else None
        match = case and _TRAILING.search(text, max(case.start() - _TAIL, 0), case.start())
        if match and (match.group("word").casefold() + case.group().casefold()) in AZE_LANDMARK_CASES:
            kind, first = kind or "landmark", match.group("word").casefold() + case.group().casefold()
            text = text[: match.start()].strip()
            continue
        match = _DROP.match(text) or (_RU_ADJECTIVE_LEAD.match(text) or _RU_LANDMARK_ADJECTIVE_LEAD.match(text)
                                      if kind is None else None)
        if match:
            text = text[match.end():].strip()
            continue
        break
    return text, kind, size, first


def parse_name(raw: str, *, owner: bool = True) -> ParsedName:
    """Split "the village of Sanasar (Gubadli)" into name, kind hint and context.

    A parenthesis holds either another name of the same place or its district;
    the resolver treats it as context that matches either. Two spellings
    joined by a slash ("Safarsha/Safarşa") are one name and its other reading.
    Linear in the length of ``raw``: the announcement phrasings are tried only
    on text of place-name length (``MAX_NAME``).
    """
    if has_arabic(raw):
        return _parse_arabic(raw, owner=owner)
    if _is_bare_word(raw):
        # A word of letters alone (most names): no bracket, comma, slash or
        # phrase, no descriptor and no qualifier to read; the name as written.
        parsed = ParsedName(raw, raw)
        parsed.__dict__["qualifiers"] = _NO_QUALIFIERS  # one word: no qualifier word beside it
        return parsed
    around = _landmark_surroundings(raw)
    if around is not None:
        return around
    slash = _SLASHED.search(raw) if "/" in raw and len(raw) <= MAX_NAME else None
    if slash is None:
        return _parse_name(raw, owner=owner)
    # The first spelling leads; the other's readings follow. One slash only:
    # the rest stay as written, so a crafted string costs two parses.
    head, tail = raw[:slash.start()], raw[slash.end():]
    first = _parse_name(head + slash.group(1) + tail)
    other = _parse_name(head + slash.group(2) + tail)
    readings = [other]
    left, _, right = raw.partition("/")
    if " " in left.strip() or " " in right.strip():
        # Two names of several words each side of the slash ("Upper Voskepar/Yukhari
        # Askipara"): the word-run split joins halves of two names, so each side is
        # also read whole.
        readings += [_parse_name(left), _parse_name(right)]
    extra = tuple(dict.fromkeys(t for r in readings for t in (r.name, *r.alternatives)
                                if t != first.name and t not in first.alternatives))
    return ParsedName(raw=raw, name=first.name, kind_hint=first.kind_hint, context=first.context,
                      alternatives=first.alternatives + extra, size_hint=first.size_hint)


#: An English area word after a landmark's word: "the Sotk mountain pass region" is the
#: ground around the pass, not a unit named Sotk (it answered the village, 9.5 km off).
_SURROUNDINGS = (" region", " area", " zone", " vicinity")


def _landmark_surroundings(raw: str) -> ParsedName | None:
    """The landmark, when ``raw`` is a landmark's name and word followed by an area word."""
    if not raw.endswith(_SURROUNDINGS) or len(raw) > MAX_NAME:
        return None  # the common path: one endswith on the raw text
    inner = raw[: raw.rindex(" ")].rstrip()
    words = inner.casefold().split()
    if len(words) < 2 or not any(_WORD_KIND.get(" ".join(words[-n:])) == "landmark" for n in (2, 1)):
        return None
    parsed = _parse_name(inner)
    if parsed.kind_hint != "landmark":
        return None
    return ParsedName(raw=raw, name=parsed.name, kind_hint="landmark", context=parsed.context,
                      alternatives=parsed.alternatives, size_hint=parsed.size_hint)


# Persian, Arabic and Urdu text: its letter variants and vowel marks folded first
# (normalize.fold_arabic), so the lexicon's words match one spelling ("مدينة" and
# "مدینه"). What the press writes around a name beyond the lexicon's words: the
# country or region after it ("در ارمنستان", "بأرمينيا", "في أذربيجان", "در قره باغ")
# and Arabic's definite adjectives after it ("مدينة أغدام المهجورة", "مدينة كابان
# الأرمينية", "سيونيك الأرمنية"), dropped; a conjunction or preposition joined to the
# name ("وخوجالي", "ولاشين": and), read as another reading without it; "ب" and "ل" begin
# names too ("لاچین"), so only "و" is read so.
_ARABIC_COUNTRY_TAIL = re.compile(
    r"\s+(?:(?:در|فی|به)\s+|ب)?(?:جمهوری\s+)?(?:ارمنستان|ارمینیا|اذربایجان|اذربیجان|قره\s*باغ)$")
_ARABIC_ADJECTIVES_TAIL = re.compile(r"(?<=\S)(?:\s+ال\S+)+$")
_ARABIC_JOINED = "و"
#: A landmark's word as the stored names hold it: the plural, the Arabic dual and the
#: Arabic word read as Persian's ("پلهای تاریخی خدا آفرین", "سدي خدا آفرين", "جسر"), so
#: the text with its word is the stored "پل خداآفرین", "سد خداآفرین".
_ARABIC_LANDMARK_WORD = re.compile(r"^(?:(?P<bridge>پلهای|پلها|پل|جسر)(?:\s+تاریخی)?|(?P<dam>سدی))(?=\s)")


def _parse_arabic(raw: str, *, owner: bool = True) -> ParsedName:
    """``_parse_name`` of Arabic-script text, after the folds and drops above."""
    text = " ".join(fold_arabic(unicodedata.normalize("NFKC", raw)).translate(_QUOTE_TABLE).split())
    for _ in range(2):
        text = _ARABIC_COUNTRY_TAIL.sub("", text)
        head = text.split(" ", 1)[0]
        if not head.startswith("ال"):
            text = _ARABIC_ADJECTIVES_TAIL.sub("", text)
    text = _ARABIC_LANDMARK_WORD.sub(lambda m: "پل" if m.group("bridge") else "سد", text)
    parsed = _parse_name(text, owner=owner)
    name = parsed.name
    parsed.__dict__["raw"] = raw  # a fresh parse, no one else's: its fields are set in place
    if " " not in name and len(name) >= 5 and name[0] in _ARABIC_JOINED:
        parsed.__dict__["alternatives"] = parsed.alternatives + (name[1:],)
    return parsed


# Classical (Mesropian) Armenian orthography, as the diaspora press and Western
# Armenian write it: "Մովսէս գիւղին", "Տաւուշի մարզի". The data holds the
# reformed spelling. A text is read as classical only when it shows a mark the
# reformed spelling never has: ւ outside ու and եւ (NFKC splits the reformed
# "և" of "Երևան" into ե and ւ, so եւ is both spellings' and stays as it is).
# է and օ inside a word are no such mark: reformed compounds keep them, "Այսօր".
_CLASSICAL_MARK = re.compile(r"(?<![ոե])ւ")
#: Western Armenian's ablative -էն where Eastern writes -ից: "Թալիշ գիւղէն" (from the
#: village of Talish) is "Թալիշ գյուղից". Read off a word's end only. It is a mark of
#: the classical spelling too: a name with no ւ of its own ("Շուշիէն", "Շուշի
#: քաղաքէն": from Shushi) shows no other.
_WESTERN_ABLATIVE = re.compile(r"(?<=[\u0561-\u0587]{3})էն(?![\u0561-\u0587])")
_CLASSICAL_RULES = (
    (_WESTERN_ABLATIVE, "ից"),
    (re.compile("իւ"), "յու"), (re.compile("եա"), "յա"), (re.compile("եօ"), "յո"),
    (re.compile(r"(?<![ոե])ւ"), "վ"), (re.compile(r"(?<=[\u0561-\u0587])է"), "ե"),
    (re.compile(r"(?<=[\u0561-\u0587])օ"), "ո"),
)


def _is_classical(text: str) -> bool:
    """Whether ``text`` shows a mark of the classical spelling (the ablative is looked
    for only where its two letters are: most text has neither)."""
    return bool(_CLASSICAL_MARK.search(text)) or ("էն" in text and bool(_WESTERN_ABLATIVE.search(text)))


def _reformed_armenian(text: str) -> str:
    """``text`` in reformed Armenian spelling if it is written in the classical one."""
    if not _is_classical(text):
        return text
    for pattern, new in _CLASSICAL_RULES:
        text = pattern.sub(new, text)
    return text


_NO_QUALIFIERS: frozenset[str] = frozenset()


def _is_bare_word(raw: str) -> bool:
    """Whether ``_parse_name`` would give ``raw`` back as the name and nothing
    else: one word of letters, NFKC already, neither a descriptor nor a Russian adjective."""
    if not raw.isalpha() or not unicodedata.is_normalized("NFKC", raw) or _is_classical(raw):
        return False
    low = raw.casefold()
    return low not in _EDGE_WORDS and not low.endswith(_ADJECTIVE_ENDINGS)


# A slash inside a word run: "Safarsha/Safarşa", "Jabrayil/Dschäbrayil".
_SLASHED = re.compile(r"(\w[\w'’-]*)\s*/\s*(\w[\w'’-]*)")


# German and Scandinavian pages join a unit's word to the unit's name with a hyphen:
# "Region Gabala" is also "Gabala-Region", and "Akhsu-Distrikt", "Bilasuvar-regionen".
# Only at the string's end, and only these words: "Dağ-Kəsəmən" stays a name.
_HYPHEN_UNIT = re.compile(r"(?<=\w)-(?P<word>region|regionen|distrikt|distriktet|bezirk|rayon|raion|rajon)$",
                          re.IGNORECASE)

_ELIDED = re.compile(r"(?<=\s)(d|D)'(?=\w)")
_LEADING_ELISION = re.compile(r"^[lL]['’](?=\w)")

# English wire copy puts whose a place is and how near before its name:
# "Azerbaijan's Barda", "the Karabakh capital Stepanakert", "near the village of
# Mataghis", "just outside Stepanakert". The owner is context; nearness is
# dropped (decision.py reads it off the raw context). Adjectives before a
# settlement's or a landmark's word ("the southern Armenian town of Goris") are
# dropped too (_without_adjectives below), never read as context.
# Russian "в районе X" is "in the area of X" (the Russian MoD's "в районе
# населенного пункта Мадагиз"), not a district: a district's word follows its
# adjective ("в Физулинском районе").
# "На участке Товузского района" (on the Tovuz district's section of the border, as
# the Azerbaijani MoD writes a front) names the district after the word: the word
# goes as "в районе" does. (After the name, "на Ерасхском участке", it is a territory word.)
_RU_AREA_OF = re.compile(r"^(?:(?:в|во|из|у)\s+)?район(?:е|а)\s+(?=\S)|^(?:(?:на|с|со)\s+)?участк(?:е|а|ом)\s+(?=\S)",
                         re.IGNORECASE)
_POSSESSOR = re.compile(r"^(?:the\s+)?(?P<ctx>[^\s'’]+(?:\s[^\s'’]+)?)['’]s\s+(?=\S)")
_CAPITAL = re.compile(r"^(?:the\s+)?(?P<ctx>[^\s'’]+(?:\s[^\s'’]+)?)\s+capital,?\s+(?!of\b)(?=\S)")
# Adjectives English copy puts before a settlement's or a landmark's word: where
# it lies ("the western city of Tartar"), whose people live there ("the Armenian
# town of Goris", "Armenian church of Vankasar") and what befell it ("the
# restored city of Shusha"). They say nothing of which place it is: dropped, and
# never read as context (an "Armenian village" of the press may lie in Azerbaijan).
# Only before one of those words: "Western Armenia" and "Old Goris" stay names.
# One reading per word: "north-east" or "northeast" is one token, "north east"
# two; a pattern that allowed both would try 2^n splits of a crafted string.
_COMPASS = r"(?:north|south|east|west|central|(?:north|south)-?(?:east|west))(?:ern)?"
_LEAD_ADJECTIVE = (
    _COMPASS + r"|armenian|azerbaijani|azeri|ethnic|armenian-populated|azerbaijani-populated"
    r"|ancient|historic|historical|restored|liberated|occupied|ruined|destroyed|abandoned|deserted"
    r"|frontline|front-line|border|small|tiny|remote|mountain|mountainous|strategic|key|major|ghost"
    r"|spa|resort|mining|industrial|rural")
_LEAD_WORDS = (r"village|villages|hamlet|town|city|settlement|township|church|monastery|cathedral|chapel"
               r"|mosque|fortress|cemetery")
_ADJECTIVES = re.compile(r"^(?:the\s+|an?\s+)?(?:(?:" + _LEAD_ADJECTIVE + r")[\s,]+(?:and\s+)?)+"
                         r"(?=(?:" + _LEAD_WORDS + r")\b)", re.IGNORECASE)
# Beyond that list: a lower-case adjective or two before "city of X", as 2024-2026
# wire copy writes a rebuilt town ("the newly reconstructed city of Shusha", "the
# nearby town of Meghri"): the adjectives say nothing of which place it is and
# are dropped. A country's demonym among them
# ("the Azerbaijani city of Kalbajar", "the southern Armenian town of Goris") is
# dropped with them, read as an adjective, never as context; other capitalised
# words ("the Karabakh town of Shushi") are left alone: read as context or
# dropped, they cost the held-out sets right answers.
# Heritage texts write a monastery so: "the medieval monastery of Tatev", "the
# 13th-century monastery of Gandzasar"; read as "X church of Y", the adjective
# was the name and the monastery's name a context.
_EN_ADJECTIVE_SIZE = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?P<adjs>(?:[a-z0-9][a-z0-9\-]*\s+){1,3}?)(?P<word>city|town|village|settlement|township"
    r"|monastery|church|cathedral|chapel|temple|mosque|fortress)\s+of\s+(?P<rest>[A-Z]\S*(?:\s+\S+)?)$")
#: An age or fame between a landmark's name and its word: "Makaravank Medieval
#: Monastery Complex" is the Makaravank monastery complex.
_EN_ADJECTIVE_BETWEEN = re.compile(
    r"\s+(?:medieval|mediaeval|ancient|old|historic|historical|famous|early|\d{1,2}(?:st|nd|rd|th)[- ]century)"
    r"\s+(?=(?:monastery|monastic|church|cathedral|chapel|temple|fortress)\b)", re.IGNORECASE)

_DEMONYM = re.compile(r"\b(?:Azerbaijani|Azeri|Armenian|Iranian|Turkish|Georgian|Russian)\b")
#: Where a unit lies, in lower case before its name and word: "Armenia's southeastern
#: Syunik province" (the owner taken off before). A capitalised "Western Zangezur"
#: is a name and is left whole; so is an adjective before no unit word.
_EN_COMPASS_UNIT = re.compile(r"^(?:the\s+)?" + _COMPASS + r"\s+(?=[A-Z]\S*(?:\s+[A-Z]\S*)?\s+"
                              r"(?:province|region|district|marz|rayon|raion)$)")


def _without_adjectives(text: str) -> str:
    """``text`` without the English adjectives before its settlement's or landmark's word: the
    listed ones (_ADJECTIVES), or any lower-case ones and a demonym before "city of X" and its
    kind (_EN_ADJECTIVE_SIZE). Russian ones go with the descriptors (_RU_ADJECTIVE_LEAD)."""
    match = _ADJECTIVES.match(text)
    if match:
        return text[match.end():]
    match = _EN_COMPASS_UNIT.match(text)  # (lower case only: it fails at a capital's first letter)
    if match:
        return text[match.end():]
    # The demonym is lower-cased only to be matched as an adjective; the name
    # after the settlement word is taken from ``text`` as written.
    # (Its "of" is lower case in any text it matches: most texts hold none, and skip the demonyms' pass.)
    match = _EN_ADJECTIVE_SIZE.match(_DEMONYM.sub(lambda m: m.group().lower(), text)) if "of" in text else None
    if match and not any(w in _WORD_KIND or w in ("of", "in", "near") for w in match.group("adjs").split()):
        return f"{match.group('word')} of {text[match.start('rest'):]}"
    match = _EN_ADJECTIVE_BETWEEN.search(text)
    if match and text[0].isupper():  # (a name before it: the match starts with a space)
        return f"{text[: match.start()]} {text[match.end():]}"
    return text


# A part of a town is the town: "the center of Stepanakert", "downtown Stepanakert"
# (not "the center of the Tartar region": that is the district's seat, a phrase below).
_NEARNESS = re.compile(r"^(?:just\s+)?(?:near|outside|around|close\s+to|not\s+far\s+from|(?:on\s+)?(?:the\s+)?"
                       r"outskirts\s+of|(?:the\s+)?(?:area|vicinity)\s+of|downtown"
                       r"|(?:in\s+)?(?:the\s+)?(?:heart|cent(?:er|re))\s+of(?!.*\s(?:region|district|rayon|raion|province|marz)$))"
                       r"\s+(?=\S)", re.IGNORECASE)


def _english_lead(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` without an English owner or nearness before the name, and the owner as context.

    What is left must still hold a name, a capitalised word no descriptor: in
    "Vagif's mausoleum" or "St Mary's Church" the possessive is the landmark's
    own name, not its owner, and the text stays whole.
    """
    context: tuple[str, ...] = ()
    for pattern in (_POSSESSOR, _NEARNESS, _CAPITAL):
        match = pattern.match(text)
        if match and any(w[:1].isupper() and w.casefold() not in _WORD_KIND for w in text[match.end():].split()):
            ctx = match.groupdict().get("ctx")
            if ctx:
                context += (ctx,)
            text = text[match.end():]
    return text, context


# The Azerbaijani press names a village by its district's genitive, without the
# word "rayonunun": "Cəbrayılın Horovlu kəndinə", "Laçının Sus kəndində",
# "Xocalının Şuşakənd kəndinə". The genitive ends in -ın/-in/-un/-ün after a
# consonant and in -nın/-nin/-nun/-nün after a vowel, its vowel in harmony with
# the stem's last vowel; "Laçının" and "Xocalının" read both ways (Laçın or Laçı,
# Xocalı or Xocalın), so both stems are given and the one naming no place is
# left unread. Only a text with a letter of the Azerbaijani alphabet, or ending in
# an Azerbaijani descriptor ("Cebrayilin Horovlu kendine"), is read so: "Verin
# Shorzha" and "Nerkin Hand" end their first word in -in too.
_GENITIVE_VOWEL = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "ə": "i", "i": "i", "ö": "ü", "ü": "ü"}
_AZE_MARKS = frozenset("əıöüşçğƏİÖÜŞÇĞ")


def aze_genitive_stems(word: str) -> tuple[str, ...]:
    """The stems an Azerbaijani genitive may come from: "Cəbrayılın" -> ("Cəbrayıl",),
    "Xocalının" -> ("Xocalı", "Xocalın"). Empty when ``word`` is no genitive."""
    low = word.replace("İ", "i").replace("I", "ı").lower()
    if len(low) != len(word) or len(low) < 6 or low[-1] != "n" or low[-2] not in "ıiuü":
        return ()
    stems = []
    for cut, after_vowel in ((3, True), (2, False)):
        if cut == 3 and low[-3] != "n":
            continue
        stem = low[:-cut]
        vowels = [c for c in stem if c in _GENITIVE_VOWEL]
        if len(stem) < 3 or not vowels or (stem[-1] in _GENITIVE_VOWEL) != after_vowel:
            continue
        if _GENITIVE_VOWEL[vowels[-1]] == low[-2]:
            stems.append(word[: len(stem)])
    return tuple(stems)


def _aze_owner(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` without an Azerbaijani genitive owner before the name, and the owner's stems."""
    first, _, rest = text.partition(" ")
    # Every genitive ends in "n" (aze_genitive_stems): a first word that does not is no owner, unread.
    if (not rest or first[-1:] not in ("n", "N") or not first[:1].isupper() or first.casefold() in _WORD_KIND
            or not (_AZE_MARKS.intersection(text) or _folded_descriptor(text))):
        return text, ()
    if not any(w[:1].isupper() and w.casefold() not in _WORD_KIND for w in rest.split()):
        return text, ()
    stems = aze_genitive_stems(first)
    return (rest, stems) if stems else (text, ())


#: Armenian genitive endings of a town's or unit's name before a village of its
#: own, with what the name ends in: "Մարտակերտի" is Martakert's, "Մարտունու" Martuni's.
_HY_GENITIVES = (("յի", ""), ("ի", ""), ("ու", "ի"))
#: Genitives before a name that say whose country or republic it is, not where:
#: read by ``_ARMENIAN_REPUBLIC`` below.
_HY_NOT_OWNERS = frozenset(("Արցախի", "Հայաստանի", "Ադրբեջանի", "Լեռնային"))


def _armenian_owner(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` without an Armenian genitive owner before the name, and the owner's stems.

    The Armenian press names a village by the genitive of its town or region,
    without the word "շրջանի": "Մարտակերտի Մեծ Շեն գյուղի" is the Mets Shen of
    Martakert, not the one of Shushi; "Վարդենիսի Կութ" is Kut of Vardenis. Only
    a capitalised genitive followed by a capitalised name is read so (a unit's
    word after it, "Մարտակերտի շրջանի Թալիշ", is the phrases' to read); the
    resolver reads the text whole again when no stem names a place, or when the
    whole is a place's name ("Սարի Սուրբ", "Լոռի Բերդ").
    """
    first, _, rest = text.partition(" ")
    if (not rest or script_of(text) != "Armn" or not first[:1].isupper() or first in _HY_NOT_OWNERS
            or not rest[:1].isupper() or rest.startswith("Հանրապետությ")
            or rest.split()[0].casefold() in _WORD_KIND):
        # "Լոռու Մարզ" is the province, its word capitalised: no owner.
        return text, ()
    stems = tuple(dict.fromkeys(first[: len(first) - len(ending)] + back for ending, back in _HY_GENITIVES
                                if first.endswith(ending) and len(first) - len(ending) >= 3))
    return (rest, stems) if stems else (text, ())


#: A country's or region's genitive after a Russian name says whose it is:
#: "Тавушской области Армении", "в Тертерском районе Азербайджана", "Мартуни
#: Нагорного Карабаха". Read as context, as English's "Tartar city of Azerbaijan" is.
_RU_COUNTRY_AFTER = re.compile(
    r"^(?P<name>\S.*?)\s+(?P<ctx>Азербайджана|Армении|Грузии|Ирана|Турции|России"
    r"|Республики\s+(?:Армения|Азербайджан)|Азербайджанской\s+Республики"
    # A region's, as a country's: "Мартуни Нагорного Карабаха" (not Armenia's Martuni).
    r"|Нагорного\s+Карабаха|Карабаха|Арцаха)$")
#: Their nominatives, as a context is read best (a region's genitive matches
#: its name only through the stems, which a context's strict reading skips).
_RU_COUNTRY_NOMINATIVE = {"Азербайджана": "Азербайджан", "Армении": "Армения", "Грузии": "Грузия",
                          "Ирана": "Иран", "Турции": "Турция", "России": "Россия",
                          "Нагорного Карабаха": "Нагорный Карабах", "Карабаха": "Карабах", "Арцаха": "Арцах"}
#: The words for several villages or towns: "у сел Воскепар и Баганис" names two,
#: and the first is read (the rest of the list is another place's).
_PLURAL_PLACE_WORDS = frozenset({"сел", "сёл", "селам", "селами", "селах", "деревень", "деревнях", "деревнями",
                                 "деревням", "районах", "районов", "районам", "районами",
                                 # "города Физули и Шуша": "города" before two names is the plural.
                                 "города", "городов", "городах", "городам", "сёла", "села",
                                 # The same in Azerbaijani and English: "Füzuli və Şuşa şəhərləri",
                                 # "Zabux və Sus kəndlərinə", "Aghavno and Sus villages".
                                 "şəhərləri", "şəhərlərində", "şəhərlərinə", "kəndləri", "kəndlərində",
                                 "kəndlərinə", "kəndlərinin", "kəndlərindən",
                                 "kəndlərini", "kəndlərindəki", "villages", "towns", "cities",
                                 # ... and in Turkish: "Berde ve Beylegan illerine", "Hocavend ve Ağdere
                                 # şehirleri", "Gence ve Mingeçevir kentlerine", "Fuzuli ve Cebrayıl bölgelerinde".
                                 "illeri", "illerine", "illerinde", "illerindeki", "illerinin", "şehirleri",
                                 "şehirlerinde", "şehirlerine", "şehirlerinden", "kentleri", "kentlerine",
                                 "kentlerinde", "kentlerinin", "köyleri", "köylerini", "köylerinin", "köylerinde",
                                 "köylerine", "bölgeleri", "bölgelerinde", "bölgelerine", "bölgelerindeki"})
_NAME_PAIR = re.compile(r"^(?P<first>[А-ЯЁ]\S*(?:\s+[А-ЯЁ]\S*)*?)\s+и\s+[А-ЯЁ]"
                        r"|^(?P<latin>[A-ZƏÜÖĞİŞÇ]\S*(?:\s+[A-ZƏÜÖĞİŞÇ]\S*)*?)\s+(?:və|ve|and)\s+[A-ZƏÜÖĞİŞÇ]")


_ARMENIAN_REPUBLIC = re.compile(
    r"^(?:(?:Արցախի|Հայաստանի|Լեռնային\s+Ղարաբաղի)\s+Հանրապետության|ՀՀ|ԼՂՀ|ԱՀ"
    r"|(?:Արցախի|Հայաստանի|Ադրբեջանի)(?!\s+Հանրապետությ))\s+(?=[Ա-Ֆ])")


#: A case ending after an apostrophe (Turkish: "Havalimanı'na", "Camii'nde") or a
#: hyphen (Azerbaijani after an abbreviation: "SES-in", "SES-ə"), on a landmark's word.
_CASE_AFTER_MARK = re.compile(r"(?<=\w)['’-](?:n?[ıiuüae]n?|y?[aeə]|[dt][aeə]n?|nd[aeə]n?|n[ıiuü]n|y[ıiuü]n?)$",
                              re.IGNORECASE)
#: Turkish writes a proper name's case ending after an apostrophe (the press also a
#: typographic one or a grave accent: "Hocalı'ya", "Gence’nin", "Berde`ye"), and a
#: sentence's words after it in lower case ("Gence'ye düzenlenen saldırıda"): the
#: name is what precedes the mark. The ending must keep the stem's vowel harmony
#: (front e/i/ü after a front vowel, back a/ı/u after a back one), which the
#: aspiration marks of Armenian romanizations ("Mart'uni", "T'alish") do not follow.
_TR_MARKS = "'’`´ʼ‘"
_TR_CASE = re.compile(r"^(?P<name>[^\W\d_][^'’`´ʼ‘]*?[^\W\d_])[" + _TR_MARKS + r"]"
                      r"(?P<case>(?:y?[aeıiuü]|n?[ıiuü]n|n[ae]|y?l[ae]|n?[dt][ae](?:n|ki)?)(?:ki)?)"
                      r"(?P<rest>(?:\s+[a-zçğıöşü][^\s'’`´ʼ‘]*)*)$")
_TR_BACK, _TR_FRONT = frozenset("aıou"), frozenset("eiöüə")


def _turkish_case(text: str) -> str | None:
    """The name before a Turkish case ending after an apostrophe, or None: "Hocalı'ya"
    is Hocalı, "Gence'ye düzenlenen saldırıda" Gence. Not when a landmark's word
    follows ("Şuşa'nın kalesi" is the fortress), nor against vowel harmony."""
    match = _TR_CASE.match(text.replace("I", "ı").replace("İ", "i").lower() if text.isupper() else text)
    if not match:
        return None
    name = match.group("name")
    vowels = [c for c in name.casefold().replace("i̇", "i") if c in _TR_BACK or c in _TR_FRONT]
    case = next(c for c in match.group("case") if c in "aeıiuü")
    if not vowels or (vowels[-1] in _TR_BACK) != (case in "aıu") or len(name) < 3:
        return None
    if match.group("rest") and not _LANDMARK_WORD_SET.isdisjoint(
            w.casefold() for w in match.group("rest").split()):
        return None
    return text[: len(name)]  # the text as written: the upper-cased copy only found the ending


#: A plant's number after its place's name: "Suqovuşan-1 Kiçik SES", "Sugovushan-2 hydropower plant".
_PLANT_NUMBER = re.compile(r"(?<=[^\W\d])-\d{1,2}(?=\s)")
#: A plant's word in any case ("SES-in", "Su Elektrik Stansiyasında", "ГЭС-1").
_PLANT_WORD = re.compile(r"\s(?:hpp|hydroelectric|hydropower|ses|гэс|ՀԷԿ|(?:kiçik\s+)?su\s+elektrik\s+stansiya)",
                         re.IGNORECASE)
_LANDMARK_WORD_SET = frozenset(w.casefold() for w in LANDMARK_WORDS if " " not in w)


_CAPITAL_OF = re.compile(r"^(?:(?:\S+?['’]s\s+)?capital|\S+?ի\s+մայրաքաղաք|столиц[аеуы]\s+\S+)\s+"
                         r"(?!(?:city|town)\b)(?P<name>[^\W\d_]\S*.*)$", re.IGNORECASE)
_ARTICLE_A = re.compile(r"^(?:an?|one)\s+", re.IGNORECASE)


def _landmark_without_case(text: str) -> str:
    """A landmark's word with its case ending cut off, and a plant's number: "Füzuli
    Uluslararası Havalimanı'na" is "Füzuli Uluslararası Havalimanı", "Suqovuşan-2 SES-in"
    "Suqovuşan SES" (a plant is read at its reservoir, PLANT_WORDS). Only a landmark's
    word loses its ending: a place's name ("Şuşa'da") is read by its stems as before."""
    case = _CASE_AFTER_MARK.search(text)
    if case and text[: case.start()].rsplit(None, 1)[-1].casefold() in _LANDMARK_WORD_SET:
        text = text[: case.start()]
    if "-" in text and _PLANT_NUMBER.search(text) and _PLANT_WORD.search(text):
        text = _PLANT_NUMBER.sub("", text)
    return text


def _parse_name(raw: str, *, owner: bool = True) -> ParsedName:
    text = unicodedata.normalize("NFKC", raw)
    if _HAS_QUOTE.search(text):
        text = text.translate(_QUOTE_TABLE)
    if "\u0561" <= max(text, default=" ") and _is_classical(text):
        text = _reformed_armenian(text)
    context: tuple[str, ...] = ()
    inner_names: tuple[str, ...] = ()
    if "(" in text or "[" in text:
        # A kind in brackets after the name, as encyclopedias title a page:
        # "Сарысу (озеро)", "Արաքս(գետ)" are the lake and the river, not context.
        text = _PAREN.sub(lambda m: f" {m.group('inner')} " if m.group("inner").strip().casefold() in _WORD_KIND
                          else m.group(0), text)
    if "(" in text or "[" in text:
        context = tuple(m.group("inner").strip() for m in _PAREN.finditer(text) if m.group("inner").strip())
        if text.rstrip()[-1:] not in ")]":
            # Words after the parenthesis ("Kashatagh (Lachin) corridor"): the
            # parenthesis is the other name of the place those words describe.
            inner_names = context
        text = _PAREN.sub(" ", text)
    text = " ".join(text.replace(",", " , ").split()) if "," in text else " ".join(text.split())
    if "-" in text:
        text = _HYPHEN_UNIT.sub(r" \g<word>", text)
    # "Sanasar, Gubadli district": what follows a comma is context.
    if " , " in text:
        head, *rest = [part.strip() for part in text.split(" , ")]
        # "Norashen, a village in the Tavush Province": the unit after the words.
        context += tuple(_appositive(part) for part in rest if part)
        text = head
    lead_kind = None
    dashed = _DASH_GLOSS.match(text) if ("—" in text or "–" in text or " - " in text) else None
    if dashed and (dashed.group("gloss").startswith(_GLOSS_STARTS) or _GLOSS_TAIL.search(dashed.group("gloss"))):
        # "Норашен — село в Тавушской области Армении": Norashen, in that province.
        context += _gloss(dashed.group("gloss"))
        text, lead_kind = dashed.group("name").strip(), "settlement"
    described = _LEAD_SENTENCE.match(text) if " " in text and not _LEAD_VERB_SET.isdisjoint(
        text.casefold().split()) else None
    if described:
        # "Norashen is a village in the Tavush Province of Armenia": Norashen, in that province.
        context += (described.group("ctx").strip(" .;:"),)
        text, lead_kind = described.group("name"), "settlement"
    text = text.strip(" .;:-–—")
    if " " in text and (text.casefold().endswith(_BIRTH_WORDS) or text[:1].isdigit() or text.startswith(BIRTH_LEADS)):
        # A biography's sentence around the place: its verb and year go, the place's words stay.
        text = _BIRTH_LEAD.sub("", _BIRTH_TAIL.sub("", text, count=1), count=1).strip() or text
    if ("nın " in text or "nin " in text) and " " in text:
        old_owner = _OLD_OWNER.match(text)
        if old_owner:
            # "Gəncə qəzasının Şəmkir dairəsinin Seyfəli kəndində": the village, in Şəmkir.
            if OLD_UNIT_OWNERS[old_owner.group("word").casefold()]:
                context += (old_owner.group("ctx"),)
            text = old_owner.group("name")
    lead = text
    owners: tuple[str, ...] = ()
    if " " in text:
        text, lead_owner = _english_lead(text)
        context += lead_owner
        if owner and not lead_owner:
            text, owners = _aze_owner(text)
            if not owners:
                text, owners = _armenian_owner(text)
            context += owners
        area_of = _RU_AREA_OF.match(text)
        if area_of:
            text = text[area_of.end():]
    if " " in text:
        text = _without_adjectives(text)
    if "'" in text or "’" in text or "`" in text:
        text = _turkish_case(text) or text
    if "'" in text or "’" in text:
        # French and Italian elide the article into the name: "pont d'Hakari";
        # and into a landmark's word before it: "l’aéroport international de Lachin".
        text = _ELIDED.sub(r"\1' ", _LEADING_ELISION.sub("", text, count=1))
    if ("'" in text or "-" in text) and " " in text:
        text = _landmark_without_case(text)
    if ("apital" in text or "մայրաքաղաք" in text or "толиц" in text) and " " in text:
        # "Artsakh's capital Stepanakert", "Արցախի մայրաքաղաք Ստեփանակերտ", "столица
        # Карабаха Степанакерт": the capital's owner says whose it is, and no more.
        capital = _CAPITAL_OF.match(text)
        if capital:
            # Armenian's word is a town's and stays as one ("մայրաքաղաք Ստեփանակերտից").
            text = ("մայրաքաղաք " if "մայրաքաղաք" in capital.group(0)[: capital.start("name")] else "") \
                + capital.group("name")
    if "Հանրապետության " in text or text.startswith(("ՀՀ ", "ԼՂՀ ", "ԱՀ ", "Արցախի ", "Հայաստանի ", "Ադրբեջանի ")):
        # The republic before a unit's or place's name says whose it is, and no
        # more: "Արցախի Հանրապետության Մարտակերտի շրջանի Թալիշ գյուղ", "ՀՀ Սյունիքի մարզ".
        text = _ARMENIAN_REPUBLIC.sub("", text, count=1) or text
    if " " in text and "\u0400" <= text[-1] <= "\u04ff":
        country = _RU_COUNTRY_AFTER.match(text)
        if country:
            ctx = " ".join(country.group("ctx").split())
            context += (_RU_COUNTRY_NOMINATIVE.get(ctx, ctx),)
            text = country.group("name")
    low = text.casefold()
    front_kind = None
    if _HAS_DIRECTION.search(low):
        if _FRONT_DIRECTION.search(text) and not _DIRECTION.match(text):
            front_kind = "district"
        text = _DIRECTION.sub("", text, count=1).strip() or text
        low = text.casefold()
    if low.endswith(TERRITORY_WORDS):
        text = _TERRITORY.sub("", text, count=1).strip() or text
        low = text.casefold()
    area = _ARMENIAN_AREA_OF_LANDMARK.match(text)
    if area:
        # "Սև լճի շրջանում" is the area of Sev Lake, not a unit named after a lake.
        text, low = area.group(1), area.group(1).casefold()
    phrase_kind = None
    phrases = _PHRASES if len(text) <= MAX_NAME and _HAS_PHRASE.search(low) else ()
    other = None
    in_place = None  # the place after "in" ("Juma Mosque in Aghdam"), if the name turns out a landmark's
    for pattern, ctx_form in phrases:
        match = pattern.match(text)
        if match and not _DROP.sub("", _DROP.sub("", match.group("name") + " ")).strip():
            # No name before the unit, only a preposition (and an article): "в
            # Тавушской области" is the province, not a place "в" in it; "in the
            # village of Aygavan in Ararat province" no place "in the".
            continue
        if match:
            near = "near " if match.groupdict().get("near") else ""
            if pattern is _OF_PLACE:
                # "the Syunik village of Shikahogh", "Karabakh town of Shushi":
                # the place named after "of", in the unit named before it.
                unit = _DROP.sub("", match.group("name").strip(), count=1).strip()
                after = _parse_name(match.group("ctx"))
                other = ParsedName(raw=raw, name=after.name, alternatives=after.alternatives,
                                   kind_hint=after.kind_hint or "settlement", context=context + after.context + (unit,),
                                   size_hint=after.size_hint or _SIZE_OF.get(match.group("word").casefold()))
            context += (ctx_form.format(ctx=match.group("ctx"), near=near),)
            text, phrase_kind = match.group("name").strip(), "settlement"
            if (pattern is _IN_PLACE or pattern is _ONE_IN) and not near:
                in_place = match.group("ctx")
            if pattern is _ONE_IN:
                # "the one in X" says nothing of what the named thing is.
                phrase_kind = None
            break
    if phrase_kind and "համայնքի " in text:
        # A province's community's settlement: "Սյունիքի մարզի Կապանի խոշորացված
        # համայնքի Դավիթ Բեկ գյուղը" names the community after the province.
        match = _ARMENIAN_COMMUNITY_PHRASE[0].match(text)
        if match:
            context += (match.group("ctx"),)
            text = match.group("name").strip()
    apart = APART_VANK.match(text) if not phrase_kind and text[-4:].casefold() == "vank" else None
    if apart:
        # "Gtichi vank": the monastery of Gtich, whose name is written joined.
        # No kind is read: a village may be named so too.
        lead_forms = vank_forms(apart.group("stem"), apart.group("link"))
    else:
        lead_forms = []
    words = (text.casefold() if phrase_kind else low).split()
    if words and (words[0] in _EDGE_WORDS or words[-1] in _EDGE_WORDS or _folded_descriptor(text)
                  or len(words) > 2 and words[1] in _RU_SETTLEMENT_WORDS
                  or len(words) > 2 and _RU_LANDMARK_ADJECTIVE_LEAD.match(text)):
        name, kind, size, word = _strip_words(text)
        pair = _NAME_PAIR.match(name) if word in _PLURAL_PLACE_WORDS else None
        if pair:
            first = pair.group("first") or pair.group("latin")
            rest = name[pair.end() - 1:].split()
            if " " not in first and len(rest) > 1 and norm_key(first) in _QUALIFIER_OF:
                # "Aşağı və Yuxarı Veysəlli kəndləri", "сел Верхний и Нижний Сирик": two
                # qualifiers share one name, and the first village is Aşağı Veysəlli.
                first = f"{first} {' '.join(rest[1:])}"
            name = first
    else:
        name, kind, size, word = text, None, None, None  # no descriptor: most names, spared the patterns
    kind = kind or phrase_kind or front_kind or lead_kind
    if kind in ("district", "province") and name != text and name.endswith("ի") and len(name) > 3:
        # Armenian puts the name in the genitive before "marz"/"shrjan":
        # "Սյունիքի մարզ" is Syunik province.
        name = name[:-1]
    if not name:
        # The whole string was a descriptor ("district"): keep it so the
        # caller reports a not-found name rather than an empty one.
        name = text
    alternatives = [lead] if lead != text else []  # the text as written is still tried whole
    named_by = None  # a landmark's word read off a folded Azerbaijani ending
    alternatives += lead_forms
    if word in _ARMENIAN_COMMUNITY_WORDS and name.endswith("ի") and len(name) > 3:
        # An enlarged community named for its seat in the genitive: "Կապանի
        # խոշորացված համայնք" is Kapan's; the name as written is tried first.
        alternatives.append(name[:-1])
    if name != text:
        alternatives.append(text)
        if word in UNIT_CASES and text.casefold().endswith(word):
            alternatives.append(f"{text[: len(text) - len(word)].rstrip()} {UNIT_CASES[word]}")
        if word in UNIT_AS_RAION and kind in ("district", "area"):
            alternatives += [f"{name} rayonu", f"{name} raion"]
        # "the Hakari bridge" is the landmark named "Hakari bridge": an
        # article before a name that is whole only with its word.
        bare = _DROP.sub("", text, count=1).strip()
        if bare and bare != text:
            alternatives.append(bare)
        if kind == "landmark":
            described = _RU_LANDMARK_ADJECTIVE_LEAD.match(text)
            if described:
                # "азербайджанского КПП на мосту Хакари" is the landmark "КПП на мосту Хакари".
                alternatives.append(text[described.end():])
            alternatives += landmark_word_orders(text, name)
            if word and name:
                alternatives += landmark_case_forms(name, word)
                if script_of(name) == "Cyrl" and " " not in name:
                    # "Маргаринский КПП", "Амулсарского месторождения", "Ишханасарские
                    # высоты": the adjective's stem is the name, as a stored name holds it
                    # with the word ("КПП Маргара", "Amulsar").
                    nominative, low_name = LANDMARK_CASES.get(word, word), name.casefold()
                    for suffix, stems in _LANDMARK_ADJECTIVE_STEMS:
                        if low_name.endswith(suffix) and len(name) > len(suffix) + 2:
                            for form in (name[: -len(suffix)] + end for end in stems):
                                alternatives += [form, f"{form} {nominative}", f"{nominative} {form}"]
                            break
                english = (ARMENIAN_LANDMARK_ENGLISH.get(LANDMARK_CASES.get(word, word))
                           or RUSSIAN_LANDMARK_ENGLISH.get(LANDMARK_CASES.get(word, word))
                           or CHURCH_AS_MONASTERY.get(word))
                if english:
                    alternatives += [f"{n} {english}" for n in (name, *inflection_stems(name))]
                others = LANDMARK_SYNONYMS.get(LANDMARK_CASES.get(word) or AZE_LANDMARK_CASES.get(word) or word)
                if others:
                    # "Zod gold deposit" is the mine stored as "Zod gold mine".
                    alternatives += [form for other in others for form in (f"{name} {other}", f"{other} {name}")]
                if word in VANK_WORDS and " " not in name and script_of(name) == "Latn" and name[:1].isupper():
                    alternatives += vank_forms(name)
        if kind == "landmark" and name and text.casefold().startswith(name.casefold()):
            alternatives += [inner + text[len(name):] for inner in inner_names]
        if kind == "district" and word in _RU_UNIT_WORDS:
            # "Шушинском районе" is the district whose name is "Шушинский район".
            ending = next((e for e in _RU_OBLIQUE_ADJECTIVE if name.casefold().endswith(e)), None)
            if ending and len(name) > len(ending) + 2:
                alternatives.append(f"{name[: -len(ending)]}ский район")
        folded = _folded_descriptor(text) if kind == "landmark" else None
        if folded:
            # "Xudafərin körpüsündə" is on the landmark named "Xudafərin körpüsü".
            found_word = _descriptor_word(folded.group('word'))
            alternatives.append(f"{name} {found_word}")
            alternatives += [f"{name} {other}" for other in LANDMARK_SYNONYMS.get(found_word, ())]
            named_by = named_by or found_word
    if in_place:
        # "Juma Mosque in Aghdam", "the airport in Lachin": a landmark a name holds
        # with its place's name first ("Aghdam Juma Mosque", "Lachin airport").
        described = _ARTICLE_A.sub("", _DROP.sub("", text, count=1).strip(), count=1)
        if kind == "landmark" or _WORD_KIND.get(described.casefold()) == "landmark":
            alternatives.append(f"{_parse_name(in_place, owner=False).name} {described}")
            kind = "landmark"  # the word alone before "in" ("the airport in Lachin") is no village's name
        elif phrase_kind is None:
            # "Laçındakı sərhəd-buraxılış məntəqəsi": whatever stands in X may hold X's name first.
            alternatives.append(f"{_parse_name(in_place, owner=False).name} {described}")
    if front_kind and kind == "district":
        # "на Агдеринском направлении" is the front of the district named
        # "Агдеринский район", as "Шушинском районе" is.
        ending = next((e for e in _RU_OBLIQUE_ADJECTIVE if name.casefold().endswith(e)), None)
        if ending and len(name) > len(ending) + 2:
            alternatives.append(f"{name[: -len(ending)]}ский район")
    low = name.casefold()
    unit = kind in ("district", "province", "area")
    adjectives = _ADJECTIVE_STEMS + (_LATIN_ADJECTIVE_STEMS if unit else ())
    for suffix, stems in adjectives if low.endswith(_UNIT_ADJECTIVE_ENDINGS if unit else _ADJECTIVE_ENDINGS) else ():
        if low.endswith(suffix) and len(name) > len(suffix) + 2:
            base = name[: -len(suffix)]
            alternatives += [base + end for end in stems]
            if kind == "district" and (word in _RU_UNIT_WORDS or front_kind) and script_of(base) == "Cyrl":
                # The Azerbaijani MoD's Russian names Armenia's raions by their
                # Azerbaijani names ("Горусского района" is Gorus rayonu, Goris's
                # raion, whose Russian name is "Горисский район").
                alternatives += [f"{base + end} rayonu" for end in stems]
            break
    words = name.split(maxsplit=1)
    meaning = (_QUALIFIER_OF.get(norm_key(words[0])) or _ABBREVIATED_QUALIFIERS.get(words[0].casefold())
               if len(words) == 2 else None)
    if meaning:
        # A qualifier in another language or spelling: "Lower Sirik" is Aşağı Sirik.
        forms = [form for form in _QUALIFIER_FORMS[meaning] if norm_key(form) != norm_key(words[0])]
        alternatives += [f"{form} {words[1]}" for form in forms]
        if kind == "landmark":
            # ... and in the landmark's forms with its word: "Yukarı Gövher Ağa Camii" is
            # the "Yuxarı Gövhər Ağa məscidi".
            lead = words[0] + " "
            alternatives += [form + alt[len(words[0]):] for alt in alternatives if alt.startswith(lead)
                             for form in forms[:1]]
    else:
        # A qualifier after the name, as Russian sources and Roman numerals put
        # it: "Агалы II" and "Agali II" are İkinci Ağalı, "Махмудлу Третье" Üçüncü Mahmudlu.
        words = name.rsplit(maxsplit=1)
        meaning = _QUALIFIER_OF.get(norm_key(words[-1])) if len(words) == 2 else None
        if meaning:
            alternatives += [f"{form} {words[0]}" for form in _QUALIFIER_FORMS[meaning]]
    if " " in name and script_of(name) == "Cyrl":
        feminine = ru_feminine_nominative(name)
        if feminine:
            alternatives.append(feminine)
    if inner_names and kind == "landmark":
        # "Buzdux (Buzluq) dağı": the bracket is the landmark's other name, tried
        # with its word above, not a place it lies near.
        context = tuple(c for c in context if c not in inner_names)
    parsed = ParsedName(raw=raw, name=name, kind_hint=kind, context=context,
                        alternatives=tuple(dict.fromkeys(a for a in alternatives if a != name)), size_hint=size)
    if owners:
        parsed.__dict__["owners"] = owners
    # Set after __init__ (as owners is): most names have neither, and the
    # constructor stays the one dict a look-up makes.
    if kind and word:
        parsed.__dict__["worded"] = True
    if kind == "landmark" and (word or named_by):
        nominative = LANDMARK_CASES.get(word) or AZE_LANDMARK_CASES.get(word) or word or named_by
        if nominative in RESERVOIR_WORDS:
            parsed.__dict__["not_type"] = "river"
        elif nominative in RIVER_WORDS:
            parsed.__dict__["not_type"] = "reservoir"
        elif nominative in PLANT_WORDS:
            parsed.__dict__["only_types"] = ("power_plant", "reservoir")
    if other is not None:
        parsed.__dict__["other_reading"] = other
    return parsed


#: What the press says lies in a place, after the place's genitive: its school,
#: quarters, outskirts, residents, fields, positions, streets, centre, head.
_ARMENIAN_PLACE_HEADS = ("դպրոց", "թաղամաս", "ծայրամաս", "բնակիչ", "դաշտ", "դիրք", "փողոց", "կենտրոն",
                         "հիվանդանոց", "մատույց", "շրջակայք", "տներ", "բակ", "գերեզմանոց", "ղեկավար",
                         "վարչական", "արոտավայր", "այգի")


def armenian_name_parts(name: str) -> list[str]:
    """The proper-name part of an Armenian phrase lifted whole from a sentence.

    Armenian capitalises names and not common nouns, so the words around the
    capitalised run are the sentence's: "Աղավնոյի դպրոցի" (Aghavno's school),
    "մայրաքաղաք Ստեփանակերտին", "Ստեփանակերտի ծայրամասային թաղամասերից". A
    genitive before a second name is its owner: "Արցախի Փառուխ" is Parukh of
    Artsakh, "Վարդենիսի Կութ" Kut of Vardenis. Returns the run, then the run
    without its owner; nothing when the phrase is one word or all name.
    """
    words = name.split()
    if len(words) < 2 or script_of(name) != "Armn":
        return []
    capital = [w[:1].isupper() and script_of(w) == "Armn" for w in words]
    if True not in capital:
        return []
    start = capital.index(True)
    end = start
    while end < len(words) and capital[end]:
        end += 1
    last = len(words)
    while last > 0 and capital[last - 1]:
        last -= 1
    if start < last < len(words) and words[last - 1].endswith(("ի", "ու")):
        # An owner of two words before the name, its second in lower case:
        # "Վայոց ձորի Խաչիկ" is Khachik of Vayots Dzor.
        return [" ".join(words[last:])]
    run = words[start:end]
    if end < len(words) and not (run[-1].endswith(("ի", "ու"))
                                 and words[end].casefold().startswith(_ARMENIAN_PLACE_HEADS)):
        # Words after a name are the sentence's only after its genitive, and only
        # words for what lies in a place ("Աղավնոյի դպրոցի", Aghavno's school):
        # "Քարին տակ" is a name of two words, "Կապանի տարածաշրջան" a unit.
        return []
    out = [" ".join(run)] if len(run) < len(words) else []
    if len(run) >= 2 and run[0].endswith(("ի", "ու")) and len(run[0]) > 3:
        out.append(" ".join(run[1:]))
    return out


#: Russian nouns a headline starts with before a place's genitive, capitalised
#: there as the sentence's first word: "Жители Талиша" (the residents of Talish),
#: "Глава Шурнуха". Lower case elsewhere, where the capitals alone tell the name.
_RU_PLACE_HEADS = frozenset({"жители", "жителей", "жителям", "жителями", "житель", "жителя", "жительница",
                             "жительницы", "глава", "главы", "староста", "старосты", "центр", "центра",
                             "окраина", "окраины", "окраине", "окрестности", "окрестностях"})


def russian_name_parts(name: str) -> list[str]:
    """The capitalised name at the end of a Russian phrase lifted whole from a sentence.

    Russian capitalises names and not common nouns, so lower-case words before
    the last capitalised run are the sentence's: "после сдачи Карвачара" (after
    Karvachar's handover), "до центра Шурнуха", "армянского Воскепар". A first
    word capitalised as a headline's is dropped only when it is a noun listed
    above ("Жители Тертера"): "Верин Воскепар" is a name of two words. Returns
    the run; nothing when the phrase is one word or all name.
    """
    words = name.split()
    if len(words) < 2 or script_of(name) != "Cyrl":
        return []
    last = len(words)
    while last > 0 and words[last - 1][:1].isupper():
        last -= 1
    if last == len(words):
        return []
    if last == 0:
        return [" ".join(words[1:])] if words[0].casefold() in _RU_PLACE_HEADS else []
    dropped = [w.casefold() for w in words[:last]]
    if any(_WORD_KIND.get(w) not in (None, "settlement")
           for w in dropped + [f"{a} {b}" for a, b in zip(dropped, dropped[1:])]):
        # A landmark's or a unit's word among them ("пограничного пункта пропуска
        # Лачин"): the name is that landmark's or unit's, not a place of its own.
        return []
    return [" ".join(words[last:])]
