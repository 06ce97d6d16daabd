"""Take the screenshots used in docs/editor-guide.md ("Publishing through review").

How to run it, from the repository root (it takes about a minute):

    .venv/bin/python docs/images/make_screenshots.py

It needs the project's virtualenv and Debian's Chromium (/usr/bin/chromium, or set
CHROMIUM_PATH). It never touches your own database: it makes a throwaway SQLite database in a
temporary folder, migrates it, loads the demo content, starts `manage.py runserver` on a free
local port and walks the review journey as the demo editor and reviewer, saving PNG files next
to this script. The server and the temporary folder are removed at the end. Run it again after
changing the admin screens, and check the guide's text still matches the pictures.

It is not part of `make test`.
"""

import datetime
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from zoneinfo import ZoneInfo

from playwright.sync_api import sync_playwright

REPOSITORY = Path(__file__).resolve().parents[2]
IMAGES = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 800}

EDITOR = ("editor@example.org", "editor-demo-password")
REVIEWER = ("reviewer@example.org", "reviewer-demo-password")
TITLE = "Hoarding and multiple disadvantage: a practical session"
SUMMARY = "A practical session on hoarding."
NEW_SUMMARY = "A practical session for housing and support workers on helping people who hoard."
PARAGRAPH = "We look at why people hoard and how to build trust before talking about clearing."
COMMENT = "Please say who the session is for in the summary."
SUBMIT = "Submit to Review before publishing"
RESUBMIT = "Resubmit to Approval by another reviewer"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args, **kwargs):
    command = [sys.executable, "manage.py", *args]
    return subprocess.run(command, cwd=REPOSITORY, env=env, check=True, **kwargs)  # noqa: S603


def wait_until_serving(url, server, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("runserver stopped; see its log in the temporary folder")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310  (our local server)
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {seconds} seconds")


def save(page, name, *locators, pad=12):
    """Save a PNG of the smallest viewport region that holds every locator, plus padding."""
    boxes = [locator.bounding_box() for locator in locators]
    left = max(min(box["x"] for box in boxes) - pad, 0)
    top = max(min(box["y"] for box in boxes) - pad, 0)
    right = min(max(box["x"] + box["width"] for box in boxes) + pad, VIEWPORT["width"])
    bottom = min(max(box["y"] + box["height"] for box in boxes) + pad, VIEWPORT["height"])
    clip = {"x": left, "y": top, "width": right - left, "height": bottom - top}
    path = IMAGES / f"{name}.png"
    page.screenshot(path=path, clip=clip, type="png")
    print(f"{path.relative_to(REPOSITORY)}: {path.stat().st_size // 1024} KB")


def save_action_menu(page, name, menu):
    """Save the open action menu at the bottom of the editor, with a little of the form above."""
    content = menu.locator(".w-dropdown__content").first.bounding_box()
    top = max(content["y"] - 140, 0)
    clip = {"x": 200, "y": top, "width": 760, "height": VIEWPORT["height"] - top}
    path = IMAGES / f"{name}.png"
    page.screenshot(path=path, clip=clip, type="png")
    print(f"{path.relative_to(REPOSITORY)}: {path.stat().st_size // 1024} KB")


def settle(page):
    """Let a dropdown or dialog finish fading in, so the picture is not half transparent."""
    page.wait_for_timeout(400)


def sign_in(page, email, password):
    page.goto("/admin/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    page.wait_for_selector("h1:has-text('PDU Hub')")


def sign_out(page):
    page.locator(".sidebar-footer button[aria-haspopup=menu]").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Log out").click()


def open_action_menu(page):
    page.get_by_role("button", name="More actions").click()
    menu = page.locator("footer nav[aria-label='Actions (footer)']")
    menu.locator(".w-dropdown__content button").first.wait_for(state="visible")
    settle(page)
    return menu


def open_status_panel(page):
    """Open the status side panel (the admin remembers whether it was open last time)."""
    toggle = page.get_by_role("button", name="Toggle status")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    page.locator("[data-side-panel='status']").wait_for(state="visible")
    settle(page)


def close_status_panel(page):
    toggle = page.get_by_role("button", name="Toggle status")
    if toggle.get_attribute("aria-expanded") == "true":
        toggle.click()


def take_screenshots(page):
    london = ZoneInfo("Europe/London")
    starts = datetime.datetime.now(london) + datetime.timedelta(days=40)
    starts = starts.replace(hour=10, minute=0)
    goes_live = datetime.datetime.now(london) + datetime.timedelta(days=3)
    goes_live = goes_live.replace(hour=9, minute=0)

    # The editor adds an event under Events.
    sign_in(page, *EDITOR)
    page.goto("/admin/pages/")
    edit_events = page.get_by_role("link", name="Events", exact=True).get_attribute("href")
    page.goto(edit_events.removesuffix("edit/"))  # the list of pages under Events
    with page.expect_navigation():
        page.locator("a[href$='/add_subpage/']").first.click()
    page.wait_for_selector("#id_title")
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", SUMMARY)
    page.fill("#id_start", starts.strftime("%Y-%m-%d %H:%M"))
    page.keyboard.press("Escape")
    page.fill("#id_end", starts.replace(hour=12, minute=30).strftime("%Y-%m-%d %H:%M"))
    page.keyboard.press("Escape")
    page.select_option("#id_event_format", label="Online")
    page.locator("#body-root").get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Text").wait_for()
    save(page, "editorial-add-block", page.locator("#body-root"), page.locator(".w-combobox"))
    page.get_by_role("option", name="Text").click()
    editor = page.locator("#body-root [contenteditable=true]").first
    editor.click()
    page.keyboard.type(PARAGRAPH)
    page.wait_for_function(
        "text => document.querySelector(\"input[name='body-0-value']\").value.includes(text)",
        arg=PARAGRAPH,
    )

    # Schedule: the status panel's "Set schedule" opens the go-live and expiry dialog.
    open_status_panel(page)
    page.get_by_role("button", name="Set schedule").first.click()
    dialog = page.locator("#schedule-publishing-dialog")
    # Set the value without focusing the field, so its date picker stays shut for the picture.
    # (Escape would close the whole dialog, and closing it without "Save schedule" empties it.)
    dialog.locator("#id_go_live_at").evaluate(
        "(field, value) => { field.value = value;"
        " field.dispatchEvent(new Event('change', {bubbles: true})); }",
        goes_live.strftime("%Y-%m-%d %H:%M"),
    )
    settle(page)
    save(page, "editorial-schedule-dialog", dialog.locator(".w-dialog__box"))
    # "Save schedule" saves the whole page as a draft, schedule included.
    with page.expect_navigation():
        dialog.get_by_role("button", name="Save schedule").click()
    page.wait_for_selector("#id_title")
    open_status_panel(page)
    status_panel = page.locator("[data-side-panel='status']")
    status_panel.get_by_text("Once scheduled:").wait_for()
    settle(page)
    save(page, "editorial-schedule-saved", status_panel.locator(".w-py-6").first)
    close_status_panel(page)

    menu = open_action_menu(page)
    save_action_menu(page, "editorial-action-menu", menu)
    with page.expect_navigation():
        page.get_by_role("button", name=SUBMIT).click()
    row = page.locator("tr", has_text=TITLE)
    row.wait_for()
    page.mouse.move(0, 0)
    page.evaluate("window.scrollTo(0, 0)")
    save(page, "editorial-submitted", page.locator(".messages"), row)

    # What the editor's dashboard says while the event waits.
    page.goto("/admin/")
    in_workflow = page.locator("section", has_text="Your pages and snippets in a workflow")
    save(page, "editorial-your-pages-in-workflow", in_workflow.first)
    sign_out(page)

    # The reviewer finds it on the dashboard and requests changes.
    sign_in(page, *REVIEWER)
    awaiting = page.locator("#awaiting-review-section")
    row = awaiting.locator("tr", has_text=TITLE)
    row.get_by_role("button", name="Actions").click()
    actions = row.locator(".w-dropdown__content")
    actions.wait_for(state="visible")
    settle(page)
    save(page, "editorial-awaiting-review", awaiting, actions)
    row.get_by_role("button", name="Request changes").click()
    modal = page.locator(".modal .modal-content")
    modal.locator("#id_comment").fill(COMMENT)
    settle(page)
    save(page, "editorial-request-changes", modal)
    with page.expect_navigation():
        modal.get_by_role("button", name="Request changes").click()
    sign_out(page)

    # The editor reads the comment, changes the summary and resubmits.
    sign_in(page, *EDITOR)
    row = page.locator("section", has_text="Your pages and snippets in a workflow").locator(
        "tr", has_text=TITLE
    )
    with page.expect_navigation():
        row.get_by_role("link", name=TITLE).click()
    open_status_panel(page)
    page.get_by_role("button", name="View details").click()
    status = page.locator("#workflow-status-dialog .w-dialog__box")
    status.wait_for(state="visible")
    settle(page)
    save(page, "editorial-changes-requested", status)
    page.locator("#workflow-status-dialog").get_by_role("button", name="Close dialog").click()
    close_status_panel(page)
    page.fill("#id_summary", NEW_SUMMARY)
    menu = open_action_menu(page)
    save_action_menu(page, "editorial-resubmit", menu)
    with page.expect_navigation():
        page.get_by_role("button", name=RESUBMIT).click()
    sign_out(page)

    # The reviewer opens the event: the editor's action menu offers Approve and Request changes.
    sign_in(page, *REVIEWER)
    row = page.locator("#awaiting-review-section tr", has_text=TITLE)
    with page.expect_navigation():
        row.get_by_role("link", name=TITLE).click()
    edit_url = page.url
    menu = open_action_menu(page)
    save_action_menu(page, "editorial-reviewer-action-menu", menu)
    with page.expect_navigation():
        page.get_by_role("button", name="Approve and Publish", exact=True).click()

    # Approved, with a go-live date in the future: scheduled, not yet live.
    page.goto("/admin/")
    save(page, "editorial-scheduled-soon", page.locator("#scheduled-soon-section"))
    page.goto(edit_url)
    open_status_panel(page)
    settle(page)
    save(
        page, "editorial-scheduled-status", page.locator("[data-side-panel='status'] .w-py-6").first
    )
    sign_out(page)


def main():
    workdir = Path(tempfile.mkdtemp(prefix="pdu-screenshots-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pdu_site.settings.dev",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
    }
    env.pop("EMAIL_HOST", None)  # review emails stay in the server's log, never sent
    quiet = {"stdout": subprocess.PIPE, "stderr": subprocess.STDOUT, "text": True}
    server = None
    try:
        print("Making a throwaway database with the demo content…")
        manage(env, "migrate", "--noinput", "-v0", **quiet)
        manage(env, "load_demo_content", "-v0", **quiet)
        port = free_port()
        log = (workdir / "runserver.log").open("w")
        server = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=REPOSITORY,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base_url = f"http://127.0.0.1:{port}"
        wait_until_serving(f"{base_url}/admin/login/", server)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(base_url=base_url, viewport=VIEWPORT, locale="en-GB")
            take_screenshots(context.new_page())
            browser.close()
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
