"""Search and filters for the resource library page (ResourceIndexPage).

Everything a visitor chooses lives in the query string, so any view of the library can be shared
or bookmarked: free text `q`; facets `workstream`, `type`, `topic`, `audience` and `language`
(repeat a parameter to choose several values of one facet: any of them matches); `year`; `sort`
(`relevance` or `newest`). Different facets narrow each other (AND).

In a language other than English, the library holds the resources translated into it and the
English originals of the others, which are marked `is_fallback` (home/localised.py). Terms are
matched by translation key, so the Polish "Housing" workstream also finds resources linked to
the English one (a translation keeps its original's links); a term with no translation is
offered under its English name.

Free text goes through Wagtail's search backend, which cannot filter on many-to-many fields
inside `search()`. So the search runs alone, over every live resource in the page's language; the
ids it returns (in relevance order) then narrow an ordinary queryset that the filters apply to.
That works the same on the SQLite and PostgreSQL database backends. The ids travel as a list, which
suits a library of thousands of resources; far beyond that, search inside the database instead.

Each facet option shows how many resources it would give together with the other active filters
(standard faceting). Counting takes one grouped query per facet, however many options or
results there are.

`easy_read=yes` keeps the resources that have an Easy Read version or a plain language summary.
"""

import re
import unicodedata
import urllib.parse
from dataclasses import dataclass, field

from django import forms
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from home.localised import in_language, is_default, mark_fallbacks
from home.pagination import paginate
from library.languages import MATERIAL_LANGUAGES
from members.restrictions import members_only_page_ids

MAX_QUERY_LENGTH = 200
FIRST_YEAR, LAST_YEAR = 1900, 2100
SORT_RELEVANCE, SORT_NEWEST = "relevance", "newest"
EASY_READ_VALUE = "yes"
EASY_READ_CHOICES = [
    (EASY_READ_VALUE, _("Has an Easy Read version or plain language summary")),
]
NEWEST_FIRST = ("-publication_year", "-first_published_at", "-pk")

# Words for the search backend: runs of letters and digits in any script. Punctuation carries no
# meaning in full-text search and some of it (a lone quote) breaks the SQLite backend's queries.
SEARCH_WORD = re.compile(r"[^\W_]+")


def clean_query(value):
    """Free text as typed, without control characters (NUL included), at most 200 characters."""
    if not isinstance(value, str):
        return ""
    text = "".join(
        " " if unicodedata.category(character) in ("Cc", "Cs") else character for character in value
    )
    text = " ".join(text.split())
    return text[:MAX_QUERY_LENGTH].strip()


def search_words(query):
    """The words of `query` to send to the search backend; an empty string means no search."""
    return " ".join(SEARCH_WORD.findall(query))


class QueryField(forms.Field):
    """Free text. Never invalid: what cannot be searched is cleaned away."""

    widget = forms.TextInput

    def clean(self, value):
        return clean_query(value)


class FacetField(forms.MultipleChoiceField):
    """Several values of one facet. Values that are not among the choices are ignored."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, value):
        known = {str(key) for key, _label in self.choices}
        values = value if isinstance(value, list | tuple) else [value]
        chosen = (str(item) for item in values if item is not None)
        return list(dict.fromkeys(item for item in chosen if item in known))


class YearField(forms.Field):
    """A year of publication, or None for any year; anything else is ignored."""

    widget = forms.Select

    def clean(self, value):
        if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) == 4:
            year = int(value)
            if FIRST_YEAR <= year <= LAST_YEAR:
                return year
        return None


class SortField(forms.Field):
    """`relevance` or `newest`; anything else means the default for the search."""

    widget = forms.Select

    def clean(self, value):
        return value if value in (SORT_RELEVANCE, SORT_NEWEST) else ""


class LibrarySearchForm(forms.Form):
    """The library's search and filter parameters, cleaned. It is never invalid.

    `choices` maps each term facet ("workstream", "type", "topic", "audience") to its
    (slug, name) pairs: the live terms a visitor may choose from. `easy_read` is one checkbox
    ("yes"); any other value leaves it unticked.
    """

    q = QueryField(label=_("Search the library"), required=False)
    workstream = FacetField(label=_("Workstream"))
    type = FacetField(label=_("Type of resource"))
    topic = FacetField(label=_("Topic"))
    audience = FacetField(label=_("Written for"))
    language = FacetField(label=_("Language of the material"), choices=MATERIAL_LANGUAGES)
    year = YearField(label=_("Year published"), required=False)
    easy_read = FacetField(label=_("Easy Read and plain language"), choices=EASY_READ_CHOICES)
    sort = SortField(label=_("Sort by"), required=False)

    def __init__(self, data=None, *, choices=None, **kwargs):
        super().__init__(data, **kwargs)
        for name, options in (choices or {}).items():
            self.fields[name].choices = options

    @property
    def search(self):
        """The cleaned parameters ({} for an unbound form: nothing chosen)."""
        return self.cleaned_data if self.is_valid() else {}


# Facets -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FacetSpec:
    """How one facet filters and counts: `lookup` is the ResourcePage field it reads.

    Term facets read the terms' translation keys, so every language's version of a term counts
    as that term.
    """

    name: str
    lookup: str
    legend: str
    many_to_many: bool = False
    by_translation: bool = False

    @property
    def value_lookup(self):
        return f"{self.lookup}__translation_key" if self.by_translation else self.lookup


TERM_FACETS = (
    FacetSpec("workstream", "workstreams", _("Workstream"), many_to_many=True, by_translation=True),
    FacetSpec("type", "resource_type", _("Type of resource"), by_translation=True),
    FacetSpec("topic", "topics", _("Topic"), many_to_many=True, by_translation=True),
    FacetSpec("audience", "audiences", _("Written for"), many_to_many=True, by_translation=True),
)
LANGUAGE_FACET = FacetSpec("language", "material_language", _("Language of the material"))
YEAR_FACET = FacetSpec("year", "publication_year", _("Year published"))
EASY_READ_FACET = FacetSpec("easy_read", "", _("Easy Read and plain language"))
ALL_FACETS = (*TERM_FACETS, LANGUAGE_FACET, YEAR_FACET, EASY_READ_FACET)


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    is_fallback: bool = False  # a term shown by its English name, not translated yet


@dataclass
class Facet:
    name: str
    legend: str
    options: list = field(default_factory=list)

    @property
    def input_type(self):
        return "select" if self.name == YEAR_FACET.name else "checkbox"


@dataclass
class ActiveFilter:
    label: str
    remove_url: str
    is_query: bool = False


@dataclass
class LibrarySearch:
    """What the library page shows: the form, one page of results and the facets."""

    form: LibrarySearchForm
    query: str
    sort: str
    resources: object  # a Django Page (pagination) of ResourcePages
    facets: list
    active_filters: list
    clear_url: str

    @property
    def total(self):
        return self.resources.paginator.count

    @property
    def is_filtered(self):
        return bool(self.active_filters)

    @property
    def offers_relevance(self):
        """Sorting by relevance means something only when there are words to search for."""
        return bool(search_words(self.query))


@dataclass(frozen=True)
class TermChoice:
    """A term a visitor may choose: the key it is matched by, and how it is shown."""

    key: object  # the term's translation key (a UUID)
    label: str
    is_fallback: bool = False


def term_choices(locale):
    """For each term facet, the live terms in `locale` (or in English, where a term has no
    translation) as {slug: TermChoice}, ordered by name. One query per facet."""
    from library.models import Audience, ResourceType, Topic
    from workstreams.models import WorkstreamPage

    def is_fallback(locale_id):
        return not is_default(locale) and locale_id != locale.pk

    workstreams = (
        in_language(WorkstreamPage.objects.live().public(), locale)
        .order_by("title", "pk")
        .values_list("slug", "translation_key", "title", "locale_id")
    )
    found = {"workstream": workstreams}
    for name, model in (("type", ResourceType), ("topic", Topic), ("audience", Audience)):
        found[name] = (
            in_language(model.objects.filter(live=True), locale)
            .order_by("name", "pk")
            .values_list("slug", "translation_key", "name", "locale_id")
        )
    return {
        name: {
            slug: TermChoice(key, label, is_fallback(locale_id))
            for slug, key, label, locale_id in rows
        }
        for name, rows in found.items()
    }


def resources_in(locale):
    """Every live resource in `locale`, with the English originals of those not translated
    into it; members-only ones included (they are labelled)."""
    from library.models import ResourcePage

    return in_language(ResourcePage.objects.live(), locale)


def has_easy_read():
    """Resources with an Easy Read version (a file or a page) or a plain language summary."""
    return (
        Q(easy_read_document__isnull=False)
        | Q(easy_read_page__isnull=False)
        | ~Q(plain_language_summary="")
    )


def matching_ids(locale, words):
    """Ids of resources whose indexed text matches `words`, most relevant first."""
    return [resource.pk for resource in resources_in(locale).only("pk").search(words)]


def apply_filters(resources, selected, keys_by_facet, skip=None):
    """`resources` narrowed by every chosen facet except `skip`."""
    from library.models import ResourcePage

    for spec in ALL_FACETS:
        values = selected.get(spec.name)
        if spec.name == skip or not values:
            continue
        if spec.name in keys_by_facet:
            values = [keys_by_facet[spec.name][value] for value in values]
        if spec.name == EASY_READ_FACET.name:
            resources = resources.filter(has_easy_read())
        elif spec.many_to_many:
            # A subquery keeps one row per resource, however many of its terms match.
            having = ResourcePage.objects.filter(**{f"{spec.value_lookup}__in": values})
            resources = resources.filter(pk__in=having.values("pk"))
        elif spec.name == YEAR_FACET.name:
            resources = resources.filter(publication_year=values)
        else:
            resources = resources.filter(**{f"{spec.value_lookup}__in": values})
    return resources


def count_by(resources, lookup):
    """{value: number of resources} for one facet: a single grouped query."""
    rows = resources.order_by().values(lookup).annotate(total=Count("pk", distinct=True))
    return {row[lookup]: row["total"] for row in rows if row[lookup] is not None}


def facet_counts(spec, resources):
    """{value: number of resources} for one facet (one query)."""
    if spec.name == EASY_READ_FACET.name:
        return {EASY_READ_VALUE: resources.filter(has_easy_read()).count()}
    return count_by(resources, spec.value_lookup)


def build_facets(resources, selected, choices, keys_by_facet):
    facets = []
    for spec in ALL_FACETS:
        counts = facet_counts(
            spec, apply_filters(resources, selected, keys_by_facet, skip=spec.name)
        )
        chosen = selected.get(spec.name)
        fallbacks = set()
        if spec.name in keys_by_facet:
            terms = choices[spec.name].items()
            pairs = [(slug, term.label, counts.get(term.key, 0)) for slug, term in terms]
            fallbacks = {slug for slug, term in terms if term.is_fallback}
        elif spec.name == LANGUAGE_FACET.name:
            pairs = [(code, label, counts.get(code, 0)) for code, label in MATERIAL_LANGUAGES]
        elif spec.name == EASY_READ_FACET.name:
            pairs = [(value, label, counts.get(value, 0)) for value, label in EASY_READ_CHOICES]
        else:
            years = set(counts) | ({chosen} if chosen else set())
            pairs = [
                (str(year), str(year), counts.get(year, 0)) for year in sorted(years, reverse=True)
            ]
        if spec.name == YEAR_FACET.name:
            is_chosen = {str(chosen)} if chosen else set()
        else:
            is_chosen = set(chosen or [])
        options = [
            Option(value, label, count, value in is_chosen, value in fallbacks)
            for value, label, count in pairs
            if count or value in is_chosen
        ]
        facets.append(Facet(spec.name, spec.legend, options))
    return facets


def canonical_params(data):
    """The cleaned parameters as (name, value) pairs, in a stable order."""
    params = []
    if search_words(data.get("q", "")):
        params.append(("q", data["q"]))
    for spec in ALL_FACETS:
        value = data.get(spec.name)
        if spec.name == YEAR_FACET.name:
            if value:
                params.append(("year", str(value)))
        else:
            params.extend((spec.name, item) for item in value or [])
    if data.get("sort"):
        params.append(("sort", data["sort"]))
    return params


def url_with(path, params):
    return f"{path}?{urllib.parse.urlencode(params)}" if params else path


def active_filters(path, data, facets):
    params = canonical_params(data)
    labels = {
        (facet.name, option.value): option.label for facet in facets for option in facet.options
    }
    found = []
    for name, value in params:
        if name == "sort":
            continue
        others = [param for param in params if param != (name, value)]
        found.append(
            ActiveFilter(labels.get((name, value), value), url_with(path, others), name == "q")
        )
    return found


def mark_members_only(resources):
    """Set `members_only` on each resource with a view restriction on itself or an ancestor."""
    restricted = members_only_page_ids(resources)
    for resource in resources:
        resource.members_only = resource.pk in restricted


def search_library(request, locale):
    """Results, facets and active filters for the library page, from `request.GET`."""
    from library.models import ResourcePage

    choices = term_choices(locale)
    form = LibrarySearchForm(
        request.GET,
        choices={
            name: [(slug, term.label) for slug, term in terms.items()]
            for name, terms in choices.items()
        },
    )
    data = form.search
    keys_by_facet = {
        name: {slug: term.key for slug, term in terms.items()} for name, terms in choices.items()
    }
    query = data.get("q", "")
    words = search_words(query)
    sort = data.get("sort") or (SORT_RELEVANCE if words else SORT_NEWEST)
    if not words:
        sort = SORT_NEWEST

    resources = resources_in(locale)
    ranked_ids = None
    if words:
        ranked_ids = matching_ids(locale, words)
        resources = resources.filter(pk__in=ranked_ids) if ranked_ids else resources.none()

    facets = build_facets(resources, data, choices, keys_by_facet)
    filtered = apply_filters(resources, data, keys_by_facet)

    if sort == SORT_RELEVANCE:
        wanted = set(filtered.values_list("pk", flat=True))
        page = paginate(request, [pk for pk in ranked_ids if pk in wanted])
        found = ResourcePage.objects.select_related("resource_type").in_bulk(page.object_list)
        page.object_list = [found[pk] for pk in page.object_list if pk in found]
    else:
        page = paginate(request, filtered.select_related("resource_type").order_by(*NEWEST_FIRST))
        page.object_list = list(page.object_list)
    mark_members_only(page.object_list)
    mark_fallbacks(page.object_list, locale)

    return LibrarySearch(
        form=form,
        query=query,
        sort=sort,
        resources=page,
        facets=facets,
        active_filters=active_filters(request.path, data, facets),
        clear_url=request.path,
    )
