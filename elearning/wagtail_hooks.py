from wagtail import hooks

from elearning.models import ELearningModulePage
from members.restrictions import restrict_to_members


@hooks.register("after_create_page")
def new_modules_start_members_only(request, page):
    """The suite is for members: a module made in the admin is members only from the start.

    A reviewer can open a module to everyone (a free taster) from its Privacy setting.
    """
    if isinstance(page, ELearningModulePage):
        restrict_to_members(page)
