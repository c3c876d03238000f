"""Storage: the database, its tables and the repositories that turn rows into coach models."""
