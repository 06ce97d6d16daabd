"""What people (and programs) might send: awkward text, numbers, query strings and form bodies.

Query strings and form bodies are built as bytes here, not by the test client, so that they can
carry what a browser or a bot can send but Python's encoders refuse: lone surrogates (as the
bytes a careless encoder makes of them), invalid UTF-8 and broken percent-encoding.
"""

from urllib.parse import quote_plus

from hypothesis import strategies as st

# Text known to upset databases, search backends, template engines or people's eyes.
AWKWARD_TEXT = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\ud800",
    "x\udfffy",
    "'",
    '"',
    "a'b\"c",
    "\\",
    "%",
    "%00",
    "%zz",
    "&|!:*()",
    "' OR 1=1 --",
    '"; DROP TABLE wagtailcore_page; --',
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ request }}{% debug %}",
    "${7*7}",
    "\u200f\u202eevil\u202c",
    "\u200b\ufeff",
    "مرحبا بالعالم",
    "ہاؤسنگ فرسٹ",
    "Zażółć gęślą jaźń",
    "😀🏠👩🏽‍⚕️",
    "\U0010ffff",
    "\r\n\r\nSet-Cookie: x=1",
    "-1",
    "0",
    "1e309",
    "NaN",
    "9" * 30,
    "x" * 10_000,
]

# Values often given to parameters that hold numbers (ids, pages, years).
AWKWARD_NUMBERS = [
    "0",
    "-1",
    "1",
    "2",
    "01",
    "1.5",
    "1e3",
    "2147483647",
    "2147483648",
    "9223372036854775808",
    "9" * 5000,
    "١٢",
    "²",
    " 1 ",
    "+1",
    "0x10",
    "inf",
    "nan",
    "true",
    "[]",
]

# Control characters, format characters (RTL marks), surrogates and private use included.
any_character = st.characters(codec=None, exclude_categories=())

# Free text: awkward samples, arbitrary Unicode (lone surrogates included) and some long ones.
text = st.one_of(
    st.sampled_from(AWKWARD_TEXT),
    st.text(any_character, max_size=60),
    st.builds(lambda part, times: part * times, st.text(max_size=8), st.integers(1, 3000)),
)

numbers = st.one_of(
    st.sampled_from(AWKWARD_NUMBERS),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    text,
)

# Raw pieces of a query string that no encoder would make.
BROKEN_ENCODING = ["%", "%2", "%zz", "%ff%fe", "%c0%af", "%ed%a0%80", "%00", "&&", "=", "=&="]


def encode(value):
    """`value` percent-encoded as UTF-8, lone surrogates as the bytes a careless encoder makes."""
    return quote_plus(value.encode("utf-8", "surrogatepass"))


def params(names):
    """(name, value) pairs: mostly the parameters a view reads, repeated and mixed with others."""
    name = st.one_of(st.sampled_from(names), text)
    return st.lists(st.tuples(name, st.one_of(text, numbers)), max_size=8)


@st.composite
def query_strings(draw, names):
    """A query string (without "?") for a view that reads `names`, sometimes badly encoded."""
    pieces = [f"{encode(name)}={encode(value)}" for name, value in draw(params(names))]
    for _ in range(draw(st.integers(0, 2))):
        position = draw(st.integers(0, len(pieces)))
        pieces.insert(position, draw(st.sampled_from(BROKEN_ENCODING)))
    return "&".join(pieces)


@st.composite
def filter_queries(draw, names, known_values, max_size=8):
    """A well-encoded query string of filters `names`, each with a known value or any other."""
    value = st.one_of(st.sampled_from(known_values), text, numbers)
    choices = draw(st.lists(st.tuples(st.sampled_from(names), value), max_size=max_size))
    return "&".join(f"{name}={encode(value)}" for name, value in choices)


@st.composite
def form_bodies(draw, fields):
    """A urlencoded POST body: `fields` maps each field's name to a strategy for its value.

    Each field may be left out, sent once or sent twice; unknown fields come along too.
    """
    pieces = []
    for name, values in fields.items():
        for value in draw(st.lists(values, max_size=2)):
            pieces.append(f"{encode(name)}={encode(value)}")
    for name, value in draw(params(list(fields) or ["x"])):
        pieces.append(f"{encode(name)}={encode(value)}")
    if draw(st.booleans()):
        pieces.append(draw(st.sampled_from(BROKEN_ENCODING)))
    return "&".join(draw(st.permutations(pieces)))


def with_awkward(*samples):
    """Sensible values for a field (so the view gets past its first check) or awkward text."""
    return st.one_of(st.sampled_from(samples), text)


emails = st.one_of(
    st.sampled_from(
        [
            "jo@example.org",
            "JO@EXAMPLE.ORG",
            "jo@example",
            "jo@@example.org",
            "@example.org",
            "jo@",
            "jo@exa mple.org",
            "jo@example.org\x00",
            "jo@xn--80ak6aa92e.com",
            "jö@exämple.org",
            "a" * 250 + "@example.org",
            "jo+tag@example.org",
            '"jo smith"@example.org',
            "jo@[127.0.0.1]",
            "jo@example.org\r\nBcc: x@example.org",
        ]
    ),
    st.emails().map(str),
    text,
)

# Accept-Language headers: well formed, odd and hostile.
accept_languages = st.one_of(
    st.sampled_from(
        [
            "pl",
            "ur",
            "ur-PK,ur;q=0.9",
            "en-GB;q=0.8,pl;q=0.9",
            "*",
            "xx-YY",
            "pl;q=abc",
            "pl;q=1e309",
            ";;;,,,",
            "en" * 500,
            "\x00",
            "zh-Hant-TW-u-ca-chinese",
        ]
    ),
    st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=200),
)

# The same path in the site's main language (no prefix) and in others, right to left included.
language_prefixes = st.sampled_from(["", "/pl", "/ur", "/ar"])
