"""Customs test setup: a throw-away RSA key and self-signed certificate made per test session
(no private key is committed), installed as the app's signer."""

from __future__ import annotations

import pytest

from customs.customs_factories import make_key_pair
from marketplace.customs.signing import RsaSigner


@pytest.fixture(scope="session")
def key_pair(tmp_path_factory):
    return make_key_pair(tmp_path_factory.mktemp("signer"))


@pytest.fixture(scope="session", autouse=True)
def _customs_signer(app, key_pair):
    app.config["CUSTOMS_SIGNING_KEY"], app.config["CUSTOMS_SIGNING_CERT"] = key_pair
    app.extensions["customs_signer"] = RsaSigner.from_files(*key_pair)
    app.config["CUSTOMS_CALLBACK_SECRET"] = "callback-secret"
    yield
