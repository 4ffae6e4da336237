"""Domain-free helpers: ids, time, crypto, pagination, scoped repositories."""
