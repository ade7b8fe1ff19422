"""Claim kinds from the sentence's verbs, and who speaks for which side."""

import pytest
import yaml

from mapper.draft.claims import LEXICONS, claim_kinds, detect_language, speakers_in
from mapper.ledger import CLAIMS


@pytest.mark.parametrize("sentence, lang, kinds", [
    ("The Azerbaijani Army liberated Gubadli city.", "en", ["captured"]),
    ("Forces took control of Jabrayil.", "en", ["captured"]),
    ("The attack on Martakert was repelled.", "en", ["holds", "attacked"]),
    ("Yes, we have retreated in some areas.", "en", ["withdrew"]),
    ("The ministry denies that Hadrut was captured.", "en", ["denies"]),
    ("This is not true: Shushi was not taken.", "en", ["denies"]),
    ("Stepanakert was shelled overnight.", "en", ["attacked"]),
    ("Two civilians were killed and three wounded.", "en", ["casualties"]),
    ("Armenia violated the humanitarian ceasefire.", "en", ["violation"]),
    ("Освобождены сёла Джебраильского района.", "ru", ["captured"]),
    ("Армянские подразделения отступили.", "ru", ["withdrew"]),
    ("Противник обстрелял Тертер, есть погибшие.", "ru", ["attacked", "casualties"]),
    ("Это дезинформация.", "ru", ["denies"]),
    ("Kəndlər işğaldan azad edilib.", "az", ["captured"]),
    ("Tərtər şəhəri atəşə tutulub, iki nəfər yaralanıb.", "az", ["attacked", "casualties"]),
    ("Ermənistan atəşkəs rejimini pozub.", "az", ["violation"]),
    ("Bu məlumat həqiqətə uyğun deyil.", "az", ["denies"]),
    ("Հակառակորդի հարձակումը հետ է մղվել։", "hy", ["holds", "attacked"]),
    ("Ստորաբաժանումները նահանջել են։", "hy", ["withdrew"]),
    ("Ստեփանակերտը հրետակոծվել է, կա զոհ։", "hy", ["attacked", "casualties"]),
    ("Противник предпринимает попытку захватить город.", "ru", ["attacked"]),
    ("Азербайджанская армия вошла в Лачинский район.", "ru", ["captured"]),
    ("Կան տուժածներ եւ վիրաւորներ։", "hy", ["casualties"]),
    ("Hadrut came under Azerbaijani control.", "en", ["captured"]),
    ("Martuni remains under Armenian control.", "en", ["holds"]),
    ("Город перешёл под контроль Азербайджана.", "ru", ["captured"]),
    ("Kənd nəzarətə keçib.", "az", ["captured"]),
    ("Shells hit the town; fortunately no one was killed or wounded.", "en", ["attacked"]),
    ("Обстрел продолжался, жертв нет.", "ru", ["attacked"]),
    ("Tərtər atəşə tutulub, xəsarət alan yoxdur.", "az", ["attacked"]),
    ("Մարտունին ռմբակոծվել է, զոհեր և վիրավորներ չկան։", "hy", ["attacked"]),
    ("Forces began firing towards Goris.", "en", ["attacked"]),
    ("The enemy attempted to capture the town.", "en", ["attacked"]),
    ("Երկու գյուղերը մնացել են հայկական կողմի վերահսկողության տակ։", "hy", ["holds"]),
])
def test_claim_kinds(sentence, lang, kinds):
    assert claim_kinds(sentence, lang) == kinds


def test_lexicon_kinds_are_the_ledgers():
    doc = yaml.safe_load((LEXICONS / "claims.yaml").read_text(encoding="utf-8"))
    assert set(doc) <= {*CLAIMS, "attempt", "no_casualties"}
    assert all(set(by_lang) == {"en", "ru", "az", "hy"} for by_lang in doc.values())


@pytest.mark.parametrize("sentence, claimant, side", [
    ("the Azerbaijani MoD then followed that tweet", "Azerbaijan Ministry of Defense", "Azerbaijan"),
    ("Минобороны Армении сообщило", "Armenia Ministry of Defense", "Armenia"),
    ("Azərbaycan Respublikası Müdafiə Nazirliyi bildirir", "Azerbaijan Ministry of Defense", "Azerbaijan"),
    ("Արցախի ՊԲ-ն հայտնում է", "Artsakh Defense Army", "Artsakh"),
    ("said Pashinyan", "Prime Minister Nikol Pashinyan", "Armenia"),
    ("President Aliyev declared", "President Ilham Aliyev", "Azerbaijan"),
    ("According to local sources", "local sources", None),
])
def test_speakers(sentence, claimant, side):
    first = speakers_in(sentence)[0]
    assert (first.claimant, first.side) == (claimant, side)


@pytest.mark.parametrize("text, lang", [
    ("The army took the town.", "en"), ("Армия заняла город.", "ru"),
    ("Ordu kəndi azad etdi və irəlilədi.", "az"), ("Բանակը գրավեց գյուղը։", "hy"),
])
def test_detect_language(text, lang):
    assert detect_language(text) == lang
