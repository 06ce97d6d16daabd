"""The editorial app keeps its roles and workflow in code: see roles.py."""
