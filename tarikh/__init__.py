"""tarikh: narrative political history of Kazakhstan into a knowledge graph of typed, dated events."""
__version__ = "0.1.0"
