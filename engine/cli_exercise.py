"""`immunity exercise`: registered on the `immunity` app by engine.cli."""

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to `app`."""
