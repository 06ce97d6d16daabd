"""The addresses the benchmark asks for, all from the demo content (`load_demo_content`).

The runner checks each one before measuring it: it must answer 200, and searches must find
something (an empty result is quick and would flatter the numbers).
"""

from urllib.parse import urlencode

# One of each kind of page a visitor reads, measured one by one (the static file is found in
# the home page's <link rel="stylesheet">).
MEASURED_PAGES = {
    "home": "/",
    "event index": "/events/",
    "event page": "/events/trauma-informed-care-an-introduction/",
    "library, one filter": "/resources/?topic=trauma-informed-care",
    "search": "/search/?q=trauma",
}

# What readers open during the mixed load, in turn.
READER_PATHS = [
    "/",
    "/events/",
    "/events/trauma-informed-care-an-introduction/",
    "/events/what-is-housing-first/",
    "/events/alcohol-and-memory-working-with-alcohol-related-brain-damage/",
    "/workstreams/",
    "/workstreams/housing-first-and-homelessness/",
    "/resources/",
    "/resources/?topic=trauma-informed-care",
    "/resources/?type=guide",
    "/e-learning/",
    "/evaluation/independent-evaluation-2021/",
    "/about/",
]

# Words people search for that the demo content (and generate_resources) holds.
SEARCH_TERMS = [
    "trauma",
    "housing first",
    "hostel",
    "women",
    "co-production",
    "hoarding",
    "alcohol",
    "psychologically informed",
    "outreach",
    "safeguarding",
    "peer mentoring",
    "supervision",
    "harm reduction",
    "probation",
    "mental health crisis",
    "lived experience",
]

# Library facets (parameter, value) to combine with a search, from the demo's taxonomies.
LIBRARY_FACETS = [
    ("topic", "trauma-informed-care"),
    ("topic", "housing-first"),
    ("topic", "lived-experience"),
    ("topic", "multi-agency-working"),
    ("type", "guide"),
    ("type", "report"),
    ("type", "toolkit"),
    ("audience", "frontline-workers"),
    ("audience", "managers"),
    ("workstream", "housing-first-and-homelessness"),
    ("workstream", "psychologically-informed-approaches"),
    ("language", "en"),
]


def site_search_paths():
    """Every search term, in the site's search (every kind of page)."""
    return ["/search/?" + urlencode({"q": term}) for term in SEARCH_TERMS]


# Marks of one result in the HTML of the site search and of the library.
SEARCH_RESULT_MARK = 'class="search-result__link"'
LIBRARY_RESULT_MARK = 'class="card__link"'


def library_search_paths():
    """Every search term with every facet: distinct queries, each a search plus a filter."""
    return [
        "/resources/?" + urlencode({"q": term, name: value})
        for term in SEARCH_TERMS
        for name, value in LIBRARY_FACETS
    ]
