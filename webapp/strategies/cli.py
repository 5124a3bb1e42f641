"""`flask strategies …`: keep the strategies needs are linked to."""

import click
from flask.cli import AppGroup

from webapp.strategies import services

strategies_cli = AppGroup("strategies", help="Provincial strategies and the national pillars.")


@strategies_cli.command("load-national")
def load_national() -> None:
    """Create or refresh the six pillars of the 20-year National Strategy."""
    added = services.load_national_pillars()
    click.echo(f"national pillars: added {added}, total 6")
