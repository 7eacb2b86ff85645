"""Looking after the archive as a whole: checking it, its audit trail, its settings."""
