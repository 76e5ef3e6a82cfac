"""Forms of the accounts module; the API validates its JSON bodies with the same classes."""

from __future__ import annotations

from zoneinfo import available_timezones

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, PasswordField, SelectField, StringField, TextAreaField
from wtforms.validators import URL, DataRequired, Email, EqualTo, Length, Optional, ValidationError

from marketplace.accounts.services import IDENTIFIER_FIELDS, CompanyData
from marketplace.accounts.states import CompanyKind, MemberRole
from marketplace.core.forms import BaseForm, choice_list, country_choices
from marketplace.core.i18n import LANGUAGE_NAMES, LANGUAGES

LANGUAGE_CHOICES = choice_list((code, LANGUAGE_NAMES[code]) for code in LANGUAGES)
_REQUIRED = _l("This field is required.")


def _strip(value):
    return value.strip() if isinstance(value, str) else value


STRIP = [_strip]
_EMAIL = _l("Enter a valid e-mail address.")
_TIMEZONES = sorted(tz for tz in available_timezones() if "/" in tz and not tz.startswith("Etc/"))
TIMEZONE_CHOICES = choice_list((tz, tz.replace("_", " ")) for tz in _TIMEZONES)


def _password_field(label):
    return PasswordField(
        label,
        validators=[
            DataRequired(message=_REQUIRED),
            Length(min=10, max=128, message=_l("Use between 10 and 128 characters.")),
        ],
    )


class SignupForm(BaseForm):
    display_name = StringField(_l("Your name"), validators=[DataRequired(message=_REQUIRED), Length(max=120)])
    email = EmailField(
        _l("E-mail"),
        filters=STRIP,
        validators=[DataRequired(message=_REQUIRED), Email(message=_EMAIL)],
    )
    password = _password_field(_l("Password"))
    language = SelectField(_l("Preferred language"), choices=LANGUAGE_CHOICES)

    def validate_password(self, field):
        if self.email.data and field.data and field.data.strip().lower() == self.email.data.lower():
            raise ValidationError(_l("The password must not be your e-mail address."))


class LoginForm(BaseForm):
    email = EmailField(_l("E-mail"), filters=STRIP, validators=[DataRequired(message=_REQUIRED)])
    password = PasswordField(_l("Password"), validators=[DataRequired(message=_REQUIRED)])


class PasswordResetRequestForm(BaseForm):
    email = EmailField(
        _l("E-mail"),
        filters=STRIP,
        validators=[DataRequired(message=_REQUIRED), Email(message=_EMAIL)],
    )


class PasswordResetForm(BaseForm):
    password = _password_field(_l("New password"))
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[EqualTo("password", message=_l("The two passwords differ."))],
    )


class PasswordChangeForm(BaseForm):
    current_password = PasswordField(_l("Current password"), validators=[DataRequired(message=_REQUIRED)])
    new_password = _password_field(_l("New password"))


class ProfileForm(BaseForm):
    display_name = StringField(_l("Your name"), validators=[DataRequired(message=_REQUIRED), Length(max=120)])
    language = SelectField(_l("Preferred language"), choices=LANGUAGE_CHOICES)
    timezone = SelectField(_l("Time zone"), choices=TIMEZONE_CHOICES)


def _latin_only(form, field):
    if field.data and not all(ord(c) < 0x250 for c in field.data):
        raise ValidationError(_l("Use Latin letters only (as on your export documents)."))


class CompanyForm(BaseForm):
    kind = SelectField(_l("Company type"), choices=choice_list(CompanyKind.choices()))
    legal_name = StringField(
        _l("Legal name (original script)"),
        validators=[DataRequired(message=_REQUIRED), Length(max=200)],
    )
    legal_name_latin = StringField(
        _l("Legal name in Latin letters"),
        validators=[DataRequired(message=_REQUIRED), Length(max=200), _latin_only],
    )
    country = SelectField(_l("Country of registration"), validators=[DataRequired(message=_REQUIRED)])
    address = TextAreaField(
        _l("Registered address"), validators=[DataRequired(message=_REQUIRED), Length(max=500)]
    )
    city = StringField(_l("City"), validators=[Optional(), Length(max=120)])
    postal_code = StringField(_l("Postal code"), validators=[Optional(), Length(max=20)])
    contact_name = StringField(_l("Contact person"), validators=[Optional(), Length(max=120)])
    contact_email = EmailField(
        _l("Contact e-mail"),
        filters=STRIP,
        validators=[Optional(), Email(message=_EMAIL), Length(max=254)],
    )
    contact_phone = StringField(_l("Contact phone"), validators=[Optional(), Length(max=40)])
    website = StringField(
        _l("Website"),
        validators=[
            Optional(),
            URL(message=_l("Enter a full address, e.g. https://example.com")),
            Length(max=200),
        ],
    )
    uscc = StringField(_l("Unified social credit code (USCC)"), validators=[Length(max=40)])
    customs_code = StringField(_l("Customs registration code"), validators=[Length(max=40)])
    inn = StringField(_l("INN"), validators=[Length(max=40)])
    ogrn = StringField(_l("OGRN"), validators=[Length(max=40)])
    mn_register = StringField(_l("State registration number"), validators=[Length(max=40)])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.country.choices = choice_list([("", "—"), *country_choices()])


class InviteForm(BaseForm):
    email = EmailField(
        _l("E-mail"),
        filters=STRIP,
        validators=[DataRequired(message=_REQUIRED), Email(message=_EMAIL)],
    )
    role = SelectField(_l("Role"), choices=choice_list(MemberRole.choices()), default=MemberRole.MEMBER.value)


class RoleForm(BaseForm):
    role = SelectField(_l("Role"), choices=choice_list(MemberRole.choices()))


class ApiTokenForm(BaseForm):
    name = StringField(
        _l("Token name"),
        validators=[DataRequired(message=_REQUIRED), Length(max=80)],
        description=_l("For example the system that will use it: “ERP sync”."),
    )


class ApiLoginForm(LoginForm):
    token_name = StringField(_l("Token name"), validators=[Optional(), Length(max=80)])


class DecisionForm(BaseForm):
    reason = TextAreaField(_l("Reason"), validators=[Optional(), Length(max=1000)])


def company_data(form: CompanyForm) -> CompanyData:
    return CompanyData(
        kind=form.kind.data,
        legal_name=form.legal_name.data,
        legal_name_latin=form.legal_name_latin.data,
        country=form.country.data,
        address=form.address.data,
        city=form.city.data or "",
        postal_code=form.postal_code.data or "",
        contact_name=form.contact_name.data or "",
        contact_email=form.contact_email.data or "",
        contact_phone=form.contact_phone.data or "",
        website=form.website.data or "",
        identifiers={f: getattr(form, f).data for f in IDENTIFIER_FIELDS},
    )
