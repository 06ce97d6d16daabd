"""The editorial suite's people in each role, shared with these tests."""

from tests.editorial.conftest import administrator, editor, member, reviewer  # noqa: F401
