"""Alembic: one head, and `upgrade head` on an empty database equals the models."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from marketplace.extensions import db
from marketplace.search.postgres_backend import alembic_include_object


def test_single_head(app):
    with app.app_context():
        migrate = app.extensions["migrate"].migrate
        config = migrate.get_config(app.extensions["migrate"].directory)
        assert len(ScriptDirectory.from_config(config).get_heads()) == 1


def test_upgraded_database_has_no_autogenerate_diff(app):
    # The session database was built by `flask db upgrade` (see conftest), from empty.
    with app.app_context(), db.engine.connect() as conn:
        opts = {"compare_type": True, "include_object": alembic_include_object}
        ctx = MigrationContext.configure(conn, opts=opts)
        diff = compare_metadata(ctx, db.metadata)
    assert diff == [], diff


def test_downgrade_to_base_and_back(app, tmp_path):
    from flask_migrate import downgrade, upgrade

    from marketplace import create_app

    other = create_app(
        {"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'm.sqlite3'}"}
    )
    with other.app_context():
        upgrade()
        downgrade(revision="base")
        upgrade()
        with db.engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(ctx, db.metadata) == []
        db.engine.dispose()
