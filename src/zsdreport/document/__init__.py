"""Laying out the report: the document structure with generated numbering and placement."""
