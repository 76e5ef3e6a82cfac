"""Search text analysis: Chinese segmentation, Russian and English stemming, Mongolian normalisation,
identifiers, query splitting, highlighting; and that no input makes any of it raise."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pytest

from marketplace.search import analysis
from marketplace.search.analysis import (
    identifiers,
    mn_prefixes,
    query_terms,
    query_units,
    tokens_en,
    tokens_mn,
    tokens_ru,
    tokens_zh,
)
from marketplace.search.snippets import highlight


@pytest.fixture(scope="module", autouse=True)
def _jieba(tmp_path_factory):
    """jieba loads once per process (~2 s); its cache goes to the session's temp folder."""
    analysis.init_jieba(tmp_path_factory.getbasetemp() / "jieba")


def test_jieba_cache_is_not_in_the_system_temp_dir(tmp_path_factory):
    import jieba

    folder = tmp_path_factory.getbasetemp() / "jieba"
    assert Path(jieba.dt.tmp_dir) == folder != Path(tempfile.gettempdir())
    assert (folder / "jieba.cache").is_file()
    analysis.init_jieba("/nonexistent/elsewhere")  # later calls do nothing
    assert Path(jieba.dt.tmp_dir) == folder


# -- Chinese ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, word",
    [
        ("鄂尔多斯产羊绒衫", "羊绒"),
        ("铜芯电力电缆", "电缆"),
        ("煤制甲醇，槽车运输", "甲醇"),
        ("聚丙烯T30S拉丝级", "聚丙烯"),
        ("聚丙烯T30S拉丝级", "t30s"),
    ],
)
def test_chinese_is_segmented_into_words_in_search_mode(text, word):
    assert word in tokens_zh(text)


def test_chinese_drops_punctuation_and_lowercases_latin():
    tokens = tokens_zh("PP均聚物，25公斤袋装！（ＴＳ３０）")
    assert "pp" in tokens and "ts30" in tokens and "袋装" in tokens
    assert not any(t in tokens for t in ("，", "！", "（", "）"))


def test_chinese_text_is_also_indexed_as_bigrams():
    tokens = tokens_zh("山羊绒及制品 / 羊绒纱线")  # jieba: 羊绒纱 + 线
    assert "纱线" in tokens and "羊绒" in tokens
    assert tokens.count("羊绒") == 2  # a word and a bigram at the same place count once


def test_chinese_query_words_may_match_as_their_bigrams():
    units = query_units("鄂尔多斯羊绒")
    assert [u.text for u in units] == ["鄂尔多斯", "羊绒"]
    assert units[0].parts[0].terms == {"zh": ["鄂尔多斯"]}
    assert units[0].parts[0].zh_all == ["鄂尔", "尔多", "多斯"]  # all of them, as an alternative
    assert units[1].parts[0].zh_all == []


# -- Russian, English, Mongolian -------------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b",
    [
        ("кабелем", "кабели"),
        ("поставки", "поставка"),
        ("полипропилена", "полипропилен"),
        ("Ёлки", "елка"),
    ],
)
def test_russian_word_forms_share_a_stem(a, b):
    assert tokens_ru(a) == tokens_ru(b) != []


def test_russian_drops_stop_words():
    assert tokens_ru("для и в пряжа") == tokens_ru("пряжа")


@pytest.mark.parametrize(
    "a, b", [("cables", "cable"), ("sweaters", "sweater"), ("Polypropylene", "polypropylenes")]
)
def test_english_is_stemmed(a, b):
    assert tokens_en(a) == tokens_en(b) != []


def test_english_stop_words_are_dropped():
    assert tokens_en("the yarn of cashmere") == tokens_en("yarn cashmere")


def test_mongolian_is_normalised_not_stemmed():
    assert tokens_mn("НООЛУУРАН Цамц") == ["ноолууран", "цамц"]
    assert tokens_mn("Ёроол") == tokens_mn("ероол") == ["ероол"]
    assert tokens_mn("Үс Өвөл") == ["үс", "өвөл"]  # Ү, Ө stay distinct from У, О
    assert tokens_mn("үс") != tokens_mn("ус")
    assert tokens_mn("өвөл") != tokens_mn("овол")


@pytest.mark.parametrize(
    "word, prefix",
    [("ноолуурын", "ноолуур"), ("ноолууран", "ноолууран"), ("машинуудын", "машин"), ("үс", "үс")],
)
def test_mongolian_query_words_lose_one_common_ending(word, prefix):
    assert mn_prefixes(word) == [prefix]


def test_offsets_point_at_the_original_text():
    text = "Поставки ПЭНД: 羊绒衫 и Ёроол"
    for lang in analysis.LANGS:
        for term, start, end in analysis.analyze(text, lang):
            assert 0 <= start < end <= len(text), (lang, term)
            assert text[start:end].strip()


# -- identifiers -----------------------------------------------------------------------------------


def test_cas_numbers_with_and_without_hyphens():
    assert identifiers("9003-07-0") == ["cas:9003-07-0", "cas:9003070"]
    assert set(identifiers("9003070")) >= {"cas:9003-07-0", "cas:9003070"}
    assert set(identifiers("9003070", query=True)) >= {"cas:9003-07-0", "cas:9003070"}
    assert not any(x.startswith("cas:") for x in identifiers("9003071"))  # wrong check digit


def test_hs_codes_store_every_prefix_and_queries_match_one():
    assert set(identifiers("3902100090")) >= {"hs:39", "hs:3902", "hs:390210", "hs:39021000", "hs:3902100090"}
    assert "hs:3902" in identifiers("3902", query=True)
    assert "hs:39" not in identifiers("3902", query=True)
    assert identifiers("3902.10", query=True) == ["hs:390210"]
    assert "hs:39" in identifiers("HS 39", query=True)


def test_vins_model_codes_un_and_ec_numbers():
    assert "vin:LGXCE4CB0P0000001" in identifiers("lgxce4cb0p0000001")
    assert identifiers("T30S") == ["model:T30S"]
    assert identifiers("SG-5") == identifiers("sg5") == ["model:SG5"]
    assert identifiers("S1003") == ["model:S1003"]
    assert "un:1230" in identifiers("UN1230") and "un:1230" in identifiers("1230", query=True)
    assert identifiers("200-659-6")[:2] == ["ec:200-659-6", "ec:2006596"]
    assert identifiers("coal-to-olefins plain words") == []


# -- queries ---------------------------------------------------------------------------------------


def test_query_terms_run_every_analyzer_whatever_the_page_language():
    terms = query_terms("Polypropylene 电缆 кабелем", "ru")
    assert next(iter(terms)) == "ru"
    assert "polypropylen" in terms["en"]
    assert "电缆" in terms["zh"]
    assert "кабел" in terms["ru"]
    assert "кабелем" in terms["mn"]
    assert terms["ids"] == []
    assert query_terms("9003-07-0 T30S", "en")["ids"] == ["cas:9003-07-0", "cas:9003070", "model:T30S"]


def test_query_syntax_is_plain_words():
    assert [u.text for u in query_units('AND OR NOT ( "polypropylene')] == ["NOT", '"polypropylene']
    assert query_units("!!! ((( ::: ***") == []
    assert query_units("title:pp^5 ~2") != []


# -- highlighting ----------------------------------------------------------------------------------


def test_highlight_marks_matches_and_escapes_the_rest():
    units = query_units("кабель")
    html = highlight("Кабели <b>силовые</b> & провода", "ru", units)
    assert html == "<mark>Кабели</mark> &lt;b&gt;силовые&lt;/b&gt; &amp; провода"


def test_highlight_cuts_a_fragment_around_the_first_match():
    text = "Слово " * 100 + "кабелем " + "слово " * 100
    html = highlight(text, "ru", query_units("кабели"), max_chars=80)
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>кабелем</mark>" in html
    assert len(html) < 140


def test_highlight_mongolian_prefixes_and_overlapping_chinese_words():
    assert "<mark>Ноолууран</mark>" in highlight("Ноолууран цамц", "mn", query_units("ноолуурын"))
    assert highlight("羊绒衫", "zh", query_units("羊绒")) == "<mark>羊绒</mark>衫"
    assert highlight("羊绒衫", "zh", query_units("羊绒衫")) == "<mark>羊绒衫</mark>"


# -- never raises ----------------------------------------------------------------------------------


def _random_text(rng: random.Random, n: int) -> str:
    ranges = [(0x20, 0x7E), (0x400, 0x4FF), (0x4E00, 0x9FFF), (0x300, 0x36F), (0x0, 0x1F), (0x1F300, 0x1F6FF)]
    ranges += [(0xFF00, 0xFFEF), (0x2000, 0x206F), (0x600, 0x6FF), (0xD7B0, 0xD7FF), (0x10000, 0x10FFFF)]
    out = []
    for _ in range(n):
        low, high = rng.choice(ranges)
        out.append(chr(rng.randint(low, high)))
    return "".join(out)


def test_random_unicode_never_raises():
    rng = random.Random(20240501)
    samples = [_random_text(rng, rng.randint(0, 60)) for _ in range(300)]
    samples += ["", " ", "\x00", "\ud800", "-" * 50, "9" * 40, "a" * 5000, None, 12345, b"bytes"]
    for text in samples:
        for fn in (tokens_zh, tokens_en, tokens_ru, tokens_mn, identifiers, analysis.spelling_words):
            assert isinstance(fn(text), list)
        assert isinstance(query_terms(text, "mn"), dict)
        assert isinstance(identifiers(text, query=True), list)
        units = query_units(text)
        assert isinstance(highlight(str(text), "zh", units, max_chars=40), str)
