from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("hub/", views.hub, name="hub"),
]
