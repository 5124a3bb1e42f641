"""Shared fixtures: a fresh app and database per test (SQLite, or PostgreSQL via TEST_DATABASE_URL)."""

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from PIL import Image

from config import TestConfig
from webapp import create_app
from webapp.areas.models import Province, Village
from webapp.areas.services import official_areas
from webapp.extensions import db

PHAYAO = "56"


def make_config(tmp_path: Path, **overrides: object) -> TestConfig:
    config = TestConfig()
    config.UPLOAD_FOLDER = str(tmp_path / "uploads")
    for key, value in overrides.items():
        setattr(config, key, value)
    return config


@pytest.fixture
def app_config(tmp_path: Path) -> TestConfig:
    """Override attributes of this in a test module to change the app's settings."""
    return make_config(tmp_path)


@pytest.fixture
def app(app_config: TestConfig) -> Iterator[Flask]:
    app = create_app(app_config)
    with app.app_context():
        _reset_schema()
        yield app
        db.session.remove()  # a live session would make drop_all hang on PostgreSQL
        db.drop_all()


def _reset_schema() -> None:
    db.session.remove()
    db.drop_all()
    db.create_all()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def phayao(app: Flask) -> Province:
    """Phayao with its real districts and subdistricts (a slice of what `areas load` brings)."""
    for model, rows in official_areas():
        for values in rows:
            if values["code"].startswith(PHAYAO):
                db.session.add(model(**values))
    db.session.commit()
    return db.session.get(Province, PHAYAO)


@pytest.fixture
def village(phayao: Province) -> Village:
    """หมู่ที่ 3 บ้านแม่กา, ต.แม่กา อ.เมืองพะเยา (560110)."""
    village = Village(subdistrict_code="560110", moo=3, name="บ้านแม่กา")
    db.session.add(village)
    db.session.commit()
    return village


def csrf_token(client: FlaskClient, path: str = "/submit") -> str:
    """The CSRF token a real browser would get by opening the form first."""
    page = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert match, "the form carries a CSRF token"
    return match.group(1)


def image_bytes(fmt: str = "JPEG", size: tuple[int, int] = (64, 48), exif: bytes | None = None) -> bytes:
    """A real small image, optionally with EXIF (to prove it is stripped)."""
    out = io.BytesIO()
    options = {"exif": exif} if exif else {}
    Image.new("RGB", size, (200, 120, 40)).save(out, format=fmt, **options)
    return out.getvalue()


def gps_exif() -> bytes:
    """EXIF with a camera model and a GPS position, like a phone photo."""
    exif = Image.Exif()
    exif[0x0110] = "VillagePhone X"  # Model
    exif[0x8825] = {1: "N", 2: (19.0, 10.0, 0.0), 3: "E", 4: (99.0, 54.0, 0.0)}  # GPSInfo
    return exif.tobytes()
