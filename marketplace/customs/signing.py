"""Signing of CEB messages: enveloped XML-DSig, C14N 1.0, RSA-SHA1 as the 202205 spec allows.

SM2 signing needs the enterprise's hardware key (UKey or crypto server), so signing sits behind the
`Signer` interface; `RsaSigner` is the software signer for this platform's own certificate."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from lxml import etree
from signxml import CanonicalizationMethod, DigestAlgorithm, SignatureMethod, XMLSigner, XMLVerifier
from signxml.exceptions import SignXMLException
from signxml.verifier import SignatureConfiguration

_RSA_SHA1 = SignatureConfiguration(
    signature_methods=frozenset({SignatureMethod.RSA_SHA1}),
    digest_algorithms=frozenset({DigestAlgorithm.SHA1}),
)


class Signer(Protocol):
    def sign(self, root: etree._Element) -> etree._Element: ...

    def verify(self, root: etree._Element) -> bool: ...


class _Sha1Signer(XMLSigner):
    # signxml refuses SHA-1 by default; the customs spec names RSA-SHA1 as its non-SM2 algorithm,
    # and signxml documents overriding this check for such interoperability needs.
    def check_deprecated_methods(self) -> None:
        return None


class RsaSigner:
    """Software RSA-SHA1 signer from a PEM key file and certificate file."""

    def __init__(self, key_pem: bytes, cert_pem: bytes, password: bytes | None = None):
        self.key = serialization.load_pem_private_key(key_pem, password=password)
        self.cert = x509.load_pem_x509_certificate(cert_pem)
        self.key_name = format(self.cert.serial_number, "x")
        self._signer = _Sha1Signer(
            signature_algorithm=SignatureMethod.RSA_SHA1,
            digest_algorithm=DigestAlgorithm.SHA1,
            c14n_algorithm=CanonicalizationMethod.CANONICAL_XML_1_0,
        )

    @classmethod
    def from_files(cls, key_path: str | Path, cert_path: str | Path, password: str | None = None):
        return cls(
            Path(key_path).read_bytes(),
            Path(cert_path).read_bytes(),
            password.encode() if password else None,
        )

    def sign(self, root: etree._Element) -> etree._Element:
        """A signed copy: ds:Signature appended after BaseTransfer (its place in the schema)."""
        return self._signer.sign(root, key=self.key, cert=[self.cert], key_name=self.key_name)

    def verify(self, root: etree._Element) -> bool:
        return verify(root, self.cert)


def verify(root: etree._Element, cert: x509.Certificate) -> bool:
    """True if the enveloped signature verifies against `cert` with RSA-SHA1."""
    try:
        XMLVerifier().verify(root, x509_cert=cert, expect_config=_RSA_SHA1)
    except (SignXMLException, ValueError):
        return False
    return True
