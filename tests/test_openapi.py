"""The OpenAPI document is valid 3.1, every documented body is an envelope, and every operation
says who may call it, what it answers and what its parameters hold."""

import pytest
from openapi_spec_validator import validate

PUBLIC_OPERATIONS = frozenset(
    {"register", "login", "refresh", "logout", "get_liveness", "get_readiness"}
)


@pytest.fixture
async def document(client) -> dict:
    response = await client.get("/openapi.json")
    assert response.status_code == 200
    return await response.get_json()


def operations(document: dict) -> list[tuple[str, str, dict]]:
    return [
        (method, path, operation)
        for path, methods in document["paths"].items()
        for method, operation in methods.items()
    ]


def resolved(document: dict, schema: dict) -> dict:
    reference = schema.get("$ref")
    if reference is None:
        return schema
    return document["components"]["schemas"][reference.rsplit("/", 1)[1]]


async def test_openapi_document_is_valid_and_enveloped(document) -> None:
    validate(document)
    assert document["openapi"].startswith("3.1")
    for method, path, operation in operations(document):
        for status, described in operation["responses"].items():
            if status == "204":
                assert "content" not in described, (method, path)
                continue
            schema = resolved(document, described["content"]["application/json"]["schema"])
            assert set(schema["properties"]) == {"data", "meta", "errors"}, (method, path, status)
            if int(status) >= 400:
                assert described["content"]["application/json"]["schema"] == {
                    "$ref": "#/components/schemas/ErrorEnvelope"
                }


async def test_every_operation_has_an_id_a_summary_a_tag_and_its_security(document) -> None:
    ids = [operation["operationId"] for _, _, operation in operations(document)]
    assert len(ids) == len(set(ids))
    for method, path, operation in operations(document):
        assert operation["summary"], (method, path)
        assert len(operation["tags"]) == 1, (method, path)
        public = operation["operationId"] in PUBLIC_OPERATIONS
        assert operation["security"] == ([] if public else [{"bearer": []}]), (method, path)
        if not public:
            assert "401" in operation["responses"], (method, path)


async def test_limited_operations_document_429_with_its_headers(document) -> None:
    for method, path, operation in operations(document):
        if not path.startswith("/v1/"):
            continue
        refused = operation["responses"]["429"]
        assert {"Retry-After", "RateLimit", "RateLimit-Policy"} <= set(refused["headers"])
        assert "Retry-After" in operation["responses"]["503"]["headers"], (method, path)


async def test_bodies_are_required_and_can_be_refused_for_size_and_type(document) -> None:
    for method, path, operation in operations(document):
        if method in {"post", "put", "patch"} and "requestBody" in operation:
            assert operation["requestBody"]["required"] is True, (method, path)
            assert {"400", "413", "415"} <= set(operation["responses"]), (method, path)


async def test_path_ids_are_uuids(document) -> None:
    for method, path, operation in operations(document):
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "path":
                assert parameter["schema"] == {"type": "string", "format": "uuid"}, (method, path)


async def test_the_docstring_is_the_summary_and_description(document) -> None:
    program = document["paths"]["/v1/programs"]["post"]
    assert program["summary"] == "Generate a program"
    assert "Idempotency-Key" in program["description"]


async def test_every_201_documents_its_location(document) -> None:
    created = [
        (method, path, operation["responses"]["201"])
        for method, path, operation in operations(document)
        if "201" in operation["responses"]
    ]
    assert len(created) >= 7
    for method, path, response in created:
        assert "Location" in response["headers"], (method, path)
