"""Creative choices for the studio: the catalog, its previews, and script drafts."""
