"""People in each role (the editorial suite's fixtures), for booking and staff tests."""

from tests.editorial.conftest import administrator, editor, member, reviewer  # noqa: F401
