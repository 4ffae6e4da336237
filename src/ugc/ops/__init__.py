"""Operations: health, readiness, metrics, logging and tracing."""
