"""The figures funders ask for: how many people, from how many organisations, of which kinds, where.

Deleted accounts still count (their anonymous rows keep the type of organisation and the postcode
area), so "people reached" never goes down when someone leaves.
"""

import re
from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .account_kinds import member_accounts
from .deletion import ANONYMOUS_EMAIL_DOMAIN
from .models import OrganisationType

NOT_GIVEN = _("Not given")


@dataclass
class Count:
    label: str
    count: int


def organisation_key(name):
    """One organisation however it is typed: " Framework  HA" and "framework ha" are the same."""
    return " ".join(name.split()).casefold()


def area_sort_key(area):
    """NG2 before NG10: the letters, then the district as a number."""
    match = re.match(r"([A-Z]+)(\d*)(.*)", area)
    letters, number, rest = match.groups() if match else (area, "", "")
    return (letters, int(number or 0), rest)


def by_organisation_type(accounts):
    counts = Counter(accounts.values_list("organisation_type", flat=True))
    labels = dict(OrganisationType.choices)
    rows = [Count(label, counts[value]) for value, label in labels.items() if counts[value]]
    not_given = sum(count for value, count in counts.items() if value not in labels)
    if not_given:
        rows.append(Count(NOT_GIVEN, not_given))
    return rows


def by_postcode_area(accounts):
    postcodes = accounts.values_list("work_postcode", flat=True)
    counts = Counter(postcode.split(" ")[0] for postcode in postcodes)
    rows = [Count(area, counts[area]) for area in sorted(counts, key=area_sort_key) if area]
    if counts[""]:
        rows.append(Count(NOT_GIVEN, counts[""]))
    return rows


def distinct_organisations(accounts):
    names = accounts.exclude(organisation="").values_list("organisation", flat=True)
    return len({organisation_key(name) for name in names} - {""})


def member_counts():
    accounts = member_accounts()
    return {
        "total": accounts.count(),
        "deleted": accounts.filter(email__endswith=f"@{ANONYMOUS_EMAIL_DOMAIN}").count(),
        "organisations": distinct_organisations(accounts),
        "by_type": by_organisation_type(accounts),
        "by_area": by_postcode_area(accounts),
    }
