"""Who speaks in a sentence, for which side, and what kind of claim it makes.

Both are read from lexicons (``lexicons/claimants.yaml``, ``lexicons/claims.yaml``),
data files reviewed like the curated gazetteer. The side comes from the
ledger's claimant registry, so a draft and a ledger agree on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..ledger import CLAIMS, ClaimantRegistry

__all__ = ["Speaker", "claim_kinds", "detect_language", "speakers_in", "side_of"]

LEXICONS = Path(__file__).parent / "lexicons"


@dataclass(frozen=True)
class Speaker:
    claimant: str
    side: str | None
    start: int


@lru_cache(maxsize=1)
def _claim_patterns() -> dict[str, dict[str, re.Pattern[str]]]:
    doc = yaml.safe_load((LEXICONS / "claims.yaml").read_text(encoding="utf-8"))
    out: dict[str, dict[str, re.Pattern[str]]] = {}
    for kind, by_lang in doc.items():
        if kind not in CLAIMS:
            raise ValueError(f"{LEXICONS / 'claims.yaml'}: {kind!r} is not a claim kind ({', '.join(CLAIMS)})")
        out[kind] = {lang: re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE)
                     for lang, pats in by_lang.items()}
    return out


@lru_cache(maxsize=1)
def _speaker_patterns() -> list[tuple[re.Pattern[str], str, str | None]]:
    doc = yaml.safe_load((LEXICONS / "claimants.yaml").read_text(encoding="utf-8"))
    registry = ClaimantRegistry.load()
    out = []
    for entry in doc:
        claimant = entry["claimant"]
        side = entry["side"] if "side" in entry else registry.side_of(claimant)
        pattern = re.compile("|".join(f"(?:{p})" for p in entry["patterns"]), re.IGNORECASE)
        out.append((pattern, claimant, side or None))
    return out


def side_of(claimant: str) -> str | None:
    for pattern, name, side in _speaker_patterns():
        if name == claimant:
            return side
    return ClaimantRegistry.load().side_of(claimant)


def speakers_in(sentence: str) -> list[Speaker]:
    """Claimants the sentence names, in order of appearance."""
    found = []
    for pattern, claimant, side in _speaker_patterns():
        m = pattern.search(sentence)
        if m:
            found.append(Speaker(claimant, side, m.start()))
    return sorted(found, key=lambda s: s.start)


#: "We", "our forces": the speaker's own side.
_FIRST_PERSON = re.compile(r"\b(we|our|us)\b|\bмы\b|\bнаш|\bbiz\b|\bbizim|\bմենք|\bմեր\b|\bմերոնք", re.IGNORECASE)


def claim_kinds(sentence: str, lang: str) -> list[str]:
    """The kinds of claim a sentence makes, in the ledger's order; a denial stands alone."""
    found = []
    for kind, by_lang in _claim_patterns().items():
        for code in {lang, "en"}:
            pattern = by_lang.get(code)
            if pattern is not None and pattern.search(sentence):
                found.append(kind)
                break
    if "denies" in found:
        return ["denies"]
    return [k for k in CLAIMS if k in found]


_SCRIPT = (("hy", re.compile(r"[\u0531-\u058f]")), ("ru", re.compile(r"[\u0400-\u04ff]")))
_AZ = re.compile(r"[əğışçöüƏĞİŞÇÖÜ]|\b(?:və|rayonu|kəndi)\b")


def detect_language(text: str) -> str:
    """en, ru, hy or az by the letters the text uses most."""
    counts = {lang: len(p.findall(text)) for lang, p in _SCRIPT}
    latin = len(re.findall(r"[A-Za-z]", text))
    lang, n = max(counts.items(), key=lambda kv: kv[1])
    if n > latin:
        return lang
    return "az" if len(_AZ.findall(text)) * 40 > latin else "en"
