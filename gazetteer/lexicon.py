"""The words a source puts around a place's name, per language: the lexicon
``gazetteer.parsing`` compiles into its patterns once, at import. Kept apart
from the code that reads them, as data: a word added here needs no change to
the parse, and each entry's comment says which texts write it so.

Each is matched as whole words on the case-folded text.
"""

from __future__ import annotations

__all__ = ["DISTRICT_WORDS", "PROVINCE_WORDS", "REGION_WORDS", "VILLAGE_WORDS", "TOWN_WORDS", "SETTLEMENT_WORDS",
           "LOCALITY_WORDS", "LANDMARK_WORDS", "LANDMARK_CASES", "AZE_POSSESSIVE_CASES", "TERRITORY_WORDS",
           "UNIT_CASES", "UNIT_AS_RAION", "DROP_WORDS", "DIRECTION_WORDS"]


# Words that say what kind of place a name is, in the languages of the press.
# Matched as whole words on the case-folded text.
DISTRICT_WORDS = (
    "district", "districts", "rayon", "rayonu", "raion", "rajon", "region of",
    "район", "р-н", "районе", "района", "շրջան", "շրջանը", "şəhər rayonu",
    # The Russian abbreviation in its cases ("Тертерского р-на").
    "р-на", "р-не",
    # The plural after two adjectives, as the Azerbaijani MoD names two fronts
    # ("в Кельбаджарском и Лачинском районах"): the first is read.
    "районах", "районов", "районам", "районами",
    # Azerbaijani case endings, as official lists write the district of a village.
    "rayonunun", "rayonunda", "rayonundakı", "rayonundan", "rayonuna",
    # The plural a defence ministry puts after two names ("Gorus və Qafan rayonları
    # ərazisində"): each name is a unit all the same.
    "rayonları", "rayonlarının", "rayonlarında", "rayonlarından", "rayonlarına",
    # Armenian genitive, locative and ablative ("Զանգելանի շրջանի", "Քաշաթաղի շրջանում",
    # "շրջանից"), Turkish, German, French and Spanish press.
    "շրջանի", "շրջանում", "շրջանից", "ilçesi", "ilçesinin", "ilçesinde", "ilçesine", "bölgesi", "bölgesinin", "bölgesinde",
    "bezirk", "bezirks", "rayon de", "district de", "distrito", "distrito de",
    # The French and Spanish press's Artsakh region, as English's "region of": "la
    # commune de Vazgenashen de la région de Martouni".
    "région de", "région d'", "region de", "región de",
    # Turkish "il" for Nakhchivan's districts ("Sederek iline bağlı", "Sederek ilinin").
    "ili", "iline", "ilinin", "ilinde", "ilindeki",
    # The administrative raion, as Azerbaijani and Russian science reports call a
    # Soviet raion of Armenia ("Qafan inzibati rayonu ərazisindən", "по территории
    # Кафанского административного района"), and the genitive the press clips
    # ("Qafan rayonun mərkəzinə", "Ağdərə rayonun inzibati mərkəzi").
    "inzibati rayonu", "inzibati rayonunun", "inzibati rayonunda", "inzibati rayonundan", "inzibati rayonuna",
    "rayonun",
    "административный район", "административного района", "административном районе",
    "административному району", "административным районом",
    # Russian plural after the last of several names ("Мартакертского, Аскеранского и
    # Мартунинского районов", "в Мардакертском, Мартунинском и Шушинском районах"), and
    # the Armenian ("Ղազախի, Աղստաֆայի և Թովուզի շրջաններում"): each name is a unit.
    "районов", "районах", "районам", "районами",
    "շրջաններ", "շրջանները", "շրջաններում", "շրջանների", "շրջաններից",
)
PROVINCE_WORDS = (
    "province", "marz", "մարզ", "մարզը", "область", "provinces", "oblast",
    # The Russian word in the case a sentence leaves it in ("в Тавушской области").
    "области", "областью", "марза", "марзе", "обл.", "обл",
    # Azerbaijani for Armenia's marzes: "Tavuş vilayəti", "Sünik mərzi".
    "vilayəti", "vilayət", "vilayətinin", "vilayətində", "vilayətindən", "mərzi", "mərz",
    "մարզի", "մարզում", "մարզից", "provinz", "provincia", "provincia de", "province de",
)
REGION_WORDS = ("region", "regions", "регион", "республика", "republic")
# Village and town apart: "Zəngilan kəndi" is a village, "Zəngilan şəhəri" the town.
VILLAGE_WORDS = (
    "village of", "the village of", "village", "villages", "hamlet",
    # The press's "the border village of Khnatsakh": a village all the same.
    "border village of", "the border village of", "border village",
    # A report introducing a place it expects the reader not to know: "a
    # village called Karintak", "a town named Chartar".
    "village called", "a village called", "village named", "a village named",
    "kəndi", "kendi", "kənd", "kend", "kəndində", "kəndindən", "kəndinin", "kəndinə", "kəndindəki",
    "село", "селе", "села", "деревня", "деревне", "գյուղ", "գյուղը", "գյուղում",
    # The other Russian cases, and селение, the older word agencies keep ("вокруг селения Мадагиз").
    "селу", "селом", "деревни", "деревню", "деревней", "селение", "селения", "селении", "селению",
    # The plural, as a report names two or more ("у сел Воскепар и Баганис", "над
    # селами Баганис Айрым, Ашагы Аскипара...", "в селах Шушакенд и Тагаверд").
    "сел", "сёл", "селам", "селами", "селах", "деревень", "деревнях", "деревнями", "деревням",
    # Russian abbreviations: "с. Талыш", "дер. Чинари".
    "с.", "дер.", "д.",
    "köyü", "köyünü", "köyünde", "köyüne", "köy", "dorf", "village de", "aldea", "aldea de", "pueblo", "pueblo de",
    "villaggio", "villaggio di",
    # Armenian genitive and plural ("Բերքաբեր գյուղի", "գյուղերում"), Azerbaijani plural.
    "գյուղի", "գյուղերում", "գյուղեր", "kəndləri", "kəndlərində",
    # Armenian dative and ablative ("Մովսես գյուղին", "գյուղից"), and the village
    # head after the name's genitive ("Աղավնոյի գյուղապետ").
    "գյուղին", "գյուղից", "գյուղապետ", "գյուղապետը",
    # Armenian plural with the article, as a report lists several ("Կարմիր Շուկա
    # և Թաղավարդ գյուղերն", "Ստեփանակերտ և Շուշի քաղաքները"): the last name.
    "գյուղերը", "գյուղերն", "գյուղերի", "գյուղերից",
    # The article before a vowel: "Արցախի Սղնախ գյուղն է" (is the village of Sghnakh).
    "գյուղն",
    # A rural community: "Լիսագոր գյուղական համայնքում".
    "գյուղական համայնք", "գյուղական համայնքը", "գյուղական համայնքի", "գյուղական համայնքում",
    "գյուղական համայնքից",
)
TOWN_WORDS = (
    "town of", "the town of", "city of", "the city of", "town", "city",
    "town called", "a town called", "town named", "a town named", "city called", "a city called",
    "şəhəri", "seheri", "sheheri", "şəhər", "şəhərində", "şəhərindən", "şəhərinin", "şəhərinə", "şəhərindəki",
    "город", "городе", "города", "городу", "городом", "г.", "гор.", "քաղաք",
    # The diminutive a reporter uses for a small town ("городок Мартуни").
    "городок", "городке", "городка", "քաղաքը", "քաղաքում",
    # Armenian genitive, dative, ablative ("Մարտակերտ քաղաքի"), and the mayor.
    "քաղաքի", "քաղաքին", "քաղաքից", "քաղաքապետ", "քաղաքապետը",
    "քաղաքները", "քաղաքներն", "քաղաքներում", "քաղաքների",
    # An urban community, and Shushi's "fortress town".
    "քաղաքային համայնք", "քաղաքային համայնքը", "քաղաքային համայնքի", "քաղաքային համայնքում",
    "քաղաքային համայնքից", "բերդաքաղաք", "բերդաքաղաքը", "բերդաքաղաքի", "բերդաքաղաքում", "բերդաքաղաքից",
    # A district's or province's seat, and the capital, are towns: "Մարտունի
    # շրջկենտրոնից" (from the district centre Martuni), "մայրաքաղաք Ստեփանակերտից".
    "շրջկենտրոն", "շրջկենտրոնը", "շրջկենտրոնի", "շրջկենտրոնից", "շրջկենտրոնում",
    "մարզկենտրոն", "մարզկենտրոնը", "մարզկենտրոնի", "մարզկենտրոնից", "մարզկենտրոնում",
    "մայրաքաղաք", "մայրաքաղաքը", "մայրաքաղաքի", "մայրաքաղաքում",
    "kasabası", "kasabasını", "kasabasında", "kasaba", "şehri", "kenti", "stadt", "ville", "ville de",
    "ciudad", "ciudad de",
)
SETTLEMENT_WORDS = (
    "settlement", "township", "qəsəbəsi", "qesebesi", "qəsəbə",
    "qəsəbəsinin", "qəsəbəsində", "qəsəbəsindən", "qəsəbəsinə",
    "посёлок", "поселок", "посёлке", "поселке", "поселка", "посёлка", "поселку", "посёлку", "поселком",
    "посёлком", "пгт", "пос.", "п.", "ավան", "ավանը", "ավանում", "ավանի", "ավանից",
)
# A place people live in, of no size: a locality, a community. An Armenian
# municipality is named for its village: "Խրամորթ համայնք".
LOCALITY_WORDS = (
    # "Goris Municipality", "Vardenis urban community": Armenia's communities are named for their seat.
    "community", "municipality", "urban community", "rural community", "enlarged community",
    # The same merged communities as other English texts call them ("Kapan consolidated
    # community", "Sisian enlarged municipality"), and Russian "укрупнённая община".
    "consolidated community", "enlarged municipality", "consolidated municipality",
    *(f"{adj} {noun}" for adj, noun in (("укрупненная", "община"), ("укрупнённая", "община"),
                                        ("укрупненной", "общины"), ("укрупнённой", "общины"),
                                        ("укрупненной", "общине"), ("укрупнённой", "общине"))),
    "yaşayış məntəqəsi", "yaşayış məntəqəsinin", "բնակավայր", "բնակավայրը", "բնակավայրի",
    # Turkish "yerleşke", a settlement of no stated size ("Heyderabad yerleşkesindeki").
    "yerleşkesi", "yerleşkesinde", "yerleşkesindeki", "yerleşkesine", "yerleşke",
    "համայնք", "համայնքը", "համայնքի", "համայնքապետ", "համայնքապետը",
    # Armenia's enlarged communities (2016-2021 mergers), named for their seat in the
    # nominative or the genitive: "Քաջարան խոշորացված համայնքը", "Կապանի խոշորացված համայնք".
    "խոշորացված համայնք", "խոշորացված համայնքը", "խոշորացված համայնքի", "խոշորացված համայնքում",
    "խոշորացված համայնքից",
    # The same words in the locative, ablative and dative: "Սոթք համայնքում".
    "համայնքում", "համայնքից", "համայնքին", "բնակավայրում", "բնակավայրից", "բնակավայրին",
    # The plural after the last of several names ("Վերիշեն, Սոթք բնակավայրերում").
    "բնակավայրեր", "բնակավայրերը", "բնակավայրերում", "բնակավայրերի", "բնակավայրերից",
    "համայնքներ", "համայնքները", "համայնքներում", "համայնքների", "համայնքներից",
    # Russian: a locality ("в районе населенного пункта Мадагиз") and an Armenian
    # community ("общины Тех"), in the cases a sentence puts them.
    *(f"{stem}{ending} {noun}" for stem in ("населенн", "населённ") for ending, noun in (
        ("ый", "пункт"), ("ого", "пункта"), ("ом", "пункте"), ("ому", "пункту"), ("ым", "пунктом"))),
    "община", "общины", "общине", "общину", "общиной",
)
# Landmarks the press names daily: checkpoints, bridges, lakes, reservoirs,
# heights and mountains, monasteries, the corridor.
_LANDMARK_WORDS = (
    "checkpoint", "check-point", "checkpoint of", "border checkpoint", "border crossing", "crossing point",
    "bridge", "bridges", "bridge of", "lake", "lake of", "reservoir", "water reservoir", "heights", "height",
    "hill", "mountain", "mount", "mt", "peak", "monastery", "monastery of", "church", "cathedral", "corridor",
    "mountain pass", "pass", "airport", "international airport", "airfield", "fortress", "cave",
    "temple", "mosque", "waterfall", "caravanserai", "tomb", "mausoleum",
    # Heritage texts name a monastery with its buildings: "Khudavang Monastery
    # complex", "Gtchavank monastic complex".
    "monastery complex", "monastic complex", "temple complex", "church complex",
    "monument", "memorial",
    "karvansarayı", "karvansaray", "türbəsi", "türbə", "məqbərəsi", "kervansarayı", "kervansaray", "türbesi",
    "köprüsü", "kalesi", "manastırı", "kilisesi", "camii",
    "քարավանատուն", "քարավանատունը", "դամբարան", "դամբարանը", "վանական համալիր", "վանական համալիրը",
    "караван-сарай", "караван-сарая", "мавзолей", "мавзолея", "гробница",
    "körpüsü", "körpüləri", "körpü", "gölü", "su anbarı", "anbarı", "yüksəkliyi", "yüksəklikləri",
    "yüksəkliklər", "zirvəsi", "dağı", "dağları", "silsiləsi", "dağ silsiləsi", "monastırı", "monastır", "məbədi", "kilsəsi",
    "hava limanı", "beynəlxalq hava limanı", "qalası", "qalaları", "məscidi", "şəlaləsi", "aeroportu", "mağarası", "buraxılış məntəqəsi", "keçid məntəqəsi", "nəzarət-buraxılış məntəqəsi", "postu", "dəhlizi", "aşırımı",
    "կամուրջ", "կամուրջը", "կամուրջներ", "լիճ", "լիճը", "ջրամբար", "ջրամբարը", "բարձունք", "բարձունքը",
    "բարձունքներ", "լեռ", "լեռը", "լեռներ", "վանք", "վանքը", "եկեղեցի", "անցակետ", "անցակետը", "միջանցք",
    "միջանցքը", "լեռնանցք", "օդանավակայան", "օդանավակայանը", "միջազգային օդանավակայան", "քարանձավ",
    "տաճար", "ամրոց", "ամրոցը", "մզկիթ", "մզկիթը", "ջրվեժ", "ջրվեժը",
    "мост", "мосты", "мосту", "озеро", "озера", "водохранилище", "водохранилища", "высота", "высоты", "высоте",
    "гора", "горы", "монастырь", "монастыря", "кпп", "пропускной пункт", "контрольно-пропускной пункт",
    "блокпост", "коридор", "перевал", "вершина", "аэропорт", "международный аэропорт", "аэродром",
    "крепость", "пещера", "храм", "церковь", "часовня", "собор", "мечеть", "водопад",
    # Mines, ranges and crossings (toponyms-landmarks2.csv).
    "gold mine", "deposit", "gold deposit", "mountain range", "range",
    "yatağı", "qızıl yatağı", "mədəni", "qızıl mədəni", "silsiləsi",
    # The road the press names as a place: "Laçın yolu" is the corridor's road.
    "yolu",
    "рудник", "хребет", "пункт пропуска",
    # French and Italian put the word first, joined by "de"/"di" ("pont d'Hakari",
    # "corridor de Latchine", "bacino idrico di Sarsang"): _FOREIGN_LANDMARK reads them.
    *(f"{word} {link}" for word in ("pont", "corridor", "lac", "monastère", "forteresse", "réservoir")
      for link in ("de", "d'", "du")),
    *(f"{word} {link}" for word in ("ponte", "corridoio", "lago", "monastero", "fortezza", "bacino idrico")
      for link in ("di", "del", "d'")),
    "հանք", "հանքավայր", "ոսկու հանք", "ոսկու հանքավայր", "մաքսակետ", "մաքսային անցակետ", "ատոմակայան",
    # Rivers, which the border and pollution reports name daily ("the Hakari River",
    # "Tərtər çayı", "реки Охчучай", "Արփա գետի"), and a range's Russian name with its
    # adjective ("вершину Муров горного хребта Муровдаг"). A river is a landmark: a
    # text that names one never means the village of the same name.
    "river", "rivers", "river of", "çayı", "çay", "river basin",
    "река", "реки", "реку", "реке", "рекой", "горный хребет",
    "գետ", "գետը", "գետի", "գետում", "գետից", "գետով",
    # A ridge and a summit ("the Murovdag ridge", "Իշխանասարի գագաթ", "Մռավի
    # լեռնաշղթա"), and a monastery with its buildings in Azerbaijani ("Xudavəng
    # monastır kompleksi").
    "ridge", "ridges", "mountain ridge", "գագաթ", "գագաթը", "լեռնաշղթա", "լեռնաշղթան",
    "monastır kompleksi", "monastır kompleksinin", "monastır kompleksində",
)
# A landmark's word in the case a sentence leaves it in, and the word as a
# name holds it: "моста Маргара" is мост Маргара, "Սև լճի" Սև լիճ, "Sərsəng su
# anbarının" Sərsəng su anbarı. The word's nominative is put back beside the
# name, so the landmark's own name matches as written.
LANDMARK_CASES = {
    "коридора": "коридор", "коридоре": "коридор", "коридором": "коридор", "коридору": "коридор",
    "горе": "гора", "гору": "гора", "горой": "гора", "высоту": "высота", "моста": "мост", "мостом": "мост",
    "озера": "озеро", "озере": "озеро", "водохранилища": "водохранилище", "водохранилищем": "водохранилище",
    "высоты": "высота", "высоте": "высота", "горы": "гора", "мосту": "мост", "монастыря": "монастырь", "аэропорта": "аэропорт", "аэропорту": "аэропорт",
    "мечети": "мечеть", "пещеры": "пещера", "пещере": "пещера", "крепости": "крепость", "церкви": "церковь",
    "монастыре": "монастырь", "перевала": "перевал", "хребта": "хребет", "рудника": "рудник",
    "руднике": "рудник", "пункте пропуска": "пункт пропуска",
    "высотах": "высоты", "высотами": "высоты", "высотам": "высоты",
    # The locative and ablative of a mine: "Ամուլսարի հանքավայրում".
    "հանքավայրում": "հանքավայր", "հանքավայրից": "հանքավայր", "հանքում": "հանք", "հանքից": "հանք",
    "ամրոցում": "ամրոց", "ամրոցի": "ամրոց",
    "пункта пропуска": "пункт пропуска",
    "мосте": "мост", "мостов": "мосты", "мостам": "мосты", "мостами": "мосты", "мостах": "мосты",
    "водохранилищу": "водохранилище", "озеру": "озеро", "озером": "озеро", "перевалу": "перевал",
    "перевалом": "перевал", "перевале": "перевал", "хребту": "хребет", "хребтом": "хребет", "хребте": "хребет",
    "горой": "гора", "высотой": "высота", "монастырю": "монастырь", "монастырём": "монастырь",
    "монастырем": "монастырь",
    "реки": "река", "реку": "река", "реке": "река", "рекой": "река", "вершину": "вершина",
    "вершины": "вершина", "вершине": "вершина", "горного хребта": "горный хребет",
    "горном хребте": "горный хребет", "горному хребту": "горный хребет",
    "գետի": "գետ", "գետը": "գետ", "գետում": "գետ", "գետից": "գետ", "գետով": "գետ",
    "լճի": "լիճ", "ջրամբարի": "ջրամբար", "կամրջի": "կամուրջ", "անցակետի": "անցակետ", "միջանցքի": "միջանցք",
    "եկեղեցին": "եկեղեցի", "եկեղեցու": "եկեղեցի", "լեռան": "լեռ", "վանքի": "վանք", "հանքը": "հանք",
    "հանքի": "հանք", "հանքավայրը": "հանքավայր", "հանքավայրի": "հանքավայր", "ոսկու հանքը": "ոսկու հանք",
    "ոսկու հանքի": "ոսկու հանք", "ոսկու հանքավայրը": "ոսկու հանքավայր", "ոսկու հանքավայրի": "ոսկու հանքավայր",
    "մաքսակետը": "մաքսակետ", "ատոմակայանը": "ատոմակայան", "ատոմակայանի": "ատոմակայան",
    # The locative and ablative: "Հակարիի կամրջում", "Սարսանգի ջրամբարից".
    "անցակետում": "անցակետ", "անցակետից": "անցակետ", "կամրջում": "կամուրջ", "կամրջից": "կամուրջ",
    "լճում": "լիճ", "լճից": "լիճ", "ջրամբարում": "ջրամբար", "ջրամբարից": "ջրամբար", "վանքում": "վանք",
    "վանքից": "վանք", "օդանավակայանում": "օդանավակայան", "օդանավակայանից": "օդանավակայան",
    "օդանավակայանի": "օդանավակայան", "միջանցքում": "միջանցք", "միջանցքով": "միջանցք",
    "բարձունքում": "բարձունք", "բարձունքներում": "բարձունքներ", "բարձունքների": "բարձունքներ",
    "լեռներում": "լեռներ", "լեռների": "լեռներ",
    # The article: "Մարգարա անցակետը" is Մարգարա անցակետ.
    "անցակետը": "անցակետ", "կամուրջը": "կամուրջ", "լիճը": "լիճ", "ջրամբարը": "ջրամբար", "լեռը": "լեռ",
    "վանքը": "վանք", "միջանցքը": "միջանցք", "ամրոցը": "ամրոց", "մզկիթը": "մզկիթ",
    "գագաթը": "գագաթ", "գագաթի": "գագաթ", "գագաթին": "գագաթ", "գագաթում": "գագաթ",
    "լեռնաշղթան": "լեռնաշղթա", "լեռնաշղթայի": "լեռնաշղթա", "լեռնաշղթայում": "լեռնաշղթա",
}
# Azerbaijani words that end in the possessive (su anbarı, körpüsü, məscidi)
# take -n- and a case ending by vowel harmony: genitive, accusative, dative,
# locative, ablative (anbarının, anbarını, anbarına, anbarında, anbarından).
AZE_POSSESSIVE_CASES = {"ı": ("nın", "nı", "na", "nda", "ndan"), "u": ("nun", "nu", "na", "nda", "ndan"),
                         "i": ("nin", "ni", "nə", "ndə", "ndən"), "ü": ("nün", "nü", "nə", "ndə", "ndən")}
#: Landmark words, with the case forms of the last table (each beside its nominative).
LANDMARK_WORDS = _LANDMARK_WORDS + tuple(LANDMARK_CASES)

# "Kəlbəcər rayonu ərazisində", "the Sev Lake area", "Երասխի հատվածում": a word
# for the ground of a place, which says nothing of its kind; dropped from the end.
TERRITORY_WORDS = ("ərazisində", "ərazisindəki", "ərazisindən", "ərazisinə", "ərazisi", "erazisinde",
                    "erazisindeki", "sahəsində", "area", "sector", "section", "city center", "city centre",
                    # A defence ministry's stretch of the border named for a place: "the Sev
                    # Lich border section", "на Ерасхском участке" (the adjective's stem is the name).
                    "border section", "border sector", "border area", "border areas", "areas",
                    "участке", "участок", "участка", "участку", "участком",
                    "town center", "town centre", "հատվածում", "հատվածի",
                    "հատվածը", "հատված", "տարածքում", "տարածքի", "տարածքը",
                    # Armenian postpositions of nearness after the genitive: "Սոթքի մոտ"
                    # (near Sotk), "Փառուխ գյուղի մոտակայքում", "Խնածախի հարևանությամբ".
                    "մոտ", "մոտակայքում", "մոտակայքից", "մերձակայքում", "մերձակայքից",
                    # (NFKC, which the parse applies first, writes և as եւ.)
                    "շրջակայքում", "շրջակայքից", "հարեւանությամբ", "մատույցներում",
                    # "in", after a genitive or dative, as Western Armenian writes the
                    # locative: "Ստեփանակերտի մէջ", "Ծաղկաշատ գիւղին մէջ", "Ասկերան շրջանի մէջ".
                    "մէջ", "մեջ",
                    # Azerbaijani "around" and "near" after a name: "Murovdağ ətrafında",
                    # "Həkəri körpüsü yaxınlığında".
                    "ətrafında", "ətrafındakı", "ətrafından", "yaxınlığında", "yaxınlığındakı",
                    "yaxınlığından")

# A unit's word in a case form, and the word a unit's own name holds:
# "Basarkeçər rayonunun" is in the raion named "Basarkeçər rayonu".
UNIT_CASES = {"rayonunun": "rayonu", "rayonunda": "rayonu", "rayonundakı": "rayonu", "rayonundan": "rayonu",
               "rayonuna": "rayonu", "շրջանի": "շրջան", "շրջանը": "շրջան", "rayonun": "rayonu",
               **{f"inzibati {case}": "rayonu" for case in ("rayonu", "rayonunun", "rayonunda", "rayonundan",
                                                             "rayonuna")},
               # An autonomous oblast's word in its cases: "Dağlıq Qarabağ Muxtar
               # Vilayətinin" is in the oblast named "Dağlıq Qarabağ Muxtar Vilayəti".
               "vilayətinin": "vilayəti", "vilayətində": "vilayəti", "vilayətindən": "vilayəti"}
#: A unit's word, in English or in the plural, that stands for the raion whose
#: stored name holds "rayonu" or "raion": the Azerbaijani ministry's "Garakilsa
#: regions" and "Qafan rayonları" are the raions named "Qarakilsə rayonu", "Qafan rayonu".
UNIT_AS_RAION = frozenset({"district", "districts", "region", "regions", "raion", "rayon", "rajon",
                            "rayonları", "rayonlarının", "rayonlarında", "rayonlarından", "rayonlarına"})
DROP_WORDS = ("the", "of", "in", "near", "around", "outskirts of", "liberated",
               # What was done to it, as "liberated" is: "occupied Kalbajar district".
               "occupied", "formerly occupied", "previously occupied",
               # Who lives there, as a report quotes them: "said a resident of Nor Maragha".
               "a resident of", "resident of", "residents of", "a native of", "native of", "natives of",
               # "in the area of Sotk", "in the vicinity of Jermuk": the place is Sotk.
               "in the area of", "the area of", "area of", "in the vicinity of", "the vicinity of", "vicinity of",
               # Azerbaijani participles the resettlement press puts before a name
               # ("yenidən qurulan Füzuli şəhərinə", "rayonunun yenidən salınmış Ağalı
               # kəndinə", "işğaldan azad edilmiş Ağdam şəhərində"): what was done to it.
               *(f"{head} {tail}" for head in ("yenidən", "yeniden")
                 for tail in ("qurulan", "qurulmuş", "salınan", "salınmış", "tikilən", "tikilmiş",
                              "bərpa olunan", "bərpa edilən", "bərpa olunmuş", "bərpa edilmiş")),
               *(f"{head}azad {tail}" for head in ("işğaldan ", "")
                 for tail in ("edilmiş", "edilən", "olunmuş", "olunan")),
               "в", "во", "под", "около", "близ", "из", "у",
               # "Карта бывшего НКАО": a unit that was, named as it was.
               "бывшего", "бывшей", "бывшем", "бывший", "бывшая", "бывшую", "former", "the former",
               # Russian prepositions of place a report puts before a name, which
               # leave it in a case form the stems undo: "по Гяндже" (dative), "вдоль
               # Лачинского коридора", "вокруг Шуши", "от Сотка до Гориса" (genitive).
               "по", "вдоль", "вокруг", "возле", "вблизи", "от", "до", "к", "ко", "на",
               # "над селами Баганис Айрым ... поднят флаг", "между селами X и Y",
               # "за селом X": the name follows in a case the stems undo.
               "над", "между", "среди", "за",
               # Where fire came from, as the Azerbaijani and Armenian MoDs write it:
               # "со стороны села Ашагы Шорджа", "с позиций в Басаркечарском районе".
               "со стороны", "с направления", "с территории", "с позиций", "с позиции",
               # "the road through Karvachar": a route's waypoint is the place.
               "через")
#: Substrings every direction phrasing holds.
DIRECTION_WORDS = ("direction", "toward", "istiqamət", "istiqamet", "направлен", "сторону", "ուղղությ")
