"""Guidance for employers: articles, the subsidy calculator and the legal rules it uses."""
