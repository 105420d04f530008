"""The import kinds of the portal's own features: roles (employers) and candidates (providers)."""
