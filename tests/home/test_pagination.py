from django.template import RequestContext, Template
from django.test import RequestFactory


def test_page_querystring_sets_one_parameter_and_keeps_the_rest():
    request = RequestFactory().get("/events/", {"page": "2", "topic": "housing"})
    template = Template("{% load pagination_tags %}{% page_querystring param number %}")
    rendered = template.render(RequestContext(request, {"param": "past_page", "number": 3}))
    assert rendered == "?page=2&amp;topic=housing&amp;past_page=3"
