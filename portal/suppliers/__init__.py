"""Suppliers bound by employment clauses: their clauses, what is owed, and the ledger they keep."""
