"""Hardening: faults, hostile input, permissions; e2e parts are tests/e2e/test_hardening*.py."""
