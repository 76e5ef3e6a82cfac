"""Name normalisation and fuzzy matching across Latin, Russian and Mongolian Cyrillic."""

from __future__ import annotations

import pytest

from marketplace.risk.matching import best_matches, name_key, similarity, transliterate

THRESHOLD = 88


def test_transliteration_table_covers_russian_and_mongolian_letters():
    assert transliterate("Иванов") == "ivanov"
    assert transliterate("Щукин") == "shchukin"
    assert transliterate("Өлзий Түмэн") == "olzii tumen"
    assert transliterate("Müller") == "muller"


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Ivanov", "Иванов"),
        ("Ivanov Trading LLC", "ООО Иванов Трейдинг"),
        ("IVANOV TRADING, L.L.C.", "ООО «Иванов Трейдинг»"),
        ("Sergei Petrovich Ivanov", "Иванов Сергей Петрович"),
        ("Altan Khuder Export LLC", "Алтан Хүдэр Экспорт ХХК"),
        ("Yevgeny Prigozhin", "Евгений Пригожин"),
    ],
)
def test_transliterated_names_match(latin, cyrillic):
    assert similarity(latin, cyrillic) >= THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ivakov", "Иванов"),  # one letter apart in a short name
        ("Petrov Trading LLC", "ООО Иванов Трейдинг"),  # same legal form and trade word, other name
        ("Ivanova Textiles", "ООО Иванов Трейдинг"),
        ("Altan Gobi Mining LLC", "Алтан Хүдэр Экспорт ХХК"),
    ],
)
def test_merely_similar_names_do_not_match(a, b):
    assert similarity(a, b) < THRESHOLD


def test_legal_forms_punctuation_and_case_are_ignored():
    assert name_key("OOO «Ivanov Trading»") == name_key("ivanov trading, L.L.C.") == "ivanov trading"
    assert name_key("Иванов Трейдинг ООО") == name_key("ООО «Иванов-Трейдинг»") == "ivanov treding"
    assert name_key("LLC") == ""
    assert similarity("LLC", "ООО") == 0.0  # nothing left to compare is never a match


def test_best_matches_reports_the_matched_alias_and_score_once_per_entry():
    candidates = [
        (1, "ООО Иванов Трейдинг", name_key("ООО Иванов Трейдинг")),
        (1, "Ivanov Treiding OOO", name_key("Ivanov Treiding OOO")),
        (2, "Петренко Алексей", name_key("Петренко Алексей")),
    ]
    found = best_matches("Ivanov Trading LLC", candidates, THRESHOLD)
    assert [m.entry_id for m in found] == [1]
    assert found[0].score >= THRESHOLD
    assert best_matches("Petrov Trading LLC", candidates, THRESHOLD) == []
