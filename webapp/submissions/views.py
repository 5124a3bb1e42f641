"""Public pages: the landing page, the intake form and a need's public page."""

import secrets

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, send_from_directory, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from webapp.areas import queries as areas
from webapp.citizens.models import Channel
from webapp.core.errors import InvalidInput
from webapp.core.i18n import localized_name
from webapp.extensions import limiter
from webapp.submissions import queries, services
from webapp.submissions.forms import SubmitForm

bp = Blueprint("submissions", __name__)

VISITOR_COOKIE = "sc_visitor"
VISITOR_COOKIE_AGE = 400 * 24 * 3600


def _submit_limit() -> str:
    return current_app.config["SUBMIT_RATE_LIMIT"]


def _is_area_refresh() -> bool:
    """The no-JavaScript 'choose' buttons only redraw the form; they are not submissions."""
    return request.form.get("action") == "refresh"


@bp.get("/")
def index() -> str:
    return render_template("submissions/index.html")


@bp.route("/submit", methods=["GET", "POST"])
@limiter.limit(_submit_limit, methods=["POST"], exempt_when=_is_area_refresh)
def submit() -> str | Response:
    form = SubmitForm()
    _fill_area_choices(form)
    if request.method == "POST" and not _is_area_refresh() and form.validate():
        visitor = _visitor_token()
        try:
            submission = services.submit(_new_submission(form, visitor))
        except InvalidInput as error:
            getattr(form, error.field or "text", form.text).errors.append(error.message)
        else:
            flash(_("ส่งเรื่องเรียบร้อยแล้ว เก็บเลขที่เรื่องไว้ติดตามความคืบหน้า"), "success")
            response = redirect(url_for(".detail", reference=submission.reference), 303)
            return _remember_visitor(response, visitor)
    status = 422 if request.method == "POST" and form.errors else 200
    return render_template("submissions/submit.html", form=form), status


@bp.get("/s/<reference>")
def detail(reference: str) -> str:
    submission = queries.by_reference(reference)
    if submission is None:
        abort(404)
    return render_template("submissions/detail.html", submission=submission)


@bp.get("/follow")
def follow() -> Response:
    """The landing page's 'follow my need' box: go to the need's page by its reference."""
    reference = request.args.get("reference", "").strip().upper()
    if queries.by_reference(reference) is None:
        abort(404)
    return redirect(url_for(".detail", reference=reference))


@bp.get("/photos/<filename>")
def photo(filename: str) -> Response:
    if queries.photo_by_filename(filename) is None:
        abort(404)
    response = send_from_directory(services.upload_folder(), filename, max_age=86400)
    response.headers["Content-Disposition"] = "inline"
    return response


def _new_submission(form: SubmitForm, visitor: str) -> services.NewSubmission:
    uploads = [f for f in (form.photos.data or []) if f and f.filename]
    return services.NewSubmission(
        village_id=form.village_id.data, text=form.text.data or "", channel=Channel.WEB,
        subject=visitor, phone=form.phone.data, latitude=form.latitude.data,
        longitude=form.longitude.data, photos=[f.read() for f in uploads],
    )


def _visitor_token() -> str:
    """The browser's random token, so one browser's needs belong to one pseudonymous citizen."""
    token = request.cookies.get(VISITOR_COOKIE, "")
    return token if len(token) == 43 else secrets.token_urlsafe(32)


def _remember_visitor(response: Response, token: str) -> Response:
    response.set_cookie(VISITOR_COOKIE, token, max_age=VISITOR_COOKIE_AGE, httponly=True, samesite="Lax",
                        secure=current_app.config["SESSION_COOKIE_SECURE"])
    return response


def _fill_area_choices(form: SubmitForm) -> None:
    """Offer the options that follow from what is chosen so far (all of it works without JavaScript)."""
    placeholder = [("", _("— เลือก —"))]
    form.province.choices = placeholder + [(p.code, localized_name(p)) for p in areas.provinces()]
    districts = areas.districts_of(form.province.data or "")
    form.district.choices = placeholder + [(d.code, localized_name(d)) for d in districts]
    subdistricts = areas.subdistricts_of(form.district.data or "")
    form.subdistrict.choices = placeholder + [(s.code, localized_name(s)) for s in subdistricts]
    villages = areas.villages_of(form.subdistrict.data or "")
    form.village_id.choices = placeholder + [(v.id, f"{_('หมู่ที่')} {v.moo} {v.name}") for v in villages]
