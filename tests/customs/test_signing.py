from datetime import UTC, datetime

from cryptography import x509
from lxml import etree

from customs.customs_factories import declaration_input, make_key_pair
from marketplace.customs import messages as m
from marketplace.customs.signing import RsaSigner, verify

DS = "{http://www.w3.org/2000/09/xmldsig#}"


def test_sign_verify_and_still_valid(key_pair):
    signer = RsaSigner.from_files(*key_pair)
    built = m.build_list(
        [(declaration_input(), m.Head(m.new_guid(), now=datetime(2026, 11, 26, tzinfo=UTC)))],
        m.Transfer("C", "N", "D"),
    )
    signed = signer.sign(built.root)
    assert signer.verify(signed)
    assert m.validate(signed) == []
    sig = signed[-1]
    assert sig.tag == f"{DS}Signature"
    assert signed[-2].tag == f"{{{m.NS}}}BaseTransfer"
    assert sig.find(f"{DS}SignedInfo/{DS}SignatureMethod").get("Algorithm").endswith("rsa-sha1")
    assert sig.find(f"{DS}SignedInfo/{DS}CanonicalizationMethod").get("Algorithm") == (
        "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"
    )
    assert sig.find(f"{DS}SignedInfo/{DS}Reference").get("URI") == ""
    assert sig.find(f"{DS}KeyInfo/{DS}KeyName").text == signer.key_name

    # Round trip through text (as stored), then tamper.
    stored = etree.fromstring(etree.tostring(signed))
    assert signer.verify(stored)
    stored.find(".//{http://www.chinaport.gov.cn/ceb}orderNo").text = "ORD-TAMPERED"
    assert not signer.verify(stored)


def test_other_certificate_does_not_verify(key_pair, tmp_path):
    signer = RsaSigner.from_files(*key_pair)
    built = m.build_order([(declaration_input(), m.Head(m.new_guid()))], m.Transfer("C", "N", "D"))
    signed = signer.sign(built.root)
    _, other_cert = make_key_pair(tmp_path)
    with open(other_cert, "rb") as f:
        assert not verify(signed, x509.load_pem_x509_certificate(f.read()))
