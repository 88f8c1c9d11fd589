"""Shared fixtures for every suite: the apps' own (`<app>/tests/`) and the cross-app ones in
`tests/` (browser, faults, permissions, query budgets, security, hostile input)."""

pytest_plugins = ["tests.fixtures", "syndication.tests.feed_server"]
