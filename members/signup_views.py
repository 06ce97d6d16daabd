"""Joining (allauth's sign-up), made all or nothing.

allauth saves the account, its group (members/adapter.py), the extra details, its email address
and the verification email one after another. A database error part-way would leave an account
that cannot be verified and an address that cannot be used to join again, so it all happens in
one transaction: the person sees the error page, nothing is kept, and joining again works.
"""

from allauth.account.views import SignupView
from allauth.core import ratelimit
from django.db import transaction


class AllOrNothingSignupView(SignupView):
    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except Exception:
            # The verification email went with the rest, but allauth's cooldown between such
            # emails is kept in the cache: without this, joining again would send none.
            email = form.cleaned_data.get("email")
            if email:
                ratelimit.clear(self.request, action="confirm_email", key=email.lower())
            raise


signup = AllOrNothingSignupView.as_view()
