"""Events: sign-up within capacity, cancellation links, calendar files, the organiser's list."""
