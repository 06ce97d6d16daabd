from tests.browser.accessibility import assert_no_axe_violations


def test_home_page_opens_with_its_title_and_landmarks(page):
    response = page.goto("/")
    assert response.status == 200
    assert page.title() == "Practice Development Unit | PDU Hub"
    assert page.locator("h1").inner_text() == "Practice Development Unit"
    assert page.get_by_role("main").count() == 1
    assert page.get_by_role("banner").count() == 1
    assert page.get_by_role("contentinfo").count() == 1


def test_skip_link_is_first_and_moves_focus_to_the_main_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    assert skip_link.evaluate("el => el === document.activeElement")
    assert skip_link.is_visible()

    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main-content"


def test_home_page_meets_wcag_aa_at_desktop_and_phone_widths(page):
    for width, height in [(1280, 800), (320, 640)]:
        page.set_viewport_size({"width": width, "height": height})
        page.goto("/")
        assert_no_axe_violations(page)
        # Reflow: nothing forces sideways scrolling at 320 CSS pixels.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
