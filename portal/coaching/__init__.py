"""Job coaching: caseloads, candidate records, service needs, plans, modules, consents, erasure."""
