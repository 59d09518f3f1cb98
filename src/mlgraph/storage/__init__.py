"""The files mlgraph writes and its cache: atomic file writes and the cache of parsed networks."""
