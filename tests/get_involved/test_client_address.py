"""Rate limits count the visitor, also behind a reverse proxy that names them in a header."""

from django.test import RequestFactory, override_settings

from get_involved.rate_limit import client_address


def request(**meta):
    return RequestFactory().post("/", **meta)


def test_without_a_proxy_header_the_connection_address_counts():
    assert client_address("group", request(REMOTE_ADDR="192.0.2.7")) == "192.0.2.7"


@override_settings(CLIENT_IP_HEADER="X-Real-IP")
def test_behind_a_proxy_its_header_names_the_visitor():
    behind_proxy = request(REMOTE_ADDR="", HTTP_X_REAL_IP="198.51.100.4")
    assert client_address("group", behind_proxy) == "198.51.100.4"
    chained = request(REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="198.51.100.4, 10.0.0.2")
    assert client_address("group", chained) == "198.51.100.4"


@override_settings(CLIENT_IP_HEADER="X-Real-IP")
def test_a_missing_header_or_empty_address_never_breaks_the_form():
    assert client_address("group", request(REMOTE_ADDR="10.0.0.1")) == "10.0.0.1"
    assert client_address("group", request(REMOTE_ADDR="")) == "unknown"
