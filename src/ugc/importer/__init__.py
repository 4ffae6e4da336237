"""Build a brief from a product page, guarded against SSRF."""
