"""The career network: names, routes, costs, skill gaps, next moves, study plans and profiles."""
