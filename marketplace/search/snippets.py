"""Highlighted snippets: the stored text re-analysed with the field's analyzer, words that a query
matched wrapped in <mark>, everything else HTML-escaped. Shared by every backend."""

from __future__ import annotations

from markupsafe import Markup, escape

from marketplace.search.analysis import QueryUnit, analyze
from marketplace.search.interface import SearchHit

FALLBACK = ("en", "zh", "ru", "mn")  # snippet languages tried after the viewer's
SNIPPET_CHARS = 200


def terms_for(units: list[QueryUnit], lang: str) -> tuple[set[str], tuple[str, ...]]:
    """(exact terms, prefixes) that the query looked for in fields of `lang`."""
    exact: set[str] = set()
    prefixes: set[str] = set()
    for unit in units:
        for part in unit.parts:
            exact.update(part.terms.get(lang, []))
            prefixes.update(part.prefixes.get(lang, []))
            if lang == "zh":
                exact.update(part.zh_all)
    return exact, tuple(sorted(prefixes))


def match_spans(text: str, lang: str, units: list[QueryUnit]) -> list[tuple[int, int]]:
    """Merged character ranges of the words of `text` that the query matches."""
    exact, prefixes = terms_for(units, lang)
    if not exact and not prefixes:
        return []
    spans = sorted(
        (start, end)
        for term, start, end in analyze(text, lang)
        if term in exact or (prefixes and term.startswith(prefixes))
    )
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, lang: str, units: list[QueryUnit], *, max_chars: int | None = None) -> Markup:
    """`text` escaped, with matches in <mark>; with `max_chars`, a fragment of about that length
    around the first match (or the beginning), cut at spaces and marked with an ellipsis."""
    text = text or ""
    spans = match_spans(text, lang, units)
    start, end = 0, len(text)
    if max_chars is not None and len(text) > max_chars:
        first = spans[0][0] if spans else 0
        start = max(0, first - max_chars // 4)
        if start:
            space = text.rfind(" ", 0, start + 1)
            start = space + 1 if space >= 0 and start - space < 20 else start
        end = min(len(text), start + max_chars)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start + max_chars // 2 else end
    out = [Markup("…") if start else Markup("")]
    position = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out.append(escape(text[position:s]))
        out.append(Markup("<mark>") + escape(text[s:e]) + Markup("</mark>"))
        position = e
    out.append(escape(text[position:end]))
    if end < len(text):
        out.append(Markup("…"))
    return Markup("").join(out)


def snippet_language(
    titles: dict[str, str], descriptions: dict[str, str], units: list[QueryUnit], viewer_lang: str
) -> str:
    """The viewer's language when the listing has it; else the first language (in fallback order)
    whose text the query matched; else the first the listing has."""
    have = [
        x for x in dict.fromkeys((viewer_lang, *FALLBACK, *titles)) if titles.get(x) or descriptions.get(x)
    ]
    if not have:
        return viewer_lang
    if viewer_lang in have:
        return viewer_lang
    for lang in have:
        text = f"{titles.get(lang, '')}\n{descriptions.get(lang, '')}"
        if match_spans(text, lang, units):
            return lang
    return have[0]


def make_hit(
    listing_id: int, score: float, content: dict, units: list[QueryUnit], viewer_lang: str
) -> SearchHit:
    """A hit with its title and snippet in the best language, from the stored `content`
    ({"t": titles by language, "d": descriptions by language})."""
    titles, descriptions = content.get("t") or {}, content.get("d") or {}
    lang = snippet_language(titles, descriptions, units, viewer_lang)
    title, description = titles.get(lang, ""), descriptions.get(lang, "")
    return SearchHit(
        listing_id=listing_id,
        score=score,
        snippet_html=str(highlight(description or title, lang, units, max_chars=SNIPPET_CHARS)),
        snippet_lang=lang,
        title_html=str(highlight(title, lang, units)),
    )
