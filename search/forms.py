"""The search form: whatever arrives in ?q= and ?page=, turned into something safe to search with.

Search boxes receive anything: NUL bytes (PostgreSQL refuses them in text and the request would
end in a 500), full-text operators, quotes (the SQLite backend fails on a lone double quote),
pasted essays. Nothing here ever raises: a bad `page` is page 1, control characters are removed,
and a query that is too long is an error shown on the form.
"""

import re
import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200

# Words as the search backends index them. Searching with words only (never the raw text) keeps
# every backend's query syntax (quotes, AND/OR, *, :, parentheses) out of visitors' hands.
WORD = re.compile(r"\w+")


def remove_control_characters(text):
    """`text` without control, format-less or unassigned characters; whitespace becomes spaces."""
    kept = []
    for character in text:
        category = unicodedata.category(character)
        if category in ("Zl", "Zp") or character in "\t\n\r\v\f":
            kept.append(" ")
        elif category in ("Cc", "Cs", "Cn", "Co"):
            continue
        else:
            kept.append(character)
    return "".join(kept)


def clean_query(text):
    """The visitor's query, tidied: normalised Unicode, no control characters, single spaces."""
    text = unicodedata.normalize("NFC", text or "")
    text = remove_control_characters(text)
    return " ".join(text.split())


def query_words(text):
    """The words in a cleaned query, as the backends will be asked for them."""
    return WORD.findall(text)


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search this site"),
        required=False,
        strip=False,  # clean_query strips, after removing characters .strip() does not
        error_messages={
            "max_length": _("Search terms must be %(limit_value)s characters or fewer"),
        },
    )
    page = forms.CharField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update(
            {
                "type": "search",
                "maxlength": MAX_QUERY_LENGTH,
                "spellcheck": "false",
                "enterkeyhint": "search",
            }
        )

    def clean_q(self):
        query = clean_query(self.cleaned_data.get("q"))
        if len(query) > MAX_QUERY_LENGTH:
            raise forms.ValidationError(
                self.fields["q"].error_messages["max_length"],
                code="max_length",
                params={"limit_value": MAX_QUERY_LENGTH},
            )
        return query

    def clean_page(self):
        """A page number: anything that isn't a sensible one is the first page."""
        value = (self.cleaned_data.get("page") or "").strip()
        if value.isascii() and value.isdigit() and len(value) <= 6:
            return max(int(value), 1)
        return 1

    @property
    def query(self):
        """The cleaned query; "" when there is nothing (valid) to search for."""
        if not self.is_valid():
            return ""
        return self.cleaned_data["q"]

    @property
    def page_number(self):
        self.is_valid()
        return self.cleaned_data.get("page", 1)
