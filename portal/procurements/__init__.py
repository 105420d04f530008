"""Procurement officers: procurements, employment clauses, the fulfilment ledger and its status."""
