"""Reading, writing, querying and validating the RDF graph, and the vocabulary it uses."""
