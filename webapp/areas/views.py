"""Small JSON endpoints that feed the dependent area pickers."""

from flask import Blueprint, jsonify
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from webapp.areas import queries
from webapp.core.i18n import localized_name

bp = Blueprint("areas", __name__, url_prefix="/areas")


@bp.get("/provinces/<code>/districts.json")
def districts(code: str) -> Response:
    return jsonify([{"value": d.code, "label": localized_name(d)} for d in queries.districts_of(code)])


@bp.get("/districts/<code>/subdistricts.json")
def subdistricts(code: str) -> Response:
    return jsonify([{"value": s.code, "label": localized_name(s)} for s in queries.subdistricts_of(code)])


@bp.get("/subdistricts/<code>/villages.json")
def villages(code: str) -> Response:
    moo = _("หมู่ที่")
    return jsonify([{"value": v.id, "label": f"{moo} {v.moo} {v.name}"} for v in queries.villages_of(code)])
