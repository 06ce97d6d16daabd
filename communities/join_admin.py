"""The admin's "Your communities" listing: join requests to answer, and each community's members.

(Being built: the views below are placeholders so the URL names exist.)
"""

from django.http import Http404


def my_communities(request):
    raise Http404


def answer_request(request, membership_id):
    raise Http404
