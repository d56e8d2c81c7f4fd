"""The OpenAPI document is valid 3.1 and every documented body is an envelope."""

from openapi_spec_validator import validate


async def test_openapi_document_is_valid_and_enveloped(client) -> None:
    response = await client.get("/openapi.json")
    document = await response.get_json()
    assert response.status_code == 200
    validate(document)
    assert document["openapi"].startswith("3.1")
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for status, described in operation["responses"].items():
                schema = described["content"]["application/json"]["schema"]
                assert set(schema["properties"]) == {"data", "meta", "errors"}, (
                    method,
                    path,
                    status,
                )
