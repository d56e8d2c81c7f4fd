"""The ASGI entry point for production servers: `alloy_api.asgi:app`."""

from alloy_api.app import create_app

app = create_app()
