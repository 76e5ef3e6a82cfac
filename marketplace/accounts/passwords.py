"""Password hashing with Argon2id (argon2-cffi); parameters are upgraded on the next log-in."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app

_STRONG = PasswordHasher()  # argon2-cffi's RFC 9106 low-memory profile
_FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)  # tests only


def _hasher() -> PasswordHasher:
    return _FAST if current_app.config.get("PASSWORD_HASH_FAST") else _STRONG


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher().check_needs_rehash(stored_hash)
