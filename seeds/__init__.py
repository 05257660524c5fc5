"""The sample articles hecha imports into an empty library on first run."""
