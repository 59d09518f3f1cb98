"""The offline HTML map: projection, views, layout and the page itself."""
