"""RFQ pages: the buyer's requests and the side-by-side comparison, the seller's inbox, and the
quote thread both sides share. Thin: parse, call one service, redirect or render."""

from __future__ import annotations

from datetime import timedelta

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from marketplace.accounts.states import CompanyKind
from marketplace.catalog import queries as catalog_queries
from marketplace.catalog.states import Incoterm, Unit
from marketplace.core import uploads
from marketplace.core.db import mark_rollback
from marketplace.core.errors import UserError, ValidationFailed
from marketplace.core.i18n import country_choices, localized_blueprint
from marketplace.core.money import ISO_CURRENCIES
from marketplace.orders.states import BalanceDue
from marketplace.rfq import queries, services
from marketplace.rfq.forms import (
    LINE_ROWS,
    AcceptForm,
    CloseForm,
    CounterForm,
    DeclineForm,
    MessageForm,
    revision_data_from_form,
    revision_values,
    rfq_data_from_form,
)
from marketplace.rfq.states import Audience, QuoteState, RfqState, Side, quote_workflow

bp = localized_blueprint("rfq", __name__, template_folder="templates")

COMPARE_CURRENCIES = ("CNY", "USD", "EUR", "RUB", "MNT", "KZT")


@bp.before_request
@login_required
def _members_only():
    pass


def _kind():
    company = g.get("company")
    return company.kind if company is not None else None


# -- buyer: RFQs ---------------------------------------------------------------------------------


@bp.get("/rfqs")
def rfqs():
    if _kind() == CompanyKind.SELLER:
        return redirect(url_for("rfq.inbox"))
    if _kind() != CompanyKind.BUYER:
        return render_template("rfq/no_company.html"), 403
    return render_template("rfq/rfqs.html", rows=queries.buyer_rfqs(g.company.id), states=QuoteState)


@bp.route("/rfqs/new", methods=["GET", "POST"])
def new_rfq():
    if _kind() != CompanyKind.BUYER:
        return render_template("rfq/no_company.html"), 403
    listing = None
    if request.values.get("listing"):
        try:
            listing = catalog_queries.visible_listing(int(request.values["listing"]))
        except ValueError:
            listing = None
    slug = request.values.get("category", "")
    category = catalog_queries.category_by_slug(slug) if slug else None
    if category is None and listing is not None:
        category = catalog_queries.categories_by_id().get(listing.category_id)
    if category is None or not catalog_queries.is_leaf(category):
        return render_template("rfq/choose_category.html", roots=catalog_queries.children_of(None))
    schema = catalog_queries.schema_of(category)
    errors: dict = {}
    values: dict = {}
    status = 200
    if request.method == "POST":
        data = rfq_data_from_form(request.form, schema)
        data.category = category.slug
        try:
            rfq = services.create_rfq(current_user, g.company, data, request.files.getlist("files"))
        except ValidationFailed as exc:
            mark_rollback()
            errors, status = exc.errors, 422
            values = request.form.to_dict(flat=True)
            values["seller_ids"] = request.form.getlist("seller_ids")
        else:
            flash(_("Your request for quotation has been sent."), "success")
            return redirect(url_for("rfq.rfq_detail", rfq_id=rfq.id))
    else:
        values = {
            "quantity": format(listing.live_version.moq.normalize(), "f") if listing else "",
            "unit": (listing.live_version.unit.value if listing else category.default_unit.value),
            "incoterm": listing.live_version.incoterm.value if listing else "",
            "destination_country": g.company.country,
            "destination_place": g.company.city,
            "deadline": (services.china_today() + timedelta(days=14)).isoformat(),
            "max_quotes": "10",
            "audience": Audience.CHOSEN.value,
            "seller_ids": [str(listing.seller_id)] if listing else [],
        }
        if listing is not None:
            version = catalog_queries.load_version(listing.live_version_id)
            translation = catalog_queries.pick_translation(version, g.lang)
            values["title"] = translation.title if translation else ""
    return render_template(
        "rfq/new.html",
        category=category,
        schema=schema,
        listing=listing,
        values=values,
        errors=errors,
        sellers=services.eligible_sellers(category),
        units=list(Unit),
        incoterms=list(Incoterm),
        currencies=sorted(ISO_CURRENCIES),
        countries=country_choices(),
        audiences=list(Audience),
    ), status


@bp.get("/rfqs/<int:rfq_id>")
def rfq_detail(rfq_id: int):
    rfq = services.rfq_for_buyer(current_user, rfq_id)
    currency = (
        request.args.get("currency")
        or rfq.target_currency
        or catalog_queries.DEFAULT_CURRENCY.get(g.lang, "USD")
    )
    if currency not in ISO_CURRENCIES:
        currency = "USD"
    threads = queries.rfq_threads(rfq)
    return render_template(
        "rfq/rfq.html",
        rfq=rfq,
        rows=queries.compare(rfq, threads, currency),
        currency=currency,
        currencies=sorted(
            set(COMPARE_CURRENCIES) | ({rfq.target_currency} if rfq.target_currency else set())
        ),
        files=queries.rfq_files(rfq),
        category=catalog_queries.categories_by_id().get(rfq.category_id),
        received=sum(1 for t in threads if t.first_quoted_at is not None),
        open_for_quotes=queries.is_open_for_quotes(rfq),
        history=queries.rfq_history(rfq),
        close_form=CloseForm(),
        states=RfqState,
    )


@bp.post("/rfqs/<int:rfq_id>/close")
def close(rfq_id: int):
    rfq = services.rfq_for_buyer(current_user, rfq_id)
    form = CloseForm()
    if form.validate_on_submit():
        services.close_rfq(current_user, rfq, form.reason.data or "")
        flash(_("The request is closed: sellers can no longer quote or negotiate."), "success")
    return redirect(url_for("rfq.rfq_detail", rfq_id=rfq.id))


@bp.post("/rfqs/<int:rfq_id>/reopen")
def reopen(rfq_id: int):
    rfq = services.rfq_for_buyer(current_user, rfq_id)
    form = CloseForm()
    if form.validate_on_submit():
        services.reopen_rfq(current_user, rfq)
        flash(_("The request is open again."), "success")
    return redirect(url_for("rfq.rfq_detail", rfq_id=rfq.id))


@bp.get("/rfq-files/<int:file_id>")
def rfq_file(file_id: int):
    row = services.file_for(current_user, file_id)
    inline = row.content_type in uploads.IMAGE_TYPES
    return uploads.send(row.storage_key, row.content_type, row.original_name, inline=inline)


# -- seller: inbox -------------------------------------------------------------------------------


@bp.get("/quotes")
def inbox():
    if _kind() == CompanyKind.BUYER:
        return redirect(url_for("rfq.rfqs"))
    if _kind() != CompanyKind.SELLER:
        return render_template("rfq/no_company.html"), 403
    return render_template("rfq/inbox.html", threads=queries.seller_threads(g.company.id), side=Side.SELLER)


# -- the thread ----------------------------------------------------------------------------------


def _render_thread(quote, side, *, revision_errors=None, revision_values_=None, forms=None, status=200):
    forms = forms or {}
    data = queries.thread(quote)
    rfq = quote.rfq
    seller_listings = []
    if side == Side.SELLER:
        seller_listings = [
            (row, card)
            for row, card in catalog_queries.seller_listings(quote.seller_id, g.lang)
            if row.is_visible
        ]
    return render_template(
        "rfq/quote.html",
        quote=quote,
        rfq=rfq,
        side=side,
        sides=Side,
        states=QuoteState,
        next_step=queries.next_step(quote, side),
        thread=data,
        category=catalog_queries.categories_by_id().get(rfq.category_id),
        can_quote=side == Side.SELLER
        and quote_workflow.can(quote, QuoteState.SUBMITTED)
        and services.can_still_quote(rfq, quote),
        can_decline=side == Side.SELLER and quote_workflow.can(quote, QuoteState.DECLINED),
        can_counter=side == Side.BUYER
        and rfq.state == RfqState.OPEN
        and quote.state in services.OPEN_QUOTE_STATES,
        can_accept=side == Side.BUYER
        and rfq.state == RfqState.OPEN
        and quote.state in services.OPEN_QUOTE_STATES
        and quote.current_revision is not None
        and not services.is_expired(quote.current_revision),
        values=revision_values_ if revision_values_ is not None else revision_values(quote.current_revision),
        errors=revision_errors or {},
        line_rows=range(LINE_ROWS),
        units=list(Unit),
        incoterms=list(Incoterm),
        balance_options=list(BalanceDue),
        currencies=sorted(ISO_CURRENCIES),
        seller_listings=seller_listings,
        stock_sources=services.stock_sources(quote.seller_id) if side == Side.SELLER else [],
        decline_form=forms.get("decline") or DeclineForm(),
        message_form=forms.get("message") or MessageForm(),
        counter_form=forms.get("counter") or CounterForm(),
        accept_form=AcceptForm(),
        buyer=quote.rfq.buyer,
    ), status


@bp.get("/quotes/<int:quote_id>")
def quote(quote_id: int):
    q, side = services.quote_for(current_user, quote_id)
    return _render_thread(q, side)


def _refused(quote, exc: UserError):
    mark_rollback()
    flash(str(exc.message), "error")
    return redirect(url_for("rfq.quote", quote_id=quote.id))


@bp.post("/quotes/<int:quote_id>/revisions")
def submit_revision(quote_id: int):
    q, side = services.quote_for(current_user, quote_id)
    try:
        services.submit_revision(
            current_user, q, side, revision_data_from_form(request.form), request.files.getlist("files")
        )
    except ValidationFailed as exc:
        mark_rollback()
        return _render_thread(
            q, side, revision_errors=exc.errors, revision_values_=request.form.to_dict(flat=True), status=422
        )
    except UserError as exc:
        return _refused(q, exc)
    flash(_("Your quote has been sent to the buyer."), "success")
    return redirect(url_for("rfq.quote", quote_id=q.id))


@bp.post("/quotes/<int:quote_id>/decline")
def decline(quote_id: int):
    q, side = services.quote_for(current_user, quote_id)
    form = DeclineForm()
    if not form.validate_on_submit():
        return _render_thread(q, side, forms={"decline": form}, status=422)
    try:
        services.decline(current_user, q, side, form.reason.data)
    except UserError as exc:
        return _refused(q, exc)
    flash(_("You declined this request. The buyer has been told."), "success")
    return redirect(url_for("rfq.quote", quote_id=q.id))


@bp.post("/quotes/<int:quote_id>/counter")
def counter(quote_id: int):
    q, side = services.quote_for(current_user, quote_id)
    form = CounterForm()
    if not form.validate_on_submit():
        return _render_thread(q, side, forms={"counter": form}, status=422)
    try:
        services.counter(current_user, q, side, form.data_for_service())
    except ValidationFailed as exc:
        mark_rollback()
        from marketplace.core.forms import apply_errors

        apply_errors(form, exc)
        return _render_thread(q, side, forms={"counter": form}, status=422)
    except UserError as exc:
        return _refused(q, exc)
    flash(_("Your answer has been sent to the seller."), "success")
    return redirect(url_for("rfq.quote", quote_id=q.id))


@bp.post("/quotes/<int:quote_id>/messages")
def message(quote_id: int):
    q, side = services.quote_for(current_user, quote_id)
    form = MessageForm()
    if not form.validate_on_submit():
        return _render_thread(q, side, forms={"message": form}, status=422)
    services.post_message(current_user, q, side, form.body.data)
    return redirect(url_for("rfq.quote", quote_id=q.id) + "#thread-end")


@bp.post("/quotes/<int:quote_id>/accept")
def accept(quote_id: int):
    q, side = services.quote_for(current_user, quote_id)
    form = AcceptForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        order = services.accept(current_user, q, side, form.revision_id.data)
    except UserError as exc:
        return _refused(q, exc)
    flash(_("Quote accepted: order %(number)s has been created.", number=order.number), "success")
    return redirect(url_for("orders.detail", order_id=order.id))
