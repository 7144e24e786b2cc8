"""Checking the data: schema errors in Chinese, cross-file rules, proofreading → a Report."""
