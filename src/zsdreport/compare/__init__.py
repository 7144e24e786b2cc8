"""Comparing two periods by meaning: figures by id, items by identity, prose by character."""
