"""Circuits: named, ordered sequences of movements with a format (AMRAP, EMOM, ...)."""
