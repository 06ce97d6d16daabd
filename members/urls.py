from django.urls import path

from . import own_data_views, signup_views, unsubscribe_views, views

app_name = "members"

urlpatterns = [
    # Before allauth's own sign-up at the same address (pdu_site/urls.py includes this file
    # first), which it extends.
    path("signup/", signup_views.signup, name="signup"),
    path("hub/", views.hub, name="hub"),
    path("hub/saved/<int:page_id>/save/", views.save_page, name="save_page"),
    path("hub/saved/<int:page_id>/remove/", views.remove_saved_page, name="remove_saved_page"),
    path("hub/email-preferences/", views.email_preferences, name="email_preferences"),
    path("hub/your-data/", own_data_views.download_data, name="download_data"),
    path("hub/delete-account/", own_data_views.delete_account_view, name="delete_account"),
    path("goodbye/", own_data_views.goodbye, name="goodbye"),
    path("unsubscribe/<str:token>/", unsubscribe_views.unsubscribe, name="unsubscribe"),
]
