"""The worker entry: Dramatiq broker setup, actors for registered tasks, embedded mode."""
