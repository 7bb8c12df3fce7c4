"""Adapters around the core: Slack, the console, the holiday calendar."""
