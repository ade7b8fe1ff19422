"""The words a source puts around a place's name, per language: the lexicon
``gazetteer.parsing`` compiles into its patterns once, at import. Kept apart
from the code that reads them, as data: a word added here needs no change to
the parse, and each entry's comment says which texts write it so.

Each is matched as whole words on the case-folded text.
"""

from __future__ import annotations

__all__ = ["DISTRICT_WORDS", "PROVINCE_WORDS", "REGION_WORDS", "VILLAGE_WORDS", "TOWN_WORDS", "SETTLEMENT_WORDS",
           "LOCALITY_WORDS", "LANDMARK_WORDS", "LANDMARK_CASES", "AZE_POSSESSIVE_CASES", "TERRITORY_WORDS",
           "UNIT_CASES", "UNIT_AS_RAION", "DROP_WORDS", "DIRECTION_WORDS", "BIRTH_PREDICATES",
           "BIRTH_LEADS", "OLD_UNIT_OWNERS", "LEAD_VERBS", "LEAD_ARTICLES", "LEAD_PLACE_WORDS",
           "LEAD_PREPOSITIONS", "GLOSS_HEADS", "GLOSS_TAILS", "GLOSS_COUNTRIES"]


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
    "bezirk", "bezirks", "distrikt", "distriktet", "rayon de", "district de", "distrito", "distrito de",
    # Turkish "il" for Nakhchivan's districts ("Sederek iline bağlı", "Sederek ilinin").
    "ili", "iline", "ilinin", "ilinde", "ilindeki",
    # Its plural after two names, and bölge's cases, as the Turkish press reprints the
    # Azerbaijani MoD ("Gence, Berde ve Beylegan illerine", "Fuzuli ve Cebrayıl
    # bölgelerinde", "Karakilise illerindeki"): each name is a unit, the first is read.
    "ilinden", "illeri", "illerine", "illerinde", "illerindeki", "illerinin", "ilçesindeki",
    "bölgesine", "bölgesindeki", "bölgesinden", "bölgeleri", "bölgelerinde", "bölgelerine", "bölgelerindeki",
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
    # The article's -ն before a vowel ("Քարվաճառի շրջանն ու ..."), as -ը elsewhere.
    "շրջանն",
    # "Սիսիանի տարածաշրջանի Որոտան գյուղ", "Բերդի տարածաշրջանում": the Armenian press's
    # sub-region, the former raion named for its town (read as the raion, below).
    "տարածաշրջան", "տարածաշրջանը", "տարածաշրջանն", "տարածաշրջանի", "տարածաշրջանում", "տարածաշրջանից",
    # Persian press's county for Azerbaijan's rayon ("شهرستان آقدام", IRNA and Tasnim),
    # Urdu's district ("ضلع اغدام"). Arabic-script words are listed as
    # normalize.fold_arabic writes them: the parse folds the text first.
    "شهرستان", "ضلع",
)
PROVINCE_WORDS = (
    "province", "marz", "մարզ", "մարզը", "область", "provinces", "oblast",
    # The Russian word in the case a sentence leaves it in ("в Тавушской области").
    "области", "областью", "марза", "марзе", "обл.", "обл",
    # Azerbaijani for Armenia's marzes: "Tavuş vilayəti", "Sünik mərzi".
    "vilayəti", "vilayət", "vilayətinin", "vilayətində", "vilayətindən", "mərzi", "mərz",
    "մարզի", "մարզում", "մարզից", "մարզն", "provinz", "provincia", "provincia de", "province de",
    # Russian and Bulgarian pages translated from English keep its word: "село в
    # Провинция Гегаркуник", "в провинции Лори" ("Гегаркуник" alone was read, this not).
    "провинция", "провинции", "провинцию", "провинцией",
    # Persian "استان سیونیک" (the province of Syunik).
    "استان",
)
REGION_WORDS = ("region", "regions", "регион", "республика", "republic",
                # Encyclopedias in other languages: "la région de Tavush", "la región de
                # Gadabay", "la regione di Syunik", "a região de Shabran", "w regionie
                # Aragatsotn", "regiunea Aghdam", "i regionen Aragatsotn".
                "région", "région de", "región", "región de", "regione", "regione di", "região", "região de",
                "regionie", "regiunea", "regionen",
                # Arabic press's words for any unit, a rayon or a marz alike ("محافظة أغدام",
                # "محافظة سيونيك", "إقليم لاتشين", "منطقة أغدام", "مقاطعة سيونيك", "ولاية
                # جبرائيل"), and Persian's "بخش" and "منطقه" (Persian Wikipedia's "بخش شوشا").
                "محافظه", "اقلیم", "منطقه", "مقاطعه", "ولایه", "بخش", "ناحیه",
                # The French and Spanish press's Artsakh region, as English's "region of" (a unit
                # of either kind): "la commune de Vazgenashen de la région de Martouni".
                "région d'", "region de")
# Village and town apart: "Zəngilan kəndi" is a village, "Zəngilan şəhəri" the town.
VILLAGE_WORDS = (
    "village of", "the village of", "village", "villages", "hamlet",
    # Persian and Arabic (folded, see DISTRICT_WORDS): "روستای", "قرية".
    "روستای", "روستا", "قریه",
    # A list's first name after the plural: "the villages of Aygepar, Movses and Chinari".
    "villages of", "the villages of",
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
    "köyü", "köyünü", "köyünde", "köyüne", "köy", "dorf", "village de",
    # Turkish genitive, ablative, and the plural after a list ("Cebrayılın Çocuk Mercanlı köylerinin").
    "köyünün", "köyünden", "köyündeki", "köyleri", "köylerini", "köylerinin", "köylerinde", "köylerine",
    # French elides the de before a vowel: "le village d'Aroutch", as "région d'" below.
    "village d'", "aldea", "aldea de", "pueblo", "pueblo de",
    # The French press's border village: "un habitant du village frontalier de Goti".
    "village frontalier de", "village frontalier", "villages frontaliers de",
    "villaggio", "villaggio di",
    # Armenian genitive and plural ("Բերքաբեր գյուղի", "գյուղերում"), Azerbaijani plural.
    "գյուղի", "գյուղերում", "գյուղեր", "kəndləri", "kəndlərində",
    # The Azerbaijani plural's other cases, after a list: "Həzrə və Bunut kəndlərinə".
    "kəndlərinə", "kəndlərinin", "kəndlərindən", "kəndlərini", "kəndlərindəki",
    # Armenian dative and ablative ("Մովսես գյուղին", "գյուղից"), and the village
    # head after the name's genitive ("Աղավնոյի գյուղապետ").
    "գյուղին", "գյուղից", "գյուղապետ", "գյուղապետը",
    # The article's -ն before a vowel, as a report joins two names with "ու":
    # "Չինարի գյուղն ու Բերդ քաղաքը" (the village Chinari and the town Berd).
    "գյուղն",
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
    # The plural before a list ("the cities of Goris, Sotk, and Jermuk"): the first name.
    "cities of", "the cities of", "towns of", "the towns of",
    # Persian "شهر", Arabic "مدينة", Urdu "شہر" (folded, see DISTRICT_WORDS).
    "شهر", "مدینه",
    "town called", "a town called", "town named", "a town named", "city called", "a city called",
    "şəhəri", "seheri", "sheheri", "şəhər", "şəhərində", "şəhərindən", "şəhərinin", "şəhərinə", "şəhərindəki",
    # The plural after two names ("Füzuli və Şuşa şəhərləri"): the first is read.
    "şəhərləri", "şəhərlərində", "şəhərlərinə", "towns", "cities",
    "город", "городе", "города", "городу", "городом", "г.", "гор.", "քաղաք",
    # The diminutive a reporter uses for a small town ("городок Мартуни").
    "городок", "городке", "городка", "քաղաքը", "քաղաքում",
    # Armenian genitive, dative, ablative ("Մարտակերտ քաղաքի"), and the mayor.
    "քաղաքի", "քաղաքին", "քաղաքից", "քաղաքապետ", "քաղաքապետը", "քաղաքն",
    "քաղաքները", "քաղաքներն", "քաղաքներում", "քաղաքների",
    # An urban community, and Shushi's "fortress town".
    "քաղաքային համայնք", "քաղաքային համայնքը", "քաղաքային համայնքի", "քաղաքային համայնքում",
    "քաղաքային համայնքից", "բերդաքաղաք", "բերդաքաղաքը", "բերդաքաղաքի", "բերդաքաղաքում", "բերդաքաղաքից",
    # A district's or province's seat, and the capital, are towns: "Մարտունի
    # շրջկենտրոնից" (from the district centre Martuni), "մայրաքաղաք Ստեփանակերտից".
    "շրջկենտրոն", "շրջկենտրոնը", "շրջկենտրոնի", "շրջկենտրոնից", "շրջկենտրոնում",
    "մարզկենտրոն", "մարզկենտրոնը", "մարզկենտրոնի", "մարզկենտրոնից", "մարզկենտրոնում",
    "մայրաքաղաք", "մայրաքաղաքը", "մայրաքաղաքի", "մայրաքաղաքում",
    "kasabası", "kasabasını", "kasabasında", "kasaba", "şehri", "kenti", "stadt", "ville", "ville de", "ville d'",
    # Turkish kent and şehir in the cases a sentence leaves them ("Gence kentine",
    # "Terter kentinde", "Laçın şehrinin"), their plural after two names ("Gence ve
    # Mingeçevir kentlerine", "Hocavend ve Ağdere şehirleri") and after "like X"
    # ("Hankendi, Hocalı ve Ağdere gibi şehirlerden"), and the town centre.
    "kent", "kentine", "kentinde", "kentindeki", "kentinden", "kentinin", "kentini",
    "kentleri", "kentlerine", "kentlerinde", "kentlerinin", "kent merkezi", "kent merkezinde",
    "kent merkezindeki", "kent merkezine", "şehrine", "şehrinde", "şehrindeki", "şehrinden", "şehrinin",
    "şehrini", "şehirleri", "şehirlerinde", "şehirlerine", "şehirlerinden", "gibi şehirler",
    "gibi şehirlerde", "gibi şehirlerden", "kasabasına", "kasabasının", "kasabaları",
    "ciudad", "ciudad de",
)
SETTLEMENT_WORDS = (
    "settlement", "township", "qəsəbəsi", "qesebesi", "qəsəbə",
    "qəsəbəsinin", "qəsəbəsində", "qəsəbəsindən", "qəsəbəsinə",
    # An urban-type settlement, as statistics and encyclopedias write it: "Kərkicahan
    # şəhər tipli qəsəbəsi", "посёлок городского типа".
    "şəhər tipli qəsəbəsi", "şəhər tipli qəsəbə", "şəhər tipli qəsəbəsinə", "şəhər tipli qəsəbəsində",
    "посёлок городского типа", "поселок городского типа", "urban-type settlement",
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
    # The French press's word for an Armenian community: "dans la communauté de Kapan".
    "communauté de", "communauté", "commune de",
    *(f"{adj} {noun}" for adj, noun in (("укрупненная", "община"), ("укрупнённая", "община"),
                                        ("укрупненной", "общины"), ("укрупнённой", "общины"),
                                        ("укрупненной", "общине"), ("укрупнённой", "общине"))),
    "yaşayış məntəqəsi", "yaşayış məntəqəsinin", "բնակավայր", "բնակավայրը", "բնակավայրի",
    # Turkish "yerleşke", a settlement of no stated size ("Heyderabad yerleşkesindeki").
    "yerleşkesi", "yerleşkesinde", "yerleşkesindeki", "yerleşkesine", "yerleşke",
    "համայնք", "համայնքը", "համայնքի", "համայնքապետ", "համայնքապետը", "համայնքն", "բնակավայրն",
    # The community's head after its name, as Artsakh's press quotes one ("Խրամորթ
    # համայնքի ղեկավարը", the head of Khramort community), as "գյուղապետ" above.
    "համայնքի ղեկավար", "համայնքի ղեկավարը", "համայնքի ղեկավարի", "համայնքի ղեկավարն",
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
    # Turkish's range word ("Murov sıradağlarındaki Murov zirvesi", Anadolu's MoD text).
    "sıradağları", "sıradağlar",
    # Turkish names an airport and a mosque in words of its own ("Füzuli Uluslararası
    # Havalimanı", "Ağdam Cuma Camii", "Cuma Mescidi"), and Azerbaijani has a second
    # word for an airport ("Füzuli Beynəlxalq Aeroportu"): LANDMARK_SYNONYMS reads them
    # as the words a stored name holds.
    "havalimanı", "uluslararası havalimanı", "havaalanı", "mescidi", "camisi",
    "beynəlxalq aeroportu",
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
    # "corridor de Latchine", "bacino idrico di Sarsang"): landmarkforms' _FOREIGN_LANDMARK reads them.
    *(f"{word} {link}" for word in ("pont", "corridor", "lac", "monastère", "forteresse", "réservoir",
                                    "aéroport", "aéroport international", "mosquée")
      for link in ("de", "d'", "du")),
    *(f"{word} {link}" for word in ("ponte", "corridoio", "lago", "monastero", "fortezza", "bacino idrico",
                                    "aeroporto", "aeroporto internazionale", "moschea")
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
    # Deposits, tunnels and forests the 2020-2025 press names (toponyms-land3.csv):
    # "the Gyzylbulag copper-gold deposit", "Soyudlu Gold Field", "Qızılbulaq qazıntı
    # yatağında", "месторождении Веджнали", "Murovdağ tunelinin", "Topxana meşəsi".
    "copper-gold deposit", "gold field", "qazıntı yatağı", "месторождение", "золоторудное месторождение",
    "tunnel", "tuneli", "тоннель", "туннель", "թունել", "forest", "meşəsi",
    # A hydroelectric plant, at its reservoir's dam where it has one ("Sarsang HPP",
    # "Sərsəng SES", "Сарсангская ГЭС", "Սարսանգի ՀԷԿ").
    "hpp", "hydroelectric power plant", "hydroelectric power station", "hydropower plant", "ses", "гэс",
    "ՀԷԿ", "ՀԷԿ-ը",
    # ... and SES written out, of a small plant too ("Suqovuşan-1 Kiçik Su Elektrik Stansiyası").
    "su elektrik stansiyası", "kiçik su elektrik stansiyası", "su elektrik stansiyaları",
    # A mining company's contract area, named for its deposit ("the Vejnaly
    # Contract Area", "Vejnəli müqavilə sahəsini").
    "contract area", "müqavilə sahəsi",
    # A reservoir's dam, which the press names for the reservoir ("the Sarsang
    # dam", "Sərsəng bəndi", "плотина Сарсангского водохранилища").
    "dam", "bəndi", "плотина", "ամբարտակ", "ամբարտակը",
    # Persian and Arabic, folded (see DISTRICT_WORDS): the bridge ("پل خداآفرین", "پلهای
    # تاریخی خدا آفرین", "جسر"), the dam and its dual ("سد خداآفرين", "سدي خدا آفرين"), the
    # corridor ("کریدور لاچین", "گذرگاه لاچین", "دالان زنگزور", "ممر لاتشين").
    "پل", "پلهای", "پلها", "جسر", "سد", "سدی", "کریدور", "گذرگاه", "دالان", "ممر",
)
#: A reservoir is named for its river ("Xaçınçay su anbarı", "Хакаричай
#: водохранилище", "Khachinchay reservoir"), and a river's point (its mouth or
#: source) may lie 50 km from it: a word for the one never reads the other.
RESERVOIR_WORDS = frozenset({"reservoir", "water reservoir", "su anbarı", "anbarı", "водохранилище", "ջրամբար",
                             "bacino idrico", "réservoir de", "dam", "bəndi", "плотина", "ամբարտակ", "سد", "سدی"})
#: A hydroelectric plant's word reads a plant or the reservoir at its dam, no
#: other landmark: "Tatev HPP" is not the Tatev monastery.
PLANT_WORDS = frozenset({"hpp", "hydroelectric power plant", "hydroelectric power station", "hydropower plant",
                         "ses", "гэс", "ՀԷԿ", "ՀԷԿ-ը", "su elektrik stansiyası", "kiçik su elektrik stansiyası",
                         "su elektrik stansiyaları"})
RIVER_WORDS = frozenset({"river", "rivers", "river of", "river basin", "çayı", "çay", "река", "реки", "գետ"})
#: Words for one mine that texts use for another's name: "Zod gold deposit" is
#: the mine stored as "Zod gold mine", "Qızılbulaq qazıntı yatağı" the "Qızılbulaq
#: yatağı", "месторождении Веджнали" the "месторождение Веджнали" or "рудник ...".
#: Each word's others are tried after the name (and before it, in Russian).
LANDMARK_SYNONYMS = {
    "deposit": ("mine", "gold mine", "gold deposit"), "gold deposit": ("gold mine", "deposit", "mine"),
    "copper-gold deposit": ("gold deposit", "deposit", "gold mine", "mine"),
    "gold field": ("gold mine", "gold deposit", "deposit", "mine"),
    "gold mine": ("gold deposit", "mine", "deposit"),
    "qızıl yatağı": ("yatağı", "qızıl mədəni", "mədəni"), "yatağı": ("qızıl yatağı", "mədəni"),
    "qazıntı yatağı": ("yatağı", "qızıl yatağı"), "mədəni": ("yatağı", "qızıl yatağı"),
    "месторождение": ("рудник", "золоторудное месторождение"),
    "золоторудное месторождение": ("месторождение", "рудник"), "рудник": ("месторождение",),
    "contract area": ("deposit", "gold deposit"), "müqavilə sahəsi": ("yatağı", "qızıl yatağı"),
    "hpp": ("reservoir", "hydroelectric power plant"), "hydroelectric power plant": ("hpp", "reservoir"),
    "hydroelectric power station": ("hpp", "reservoir"), "hydropower plant": ("hpp", "reservoir"),
    "ses": ("su anbarı",), "su elektrik stansiyası": ("su anbarı",), "kiçik su elektrik stansiyası": ("su anbarı",),
    "su elektrik stansiyaları": ("su anbarı",), "water reservoir": ("reservoir",), "гэс": ("водохранилище",), "ՀԷԿ": ("ջրամբար",), "ՀԷԿ-ը": ("ջրամբար",),
    "aeroportu": ("hava limanı", "beynəlxalq hava limanı"),
    "beynəlxalq aeroportu": ("beynəlxalq hava limanı", "hava limanı"),
    "havalimanı": ("hava limanı", "beynəlxalq hava limanı"), "havaalanı": ("hava limanı",),
    "uluslararası havalimanı": ("beynəlxalq hava limanı", "hava limanı"),
    "camii": ("məscidi", "cümə məscidi"), "camisi": ("məscidi",), "mescidi": ("məscidi",),
    "dam": ("reservoir",), "bəndi": ("su anbarı",), "плотина": ("водохранилище",), "ամբարտակ": ("ջրամբար",),
    # The press's "Sotk mountain pass" is the pass a name holds as "Sotk pass"; the
    # Azerbaijani MoD's plural "Fərrux yüksəklikləri(ndə)" is the height stored in
    # the singular (toponyms-heights12).
    "mountain pass": ("pass",), "sıradağları": ("dağı", "silsiləsi"), "sıradağlar": ("dağı", "silsiləsi"),
    "yüksəklikləri": ("yüksəkliyi",), "yüksəkliklər": ("yüksəkliyi",),
}
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
    "высотой": "высота", "монастырю": "монастырь", "монастырём": "монастырь",
    "монастырем": "монастырь",
    "реки": "река", "реку": "река", "реке": "река", "рекой": "река", "вершину": "вершина",
    "вершины": "вершина", "вершине": "вершина", "горного хребта": "горный хребет",
    "месторождения": "месторождение", "месторождении": "месторождение", "месторождению": "месторождение",
    "месторождением": "месторождение", "золоторудного месторождения": "золоторудное месторождение",
    "золоторудном месторождении": "золоторудное месторождение",
    "тоннеля": "тоннель", "тоннеле": "тоннель", "туннеля": "туннель", "туннеле": "туннель",
    "плотины": "плотина", "плотине": "плотина", "плотину": "плотина", "ամբարտակի": "ամբարտակ",
    "ամբարտակը": "ամբարտակ",
    # The article and the cases of an airport, a tunnel, a cave: "«Սյունիք» օդանավակայանը".
    "օդանավակայանը": "օդանավակայան", "թունելը": "թունել", "թունելի": "թունել", "թունելում": "թունել",
    "քարանձավը": "քարանձավ", "քարանձավի": "քարանձավ", "քարանձավում": "քարանձավ",
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
                    # ... through it, from it, and its "administrative territory", as Artsakh's
                    # ombudsman located fire on farmers: "Կարմիր Շուկայի տարածքով" (through
                    # Karmir Shuka's ground), "Ճարտար քաղաքի վարչական տարածքում".
                    "տարածքով", "տարածքից", "տարածքին", "վարչական տարածքում", "վարչական տարածքի",
                    "վարչական տարածքից", "վարչական տարածքով", "վարչական տարածքը",
                    # The terrain a place names: "Սյունիքի մարզի Սև լիճ տեղանքում" (in the
                    # Sev Lich locality), as the Armenian MoD wrote the May 2021 incursion.
                    "տեղանքում", "տեղանքի", "տեղանքը", "տեղանք",
                    # Armenian postpositions of nearness after the genitive: "Սոթքի մոտ"
                    # (near Sotk), "Փառուխ գյուղի մոտակայքում", "Խնածախի հարևանությամբ".
                    # "Իշխանասար լեռան վրա" (on Mount Ishkhanasar): on it is at it.
                    "վրա",
                    "մոտ", "մոտակայքում", "մոտակայքից", "մերձակայքում", "մերձակայքից",
                    # (NFKC, which the parse applies first, writes և as եւ.)
                    "շրջակայքում", "շրջակայքից", "հարեւանությամբ", "մատույցներում",
                    # "in", after a genitive or dative, as Western Armenian writes the
                    # locative: "Ստեփանակերտի մէջ", "Ծաղկաշատ գիւղին մէջ", "Ասկերան շրջանի մէջ".
                    "մէջ", "մեջ",
                    # Azerbaijani "around" and "near" after a name: "Murovdağ ətrafında",
                    # "Həkəri körpüsü yaxınlığında".
                    "ətrafında", "ətrafındakı", "ətrafından", "yaxınlığında", "yaxınlığındakı",
                    "yaxınlığından",
                    # ... and "along" a range or a river: "Qarabağ silsiləsi boyu Sarıbaba"
                    # (the MoD, 3 August 2022), "Araz çayı boyunca".
                    "boyu", "boyunca",
                    # ... and "towards", "as far as" after a dative: "Kərkicahana doğru",
                    # "Şuşaya qədər" (the road "runs as far as Shusha"). The dative is read as usual.
                    "doğru", "qədər",
                    # Who lives there: "Xndzoresk kənd sakini", "Tovuz rayonunun Ağdam kəndinin
                    # sakini" (a resident of the village). The place is what precedes.
                    "sakini", "sakinləri", "sakinlərinin", "sakinlərinə", "sakinlərindən", "sakinlərini",
                    # ... in Turkish ("Terter sakinini", "Sugovuşhan sakinlerinin"), and what lies
                    # around or outside it ("Hankendi ve çevresindeki", "Laçın şehrinin dışından"),
                    # and a capital's government ("Erivan yönetiminin"): the place is what precedes.
                    "sakinini", "sakinleri", "sakinlerini", "sakinlerinin", "sakinlerine", "sakinlerinden",
                    "ve çevresindeki", "ve çevresinde", "çevresindeki", "çevresinde", "civarında",
                    "civarındaki", "dışında", "dışından", "yönetimi", "yönetiminin", "yönetimine",
                    # What of the village an official text names after its uninflected word:
                    # "Şahbuz rayon Kükü kənd orta məktəbinin" (the Kükü village school),
                    # "Borsunlu kənd şəhidi", "Qaradağlı kənd qəbiristanlığında".
                    *(f"{head}{tail}" for head in ("orta məktəb", "tam orta məktəb", "ümumi orta məktəb",
                                                    "ibtidai məktəb", "məktəb", "bələdiyyəs")
                      for tail in ("i", "inin", "ində", "inə", "indən")),
                    *(f"qəbiristanlığ{tail}" for tail in ("ı", "ının", "ında", "ına", "ından")),
                    "şəhidi", "şəhidləri", "şəhidinin")

# A biography's "was born" after the place ("Kəlbəcər rayonunun Dəmirçidam kəndində
# anadan olub", "Ağsu rayonundakı Çaparlı kəndində dünyaya gəlib", "Նորաշեն գյուղում
# ծնված"): the sentence's verb, which says nothing of the place; dropped from the end,
# with the descriptor's locative before it read as usual. Azerbaijani encyclopedias and
# the press write each tense, with and without the diacritics.
BIRTH_PREDICATES = ("anadan olub", "anadan olmuşdur", "anadan olmuşdu", "anadan oldu", "anadan olmuş",
                    "anadan olmusdur", "dünyaya gəlib", "dünyaya gəlmişdir", "dünyaya gəlmişdi",
                    "dünyaya gəldi", "dunyaya gelib", "doğulub", "doğulmuşdur", "doğulmuşdu", "doğuldu",
                    "dogulub", "ծնվել է", "ծնված", "ծնվեց")
# The same verb before the place, and a biography's year before it: "ծնվել է Տավուշի
# մարզի Նորաշեն գյուղում", "1893-cü ildə Kəlbəcərin Dəmirçidam kəndində".
BIRTH_LEADS = ("ծնվել է",)

# Older units in the genitive before a village, as encyclopedias and biographies write
# its history: "Gəncə qəzasının Şəmkir dairəsinin Seyfəli kəndində", "Zəngəzur
# mahalının Mığrı bölgəsinin Lök kəndində". A tsarist uezd (qəza) or governorate was far
# larger than the district of its town's name today (Qazax qəzası held Tavush's
# villages), so it is no context; a daira, mahal or bölgə named after a town or region
# is read as that place, loosely. True: read as context; False: dropped.
OLD_UNIT_OWNERS = {"qəzasının": False, "qezasinin": False, "quberniyasının": False, "quberniyasinin": False,
                   "dairəsinin": True, "dairesinin": True, "mahalının": True, "mahalinin": True,
                   "bölgəsinin": True, "bolgesinin": True}

# An encyclopedia's first sentence, which names the place and then its unit: "Norashen
# is a village in the Tavush Province of Armenia", "Noraschen ist ein Dorf in der Region
# Tavush", "Agtepe est un village de la région de Jabrayil", "Shahnazarli é uma vila na
# região de Shabran", "Nerkin-Bazmaberd to wieś w regionie Aragatsotn"; and the same
# words after a comma ("Norashen, a village in the Tavush Province"). The verb, the
# article, a word for a settlement (an adjective may stand before it: "a major village")
# and a preposition (with its article), in the languages of the pages the sets cite.
LEAD_VERBS = ("is", "was", "ist", "war", "est", "était", "è", "es", "era", "é", "to", "jest", "był", "была", "была",
              "är", "er", "is een", "on")
LEAD_ARTICLES = ("a", "an", "ein", "eine", "un", "une", "una", "uno", "uma", "um", "een", "en", "et")
LEAD_PLACE_WORDS = ("village", "town", "city", "settlement", "rural community", "urban community", "municipality",
                    "community", "hamlet", "Dorf", "Stadt", "Siedlung", "Gemeinde", "Ortschaft", "ville", "commune",
                    "localité", "villaggio", "città", "comune", "pueblo", "aldea", "localidad", "ciudad", "vila",
                    "aldeia", "cidade", "wieś", "miasto", "osada", "dorp", "stad", "by", "landsby", "vesnice",
                    "obec", "město", "falu", "kylä")
LEAD_PREPOSITIONS = ("in the", "in", "of the", "of", "im", "in der", "in dem", "de la", "de l'", "du", "de", "dans la",
                     "dans le", "dans", "della", "del", "dello", "nella", "nel", "di", "en la", "en el", "en", "da",
                     "na", "no", "w", "we", "i", "in de", "v", "ve")

# A dictionary's gloss after a dash or a comma: "Норашен — село в Тавушской области
# Армении", "Ağcakənd — Azərbaycan Respublikasının Kəlbəcər rayonunun inzibati ərazi
# vahidində kənd", "Noraşen — Ermənistanın Tavuş vilayətində kənd", "Նորաշեն, գյուղ
# Հայաստանի Հանրապետության Տավուշի մարզում". The word for the place before (with the
# Russian "в") or after the unit goes, and so does the country or republic it names
# first (the unit after it is what places the village); the rest is context.
GLOSS_HEADS = ("село в", "село", "деревня в", "деревня", "посёлок в", "посёлок", "поселок в", "поселок",
               "город в", "город", "пгт в", "пгт", "гюх", "գյուղ", "քաղաք", "ավան", "kənd", "qəsəbə", "şəhər")
GLOSS_TAILS = ("kənd inzibati ərazi dairəsində kənd", "kənd inzibati ərazi vahidində kənd",
               "inzibati ərazi dairəsində kənd", "inzibati ərazi vahidində kənd", "kənd inzibati ərazi dairəsində",
               "inzibati ərazi dairəsində", "inzibati ərazi vahidində", "kənddir", "kənd", "qəsəbə", "şəhər")
GLOSS_COUNTRIES = ("Azərbaycan Respublikasının", "Azərbaycanın", "Ermənistan Respublikasının", "Ermənistanın",
                   "Армении", "Азербайджана", "Հայաստանի Հանրապետության", "Հայաստանի", "Արցախի Հանրապետության")

# A unit's word in a case form, and the word a unit's own name holds:
# "Basarkeçər rayonunun" is in the raion named "Basarkeçər rayonu".
UNIT_CASES = {"rayonunun": "rayonu", "rayonunda": "rayonu", "rayonundakı": "rayonu", "rayonundan": "rayonu",
               "rayonuna": "rayonu", "շրջանի": "շրջան", "շրջանը": "շրջան", "շրջանն": "շրջան", "rayonun": "rayonu",
               **{f"տարածաշրջան{end}": "շրջան" for end in ("", "ը", "ն", "ի", "ում", "ից")},
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
               # The articles of other languages' encyclopedias before a unit's word: "in der
               # Region Tavush", "dans la région de Tavush", "en la provincia de Vayots Dzor".
               "der", "die", "dem", "la", "le", "el",
               # What was done to it, as "liberated" is: "occupied Kalbajar district".
               "occupied", "formerly occupied", "previously occupied",
               # ... in the Armenian diaspora's Spanish, French, Italian and German ("Ilham
               # Aliyev visitó la ocupada Martakert").
               "ocupada", "ocupado", "occupée", "occupé", "occupata", "occupato", "besetzte", "besetzten",
               # Who lives there, as a report quotes them: "said a resident of Nor Maragha".
               "a resident of", "resident of", "residents of", "a native of", "native of", "natives of",
               # ... or who runs it: "Alyosha Gabrielyan, former mayor of Askeran", "the head
               # of Astghashen community" (Armenian blockade reports, 2023).
               "mayor of", "the mayor of", "deputy mayor of", "head of", "the head of",
               # "in the area of Sotk", "in the vicinity of Jermuk": the place is Sotk.
               "in the area of", "the area of", "area of", "in the vicinity of", "the vicinity of", "vicinity of",
               # War reports name a height by what was fought there: "sacrificing his life in
               # the defense of Mount Ishkhanasar", "the battle for Shusha" (toponyms-heights12).
               *(f"{article}{event} {link}" for article in ("the ", "")
                 for event, link in (("defense", "of"), ("defence", "of"), ("battle", "of"), ("battle", "for"),
                                     ("capture", "of"), ("liberation", "of"), ("fall", "of"))),
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
               # "глядя вниз с Омарского перевала": the pass the view is from (toponyms-heights12).
               "с", "со",
               # "the road through Karvachar": a route's waypoint is the place.
               "через",
               # Persian and Arabic prepositions before a name ("در قاپان", "از آغدام", "في
               # خانكيندي", "عند مدخل شوشا"), folded (see DISTRICT_WORDS); the entrance,
               # the capital ("العاصمة ستيباناكيرت") and Persian's "historic" after a
               # bridge's word ("پلهای تاریخی خدا آفرین") say nothing of which place.
               "در", "از", "به", "فی", "من", "عند", "الی", "مدخل", "العاصمه", "تاریخی")
#: Substrings every direction phrasing holds.
DIRECTION_WORDS = ("direction", "toward", "istiqamət", "istiqamet", "istikamet", "yönünde", "yönüne", "направлен", "сторону", "ուղղությ")
