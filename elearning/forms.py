"""The admin's form for e-learning modules: checks that need the module's place in the suite."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class ELearningModuleForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        number = cleaned_data.get("module_number")
        if number is not None and self.parent_page is not None:
            # Numbers give the suite its order; two modules with one number would be ambiguous.
            siblings = type(self.instance).objects.child_of(self.parent_page)
            if siblings.filter(module_number=number).exclude(pk=self.instance.pk).exists():
                self.add_error(
                    "module_number",
                    _("Another module in this suite already has this number. Choose another."),
                )
        return cleaned_data
