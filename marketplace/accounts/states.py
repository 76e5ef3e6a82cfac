"""Company kinds, member roles, and the seller verification workflow."""

from flask_babel import lazy_gettext as _l

from marketplace.core.states import LabelledEnum, Workflow


class CompanyKind(LabelledEnum):
    BUYER = ("buyer", _l("Buyer"))
    SELLER = ("seller", _l("Seller"))


class MemberRole(LabelledEnum):
    OWNER = ("owner", _l("Owner"))
    MEMBER = ("member", _l("Member"))


class VerificationState(LabelledEnum):
    UNVERIFIED = ("unverified", _l("Not verified"))
    PENDING = ("pending", _l("Awaiting verification"))
    VERIFIED = ("verified", _l("Verified"))
    REJECTED = ("rejected", _l("Verification refused"))
    SUSPENDED = ("suspended", _l("Suspended"))


V = VerificationState
verification = Workflow(
    "companies.verification",
    VerificationState,
    {
        V.UNVERIFIED: {V.PENDING},
        V.PENDING: {V.VERIFIED, V.REJECTED},
        V.REJECTED: {V.PENDING},
        V.VERIFIED: {V.SUSPENDED},
        V.SUSPENDED: {V.VERIFIED},
    },
    attr="verification",
)
