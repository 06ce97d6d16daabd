from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Members"

    def ready(self):
        from . import own_data, signals  # noqa: F401  (registers data sections and receivers)

        self.connect_members_only_content()

    def connect_members_only_content(self):
        """Members-only content: the "Members only" collection, and search that keeps it private."""
        from wagtail.models import PageViewRestriction
        from wagtail.signals import post_page_move

        from . import restrictions, search_index

        post_migrate.connect(
            restrictions.ensure_members_only_collection_after_migrate,
            sender=self,
            dispatch_uid="members.members_only_collection",
        )
        search_index.hide_members_only_text_from_search()
        post_save.connect(
            search_index.page_restriction_added,
            sender=PageViewRestriction,
            dispatch_uid="members.page_restriction_added",
        )
        post_delete.connect(
            search_index.page_restriction_removed,
            sender=PageViewRestriction,
            dispatch_uid="members.page_restriction_removed",
        )
        post_page_move.connect(search_index.page_moved, dispatch_uid="members.page_moved")
