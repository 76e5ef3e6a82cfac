"""One commit boundary: a savepoint taken before the transaction's first write stays a savepoint.
(SQLite's driver begins transactions lazily; a SAVEPOINT issued first used to become the outermost
transaction and its RELEASE committed the request's work even when the request then failed.)"""

from __future__ import annotations

import factories

from marketplace.accounts.models import User
from marketplace.extensions import db


def test_work_released_from_a_first_savepoint_is_rolled_back_with_the_request(ctx):
    user = factories.make_user("savepoint@example.com")
    db.session.commit()
    with db.session.begin_nested():  # the transaction's first write happens in a savepoint
        user.display_name = "changed in a savepoint"
    db.session.rollback()  # the request fails afterwards
    assert db.session.get(User, user.id).display_name != "changed in a savepoint"
    name = db.session.execute(
        db.text("select display_name from users where id = :i"), {"i": user.id}
    ).scalar()
    assert name != "changed in a savepoint"


def test_a_savepoint_still_rolls_back_alone(ctx):
    user = factories.make_user("savepoint2@example.com")
    db.session.commit()
    user.display_name = "kept"
    try:
        with db.session.begin_nested():
            user.email = "other@example.com"
            raise RuntimeError
    except RuntimeError:
        pass
    db.session.commit()
    db.session.expire_all()
    again = db.session.get(User, user.id)
    assert (again.display_name, again.email) == ("kept", "savepoint2@example.com")
