"""A development/demo signing key and self-signed certificate for `make run` (never for customs use:
a real declaration is signed with the enterprise's certificate issued by the China e-port CA), and the
receipt-callback secret shared with the local service-platform simulator."""

from __future__ import annotations

import datetime
import os
import secrets
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

DEV_DIR = "customs-dev"
KEY_FILE = "signing-key.pem"
CERT_FILE = "signing-cert.pem"
SECRET_FILE = "callback-secret"  # noqa: S105 - a file name
SUBJECT = "DEVELOPMENT ONLY - Ordos Export Marketplace demo signing certificate (not valid for customs)"


def paths(instance_path: str | Path) -> tuple[Path, Path, Path]:
    folder = Path(instance_path) / DEV_DIR
    return folder / KEY_FILE, folder / CERT_FILE, folder / SECRET_FILE


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def ensure(instance_path: str | Path, *, force: bool = False, days: int = 730) -> list[Path]:
    """Create what is missing (or everything with `force`); return the files written."""
    key_path, cert_path, secret_path = paths(instance_path)
    key_path.parent.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    if force or not key_path.exists() or not cert_path.exists():
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        name = x509.Name(
            [
                x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Ordos Export Marketplace (development)"),
                x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "Demo data - not for customs use"),
                x509.NameAttribute(NameOID.COMMON_NAME, SUBJECT[:64]),
            ]
        )
        now = datetime.datetime.now(datetime.UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True
            )
            .sign(key, hashes.SHA256())
        )
        _write_private(
            key_path,
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            ),
        )
        cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        written += [key_path, cert_path]
    if force or not secret_path.exists():
        _write_private(secret_path, secrets.token_urlsafe(32).encode())
        written.append(secret_path)
    return written


def apply_defaults(config, instance_path: str | Path) -> None:
    """In development, use the files of `flask customs dev-key` when nothing else is configured."""
    key_path, cert_path, secret_path = paths(instance_path)
    if not config.get("CUSTOMS_SIGNING_KEY") and key_path.exists() and cert_path.exists():
        config["CUSTOMS_SIGNING_KEY"], config["CUSTOMS_SIGNING_CERT"] = str(key_path), str(cert_path)
    if not config.get("CUSTOMS_CALLBACK_SECRET") and secret_path.exists():
        config["CUSTOMS_CALLBACK_SECRET"] = secret_path.read_text().strip()
