"""What every HTTP endpoint of `serve` shares, whatever the platform (Slack now, Teams later):
bounded request bodies, quiet refusals, and a health check that answers in time."""
