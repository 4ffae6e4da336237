"""Brand kits."""
