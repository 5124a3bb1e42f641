"""Site-wide pieces: language choice, error pages and security headers."""

from urllib.parse import urlsplit

from flask import Blueprint, Flask, current_app, redirect, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

from webapp.core.i18n import LANG_COOKIE, LOCALES

bp = Blueprint("core", __name__)

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    "Permissions-Policy": "geolocation=(self), camera=(self)",
}


@bp.get("/lang/<code>")
def set_language(code: str) -> Response:
    """Switch between Thai and English, then go back where the visitor was (same site only)."""
    target = request.args.get("next", "/")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        target = "/"
    response = redirect(target)
    if code in LOCALES:
        response.set_cookie(LANG_COOKIE, code, max_age=365 * 24 * 3600, samesite="Lax", httponly=True)
    return response


def _error_messages() -> dict[int, str]:
    return {
        400: _("คำขอไม่ถูกต้อง กรุณาลองใหม่อีกครั้ง"),
        404: _("ไม่พบหน้าหรือเรื่องที่ต้องการ กรุณาตรวจสอบเลขที่เรื่องอีกครั้ง"),
        405: _("ไม่สามารถทำรายการนี้ได้"),
        413: _("ไฟล์ที่ส่งมาใหญ่เกินไป รูปภาพต้องไม่เกิน %(mb)s MB ต่อรูป กรุณาย่อรูปแล้วส่งใหม่",
                 mb=f"{current_app.config['MAX_PHOTO_BYTES'] / 1024 / 1024:g}"),
        429: _("ส่งเรื่องถี่เกินไป กรุณารอสักครู่แล้วลองใหม่"),
        500: _("ระบบขัดข้องชั่วคราว ข้อมูลที่ส่งยังไม่ถูกบันทึก กรุณาลองใหม่ภายหลัง"),
    }


def render_error(code: int, message: str | None = None) -> tuple[str, int]:
    """A Thai-first error page with the given HTTP status."""
    text = message or _error_messages().get(code) or _error_messages()[400]
    return render_template("errors/error.html", code=code, message=text), code


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError) -> tuple[str, int]:
        return render_error(400, _("แบบฟอร์มหมดอายุหรือไม่สมบูรณ์ กรุณาเปิดหน้าแบบฟอร์มใหม่แล้วส่งอีกครั้ง"))

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[str, int]:
        return render_error(error.code or 500)

    @app.after_request
    def security_headers(response: Response) -> Response:
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response
