import pytest


@pytest.fixture
def second_factor_required(settings):
    """The production rule: everyone with admin access signs in with a second factor."""
    settings.PDU_STAFF_MFA_REQUIRED = True
