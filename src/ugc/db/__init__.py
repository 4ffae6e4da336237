"""Database engine, session scope and migrations."""
