"""Asking to join a Community of Practice and leaving it.

(Being built: the views below are placeholders so the URL names exist.)
"""

from django.http import Http404


def ask_to_join(request, community_id):
    raise Http404


def leave(request, community_id):
    raise Http404
