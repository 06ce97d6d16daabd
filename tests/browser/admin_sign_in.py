"""Signing in to the admin in the browser, as staff do: the site's own sign-in page."""


def sign_in_to_the_admin(page, email, password):
    page.goto("/admin/login/")  # the site's own sign-in page, which leads back to the admin
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    page.wait_for_selector("h1:has-text('PDU Hub')")  # the dashboard
