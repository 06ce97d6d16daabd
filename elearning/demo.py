"""Demo content owned by the e-learning app: the E-learning page and its 18 modules.

`build()` is idempotent: pages are found by slug under their parent, published again only when
their content differs, and every module is made members only (again, if someone opened it).
"""

from wagtail.rich_text import RichText

from members.restrictions import restrict_to_members

from .demo_content import INDEX_INTRODUCTION, INDEX_SLUG, INDEX_TITLE, MODULES
from .models import ELearningIndexPage, ELearningModulePage


def build(home):
    """Create or update the e-learning section under `home`; returns its index and modules."""
    index = save_child(
        home,
        ELearningIndexPage,
        INDEX_SLUG,
        {"title": INDEX_TITLE, "introduction": INDEX_INTRODUCTION, "show_in_menus": True},
    )
    modules = {}
    for module in MODULES:
        page = save_child(index, ELearningModulePage, module.slug, module_fields(module))
        restrict_to_members(page)
        modules[module.slug] = page
    return {"index": index, "modules": modules}


def module_fields(module):
    outcomes = "<ul>" + "".join(f"<li>{outcome}</li>" for outcome in module.outcomes) + "</ul>"
    body = []
    if module.content_note:
        body.append(("content_note", {"text": module.content_note}))
    body.append(("paragraph", RichText("".join(f"<p>{text}</p>" for text in module.paragraphs))))
    return {
        "title": module.title,
        "summary": module.summary,
        "module_number": module.number,
        "topic": module.topic,
        "estimated_minutes": module.minutes,
        "learning_outcomes": outcomes,
        "body": body,
    }


def save_child(parent, model, slug, fields):
    """The `model` page `slug` under `parent`, created or brought up to date, and live."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = parent.add_child(instance=model(slug=slug, **fields))
    elif (
        page.live and not page.has_unpublished_changes and content(page) == content(model(**fields))
    ):
        return page
    for name, value in fields.items():
        setattr(page, name, value)
    # Publishing from a revision gives the page a history in the admin, like an editor's edit.
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def content(page):
    """The demo's fields of `page`, in a form that compares equal when nothing changed."""
    values = {name: getattr(page, name, None) for name in COMPARED_FIELDS}
    if hasattr(page, "body"):
        values["body"] = [
            (child.block_type, child.block.get_prep_value(child.value)) for child in page.body
        ]
    return values


COMPARED_FIELDS = (
    "title",
    "introduction",
    "show_in_menus",
    "summary",
    "module_number",
    "topic",
    "estimated_minutes",
    "learning_outcomes",
)
