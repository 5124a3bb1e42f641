"""`flask areas …`: load official areas and import villages."""

import sys

import click
from flask.cli import AppGroup

from webapp.areas import services

areas_cli = AppGroup("areas", help="Provinces, districts, subdistricts and villages.")


@areas_cli.command("load")
def load() -> None:
    """Load every province, district and subdistrict from geothai (safe to run again)."""
    total = sum(len(rows) for _, rows in services.official_areas())
    with click.progressbar(length=total, label="กำลังโหลดพื้นที่ / loading areas", file=sys.stderr) as bar:
        report = services.load_official_areas(progress=bar.update)
    click.echo(f"added {report.added}, updated {report.updated}")


@areas_cli.command("import-villages")
@click.argument("file", type=click.File("r", encoding="utf-8-sig"))
def import_villages(file: click.File) -> None:
    """Import villages from a CSV with columns subdistrict_code,moo,name."""
    report = services.import_villages(file)
    click.echo(f"added {report.added}, updated {report.updated}, rejected {len(report.rejected)}")
    for line, reason in report.rejected:
        click.echo(f"  line {line}: {reason}", err=True)
