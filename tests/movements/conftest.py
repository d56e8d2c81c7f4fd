from tests.library_support import user_headers  # noqa: F401 - a fixture
