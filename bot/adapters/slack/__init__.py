"""Slack: the bolt app, its listeners (commands, actions, views, events), Block Kit within
Slack's limits, the forms, the App Home, and the two ways to connect (HTTP and Socket Mode)."""
