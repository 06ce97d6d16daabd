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

Each facet option shows how many resources it would give together with the other active filters
(standard faceting). However many resources, results or options there are, a page takes the
same few queries:

- with free text, one asks the search backend for the ids of the matching resources, most
  relevant first;
- one lists every resource that can be shown (live, in the page's language, among the matches if
  there was a search) as a row of what the facets need to know of it, newest first unless sorted
  by relevance;
- one lists their workstreams, topics and audiences, and one the translation keys of their terms;
- one loads the page of results to show.

Filtering and counting then take a few set operations in Python, whatever the combination of
filters, instead of one grouped query per facet that would repeat the search and every filter.
The ids of the matches go to the database as one parameter (`IdList`), not one per id.

Free text goes through Wagtail's search backend: PostgreSQL full text (SQLite FTS in development;
a search service such as OpenSearch works too). On PostgreSQL, a GIN index on the words of the
search index keeps a search quick (library/migrations/0008_search_index_words_gin.py).

`easy_read=yes` keeps the resources that have an Easy Read version or a plain language summary.
"""

import json
import re
import unicodedata
import urllib.parse
from collections import defaultdict
from dataclasses import dataclass, field

from django import forms
from django.contrib.postgres.aggregates import ArrayAgg
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Expression,
    IntegerField,
    Q,
    Value,
    When,
)
from django.utils.translation import gettext_lazy as _

from home.localised import in_language, is_default, mark_fallbacks
from home.pagination import paginate
from library.languages import MATERIAL_LANGUAGES
from members.restrictions import members_only_page_ids
from page_cache.marks import depends_on_search_index

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


TERM_FACETS = (
    FacetSpec("workstream", "workstreams", _("Workstream"), many_to_many=True),
    FacetSpec("type", "resource_type", _("Type of resource")),
    FacetSpec("topic", "topics", _("Topic"), many_to_many=True),
    FacetSpec("audience", "audiences", _("Written for"), many_to_many=True),
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


# What the filters and facets need to know of each resource: one row (a tuple) per resource.
ROW_FIELDS = ("pk", "resource_type_id", "material_language", "publication_year", "offers_easy_read")


def as_rows(resources):
    """The rows (ROW_FIELDS) of `resources`, in their order."""
    offers_easy_read = Case(
        When(has_easy_read(), then=Value(True)), default=Value(False), output_field=BooleanField()
    )
    return list(resources.annotate(offers_easy_read=offers_easy_read).values_list(*ROW_FIELDS))


def matching_ids(words, by_relevance):
    """Ids of the resources whose indexed text matches `words`, most relevant first if
    `by_relevance`, in every language and whether live or not."""
    from library.models import ResourcePage

    results = ResourcePage.objects.order_by().search(words, order_by_relevance=by_relevance)
    if hasattr(results, "get_queryset"):
        # The database backends give the search as a queryset: ids, without loading a page.
        return list(results.get_queryset().values_list("pk", flat=True))
    return [resource.pk for resource in results]  # a search service (OpenSearch)


def listed_rows(resources, words, by_relevance):
    """A row (ROW_FIELDS) for each of `resources` that matches `words` (every one of them when
    there are no words), in the order to list them: most relevant or newest first."""
    if not words:
        return as_rows(resources.order_by(*NEWEST_FIRST))
    # The search looks only at the search index; the database then narrows the matches to
    # `resources`. Joined in one query, the two would depend on the database planning the join
    # well, which it does not when its statistics are out of date (after a bulk import).
    ranked_ids = matching_ids(words, by_relevance)
    found = resources.filter(pk__in=IdList(ranked_ids))
    if not by_relevance:
        return as_rows(found.order_by(*NEWEST_FIRST))
    position = {pk: number for number, pk in enumerate(ranked_ids)}
    return sorted(as_rows(found.order_by()), key=lambda row: position[row[0]])


class IdList(Expression):
    """Ids as a single query parameter, for `field__in=IdList(ids)`.

    Given a list, `__in` sends one parameter per id, each prepared in Python: for thousands of
    ids that costs more than the query itself. PostgreSQL takes the ids as one array and SQLite
    as one JSON list; other databases get the usual list.
    """

    def __init__(self, ids):
        super().__init__(output_field=IntegerField())
        self.ids = [int(pk) for pk in ids]

    def as_sql(self, compiler, connection):
        if not self.ids:
            raise EmptyResultSet
        return ", ".join(["%s"] * len(self.ids)), self.ids

    def as_postgresql(self, compiler, connection):
        if not self.ids:
            raise EmptyResultSet
        # As an array's text: adapting a Python list costs a call per item.
        return "SELECT unnest(%s::bigint[])", ["{" + ",".join(map(str, self.ids)) + "}"]

    def as_sqlite(self, compiler, connection):
        if not self.ids:
            raise EmptyResultSet
        return "SELECT value FROM json_each(%s)", [json.dumps(self.ids)]


def term_keys(term_ids):
    """{facet name: {term id: translation key}} for the terms in `term_ids` ({facet name: term
    ids}), whatever their language and whether live or not (one query)."""
    from library.models import Audience, ResourceType, Topic
    from workstreams.models import WorkstreamPage

    models = {
        "workstream": WorkstreamPage,
        "type": ResourceType,
        "topic": Topic,
        "audience": Audience,
    }
    parts = [
        model.objects.filter(pk__in=term_ids[name])
        .order_by()
        .values_list(Value(name, output_field=CharField()), "pk", "translation_key")
        for name, model in models.items()
    ]
    keys = {name: {} for name in models}
    for name, pk, key in parts[0].union(*parts[1:], all=True):
        keys[name][pk] = key
    return keys


def term_links(resources):
    """{facet name: {term id: ids of the resources linked to it}} for the many-to-many term
    facets, for the resources in `resources` (anything `pk__in` takes; one query)."""
    from library.models import ResourcePage

    # PostgreSQL sends an array of resource ids per term, much less to read than a row per link.
    grouped = connection.vendor == "postgresql"
    parts = []
    for spec in TERM_FACETS:
        if spec.many_to_many:
            relation = ResourcePage._meta.get_field(spec.lookup)
            resource = f"{relation.m2m_field_name()}_id"
            term = f"{relation.m2m_reverse_field_name()}_id"
            facet = Value(spec.name, output_field=CharField())
            linked = relation.remote_field.through.objects.filter(
                **{f"{resource}__in": resources}
            ).order_by()
            if grouped:
                linked = linked.values(term).annotate(facet=facet, resource_ids=ArrayAgg(resource))
                parts.append(linked.values_list("facet", term, "resource_ids"))
            else:
                parts.append(linked.values_list(facet, term, resource))
    rows = parts[0].union(*parts[1:], all=True)
    if not grouped:
        rows = ((name, term_id, [resource_id]) for name, term_id, resource_id in rows)
    links = {spec.name: defaultdict(set) for spec in TERM_FACETS if spec.many_to_many}
    for name, term_id, resource_ids in rows:
        links[name][term_id].update(resource_ids)
    return links


def resources_by_value(rows, searched, resources):
    """{facet name: {value: ids of the resources that have it}}, for every facet and the
    resources of `rows`, which are all of `resources` unless `searched` (two queries; none
    without rows).

    Terms are grouped by translation key: a resource linked to a term and to its translation
    has that value once.
    """
    by_value = {spec.name: defaultdict(set) for spec in ALL_FACETS}
    if not rows:
        return by_value
    # All of the resources are asked for more cheaply by their query than by thousands of ids.
    links = term_links(IdList(row[0] for row in rows) if searched else resources.values("pk"))
    by_type = defaultdict(set)
    languages, years = by_value[LANGUAGE_FACET.name], by_value[YEAR_FACET.name]
    easy_read = by_value[EASY_READ_FACET.name][EASY_READ_VALUE]
    for pk, type_id, language, year, offers_easy_read in rows:
        by_type[type_id].add(pk)
        languages[language].add(pk)
        years[year].add(pk)
        if offers_easy_read:
            easy_read.add(pk)
    by_term = {"type": by_type, **links}
    keys = term_keys({name: list(resources_by_term) for name, resources_by_term in by_term.items()})
    for name, resources_by_term in by_term.items():
        for term_id, resource_ids in resources_by_term.items():
            by_value[name][keys[name][term_id]].update(resource_ids)
    return by_value


def chosen_values(selected, keys_by_facet):
    """{facet name: the values it keeps} for each facet a visitor has chosen values of."""
    chosen = {}
    for spec in ALL_FACETS:
        values = selected.get(spec.name)
        if not values:
            continue
        if spec.name in keys_by_facet:
            chosen[spec.name] = [keys_by_facet[spec.name][value] for value in values]
        elif spec.name == YEAR_FACET.name:
            chosen[spec.name] = [values]
        else:
            chosen[spec.name] = list(values)
    return chosen


def narrow(resource_ids, by_value, chosen):
    """The resources that every chosen facet keeps, and each facet's option counts.

    Each facet counts among the resources that the other chosen facets keep (standard faceting:
    a visitor sees what each option would give together with the other filters).
    """
    everything = set(resource_ids)
    keeps = {
        name: set().union(*(by_value[name].get(value, ()) for value in values))
        for name, values in chosen.items()
    }

    def kept_by(names):
        return everything.intersection(*(keeps[name] for name in names))

    kept = kept_by(chosen)
    counts = {}
    for spec in ALL_FACETS:
        among = (
            kept_by(name for name in chosen if name != spec.name) if spec.name in chosen else kept
        )
        counts[spec.name] = {
            value: len(holders & among) for value, holders in by_value[spec.name].items()
        }
    return [pk for pk in resource_ids if pk in kept], counts


def build_facets(counts, selected, choices, keys_by_facet):
    facets = []
    for spec in ALL_FACETS:
        counts_here = counts[spec.name]
        chosen = selected.get(spec.name)
        fallbacks = set()
        if spec.name in keys_by_facet:
            terms = choices[spec.name].items()
            pairs = [(slug, term.label, counts_here.get(term.key, 0)) for slug, term in terms]
            fallbacks = {slug for slug, term in terms if term.is_fallback}
        elif spec.name == LANGUAGE_FACET.name:
            pairs = [(code, label, counts_here.get(code, 0)) for code, label in MATERIAL_LANGUAGES]
        elif spec.name == EASY_READ_FACET.name:
            pairs = [
                (value, label, counts_here.get(value, 0)) for value, label in EASY_READ_CHOICES
            ]
        else:
            years = set(counts_here) | ({chosen} if chosen else set())
            pairs = [
                (str(year), str(year), counts_here.get(year, 0))
                for year in sorted(years, reverse=True)
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
    else:
        depends_on_search_index(request)

    resources = resources_in(locale)
    rows = listed_rows(resources, words, by_relevance=sort == SORT_RELEVANCE)
    by_value = resources_by_value(rows, bool(words), resources)
    kept, counts = narrow([row[0] for row in rows], by_value, chosen_values(data, keys_by_facet))
    facets = build_facets(counts, data, choices, keys_by_facet)

    page = paginate(request, kept)
    found = ResourcePage.objects.select_related("resource_type").in_bulk(page.object_list)
    page.object_list = [found[pk] for pk in page.object_list if pk in found]
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
