"""Who may delete images and documents.

Wagtail lets anyone who may change a file in a collection (or who uploaded it) delete it too. A
live page may link to any file, so deleting one takes something down from the public site, which
editors never do alone: here deleting needs the collection's own delete permission (reviewers and
site administrators, editorial/roles.py).
"""

from wagtail.models import Collection
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import register_permission_policy


class DeleteNeedsItsOwnPermission(CollectionOwnershipPermissionPolicy):
    """Wagtail's policy for images and documents, except that "delete" is its own permission."""

    def user_has_permission(self, user, action):
        if action == "delete":
            return self._check_perm(user, ["delete"])
        return super().user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        actions = set(actions)
        if "delete" in actions:
            if self._check_perm(user, ["delete"], collection=instance.collection):
                return True
            actions.discard("delete")
            if not actions:
                return False
        return super().user_has_any_permission_for_instance(user, actions, instance)

    def collections_user_has_any_permission_for(self, user, actions):
        if set(actions) == {"delete"} and not (user.is_active and user.is_superuser):
            if not user.is_authenticated:
                return Collection.objects.none()
            return self._collections_with_perm(user, ["delete"])
        return super().collections_user_has_any_permission_for(user, actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if set(actions) == {"delete"} and not (user.is_active and user.is_superuser):
            collections = self.collections_user_has_any_permission_for(user, ["delete"])
            return self.model._default_manager.filter(collection__in=collections)
        return super().instances_user_has_any_permission_for(user, actions)


def register_media_permission_policies():
    """Replace Wagtail's policies for the site's image and document models.

    Registered for the exact classes, which Wagtail looks up before the policies its own apps
    register (for any subclass of their models) whatever order the apps start in.
    """
    from library.models import CustomDocument, CustomImage

    for model, auth_model in (
        (CustomDocument, "wagtaildocs.Document"),
        (CustomImage, "wagtailimages.Image"),
    ):
        policy = DeleteNeedsItsOwnPermission(
            model, auth_model=auth_model, owner_field_name="uploaded_by_user"
        )
        register_permission_policy(model, policy, exact_class=True)
