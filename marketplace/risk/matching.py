"""Name matching for denied-party screening across Latin and Cyrillic (Russian and Mongolian).

A name is reduced to a key: Cyrillic transliterated to Latin with the table below, legal-form words
(LLC, ООО, ХХК, GmbH…) and punctuation dropped, then spelling variants that transliteration produces
folded together (kh/h, y/i, doubled letters…), so "Иванов" and "Ivanov" have the same key and "ООО
Иванов Трейдинг" is close to "Ivanov Trading LLC". Keys are compared with RapidFuzz's token-sort
ratio (0–100), the tokens sorted so "Ivanov Sergei" and "Сергей Иванов" agree."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz, process

# Russian (GOST 7.79 / passport style) plus the Mongolian letters Ө and Ү.
CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ө": "o", "ү": "u", "і": "i",
    "ї": "i", "є": "e", "ґ": "g", "ў": "u", "қ": "k", "ң": "n", "ғ": "g", "ұ": "u", "һ": "h",
}  # fmt: skip

# Legal forms in Latin, and Russian/Mongolian ones as they read after transliteration.
LEGAL_FORMS = frozenset(
    """llc ltd limited inc incorporated corp corporation co company gmbh ag sa sarl bv nv plc
    jsc cjsc pjsc ojsc llp lp kft sro spa srl oy ab as kk pte pvt fze fzco
    ooo zao oao pao ao nao ip tov pp chp
    obshchestvo ogranichennoi otvetstvennostiu aktsionernoe zakrytoe otkrytoe publichnoe
    khkhk kkhk khk tkhkh xxk hhk kompani kompaniya""".split()  # noqa: SIM905 - a word list reads better as text
)

# Spelling variants transliteration produces, folded in this order on each token.
_FOLDS = (
    ("shch", "sh"), ("dzh", "j"), ("zh", "j"), ("kh", "h"), ("ts", "c"), ("tz", "c"), ("ch", "c"),
    ("ph", "f"), ("w", "v"), ("ck", "k"), ("q", "k"), ("x", "ks"), ("yu", "u"), ("ya", "a"),
    ("iu", "u"), ("ia", "a"), ("y", "i"), ("j", "i"), ("ei", "e"), ("ee", "i"), ("ou", "u"),
)  # fmt: skip
_DOUBLE = re.compile(r"(.)\1+")
_TOKEN = re.compile(r"[a-z0-9]+")


def transliterate(text: str) -> str:
    """Lower-cased Latin: Cyrillic through the table, accents removed from Latin letters."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    out = "".join(CYRILLIC.get(ch, ch) for ch in text)
    decomposed = unicodedata.normalize("NFKD", out)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _fold(token: str) -> str:
    for old, new in _FOLDS:
        token = token.replace(old, new)
    return _DOUBLE.sub(r"\1", token)


def name_key(name: str) -> str:
    """The comparable form of a name (empty if only legal-form words and punctuation)."""
    # Dots join abbreviations ("L.L.C." is "llc"); every other non-alphanumeric separates words.
    tokens = [t for t in _TOKEN.findall(transliterate(name).replace(".", "")) if t not in LEGAL_FORMS]
    return " ".join(_fold(t) for t in tokens)


def similarity(a: str, b: str) -> float:
    """0–100: how alike two names are after normalisation."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return 0.0
    return float(fuzz.token_sort_ratio(ka, kb))


@dataclass(frozen=True)
class Match:
    entry_id: int
    matched_name: str  # the entry's name or alias that matched
    score: float


def best_matches(name: str, candidates: list[tuple[int, str, str]], threshold: float) -> list[Match]:
    """Entries whose key is at least `threshold` alike with `name`'s key, best first, one per entry.
    `candidates` are (entry id, name or alias as listed, its key)."""
    key = name_key(name)
    if not key or not candidates:
        return []
    found = process.extract(
        key,
        [c[2] for c in candidates],
        scorer=fuzz.token_sort_ratio,
        score_cutoff=threshold,
        limit=None,
    )
    best: dict[int, Match] = {}
    for _key, score, index in found:
        entry_id, listed, _ = candidates[index]
        if entry_id not in best or score > best[entry_id].score:
            best[entry_id] = Match(entry_id, listed, round(float(score), 1))
    return sorted(best.values(), key=lambda m: -m.score)
