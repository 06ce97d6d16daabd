"""What the site holds about a member, gathered from every app that holds some.

Each app registers a section (for the member's JSON download) and, where it keeps personal data
a member can erase, an eraser (run when the member deletes their account). Register them in the
app's AppConfig.ready() by importing the module that uses these decorators.
"""

_sections = {}
_erasers = {}


def personal_data_section(name):
    """Register `function(user)` returning JSON-ready data, shown under `name` in the download."""

    def register(function):
        _sections[name] = function
        return function

    return register


def personal_data_eraser(name):
    """Register `function(user)` that erases or anonymises what `name` holds about the user."""

    def register(function):
        _erasers[name] = function
        return function

    return register


def collect_personal_data(user):
    return {name: section(user) for name, section in sorted(_sections.items())}


def erase_personal_data(user):
    for _name, eraser in sorted(_erasers.items()):
        eraser(user)
