"""Text analysis for search, per field language; pure functions shared by every backend.

- Chinese (any field): runs of Han characters are segmented with jieba in search mode (a word and the
  dictionary words inside it: 羊绒衫 → 羊绒, 羊绒衫), plus every character bigram, so a 2-character
  word matches wherever it is written, however jieba cut the text around it. Query words of 3+
  characters match as the word or as all of its bigrams.
- Russian: lower case, ё → е, Snowball stemming (PyStemmer): кабелем / кабели → кабел. Queries also
  try the stem of the stem and long stems as prefixes (Snowball cuts самосвал to самосва but
  самосвалы to самосвал).
- English: lower case, a few stop words dropped, Snowball stemming.
- Mongolian Cyrillic: lower case, ё → е, Ө/Ү kept distinct from О/У, no stemmer (none exists); queries
  match normalised words by prefix (`mn_prefixes`).
- Identifiers (`identifiers`): CAS, EC and UN numbers, HS codes, VINs and model codes, normalised into
  namespaced exact terms ("cas:67-56-1", "hs:3902", "model:T30S").

Nothing here raises on any input: text is normalised (NFKC), capped in length, and what is not a word
is dropped. jieba is loaded once per process (`init_jieba`), with its cache under the instance folder.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

LANGS = ("zh", "en", "ru", "mn")
MAX_TEXT = 20_000  # characters analysed per field value
MAX_QUERY = 256  # characters of a user query that are looked at
MAX_UNITS = 12  # words of a query that count
MAX_PARTS = 8  # words of one identifier-like piece ("coal-to-olefins") that count
MAX_TOKEN = 60  # longer "words" are dropped (hashes, garbage)

Token = tuple[str, int, int]  # (term, start char, end char) in the original text

# -- scanning --------------------------------------------------------------------------------------

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_SCAN_RE = re.compile(rf"(?P<han>[{_HAN}]+)|(?P<word>(?:(?![{_HAN}])[^\W_]|[\u0300-\u036f])+)")
_WORD_RE = re.compile(r"[^\W_]+")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ud800-\udfff]")


def _clean(text: Any, limit: int = MAX_TEXT) -> str:
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    return text[:limit]


def _scan(text: str) -> Iterator[tuple[str, str, int, int]]:
    """(kind, chunk, start, end) for each Han run ("han") or other word ("word")."""
    for m in _SCAN_RE.finditer(text):
        kind = "han" if m.group("han") else "word"
        yield kind, m.group(0), m.start(), m.end()


def _norm_words(word: str) -> list[str]:
    """NFKC, lower case, ё → е; split again if normalisation produced separators (e.g. "½")."""
    norm = unicodedata.normalize("NFKC", word).lower().replace("ё", "е")
    if _WORD_RE.fullmatch(norm):
        return [norm] if len(norm) <= MAX_TOKEN else []
    return [w for w in _WORD_RE.findall(norm) if len(w) <= MAX_TOKEN]


# -- jieba (once per process) ----------------------------------------------------------------------

_jieba_lock = threading.Lock()
_jieba: Any = None


def _default_cache_dir() -> Path:
    try:
        from flask import current_app

        return Path(current_app.instance_path)
    except RuntimeError:  # no application context
        from marketplace import PROJECT_ROOT

        return PROJECT_ROOT / "instance"


def init_jieba(cache_dir: str | Path | None = None) -> None:
    """Load jieba's dictionary (~2 s the first time) with its cache file in `cache_dir` (default:
    the app's instance folder), never in the system temp dir. Later calls do nothing."""
    global _jieba
    if _jieba is not None:
        return
    with _jieba_lock:
        if _jieba is not None:
            return
        with warnings.catch_warnings():
            # jieba 0.42 imports pkg_resources and has old-style regex escapes: only its import is
            # shielded from the warnings those raise.
            for category in (DeprecationWarning, PendingDeprecationWarning, SyntaxWarning):
                warnings.simplefilter("ignore", category)
            warnings.filterwarnings("ignore", message=".*pkg_resources.*")
            import jieba
        jieba.setLogLevel(logging.WARNING)
        directory = Path(cache_dir) if cache_dir is not None else _default_cache_dir()
        directory.mkdir(parents=True, exist_ok=True)
        jieba.dt.tmp_dir = str(directory)
        jieba.dt.cache_file = "jieba.cache"
        jieba.dt.initialize()
        _jieba = jieba


def _segment(run: str, offset: int) -> Iterator[Token]:
    """Index tokens of a run of Han characters: jieba's search-mode words (a word and the dictionary
    words inside it) and every character bigram, so that any 2-character word written in the text
    matches even where jieba segmented it differently (羊绒纱线 → 羊绒纱 + 线, yet 纱线 is found)."""
    for word, start, end in _han_tokens(run):
        yield word, offset + start, offset + end


@lru_cache(maxsize=50_000)
def _han_tokens(run: str) -> tuple[Token, ...]:
    init_jieba()
    out = []
    seen = set()
    for word, start, end in _jieba.tokenize(run, mode="search"):
        if word not in ZH_STOP and _WORD_RE.search(word):
            seen.add((word, start))
            out.append((word, start, end))
    for start in range(len(run) - 1):
        bigram = run[start : start + 2]
        if (bigram, start) not in seen:
            out.append((bigram, start, start + 2))
    return tuple(out)


def bigrams(word: str) -> list[str]:
    return list(dict.fromkeys(word[i : i + 2] for i in range(len(word) - 1)))


# -- stemmers (PyStemmer objects are not shared between threads) -----------------------------------

_stemmers = threading.local()


def _stemmer(lang: str):
    cache = getattr(_stemmers, "by_lang", None)
    if cache is None:
        cache = _stemmers.by_lang = {}
    if lang not in cache:
        import Stemmer

        cache[lang] = Stemmer.Stemmer({"en": "english", "ru": "russian"}[lang])
    return cache[lang]


# Small stop-word lists (space-separated for legibility).
EN_STOP = frozenset("a an and are as at be by for from in into is it of on or the to with".split())  # noqa: SIM905
RU_STOP = frozenset("а в во для до и из или к ко на не но о об от по при с со у за".split())  # noqa: SIM905
MN_STOP = frozenset("ба болон буюу бол нь юм энэ тэр мөн гэж эсвэл".split())  # noqa: SIM905
ZH_STOP = frozenset("的 了 和 与 及 或 是 等 之 其 并 也 而 于".split())  # noqa: SIM905


@lru_cache(maxsize=200_000)
def _word_terms(word: str, lang: str) -> tuple[str, ...]:
    """Index terms of one non-Han word in a field of `lang` (cached: vocabularies are small)."""
    out = []
    for w in _norm_words(word):
        if lang == "en":
            if w in EN_STOP:
                continue
            w = _stemmer("en").stemWord(w)
        elif lang == "ru":
            if w in RU_STOP:
                continue
            w = _stemmer("ru").stemWord(w)
        elif lang == "mn" and w in MN_STOP:
            continue
        if w:
            out.append(w)
    return tuple(out)


def clear_caches() -> None:
    """Forget the memoised analysis of words and Han runs (benchmarks start each backend cold)."""
    _word_terms.cache_clear()
    _han_tokens.cache_clear()


def analyze(text: Any, lang: str) -> list[Token]:
    """Index tokens of a field value in `lang` ("zh", "en", "ru", "mn"; anything else is treated like
    "zh": words lower-cased, Han segmented) with their character offsets in `text`."""
    text = _clean(text)
    tokens: list[Token] = []
    for kind, chunk, start, end in _scan(text):
        if kind == "han":
            tokens.extend(_segment(chunk, start))
        else:
            tokens.extend((term, start, end) for term in _word_terms(chunk, lang))
    return tokens


def tokens_zh(text: Any) -> list[str]:
    return [t for t, _, _ in analyze(text, "zh")]


def tokens_en(text: Any) -> list[str]:
    return [t for t, _, _ in analyze(text, "en")]


def tokens_ru(text: Any) -> list[str]:
    return [t for t, _, _ in analyze(text, "ru")]


def tokens_mn(text: Any) -> list[str]:
    return [t for t, _, _ in analyze(text, "mn")]


# Mongolian case and plural endings stripped from query words, so that a searched "ноолуурын" also
# finds "ноолуур" and "ноолууран" (matched by prefix).
_MN_SUFFIXES = (  # noqa: SIM905
    "нууд нүүд ууд үүд чууд "
    "аас ээс оос өөс гаас гээс гоос гөөс аар ээр оор өөр гаар гээр гоор гөөр "
    "тай тэй той руу рүү луу лүү ийн ын ний ийг ыг нд"
).split()
MN_MIN_STEM = 4


def mn_prefixes(word: str) -> list[str]:
    """Prefixes a normalised Mongolian query word is matched with: the word without up to two common
    endings (the shortest each time, plural then case: машинуудын → машинууд → машин), keeping at
    least `MN_MIN_STEM` characters."""
    for _ in range(2):
        endings = [s for s in _MN_SUFFIXES if word.endswith(s) and len(word) - len(s) >= MN_MIN_STEM]
        if not endings:
            break
        word = word[: -len(min(endings, key=len))]
    return [word]


# -- identifiers -----------------------------------------------------------------------------------

_CAS_RE = re.compile(r"(?<![\d-])(\d{2,7})-(\d{2})-(\d)(?![\d-])")
_EC_RE = re.compile(r"(?<![\d-])(\d{3})-(\d{3})-(\d)(?![\d-])")
_UN_RE = re.compile(r"(?<![A-Z0-9])UN[\s-]?(\d{4})(?!\d)")
_HS_EXPLICIT_RE = re.compile(r"(?<![A-Z0-9])HS\s*(?:CODE)?\s*[:.]?\s*(\d{2}(?:[\d.\s]*\d)?)")
_HS_DOTTED_RE = re.compile(r"(?<![\d.])(\d{4}\.\d{2}(?:\.?\d{2}){0,2})(?![\d.])")
_DIGITS_RE = re.compile(r"(?<![\dA-Z.-])(\d+)(?![\dA-Z.-])")
_VIN_RE = re.compile(r"(?<![A-Z0-9])([A-HJ-NPR-Z0-9]{17})(?![A-Z0-9])")
_CODE_RE = re.compile(r"(?<![A-Z0-9])([A-Z0-9]+(?:[-/][A-Z0-9]+)*)(?![A-Z0-9])")


def _cas_valid(digits: str) -> bool:
    body, check = digits[:-1], digits[-1]
    total = sum(int(d) * i for i, d in enumerate(reversed(body), start=1))
    return total % 10 == int(check)


def _cas_forms(digits: str) -> list[str]:
    return [f"cas:{digits[:-3]}-{digits[-3:-1]}-{digits[-1]}", f"cas:{digits}"]


def _hs_forms(digits: str, *, query: bool) -> list[str]:
    if query:
        return [f"hs:{digits}"] if 2 <= len(digits) <= 10 and len(digits) % 2 == 0 else []
    return [f"hs:{digits[:n]}" for n in (2, 4, 6, 8, 10) if n <= len(digits)]


def identifiers(text: Any, *, query: bool = False) -> list[str]:
    """Identifier terms found in `text`, namespaced and normalised:

    - CAS numbers in both forms ("cas:9003-07-0", "cas:9003070"); digits without hyphens count as a
      CAS number when the check digit is right;
    - EC numbers in both forms ("ec:200-659-6", "ec:2006596"); UN numbers ("un:1230");
    - HS codes ("3902.10", "HS 3902", or 6/8/10 digits): for a stored code (query=False) every prefix
      of 2, 4, 6, 8 and 10 digits ("hs:39", "hs:3902", "hs:390210", …); in a query (query=True) the
      code as typed, so `3902` finds 3902.10 listings (4-digit numbers are also tried as UN numbers);
    - VINs, upper case ("vin:LGXCE4CB0P0000001");
    - model codes: letter-and-digit words, upper case without hyphens or slashes ("model:T30S",
      "SG-5" → "model:SG5").
    """
    text = unicodedata.normalize("NFKC", _clean(text, 2000)).upper()
    out: list[str] = []
    for m in _CAS_RE.finditer(text):
        out.extend(_cas_forms("".join(m.groups())))
    for m in _EC_RE.finditer(text):
        out.extend([f"ec:{m.group(1)}-{m.group(2)}-{m.group(3)}", "ec:" + "".join(m.groups())])
    for m in _UN_RE.finditer(text):
        out.append(f"un:{m.group(1)}")
    for m in _HS_EXPLICIT_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group(1))
        out.extend(_hs_forms(digits, query=True) if query else _hs_forms(digits, query=False))
    for m in _HS_DOTTED_RE.finditer(text):
        out.extend(_hs_forms(m.group(1).replace(".", ""), query=query))
    for m in _DIGITS_RE.finditer(text):
        digits = m.group(1)
        if len(digits) > 10:
            continue
        if len(digits) >= 5 and _cas_valid(digits):
            out.extend(_cas_forms(digits))
        if query and len(digits) in (4, 6, 8, 10):
            out.extend(_hs_forms(digits, query=True))
        elif not query and len(digits) in (6, 8, 10):
            out.extend(_hs_forms(digits, query=False))
        if query and len(digits) == 4:
            out.append(f"un:{digits}")
    for m in _VIN_RE.finditer(text):
        vin = m.group(1)
        if re.search(r"[A-Z]", vin) and re.search(r"\d", vin):
            out.append(f"vin:{vin}")
    for m in _CODE_RE.finditer(text):
        code = re.sub(r"[-/]", "", m.group(1))
        if 2 <= len(code) <= 24 and re.search(r"[A-Z]", code) and re.search(r"\d", code):
            out.append(f"model:{code}")
    return list(dict.fromkeys(out))


def model_codes(text: Any) -> list[str]:
    """Only the model-code terms of `identifiers(text)`."""
    return [x for x in identifiers(text) if x.startswith("model:")]


# -- queries ---------------------------------------------------------------------------------------


@dataclass
class QueryPart:
    """One word of a query and how it may match, per field language: `terms` exactly, `prefixes` as
    word prefixes, or — for a Chinese word of 3+ characters — all of `zh_all` (its bigrams) in the
    Chinese fields. Any of these is enough."""

    text: str
    terms: dict[str, list[str]] = field(default_factory=dict)
    prefixes: dict[str, list[str]] = field(default_factory=dict)
    zh_all: list[str] = field(default_factory=list)


@dataclass
class QueryUnit:
    """What one whitespace-separated piece of a query must match: any of `ids` exactly, or all of
    `parts` (each in any language's fields). A query matches documents that match every unit."""

    text: str
    ids: list[str] = field(default_factory=list)
    parts: list[QueryPart] = field(default_factory=list)


RU_MIN_PREFIX = 5  # Russian stems at least this long also match as prefixes


def _part_for_word(word: str) -> QueryPart | None:
    norm = _norm_words(word)
    cyrillic = bool(_CYRILLIC_RE.search(word))
    # a stop word in the language(s) of its script is dropped altogether
    if cyrillic and all(w in RU_STOP or w in MN_STOP for w in norm):
        return None
    if not cyrillic and all(w in EN_STOP for w in norm):
        return None
    part = QueryPart(word)
    for lang in ("ru", "mn") if cyrillic else LANGS:
        if lang == "zh":
            found = norm
        elif lang == "mn":
            part.prefixes["mn"] = list(
                dict.fromkeys(p for w in _word_terms(word, "mn") for p in mn_prefixes(w))
            )
            continue
        elif lang == "ru":
            # Snowball stems some forms twice as far (самосвалы → самосвал, самосвал → самосва): the
            # query also tries the stem of its stem, and a long stem as a prefix.
            stems = _word_terms(word, "ru")
            found = [*stems, *(_stemmer("ru").stemWord(x) for x in stems)]
            part.prefixes["ru"] = [x for x in stems if len(x) >= RU_MIN_PREFIX and _CYRILLIC_RE.search(x)]
        else:
            found = _word_terms(word, lang)
        if found:
            part.terms[lang] = list(dict.fromkeys(found))
    part.prefixes = {k: v for k, v in part.prefixes.items() if v}
    return part if part.terms or part.prefixes else None


def _han_parts(run: str) -> list[QueryPart]:
    """Each word of a Han run (jieba's default mode). A word of 3+ characters also matches as all of
    its bigrams (text segmented differently); it is not widened to the words inside it, so 聚丙烯
    does not find every 丙烯 listing."""
    init_jieba()
    parts = []
    for word, start, end in _jieba.tokenize(run, mode="default"):
        if word in ZH_STOP or not _WORD_RE.search(word):
            continue
        parts.append(
            QueryPart(run[start:end], {"zh": [word]}, zh_all=bigrams(word) if len(word) >= 3 else [])
        )
    return parts


def query_units(q: Any) -> list[QueryUnit]:
    """Split a user query into units (never raises; syntax characters are plain separators)."""
    text = _CONTROL_RE.sub(" ", unicodedata.normalize("NFKC", _clean(q, MAX_QUERY)))
    units: list[QueryUnit] = []
    for chunk in text.split():
        # Han runs become one unit per word; other runs may be identifiers.
        pieces = re.split(rf"([{_HAN}]+)", chunk)
        for piece in pieces:
            if not piece:
                continue
            if re.fullmatch(rf"[{_HAN}]+", piece):
                units.extend(QueryUnit(p.text, parts=[p]) for p in _han_parts(piece))
                continue
            ids = identifiers(piece, query=True)
            parts = [p for w in _WORD_RE.findall(piece)[:MAX_PARTS] if (p := _part_for_word(w))]
            if ids or parts:
                units.append(QueryUnit(piece, ids=ids, parts=parts))
    return units[:MAX_UNITS]


def query_terms(q: Any, lang: str = "en") -> dict[str, list[str]]:
    """Every term of a query per field language ("zh", "en", "ru", "mn"; exact terms, prefixes and
    bigrams alike — the Mongolian ones are all prefixes) and "ids", de-duplicated. All analyzers run
    whatever `lang` (the viewer's language, whose key comes first): a buyer may type Chinese on the
    English page."""
    order = [lang] if lang in LANGS else []
    order += [x for x in LANGS if x not in order]
    out: dict[str, list[str]] = {key: [] for key in (*order, "ids")}
    for unit in query_units(q):
        out["ids"].extend(unit.ids)
        for part in unit.parts:
            for source in (part.terms, part.prefixes):
                for key, terms in source.items():
                    out[key].extend(terms)
            out["zh"].extend(part.zh_all)
    return {key: list(dict.fromkeys(values)) for key, values in out.items()}


def spelling_words(text: Any) -> list[str]:
    """Unstemmed normalised words (3+ letters, not digits) offered as "did you mean" corrections."""
    words = []
    for kind, chunk, _, _ in _scan(_clean(text)):
        if kind == "word":
            words.extend(w for w in _norm_words(chunk) if len(w) >= 3 and not any(c.isdigit() for c in w))
    return words
