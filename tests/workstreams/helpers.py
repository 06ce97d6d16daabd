"""Reading rendered pages in the workstream tests."""

import itertools

from bs4 import BeautifulSoup


def get_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, f"{page.url} answered {response.status_code}"
    return BeautifulSoup(response.content, "html.parser")


def section(html, heading_text):
    """The <section> whose h2 reads `heading_text`."""
    heading = html.main.find("h2", string=heading_text)
    assert heading is not None, f"no section headed {heading_text!r}"
    return heading.find_parent("section")


def card_titles(container):
    return [h.get_text(strip=True) for h in container.select(".card__heading")]


def headings(html):
    """(level, text) of every heading in <main>, in document order."""
    return [
        (int(tag.name[1]), tag.get_text(strip=True))
        for tag in html.main.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])
    ]


def assert_headings_in_order(html):
    levels = [level for level, _text in headings(html)]
    assert levels.count(1) == 1, "a page has exactly one h1"
    assert levels[0] == 1, "the h1 comes first"
    for previous, current in itertools.pairwise(levels):
        assert current <= previous + 1, f"heading levels skip: {headings(html)}"
