"""Request and response bodies of the auth routes."""
