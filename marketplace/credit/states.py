"""Buyer ratings are shown unless an admin hides an abusive one (with a reason, audited); the credit
grades a seller's score maps to."""

from flask_babel import lazy_gettext as _l

from marketplace.core.states import LabelledEnum, Workflow


class RatingState(LabelledEnum):
    VISIBLE = ("visible", _l("Shown"))
    HIDDEN = ("hidden", _l("Hidden by the marketplace"))


rating_workflow = Workflow(
    "credit_ratings.state",
    RatingState,
    {RatingState.VISIBLE: {RatingState.HIDDEN}, RatingState.HIDDEN: {RatingState.VISIBLE}},
)


class Grade(LabelledEnum):
    """The badge buyers see: a letter and a short label (thresholds in `formula.GRADES`)."""

    A = ("A", _l("Excellent record"))
    B = ("B", _l("Good record"))
    C = ("C", _l("Fair record"))
    D = ("D", _l("Weak record"))
    NEW = ("new", _l("Not enough history"))
