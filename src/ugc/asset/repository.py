"""Asset rows, always within one organisation."""

from __future__ import annotations

from ugc.kit.repository import ScopedRepository
from ugc.models import Asset


class AssetRepository(ScopedRepository[Asset]):
    """An organisation's uploaded media."""

    model = Asset
    kind = "asset"
