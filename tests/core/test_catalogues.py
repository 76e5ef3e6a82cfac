"""Every UI string in the code is translated in every catalogue (zh, en, ru, mn)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LANGS = ["zh", "en", "ru", "mn"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sdfr]")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "-q",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "_nl:1,2",
            "--no-location",
            "-o",
            str(pot),
            ".",
        ],
        cwd=ROOT,
        check=True,
    )
    with pot.open("rb") as f:
        return read_po(f)


def _catalog(lang):
    with (ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f)


@pytest.mark.parametrize("lang", LANGS)
def test_catalogue_is_complete(extracted, lang):
    catalog = _catalog(lang)
    missing, empty, fuzzy = [], [], []
    for msg in extracted:
        if not msg.id:
            continue
        entry = catalog.get(msg.id)
        if entry is None:
            missing.append(msg.id)
            continue
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if not all(strings):
            empty.append(msg.id)
        if entry.fuzzy:
            fuzzy.append(msg.id)
    assert not missing, f"{lang}: not in the catalogue (run make extract-messages): {missing}"
    assert not empty, f"{lang}: untranslated: {empty}"
    assert not fuzzy, f"{lang}: fuzzy: {fuzzy}"


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_survive_translation(lang):
    for msg in _catalog(lang):
        if not msg.id:
            continue
        ids = msg.id if isinstance(msg.id, tuple) else (msg.id,)
        strings = msg.string if isinstance(msg.string, tuple) else (msg.string,)
        expected = set(PLACEHOLDER.findall(ids[-1]))
        for s in strings:
            assert set(PLACEHOLDER.findall(s)) == expected, (lang, msg.id, s)


def test_babel_extraction_sees_templates_and_python(extracted):
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in extracted}
    assert "Log in" in ids  # templates
    assert "Enter a valid e-mail address." in ids  # Python (lazy_gettext)
    assert "Not a valid choice." in ids  # WTForms messages routed through our catalogue
