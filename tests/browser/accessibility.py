from axe_playwright_python.sync_playwright import Axe

WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def assert_no_axe_violations(page):
    """Run axe-core against the page as it is now; fail with axe's own report."""
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_AA_TAGS}, "resultTypes": ["violations"]},
    )
    assert results.violations_count == 0, results.generate_report()


# Names that say nothing when a screen reader lists a page's links or buttons on their own.
GENERIC_NAMES = {"click here", "here", "read more", "more", "link", "download", "this page"}

# Each shown link's and button's accessible name, worked out as assistive technology does for the
# cases the site uses: aria-labelledby, aria-label, then the text inside (visually-hidden text
# counts, aria-hidden and undisplayed text does not), an image's alt, a button input's value.
LINKS_AND_BUTTONS = """() => {
    const undisplayed = (element) => {
        const style = getComputedStyle(element);
        return style.display === "none" || style.visibility === "hidden";
    };
    const textOf = (node, isRoot) => {
        if (node.nodeType === Node.TEXT_NODE) return node.textContent;
        if (node.nodeType !== Node.ELEMENT_NODE) return "";
        if (!isRoot) {
            if (node.getAttribute("aria-hidden") === "true" || undisplayed(node)) return "";
            if (node.getAttribute("aria-label")) return node.getAttribute("aria-label");
        }
        if (node.localName === "img") return node.getAttribute("alt") || "";
        if (node.localName === "input") return node.value || "";
        const inside = [...node.childNodes].map((child) => textOf(child, false)).join("");
        const inline = getComputedStyle(node).display.startsWith("inline");
        return inline ? inside : ` ${inside} `;
    };
    const nameOf = (element) => {
        const labelledBy = (element.getAttribute("aria-labelledby") || "").trim();
        if (labelledBy) {
            return labelledBy.split(/\\s+/).map((id) => document.getElementById(id))
                .filter(Boolean).map((label) => textOf(label, true)).join(" ");
        }
        const label = (element.getAttribute("aria-label") || "").trim();
        return label || textOf(element, true).trim() || element.getAttribute("title") || "";
    };
    const controls = document.querySelectorAll(
        "a[href], button, input[type=submit], input[type=button], [role=link], [role=button]"
    );
    const shown = (element) => !element.closest("[aria-hidden=true]")
        && element.checkVisibility({visibilityProperty: true});
    return [...controls].filter(shown)
        .map((element) => ({
            kind: element.matches("a, [role=link]") ? "link" : "button",
            name: nameOf(element).replace(/\\s+/g, " ").trim(),
            href: element.href || "",
        }));
}"""


def unclear_link_names(page):
    """What is wrong with the page's link and button names out of context: generic names, and
    links that share a name but go to different addresses. An empty list when nothing is."""
    problems = []
    addresses_by_name = {}
    for control in page.evaluate(LINKS_AND_BUTTONS):
        name = control["name"].casefold()
        if name.strip(" .:…") in GENERIC_NAMES:
            where = f" to {control['href']}" if control["href"] else ""
            problems.append(f'{control["kind"]} "{control["name"]}"{where} says nothing on its own')
        if control["kind"] == "link" and name:
            addresses_by_name.setdefault(name, {})[control["href"]] = control["name"]
    for addresses in addresses_by_name.values():
        if len(addresses) > 1:
            name = next(iter(addresses.values()))
            listed = ", ".join(sorted(addresses))
            problems.append(f'links named "{name}" go to different addresses: {listed}')
    return problems


def assert_meaningful_link_names(page):
    """Fail when a link or button name would not make sense read out of context."""
    problems = unclear_link_names(page)
    assert not problems, "\n".join(problems)
