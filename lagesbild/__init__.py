"""Lägesbild: follow-up of regional development projects from their CSV exports."""
