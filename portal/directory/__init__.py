"""The service directory: coaching and support services described by their goal."""
