from django.apps import AppConfig


class StaffAccessConfig(AppConfig):
    name = "staff_access"
    verbose_name = "Staff access"

    def ready(self):
        from allauth.mfa.signals import authenticator_added

        from .second_factor import remember_set_up_in_this_session

        authenticator_added.connect(
            remember_set_up_in_this_session, dispatch_uid="staff_access.second_factor_set_up"
        )
