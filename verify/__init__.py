"""verify: check quotations and claims in news text."""

__version__ = "0.1.0"
