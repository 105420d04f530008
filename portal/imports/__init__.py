"""Excel imports: one mechanism (templates, row checks, all rows or none, progress) for every kind."""
