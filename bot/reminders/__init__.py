"""Daily session reminders: one database-driven tick finds who is due, claims, sends."""
