"""Benchmarks of Committee Bot: `python -m bench` (see bench/README.md)."""
