from tests.editorial.conftest import editor, member, reviewer  # noqa: F401  (fixtures)
