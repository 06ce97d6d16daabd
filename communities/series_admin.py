"""Scheduling a series of meetings for a Community of Practice at once, from the admin.

(Being built: the view below is a placeholder so the URL name exists.)
"""

from django.http import Http404


def schedule_meetings(request, community_id):
    raise Http404
