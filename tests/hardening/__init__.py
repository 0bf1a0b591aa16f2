"""Hardening (issue 7): faults, hostile input, permissions; end-to-end parts are tests/e2e/test_hardening*.py."""
