"""Order pages: ordering from a listing, the active company's orders (all orders for admins), one
order with its payment schedule, payments, timeline and the actions its viewer may take."""

from __future__ import annotations

from flask import flash, g, jsonify, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from marketplace.catalog import queries as catalog_queries
from marketplace.core import uploads
from marketplace.core.db import mark_rollback
from marketplace.core.errors import NotFound, UserError, ValidationFailed
from marketplace.core.i18n import country_choices, localized_blueprint
from marketplace.documents import services as documents
from marketplace.orders import queries, services
from marketplace.orders.states import OrderState, Role
from marketplace.payments import services as payments
from marketplace.payments import stripe_gateway
from marketplace.warehouses import queries as warehouse_queries

bp = localized_blueprint("orders", __name__, url_prefix="/orders", template_folder="templates")


@bp.before_request
@login_required
def _members_only():
    pass


@bp.get("")
def index():
    company = g.get("company")
    if current_user.is_admin and (company is None or request.args.get("all")):
        rows, everyone = queries.all_orders(), True
    else:
        rows, everyone = (queries.orders_of_company(company.id) if company is not None else []), False
    return render_template("orders/index.html", orders=rows, company=company, everyone=everyone)


def _listing_or_404(listing_id):
    try:
        listing = catalog_queries.visible_listing(int(listing_id))
    except (TypeError, ValueError):
        listing = None
    if listing is None:
        raise NotFound()
    return listing


@bp.route("/new", methods=["GET", "POST"])
def new():
    listing = _listing_or_404(request.values.get("listing"))
    version = catalog_queries.load_version(listing.live_version_id)
    company = g.get("company")
    errors: dict = {}
    values = {
        "quantity": "",
        "currency": "",
        "destination_country": company.country if company is not None else "",
        "destination_place": "",
        "warehouse_id": request.args.get("warehouse", ""),
    }
    status = 200
    if request.method == "POST":
        values = {k: request.form.get(k, "") for k in values}
        try:
            order = services.order_from_listing(
                current_user, company, services.ListingOrderData(listing_id=listing.id, **values)
            )
        except ValidationFailed as exc:
            mark_rollback()
            errors, status = exc.errors, 422
        else:
            flash(
                _(
                    "Order %(number)s placed. Pay the first installment to start production.",
                    number=order.number,
                ),
                "success",
            )
            return redirect(url_for("orders.detail", order_id=order.id))
    return (
        render_template(
            "orders/new.html",
            listing=listing,
            version=version,
            translation=catalog_queries.pick_translation(version, g.lang),
            company=company,
            can_order=company is not None and not company.is_seller,
            currencies=sorted({p.currency for p in version.prices}),
            countries=country_choices(),
            stocked=warehouse_queries.overseas_availability(listing.id),
            values=values,
            errors=errors,
            terms_deposit=services.DIRECT_DEPOSIT_PERCENT,
            terms_balance=services.DIRECT_BALANCE_DUE,
        ),
        status,
    )


def _indicative(order):
    """The total in the viewer's display currency at the newest rate (None if same or unknown)."""
    from marketplace.catalog import services as catalog
    from marketplace.catalog.views import viewer_currency

    currency = viewer_currency()
    if currency == order.currency:
        return None
    return catalog.convert(order.total_money, currency, catalog.cached_rates())


def _page(order, *, errors=None, values=None, status=200):
    roles = payments.roles_of(current_user, order)
    return (
        render_template(
            "orders/order.html",
            order=order,
            history=queries.history(order),
            roles=roles,
            Role=Role,
            moves=services.moves_for(current_user, order),
            OrderState=OrderState,
            account=payments.account(order),
            payments=payments.payments_of(order),
            refunds=payments.refunds_of(order),
            slips=payments.slips_of(order),
            bank=payments.bank_account_of(order.seller_id),
            open_for_payment=order.state in payments.OPEN_FOR_PAYMENT,
            card_enabled=stripe_gateway.configured(),
            documents=documents.documents_of(order),
            lots=warehouse_queries.lots_of_order(order.number, order.warehouse_id),
            indicative=_indicative(order),
            errors=errors or {},
            values=values or {},
        ),
        status,
    )


@bp.get("/<int:order_id>")
def detail(order_id: int):
    return _page(queries.order_for(current_user, order_id))


def _refused(order, exc: UserError):
    mark_rollback()
    if isinstance(exc, ValidationFailed) and exc.errors:
        return _page(order, errors=exc.errors, values=request.form.to_dict(), status=422)
    flash(str(exc.message), "error")
    return redirect(url_for("orders.detail", order_id=order.id))


@bp.post("/<int:order_id>/move")
def move(order_id: int):
    order = queries.order_for(current_user, order_id)
    try:
        services.move(
            current_user, order, request.form.get("state", ""), reason=request.form.get("reason", "")
        )
    except UserError as exc:
        return _refused(order, exc)
    flash(_("The order is now “%(state)s”.", state=order.state.label), "success")
    return redirect(url_for("orders.detail", order_id=order.id))


@bp.post("/<int:order_id>/bank-transfers")
def record_bank_transfer(order_id: int):
    order = queries.order_for(current_user, order_id)
    try:
        payment = payments.record_bank_transfer(
            current_user,
            order,
            amount=request.form.get("amount", ""),
            received_on=request.form.get("received_on", ""),
            payer_reference=request.form.get("payer_reference", ""),
        )
    except UserError as exc:
        return _refused(order, exc)
    flash(_("Received %(amount)s recorded.", amount=str(payment.money)), "success")
    return redirect(url_for("orders.detail", order_id=order.id))


@bp.post("/<int:order_id>/remittance-slips")
def upload_slip(order_id: int):
    order = queries.order_for(current_user, order_id)
    try:
        payments.upload_remittance(current_user, order, request.files.get("file"))
    except UserError as exc:
        return _refused(order, exc)
    flash(_("Remittance slip uploaded: the seller will match it with the bank."), "success")
    return redirect(url_for("orders.detail", order_id=order.id))


@bp.get("/<int:order_id>/remittance-slips/<int:slip_id>")
def slip(order_id: int, slip_id: int):
    order = queries.order_for(current_user, order_id)
    row = payments.slip_for(current_user, order, slip_id)
    return uploads.send(row.storage_key, row.content_type, row.original_name, inline=False)


@bp.post("/<int:order_id>/refunds/overpayment")
def refund_overpayment(order_id: int):
    order = queries.order_for(current_user, order_id)
    try:
        refund = payments.refund_overpayment(current_user, order)
    except UserError as exc:
        return _refused(order, exc)
    flash(_("Refund of %(amount)s to be returned to the buyer.", amount=str(refund.money)), "success")
    return redirect(url_for("orders.detail", order_id=order.id))


@bp.post("/<int:order_id>/refunds/<int:refund_id>/confirm")
def confirm_refund(order_id: int, refund_id: int):
    order = queries.order_for(current_user, order_id)
    try:
        payments.confirm_refund(current_user, order, refund_id)
    except UserError as exc:
        return _refused(order, exc)
    flash(_("Refund confirmed as returned."), "success")
    return redirect(url_for("orders.detail", order_id=order.id))


BANK_FIELDS = ("beneficiary", "bank_name", "bank_address", "account_number", "swift")


@bp.route("/bank-account", methods=["GET", "POST"])
def bank_account():
    company = g.get("company")
    if company is None or not company.is_seller:
        raise NotFound()
    bank = payments.bank_account_of(company.id)
    values = {k: getattr(bank, k, "") or "" for k in BANK_FIELDS}
    errors: dict = {}
    status = 200
    if request.method == "POST":
        values = {k: request.form.get(k, "") for k in BANK_FIELDS}
        try:
            payments.set_bank_account(current_user, company, values)
        except ValidationFailed as exc:
            mark_rollback()
            errors, status = exc.errors, 422
        else:
            flash(_("Bank details saved. They are printed on your orders and pro-forma invoices."), "success")
            return redirect(url_for("orders.bank_account"))
    return render_template("orders/bank_account.html", values=values, errors=errors, company=company), status


# -- card payments (Stripe) ---------------------------------------------------------------------


@bp.post("/<int:order_id>/card")
def start_card(order_id: int):
    order = queries.order_for(current_user, order_id)
    try:
        payment = stripe_gateway.start_card_payment(current_user, order)
    except UserError as exc:
        return _refused(order, exc)
    return redirect(url_for("orders.card", order_id=order.id, payment_id=payment.id))


@bp.get("/<int:order_id>/card/<int:payment_id>")
def card(order_id: int, payment_id: int):
    order = queries.order_for(current_user, order_id)
    payment = stripe_gateway.card_payment_for(current_user, order, payment_id)
    if Role.BUYER not in payments.roles_of(current_user, order) or payment.state.value not in (
        "pending",
        "requires_action",
    ):
        return redirect(url_for("orders.detail", order_id=order.id))
    response = make_response(
        render_template(
            "orders/card.html",
            order=order,
            payment=payment,
            client_secret=stripe_gateway.client_secret(payment),
            publishable_key=stripe_gateway.publishable_key(),
            js_url=stripe_gateway.js_url(),
        )
    )
    origin = stripe_gateway.js_origin()
    response.headers["Content-Security-Policy"] = (
        f"default-src 'self'; img-src 'self' data: {origin}; style-src 'self' 'unsafe-inline'; "
        f"script-src 'self' {origin}; connect-src 'self' {origin}; frame-src {origin}; "
        "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'"
    )
    return response


@bp.post("/<int:order_id>/card/<int:payment_id>/token")
def card_token(order_id: int, payment_id: int):
    order = queries.order_for(current_user, order_id)
    payment = stripe_gateway.card_payment_for(current_user, order, payment_id)
    data = request.get_json(silent=True) or {}
    result = stripe_gateway.confirm_with_token(current_user, order, payment, str(data.get("token") or ""))
    return jsonify(result)


@bp.get("/<int:order_id>/card/<int:payment_id>/return")
def card_return(order_id: int, payment_id: int):
    order = queries.order_for(current_user, order_id)
    payment = stripe_gateway.card_payment_for(current_user, order, payment_id)
    try:
        stripe_gateway.sync_return(current_user, order, payment)
    except UserError as exc:
        return _refused(order, exc)
    if payment.state.value == "succeeded":
        flash(_("Card payment of %(amount)s received.", amount=str(payment.money)), "success")
    elif payment.state.value == "failed":
        flash(_("The card payment failed: %(reason)s", reason=payment.failure_message or "-"), "error")
    else:
        flash(_("The card payment is being processed."), "info")
    return redirect(url_for("orders.detail", order_id=order.id))


# -- trade documents --------------------------------------------------------------------------------


@bp.get("/<int:order_id>/documents/<int:document_id>.pdf")
def document_pdf(order_id: int, document_id: int):
    order = queries.order_for(current_user, order_id)
    doc = documents.document_for(order, document_id)
    response = make_response(documents.render_pdf(doc))
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{doc.number}.pdf"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
