"""Suite-wide fixtures and the rules for what may be skipped.

Some tests need things a laptop may lack: PostgreSQL (marked `postgres`, deselected when
DATABASE_URL is SQLite) and Chromium (browser tests skip without it). A run says loudly what it
left out. CI sets REQUIRE_ALL_TESTS=1, which turns every skip into a failure.
"""

import os

import pytest
from django.conf import settings

REQUIRE_ALL_TESTS = os.environ.get("REQUIRE_ALL_TESTS") == "1"


def database_is_postgres():
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def pytest_collection_modifyitems(config, items):
    if database_is_postgres():
        return
    needs_postgres = [item for item in items if item.get_closest_marker("postgres")]
    if needs_postgres:
        items[:] = [item for item in items if not item.get_closest_marker("postgres")]
        config.hook.pytest_deselected(items=needs_postgres)
        config.stash[POSTGRES_DESELECTED] = len(needs_postgres)


POSTGRES_DESELECTED = pytest.StashKey[int]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if REQUIRE_ALL_TESTS and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"Skipped, but REQUIRE_ALL_TESTS=1 forbids skips: {reason}"
    return report


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    skipped = terminalreporter.stats.get("skipped", [])
    # With pytest-xdist, collection (and so deselection) happens in the workers.
    postgres_left_out = not database_is_postgres()
    if not skipped and not postgres_left_out:
        return
    terminalreporter.section("NOT EVERYTHING WAS TESTED", sep="!", red=True, bold=True)
    if postgres_left_out:
        deselected = config.stash.get(POSTGRES_DESELECTED, None)
        count = f"{deselected} " if deselected else ""
        terminalreporter.write_line(
            f"The {count}tests marked `postgres` were deselected: DATABASE_URL is not "
            "PostgreSQL. Run with DATABASE_URL=postgres://... to include them."
        )
    for report in skipped:
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr
        terminalreporter.write_line(f"SKIPPED {report.nodeid}: {reason}")


@pytest.fixture(scope="session", autouse=True)
def postgres_empties_tables_with_delete():
    """After each transactional test Django empties every table with one TRUNCATE. On
    PostgreSQL that takes seconds (each table and index gets new files), against milliseconds
    for deleting the few rows a test leaves. The result is the same: every table empty,
    sequences as they were. Foreign keys are checked at commit, when nothing is left.
    """
    if not database_is_postgres():
        yield
        return
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if not tables or reset_sequences or allow_cascade:
            return truncate(
                self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        # Table names come from Django's own list of its tables, quoted.
        deletes = [f"DELETE FROM {self.quote_name(table)};" for table in tables]  # noqa: S608
        return ["SET CONSTRAINTS ALL DEFERRED;", *deletes]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(DatabaseOperations, "sql_flush", sql_flush)
        yield


@pytest.fixture
def site_tree(db):
    """The home page and default site, rebuilt if a transactional test flushed the database."""
    from tests.site_tree import ensure_site_tree

    return ensure_site_tree()


# People in each role. Each depends on site_tree, so the groups exist even after a flush.


@pytest.fixture
def home(site_tree):
    return site_tree


@pytest.fixture
def editor(site_tree):
    from editorial.roles import EDITORS
    from tests.roles import make_user

    return make_user("editor@example.org", EDITORS, first_name="Eddie", last_name="Editor")


@pytest.fixture
def reviewer(site_tree):
    from editorial.roles import REVIEWERS
    from tests.roles import make_user

    return make_user("reviewer@example.org", REVIEWERS, first_name="Rita", last_name="Reviewer")


@pytest.fixture
def other_reviewer(site_tree):
    from editorial.roles import REVIEWERS
    from tests.roles import make_user

    return make_user("rowan@example.org", REVIEWERS, first_name="Rowan", last_name="Reviewer")


@pytest.fixture
def administrator(site_tree):
    from tests.roles import make_user

    return make_user("admin@example.org", is_superuser=True)


@pytest.fixture
def member(site_tree):
    from editorial.roles import MEMBERS
    from tests.roles import make_user

    return make_user("member@example.org", MEMBERS)


@pytest.fixture(autouse=True)
def english_to_begin_with():
    """Each test starts in English: a request to /pl/... leaves Polish active in the thread."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: rate limits and cooldowns never leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
