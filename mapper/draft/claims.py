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
#: The lexicon's entries for attempts and for "nobody was hurt", which are not claim kinds.
ATTEMPT = "attempt"
NO_CASUALTIES = "no_casualties"


@dataclass(frozen=True)
class Speaker:
    claimant: str
    side: str | None
    start: int


_UPPER_ESCAPE = re.compile(r"\\[A-Z]")


@lru_cache(maxsize=1)
def _claim_patterns() -> dict[str, dict[str, re.Pattern[str]]]:
    """Per kind and language, one regular expression, lower-cased: matched on lower-cased text without
    IGNORECASE, which lets the regular expression engine skip ahead to literal prefixes (ten times faster)."""
    path = LEXICONS / "claims.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: dict[str, dict[str, re.Pattern[str]]] = {}
    for kind, by_lang in doc.items():
        if kind not in (*CLAIMS, ATTEMPT, NO_CASUALTIES):
            raise ValueError(f"{path}: {kind!r} is not a claim kind ({', '.join(CLAIMS)})")
        for lang, pats in by_lang.items():
            bad = [p for p in pats if _UPPER_ESCAPE.search(p)]
            if bad:
                raise ValueError(f"{path}: {kind}/{lang}: {bad[0]!r}: use lower-case escapes only (\\b, \\s, [^...])")
        out[kind] = {lang: re.compile("|".join(f"(?:{p.lower()})" for p in pats)) for lang, pats in by_lang.items()}
    return out


@lru_cache(maxsize=1)
def _speaker_patterns() -> list[tuple[re.Pattern[str], str, str | None]]:
    """(pattern, claimant, side) per claimant, lower-cased like the claim patterns."""
    path = LEXICONS / "claimants.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    registry = ClaimantRegistry.load()
    out = []
    for entry in doc:
        claimant = entry["claimant"]
        bad = [p for p in entry["patterns"] if _UPPER_ESCAPE.search(p)]
        if bad:
            raise ValueError(f"{path}: {claimant}: {bad[0]!r}: use lower-case escapes only")
        side = entry["side"] if "side" in entry else registry.side_of(claimant)
        out.append((re.compile("|".join(f"(?:{p.lower()})" for p in entry["patterns"])), claimant, side or None))
    return out


def _lower(text: str) -> str:
    """Lower case, one character for one (offsets stay): "İ".lower() is two characters."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(ch.lower()[:1] for ch in text)


def side_of(claimant: str) -> str | None:
    for _, name, side in _speaker_patterns():
        if name == claimant:
            return side
    return ClaimantRegistry.load().side_of(claimant)


def speakers_in(sentence: str) -> list[Speaker]:
    """Claimants the sentence names, in order of appearance."""
    low = _lower(sentence)
    found = []
    for pattern, claimant, side in _speaker_patterns():
        m = pattern.search(low)
        if m:
            found.append(Speaker(claimant, side, m.start()))
    return sorted(found, key=lambda s: s.start)


def claim_kinds(sentence: str, lang: str) -> list[str]:
    """The kinds of claim a sentence makes, in the ledger's order; a denial stands alone, an
    attempt to capture is an attack, and "nobody was hurt" is no casualty."""
    low = _lower(sentence)
    found = []
    for kind, by_lang in _claim_patterns().items():
        pattern = by_lang.get(lang) or by_lang["en"]
        if pattern.search(low):
            found.append(kind)
    if "denies" in found:
        return ["denies"]
    if ATTEMPT in found:
        found = [k for k in found if k != "captured"] + ["attacked"]
    if NO_CASUALTIES in found:
        found = [k for k in found if k != "casualties"]
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
