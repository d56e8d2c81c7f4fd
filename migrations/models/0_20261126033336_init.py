from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

UPGRADE = {'postgres': 'CREATE TABLE IF NOT EXISTS "aerich" (\n    "id" SERIAL NOT NULL PRIMARY KEY,\n    "version" VARCHAR(255) NOT NULL,\n    "app" VARCHAR(100) NOT NULL,\n    "content" JSONB NOT NULL\n);', 'sqlite': 'CREATE TABLE IF NOT EXISTS "aerich" (\n    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,\n    "version" VARCHAR(255) NOT NULL,\n    "app" VARCHAR(100) NOT NULL,\n    "content" JSON NOT NULL\n);'}

DOWNGRADE = {'postgres': '', 'sqlite': ''}


async def upgrade(db: BaseDBAsyncClient) -> str:
    return UPGRADE[db.capabilities.dialect]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return DOWNGRADE[db.capabilities.dialect]


MODELS_STATE = 'eJzdlNFv2jAQxv8VlKdW2iaa0RX1DVCrbtpAalE1aaosJzmChWOn9mVr1fG/1+cADqFF5WXS+ka+++z77ifOT1GhM5D20wCMSOfReecpUrwA96NV+dCJeFkGnQTkifRWHjyJRcNTdOqMSwtOysCmRpQotHKqqqQkUafOKFQepEqJ+woY6hxwDsYVft05WagMHsCuP8sFmwmQ2VZUkVFvrzN8LL32VeGlN1K3hKVaVoUK5vIR51pt3EIhqTkoMByBrkdTUXxKt5pzPVGdNFjqiI0zGcx4JbExbsKCFjE2nkzZzcWUsegAQKlWBNdFtX76nCJ8jE96Z73+5y+9vrP4mBvlbFm3DmDqgx7PeBotfZ0jrx2ecYD6G4ylSDtkR3NuXkbbONLi64K3+a5p7gO8FgLh8K/6F4gL/sAkqBxpNeLT0z1AbwfXo6vB9ZFzHVNL7dag3o7xqhTXNaIeKNNSHUB4ZX+HdE+63TfQda5X6fraNl3XEaFe7W3C324m45cJN460KGcixc7fjhR25634D2jvgUsw6ObC2nvZZHr0Y/CzjXv0fTL0cLTF3Phb/AVDh54e6Nmi8ZqQkPB08YebjO1UdKxf8+6WirhoK1zx3IOkiZfLZxu/KJA='
