"""Microsoft Teams: the endpoint, Adaptive Cards, proactive posts and the app package."""
