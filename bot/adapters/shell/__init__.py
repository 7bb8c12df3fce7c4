"""The local console: the same commands as in Slack, typed in a terminal or piped from a file."""
