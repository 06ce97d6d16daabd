"""A visitor follows links from the home page to a workstream, an event and a resource's PDF."""

from tests.browser.accessibility import assert_no_axe_violations


def follow(page, link):
    with page.expect_navigation():
        link.click()
    assert_no_axe_violations(page)


def test_home_to_workstream_to_event_to_resource_pdf(page, demo_content, journey_screenshots):
    page.goto("/")
    journey_screenshots.take(page, "home page")
    assert_no_axe_violations(page)
    workstreams = page.get_by_role("region", name="Our workstreams")
    follow(page, workstreams.get_by_role("link", name="Housing First and Homelessness"))
    assert page.locator("h1").inner_text() == "Housing First and Homelessness"
    journey_screenshots.take(page, "workstream")

    event_link = page.locator("main .card--event a").first
    event_title = event_link.inner_text()
    follow(page, event_link)
    assert page.locator("h1").inner_text() == event_title
    journey_screenshots.take(page, "event")
    when = page.locator("main time").first.inner_text()
    assert any(day in when for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"))

    page.go_back()
    resource_link = page.locator("main .card--resource a").first
    resource_title = resource_link.inner_text()
    follow(page, resource_link)
    assert page.locator("h1").inner_text() == resource_title
    journey_screenshots.take(page, "resource")

    pdf_link = page.locator("main .document-list__link").first
    assert "PDF" in page.locator("main .document-list__item").first.inner_text()
    response = page.request.get(pdf_link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
