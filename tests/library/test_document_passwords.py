"""A password-protected document's form answers a tampered return address with a redirect.

Wagtail redirects with Django's redirect(), which took "abc" for the name of a view and failed
(NoReverseMatch, a 500) once the password was right.
"""

import pytest
from wagtail.models import Collection, CollectionViewRestriction

from tests.library.factories import PDF_BYTES, make_document

pytestmark = pytest.mark.django_db

PASSWORD = "letmein"


@pytest.fixture
def protected_document(site_tree):
    collection = Collection.get_first_root_node().add_child(name="Board papers")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password=PASSWORD,
    )
    document = make_document(title="Board minutes")
    document.collection = collection
    document.save()
    return document, restriction


def form_url(restriction):
    return f"/documents/authenticate_with_password/{restriction.pk}/"


def file_of(client, document):
    return b"".join(client.get(document.url).streaming_content)


@pytest.mark.parametrize("return_url", ["abc", "&|!", "https"])
def test_a_return_address_that_is_not_a_path_goes_to_the_home_page(
    client, protected_document, return_url
):
    document, restriction = protected_document
    response = client.post(form_url(restriction), {"password": PASSWORD, "return_url": return_url})
    assert response.status_code == 302
    assert response["Location"] == "/"
    # The right password still opens the document.
    assert file_of(client, document) == PDF_BYTES


def test_the_form_still_returns_to_the_document(client, protected_document):
    document, restriction = protected_document
    assert client.get(document.url).status_code == 200  # the password form, not the file
    assert not hasattr(client.get(document.url), "streaming_content")
    response = client.post(
        form_url(restriction), {"password": PASSWORD, "return_url": document.url}
    )
    assert response["Location"] == document.url
    assert file_of(client, document) == PDF_BYTES


def test_a_wrong_password_opens_nothing(client, protected_document):
    document, restriction = protected_document
    response = client.post(form_url(restriction), {"password": "no", "return_url": "abc"})
    assert response.status_code == 200
    assert "not correct" in response.content.decode()
    assert not hasattr(client.get(document.url), "streaming_content")
