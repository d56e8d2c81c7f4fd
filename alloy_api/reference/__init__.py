"""Reference values shared by every domain: the enums clients see in the OpenAPI document."""
