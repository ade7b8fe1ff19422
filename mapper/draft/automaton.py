"""One multi-pattern automaton over every name the gazetteer knows, built once and cached.

Every name of every place (with the English press's transcription of
Azerbaijani names, Mərcanlı -> Marjanli, as the gazetteer indexes it) is
reduced word by word to the gazetteer's phonetic skeleton; names that change
their last letter when declined also give their stem (Шуша -> "Шуш", for Шушу).
The patterns are kept in a cache file named for the gazetteer file, the
normaliser, this module's version and the places lexicon; later runs only build
the Aho-Corasick automaton from them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
import weakref
from functools import lru_cache
from pathlib import Path

import yaml

from gazetteer import Gazetteer
from gazetteer.normalize import NORMALISER_VERSION, aze_to_english, script_of, skeleton

__all__ = ["automaton_for", "key", "lexicon", "stems", "WORD"]

log = logging.getLogger(__name__)

LEXICON = Path(__file__).parent / "lexicons" / "places.yaml"
WORD = re.compile(r"[^\W\d_]+")
#: Skeleton keys shorter than this are too common to scan for.
MIN_KEY = 3
#: Names of more words than this are descriptions, not names to scan for.
MAXWORDS = 4


@lru_cache(maxsize=1)
def lexicon() -> dict:
    doc = yaml.safe_load(LEXICON.read_text(encoding="utf-8"))
    endings = {script: [(e.casefold(), r) for e, r in pairs] for script, pairs in doc["endings"].items()}
    descriptors = {w.casefold(): kind for kind, words in doc["descriptors"].items() for w in words}
    not_places = {w.casefold() for group in doc["not_places"] for w in group}
    return {
        "endings": endings,
        "ending_tails": {script: tuple({e for e, _ in pairs}) for script, pairs in endings.items()},
        "descriptors": descriptors,
        "not_places": not_places,
        "before_person": {w.casefold() for w in doc["before_a_person"]},
        "feature_after": {w.casefold() for w in doc.get("feature_after", ())},
        "surname": tuple(w.casefold() for w in doc["surname_endings"]),
        "list_words": sorted({w.casefold() for w in doc["list_words"]}, key=len, reverse=True),
        "between": {w.casefold() for w in doc["between_list_and_unit"]},
    }


@lru_cache(maxsize=300_000)
def key(word: str) -> str:
    return skeleton(word) or "~"


@lru_cache(maxsize=100_000)
def stems(word: str) -> tuple[str, ...]:
    """What a declined word may be: the word less a case ending, plus what replaces it."""
    low = word.casefold()
    endings = lexicon()["endings"].get(script_of(word), ())
    if not endings or not low.endswith(lexicon()["ending_tails"][script_of(word)]):
        return ()
    out = []
    for ending, repl in endings:
        if low.endswith(ending) and len(word) - len(ending) >= 3:
            out.append(word[: len(word) - len(ending)] + repl)
    return tuple(out)


class _Automaton:
    """The compiled patterns of one gazetteer: skeleton phrases, full names and stems.

    Reducing fifty thousand names to skeletons takes seconds; the patterns are
    kept in a cache file named for the gazetteer file, the normaliser and this
    module's version, so later runs only build the automaton (a tenth of that).
    """

    VERSION = 2  # bump when the patterns change

    def __init__(self, gaz: Gazetteer) -> None:
        import ahocorasick_rs

        patterns = self._cached(gaz)
        self.patterns = list(patterns)
        self.stem_only = [patterns[p] for p in self.patterns]
        self.full = {p for p, stem in patterns.items() if not stem}
        self.automaton = ahocorasick_rs.AhoCorasick(self.patterns)

    @classmethod
    def _cached(cls, gaz: Gazetteer) -> dict[str, bool]:
        try:
            stat = gaz.path.stat()
            key = hashlib.sha1(f"{gaz.path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{NORMALISER_VERSION}|"
                               f"{cls.VERSION}|{LEXICON.read_bytes().hex()}".encode()).hexdigest()[:16]
        except OSError:
            return cls._patterns(gaz)
        path = _cache_dir() / f"draft-patterns-{key}.json"
        try:
            with open(path, encoding="utf-8") as fh:
                doc = json.load(fh)
            return dict(zip(doc["patterns"], map(bool, doc["stem_only"])))
        except (OSError, ValueError, KeyError, TypeError):
            pass
        patterns = cls._patterns(gaz)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".draft-patterns-", dir=path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"patterns": list(patterns), "stem_only": [int(v) for v in patterns.values()]}, fh)
            os.replace(tmp, path)
        except OSError as exc:  # a read-only home: build each time
            log.info("cannot cache the draft automaton in %s: %s", path.parent, exc)
        return patterns

    @staticmethod
    def _patterns(gaz: Gazetteer) -> dict[str, bool]:
        patterns: dict[str, bool] = {}  # pattern -> True when it is only a stem
        for rec in gaz.records():
            texts = [n["text"] for n in rec["names"]]
            # The English press's transcription of Azerbaijani names (Mərcanlı -> Marjanli), as the gazetteer indexes it.
            texts += [aze_to_english(n["text"]) for n in rec["names"] if n["lang"] == "aze" or "ə" in n["text"].casefold()]
            for text in texts:
                words = WORD.findall(text)
                if not words or len(words) > MAXWORDS:
                    continue
                keys = [key(w) for w in words]
                phrase = " ".join(keys)
                if len(phrase.replace(" ", "")) < MIN_KEY:
                    continue
                patterns[phrase] = False
                # A stem for names that change their last letter when declined
                # (Шуша -> Шуше, Шушу), so that the automaton still sees them.
                last = words[-1]
                if len(last) > 4 and last[-1].casefold() in "аяыиеоaeiıouüəաիոեէ":
                    stem = " ".join([*keys[:-1], key(last[:-1])])
                    if len(stem.replace(" ", "")) >= MIN_KEY - 1:
                        patterns.setdefault(stem, True)
        return patterns


def _cache_dir() -> Path:
    env = os.environ.get("MAPPER_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    base = Path(env) if env else Path.home() / ".cache"
    return base if os.environ.get("MAPPER_CACHE_DIR") else base / "armaz-conflict-maps"


_AUTOMATA: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def automaton_for(gaz: Gazetteer) -> _Automaton:
    built = _AUTOMATA.get(gaz)
    if built is None:
        built = _AUTOMATA[gaz] = _Automaton(gaz)
    return built
