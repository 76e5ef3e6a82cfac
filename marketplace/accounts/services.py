"""Account and company operations. They flush, never commit: the request or command commits."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa
from email_validator import EmailNotValidError, validate_email
from flask import current_app
from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from marketplace.accounts import passwords
from marketplace.accounts.models import (
    ApiToken,
    Company,
    CompanyDocument,
    CompanyIdentifier,
    Invitation,
    LoginAttempt,
    Membership,
    User,
)
from marketplace.accounts.states import CompanyKind, MemberRole, VerificationState, verification
from marketplace.core import audit, uploads
from marketplace.core.db import utcnow
from marketplace.core.errors import (
    Conflict,
    NotFound,
    PermissionDenied,
    RateLimited,
    UserError,
    ValidationFailed,
)
from marketplace.core.i18n import LANGUAGES, country_name, public_url
from marketplace.core.mail import queue_mail
from marketplace.core.validators import SCHEMES, IdentifierError, is_ordos_uscc, validate_identifier
from marketplace.extensions import db

TOKEN_PREFIX = "omp_"  # noqa: S105 - a public prefix, not a secret


def normalize_email(raw: str) -> str:
    """Syntax-checked, Unicode-normalised, lower-cased e-mail address."""
    try:
        result = validate_email((raw or "").strip(), check_deliverability=False)
    except EmailNotValidError:
        raise ValidationFailed({"email": [str(_l("Enter a valid e-mail address."))]})
    return result.normalized.lower()


def _sha256(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def user_by_email(email: str) -> User | None:
    return db.session.scalar(sa.select(User).where(User.email == email))


# -- users ---------------------------------------------------------------------------------------


def register_user(
    *, email: str, password: str, display_name: str, language: str, timezone: str | None = None
) -> User:
    email = normalize_email(email)
    if user_by_email(email) is not None:
        raise ValidationFailed({"email": [str(_l("An account with this e-mail address already exists."))]})
    user = User(
        email=email,
        password_hash=passwords.hash_password(password),
        display_name=display_name.strip(),
        language=language if language in LANGUAGES else "en",
        timezone=timezone or current_app.config["DISPLAY_TIMEZONE"],
    )
    db.session.add(user)
    db.session.flush()
    audit.record("user.registered", actor=user, subject=user)
    return user


def update_profile(user: User, *, display_name: str, language: str, timezone: str) -> None:
    user.display_name = display_name.strip()
    user.language = language
    user.timezone = timezone
    db.session.flush()


def change_password(user: User, *, current: str, new: str) -> None:
    if not passwords.verify_password(user.password_hash, current):
        raise ValidationFailed({"current_password": [str(_l("The current password is wrong."))]})
    user.password_hash = passwords.hash_password(new)
    db.session.flush()
    audit.record("user.password_changed", actor=user, subject=user)


@dataclass
class LoginResult:
    user: User | None
    error: object | None = None


def log_in(email: str, password: str, ip: str) -> LoginResult:
    """Check credentials, rate-limited per account and per IP. Records every attempt.

    Raises RateLimited (before checking the password) when either limit is reached.
    """
    cfg = current_app.config
    try:
        email = normalize_email(email)
    except ValidationFailed:
        email = (email or "").strip().lower()[:254]
    since = utcnow() - timedelta(seconds=cfg["LOGIN_FAILURE_WINDOW"])
    failures = (
        sa.select(sa.func.count())
        .select_from(LoginAttempt)
        .where(LoginAttempt.at >= since, LoginAttempt.succeeded.is_(False))
    )
    by_account = db.session.scalar(failures.where(LoginAttempt.email == email))
    by_ip = db.session.scalar(failures.where(LoginAttempt.ip == ip))
    if by_account >= cfg["LOGIN_MAX_FAILURES_PER_ACCOUNT"] or by_ip >= cfg["LOGIN_MAX_FAILURES_PER_IP"]:
        raise RateLimited(
            _l(
                "Too many failed log-ins. Wait %(minutes)s minutes and try again.",
                minutes=cfg["LOGIN_FAILURE_WINDOW"] // 60,
            )
        )
    user = user_by_email(email)
    ok = user is not None and user.active and passwords.verify_password(user.password_hash, password)
    db.session.add(LoginAttempt(email=email, ip=ip, succeeded=ok))
    if not ok:
        audit.record("user.login_failed", subject=user, email=email)
        db.session.flush()
        return LoginResult(None, _l("The e-mail address or password is wrong."))
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)
    user.last_login_at = utcnow()
    audit.record("user.login", actor=user, subject=user)
    db.session.flush()
    return LoginResult(user)


def purge_login_attempts() -> int:
    cutoff = utcnow() - timedelta(days=1)
    result = db.session.execute(sa.delete(LoginAttempt).where(LoginAttempt.at < cutoff))
    return result.rowcount or 0


# -- password reset ------------------------------------------------------------------------------


def _reset_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="password-reset")


def make_reset_token(user: User) -> str:
    # Binding the token to the current hash makes it single-use: it dies once the password changes.
    return _reset_serializer().dumps({"uid": user.id, "h": _sha256(user.password_hash)[:16]})


def request_password_reset(email: str) -> None:
    """Queue a reset link if the account exists; the answer is the same either way."""
    try:
        email = normalize_email(email)
    except ValidationFailed:
        return
    user = user_by_email(email)
    if user is None or not user.active:
        return
    token = make_reset_token(user)
    link = public_url("accounts.reset_password", lang=user.language, token=token)
    minutes = current_app.config["PASSWORD_RESET_MAX_AGE"] // 60
    queue_mail(user.email, "mail/password_reset", user.language, user=user, link=link, minutes=minutes)
    audit.record("user.password_reset_requested", subject=user)


def user_for_reset_token(token: str) -> User:
    try:
        data = _reset_serializer().loads(token, max_age=current_app.config["PASSWORD_RESET_MAX_AGE"])
    except SignatureExpired:
        raise UserError(_l("This reset link has expired. Ask for a new one."), code="token_expired")
    except BadSignature:
        raise UserError(_l("This reset link is not valid. Ask for a new one."), code="token_invalid")
    user = db.session.get(User, data.get("uid"))
    if user is None or _sha256(user.password_hash)[:16] != data.get("h"):
        raise UserError(_l("This reset link has already been used. Ask for a new one."), code="token_used")
    return user


def reset_password(token: str, new_password: str) -> User:
    user = user_for_reset_token(token)
    user.password_hash = passwords.hash_password(new_password)
    db.session.flush()
    audit.record("user.password_reset", actor=user, subject=user)
    return user


# -- companies -----------------------------------------------------------------------------------

IDENTIFIER_FIELDS = {
    "uscc": "cn_uscc",
    "customs_code": "cn_customs",
    "inn": "ru_inn",
    "ogrn": "ru_ogrn",
    "mn_register": "mn_register",
}


@dataclass
class CompanyData:
    kind: str
    legal_name: str
    legal_name_latin: str
    country: str
    address: str
    city: str = ""
    postal_code: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    website: str = ""
    identifiers: dict[str, str] | None = None  # form field name -> raw value


def _validated_identifiers(data: CompanyData, company: Company | None) -> dict[str, tuple]:
    """Validate every identifier given; returns scheme -> (value, status). Raises ValidationFailed."""
    errors: dict[str, list[str]] = {}
    result: dict[str, tuple] = {}
    for field_name, scheme in IDENTIFIER_FIELDS.items():
        raw = ((data.identifiers or {}).get(field_name) or "").strip()
        if not raw:
            continue
        info = SCHEMES[scheme]
        if info.country != data.country:
            errors[field_name] = [
                str(
                    _l(
                        "This identifier applies only to companies registered in %(country)s.",
                        country=country_name(info.country),
                    )
                )
            ]
            continue
        try:
            ident = validate_identifier(scheme, raw)
        except IdentifierError as exc:
            errors[field_name] = [str(exc.message)]
            continue
        taken = db.session.scalar(
            sa.select(CompanyIdentifier).where(
                CompanyIdentifier.scheme == scheme, CompanyIdentifier.value == ident.value
            )
        )
        if taken is not None and (company is None or taken.company_id != company.id):
            errors[field_name] = [str(_l("Another company on the platform is registered with this code."))]
            continue
        result[scheme] = (ident.value, ident.status)
    if data.kind == CompanyKind.SELLER.value:
        if data.country != "CN":
            errors.setdefault("country", []).append(str(_l("Seller companies must be registered in China.")))
        for field_name in ("uscc", "customs_code"):
            if IDENTIFIER_FIELDS[field_name] not in result and field_name not in errors:
                errors[field_name] = [str(_l("Sellers must give this code."))]
    if errors:
        raise ValidationFailed(errors)
    return result


def _apply(company: Company, data: CompanyData, identifiers: dict[str, tuple]) -> None:
    for attr in (
        "legal_name",
        "legal_name_latin",
        "country",
        "address",
        "city",
        "postal_code",
        "contact_name",
        "contact_email",
        "contact_phone",
        "website",
    ):
        setattr(company, attr, (getattr(data, attr) or "").strip())
    existing = {i.scheme: i for i in company.identifiers}
    for scheme, ident in list(existing.items()):
        if scheme not in identifiers:
            company.identifiers.remove(ident)
    for scheme, (value, status) in identifiers.items():
        if scheme in existing:
            if existing[scheme].value != value:
                existing[scheme].value = value
                existing[scheme].status = status
                existing[scheme].validated_at = utcnow()
        else:
            company.identifiers.append(CompanyIdentifier(scheme=scheme, value=value, status=status))
    uscc = identifiers.get("cn_uscc")
    company.is_ordos = bool(uscc and is_ordos_uscc(uscc[0]))


def create_company(actor: User, data: CompanyData) -> Company:
    """Register a company with `actor` as its owner. Sellers start awaiting verification."""
    identifiers = _validated_identifiers(data, None)
    kind = CompanyKind(data.kind)
    company = Company(kind=kind, verification=VerificationState.UNVERIFIED)
    _apply(company, data, identifiers)
    db.session.add(company)
    company.memberships.append(Membership(user=actor, role=MemberRole.OWNER))
    db.session.flush()
    verification.start(company, VerificationState.UNVERIFIED, actor=actor)
    if kind == CompanyKind.SELLER:
        verification.transition(company, VerificationState.PENDING, actor=actor)
    audit.record("company.created", actor=actor, subject=company, company_id=company.id)
    return company


def update_company(actor: User, company: Company, data: CompanyData) -> None:
    require_owner(actor, company)
    data.kind = company.kind.value  # the kind of a company never changes
    identifiers = _validated_identifiers(data, company)
    before = {i.scheme: i.value for i in company.identifiers}
    _apply(company, data, identifiers)
    db.session.flush()
    changed_ids = {s: v for s, (v, _) in identifiers.items() if before.get(s) != v}
    if (
        company.kind == CompanyKind.SELLER
        and changed_ids
        and company.verification in (VerificationState.VERIFIED,)
    ):
        # A verified seller that changes its registry codes is checked again.
        verification.transition(
            company, VerificationState.SUSPENDED, actor=actor, reason="registry identifiers changed"
        )
        _hide_listings(company)
    audit.record(
        "company.updated",
        actor=actor,
        subject=company,
        company_id=company.id,
        identifiers_changed=sorted(changed_ids) or None,
    )


def resubmit_verification(actor: User, company: Company) -> None:
    require_owner(actor, company)
    verification.transition(company, VerificationState.PENDING, actor=actor)
    audit.record("company.verification_requested", actor=actor, subject=company, company_id=company.id)


def decide_verification(admin: User, company: Company, approve: bool, reason: str = "") -> None:
    if not admin.is_admin:
        raise PermissionDenied()
    reason = reason.strip()
    if not approve and not reason:
        raise ValidationFailed({"reason": [str(_l("Say why the verification is refused."))]})
    target = VerificationState.VERIFIED if approve else VerificationState.REJECTED
    reinstated = company.verification == VerificationState.SUSPENDED
    verification.transition(company, target, actor=admin, reason=reason or None)
    if reinstated:
        # catalog and search import accounts, so they are reached here at call time
        from marketplace.catalog.services import set_seller_visibility
        from marketplace.search import services as search_services

        set_seller_visibility(company.id, visible=True)
        search_services.queue_seller_reindex(company.id)  # its listings come back to the search
    audit.record(
        "company.verified" if approve else "company.verification_refused",
        actor=admin,
        subject=company,
        company_id=company.id,
        reason=reason or None,
    )


def _hide_listings(company: Company) -> None:
    """A suspended seller's listings leave the catalog pages and the search."""
    # catalog and search import accounts, so they are reached here at call time
    from marketplace.catalog.services import set_seller_visibility
    from marketplace.search import services as search_services

    set_seller_visibility(company.id, visible=False)
    search_services.queue_seller_reindex(company.id)


def suspend_company(admin: User, company: Company, reason: str) -> None:
    if not admin.is_admin:
        raise PermissionDenied()
    if not reason.strip():
        raise ValidationFailed({"reason": [str(_l("Say why the company is suspended."))]})
    verification.transition(company, VerificationState.SUSPENDED, actor=admin, reason=reason.strip())
    _hide_listings(company)
    audit.record("company.suspended", actor=admin, subject=company, company_id=company.id, reason=reason)


DOCUMENT_KINDS = {
    "business_licence": _l("Business licence"),
    "customs_registration": _l("Customs registration certificate"),
    "other": _l("Other document"),
}


def add_company_document(actor: User, company: Company, kind: str, upload) -> CompanyDocument:
    """Attach a verification document (PDF, JPEG, PNG or WebP up to 15 MB)."""
    require_owner(actor, company)
    if kind not in DOCUMENT_KINDS:
        raise ValidationFailed({"kind": [str(_l("Choose one of the listed values."))]})
    stored = uploads.store(
        upload, allowed=uploads.DOCUMENT_TYPES | uploads.IMAGE_TYPES, max_bytes=uploads.max_document_bytes()
    )
    document = CompanyDocument(
        company_id=company.id,
        kind=kind,
        **stored.columns(),
        uploaded_by_id=actor.id,
    )
    db.session.add(document)
    db.session.flush()
    audit.record("company.document_added", actor=actor, subject=company, company_id=company.id, kind=kind)
    return document


def company_documents(company: Company) -> list[CompanyDocument]:
    return list(
        db.session.scalars(
            sa.select(CompanyDocument)
            .where(CompanyDocument.company_id == company.id)
            .order_by(CompanyDocument.id)
        )
    )


# -- membership and permissions -------------------------------------------------------------------


def membership(user: User | None, company_id: int) -> Membership | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return db.session.scalar(
        sa.select(Membership).where(Membership.user_id == user.id, Membership.company_id == company_id)
    )


def company_for_member(user: User, company_id: int, *, allow_admin: bool = True) -> Company:
    """The company if `user` belongs to it (or is an admin); otherwise NotFound (hides existence)."""
    company = db.session.get(Company, company_id)
    if company is None:
        raise NotFound()
    if membership(user, company_id) is None and not (allow_admin and user.is_admin):
        raise NotFound()
    return company


def require_owner(user: User, company: Company) -> None:
    m = membership(user, company.id)
    if m is None or m.role != MemberRole.OWNER:
        raise PermissionDenied(_l("Only an owner of the company can do this."))


def _owners(company: Company) -> int:
    return sum(1 for m in company.memberships if m.role == MemberRole.OWNER)


def invite_member(actor: User, company: Company, email: str, role: str) -> tuple[Invitation, str]:
    require_owner(actor, company)
    email = normalize_email(email)
    if any(m.user.email == email for m in company.memberships):
        raise ValidationFailed({"email": [str(_l("This person is already a member."))]})
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        company=company,
        email=email,
        role=MemberRole(role),
        token_hash=_sha256(token),
        invited_by_id=actor.id,
        expires_at=utcnow() + timedelta(days=current_app.config["INVITATION_MAX_AGE_DAYS"]),
    )
    db.session.add(invitation)
    db.session.flush()
    invitee = user_by_email(email)
    language = invitee.language if invitee else actor.language
    link = public_url("accounts.invitation", lang=language, token=token)
    queue_mail(
        email,
        "mail/invitation",
        language,
        company=company,
        inviter=actor,
        link=link,
        days=current_app.config["INVITATION_MAX_AGE_DAYS"],
    )
    audit.record(
        "company.member_invited",
        actor=actor,
        subject=company,
        company_id=company.id,
        email=email,
        role=role,
    )
    return invitation, token


def invitation_for_token(token: str) -> Invitation:
    invitation = db.session.scalar(sa.select(Invitation).where(Invitation.token_hash == _sha256(token)))
    if invitation is None:
        raise NotFound(_l("This invitation does not exist."))
    if not invitation.is_open:
        raise UserError(
            _l("This invitation has expired, was withdrawn or was already used."),
            code="invitation_closed",
        )
    return invitation


def accept_invitation(user: User, token: str) -> Membership:
    invitation = invitation_for_token(token)
    if invitation.email != user.email:
        raise PermissionDenied(
            _l(
                "This invitation was sent to %(email)s. Log in with that address to accept it.",
                email=invitation.email,
            )
        )
    if membership(user, invitation.company_id) is not None:
        raise Conflict(_l("You are already a member of this company."))
    m = Membership(user=user, company_id=invitation.company_id, role=invitation.role)
    db.session.add(m)
    invitation.accepted_at = utcnow()
    invitation.accepted_by_id = user.id
    db.session.flush()
    audit.record(
        "company.member_joined",
        actor=user,
        subject=invitation.company,
        company_id=invitation.company_id,
    )
    return m


def revoke_invitation(actor: User, company: Company, invitation_id: int) -> None:
    require_owner(actor, company)
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or invitation.company_id != company.id:
        raise NotFound()
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = utcnow()
        audit.record(
            "company.invitation_revoked",
            actor=actor,
            subject=company,
            company_id=company.id,
            email=invitation.email,
        )
    db.session.flush()


def set_member_role(actor: User, company: Company, user_id: int, role: str) -> None:
    require_owner(actor, company)
    m = membership(db.session.get(User, user_id), company.id)
    if m is None:
        raise NotFound()
    new_role = MemberRole(role)
    if m.role == MemberRole.OWNER and new_role != MemberRole.OWNER and _owners(company) <= 1:
        raise Conflict(_l("A company needs at least one owner."))
    m.role = new_role
    db.session.flush()
    audit.record(
        "company.member_role_changed",
        actor=actor,
        subject=company,
        company_id=company.id,
        user_id=user_id,
        role=role,
    )


def remove_member(actor: User, company: Company, user_id: int) -> None:
    if actor.id != user_id:
        require_owner(actor, company)
    m = membership(db.session.get(User, user_id), company.id)
    if m is None:
        raise NotFound()
    if m.role == MemberRole.OWNER and _owners(company) <= 1:
        raise Conflict(_l("A company needs at least one owner."))
    company.memberships.remove(m)
    db.session.flush()
    audit.record(
        "company.member_removed",
        actor=actor,
        subject=company,
        company_id=company.id,
        user_id=user_id,
    )


# -- API tokens ----------------------------------------------------------------------------------


def create_api_token(user: User, name: str) -> tuple[ApiToken, str]:
    """A new token; the plaintext is returned once and only its SHA-256 is stored."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=name.strip(), token_hash=_sha256(secret), prefix=secret[:10])
    db.session.add(token)
    db.session.flush()
    audit.record("api_token.created", actor=user, subject=token, name=token.name)
    return token, secret


def revoke_api_token(user: User, token_id: int) -> None:
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != user.id:
        raise NotFound()
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        audit.record("api_token.revoked", actor=user, subject=token, name=token.name)
    db.session.flush()


def user_for_api_token(secret: str) -> User | None:
    token = db.session.scalar(
        sa.select(ApiToken).where(ApiToken.token_hash == _sha256(secret), ApiToken.revoked_at.is_(None))
    )
    if token is None or not token.user.active:
        return None
    now = utcnow()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=5):
        token.last_used_at = now  # coarse, so reads do not write on every request
    return token.user


def create_admin(email: str, password: str, display_name: str) -> User:
    email = normalize_email(email)
    user = user_by_email(email)
    if user is None:
        user = register_user(email=email, password=password, display_name=display_name, language="en")
    user.is_admin = True
    db.session.flush()
    audit.record("admin.created", subject=user)
    return user
