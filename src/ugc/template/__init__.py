"""Video templates and their search."""
