"""Use cases: one function each, called by every channel and by reminders; domain results out."""
