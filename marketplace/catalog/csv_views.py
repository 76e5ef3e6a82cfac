"""CSV import and export of a seller's listings (filled in by the CSV feature)."""
