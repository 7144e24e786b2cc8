"""zsdreport: turn a township's half-year work data into its printed work report."""

__version__ = "0.1.0"
