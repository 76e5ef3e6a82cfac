"""Shipments are declared to customs: a throw-away signing key per test session (as in tests/customs)."""

from __future__ import annotations

import pytest
from customs.customs_factories import make_key_pair

from marketplace.customs.signing import RsaSigner


@pytest.fixture(scope="session", autouse=True)
def _customs_signer(app, tmp_path_factory):
    key_pair = make_key_pair(tmp_path_factory.mktemp("shipments-signer"))
    app.config["CUSTOMS_SIGNING_KEY"], app.config["CUSTOMS_SIGNING_CERT"] = key_pair
    app.extensions["customs_signer"] = RsaSigner.from_files(*key_pair)
    app.config["CUSTOMS_CALLBACK_SECRET"] = "callback-secret"
    yield
