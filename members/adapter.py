"""How allauth fits this site: new accounts become Members, and mail goes out via the worker."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.auth.models import Group
from django.contrib.sites.shortcuts import get_current_site
from django.utils import translation

from editorial.roles import MEMBERS

from .emails import send_later


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        # Emails to the member are written in the language they joined in.
        user.language = translation.get_language() or ""
        if commit:
            user.save()
            user.groups.add(Group.objects.get(name=MEMBERS))
        return user

    def send_mail(self, template_prefix, email, context):
        # As allauth's own send_mail, but the worker sends the message.
        request = allauth_context.request
        full_context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
        send_later(self.render_mail(template_prefix, email, full_context))
