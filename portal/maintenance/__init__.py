"""Operations: backups of the database (no pages, only commands)."""
