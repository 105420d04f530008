"""Shared catalogues (reference data) with labels in fi, sv and en."""
