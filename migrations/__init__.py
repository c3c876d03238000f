"""Alembic migrations; run them with `trailcoach db upgrade` or `alembic upgrade head`."""
