"""Brand-kit queries, always inside one organisation."""

from __future__ import annotations

from sqlalchemy import update

from ugc.kit.repository import ScopedRepository
from ugc.models import BrandKit


class BrandKitRepository(ScopedRepository[BrandKit]):
    """An organisation's brand kits."""

    model = BrandKit
    kind = "brand kit"

    def default(self) -> BrandKit | None:
        """Return the organisation's default kit, if it has one."""
        query = self.select().where(BrandKit.is_default.is_(True)).order_by(BrandKit.id)
        return self.session.scalars(query.limit(1)).first()

    def has_any(self) -> bool:
        """Return True if the organisation has at least one kit."""
        return self.session.scalars(self.select().limit(1)).first() is not None

    def make_default(self, kit: BrandKit) -> None:
        """Mark kit as the only default of its organisation, in one statement."""
        self.session.execute(
            update(BrandKit)
            .where(BrandKit.organization_id == self.organization_id)
            .values(is_default=BrandKit.id == kit.id)
            .execution_options(synchronize_session=False)
        )
        self.session.flush()
        self.session.refresh(kit)
