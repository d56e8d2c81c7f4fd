from tests.library_support import admin_headers, user_headers  # noqa: F401 - fixtures
