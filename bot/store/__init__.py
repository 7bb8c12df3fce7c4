"""The database: tables, the register over them, engines, export and import.

This package is the only place that imports SQLAlchemy.
"""
