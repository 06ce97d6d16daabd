"""A visitor fills in a form in Chromium: accessible before and after a mistake, then sent."""

from tests.browser.accessibility import assert_no_axe_violations
from tests.get_involved.pages import make_form_page


def test_a_visitor_corrects_a_mistake_and_sends_the_form(page):
    form_page = make_form_page()

    page.goto(form_page.url)
    assert_no_axe_violations(page)
    # The honeypot is there for bots but neither seen nor reached by people.
    assert not page.get_by_label("Leave this empty").is_visible()

    page.get_by_label("Your name").fill("Sam Okafor")
    page.get_by_label("Why it matters").fill("Tenants at risk of eviction.")
    page.get_by_label("Housing First and Homelessness").check()
    page.get_by_role("button", name="Send").click()

    summary = page.get_by_role("alert")
    assert "There is a problem" in summary.inner_text()
    assert page.get_by_label("Your name").input_value() == "Sam Okafor"
    assert page.get_by_label("Housing First and Homelessness").is_checked()
    assert_no_axe_violations(page)

    summary.get_by_role("link", name="This field is required.").click()
    topic = page.get_by_label("Topic")
    assert topic.evaluate("element => element === document.activeElement")
    topic.fill("Hoarding")
    page.get_by_role("button", name="Send").click()

    assert page.locator("h1").inner_text() == "Thank you, your form has been sent"
    assert_no_axe_violations(page)
