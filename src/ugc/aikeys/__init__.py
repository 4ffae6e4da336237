"""Per-organisation AI provider keys, sealed with AES-256-GCM (issue: AI gateway)."""
