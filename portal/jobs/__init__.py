"""The public listing of open roles, each role's page, and the roles JSON API."""
