"""ADR rules (being written)."""
