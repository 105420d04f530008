"""A synthetic region for measurements: `flask bench generate --scale N` fills a database in bulk."""
