"""The member accounts the benchmark adds to its own database for the mixed load."""

MEMBER_EMAIL = "bench-member-{number:05d}@example.org"
MEMBER_EMAIL_PREFIX = "bench-member-"
# Throwaway accounts in a throwaway database.
MEMBER_PASSWORD = "bench-member-password"  # noqa: S105
