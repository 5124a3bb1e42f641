"""Photos: checked by content, size-limited, re-encoded without metadata, stored under random names."""

import io
import secrets
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from webapp.core.errors import InvalidInput
from webapp.submissions import rules


@dataclass(frozen=True)
class CleanPhoto:
    """A photo ready to store: re-encoded pixels only, no EXIF/GPS or text chunks."""

    data: bytes
    content_type: str
    extension: str
    width: int
    height: int


@dataclass(frozen=True)
class StoredPhoto:
    """A cleaned photo written to the upload folder, not yet (or already) given to a need."""

    filename: str
    content_type: str
    width: int
    height: int
    size_bytes: int


def clean_photo(data: bytes, max_bytes: int) -> CleanPhoto:
    """Check that `data` really is a JPEG/PNG/WebP within limits and return it without metadata."""
    if not data:
        raise InvalidInput(rules.PHOTO_EMPTY, field="photos")
    if len(data) > max_bytes:
        raise InvalidInput(rules.photo_too_large(max_bytes), field="photos")
    image = _open_image(data)
    content_type, extension = rules.PHOTO_FORMATS[image.format]
    pixels = ImageOps.exif_transpose(image)  # keep the orientation the EXIF tag asked for, then drop EXIF
    return CleanPhoto(_encode(pixels, image.format), content_type, extension, pixels.width, pixels.height)


def _open_image(data: bytes) -> Image.Image:
    """Open and fully decode the image, refusing anything that is not a supported, sane picture."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=list(rules.PHOTO_FORMATS))
            if image.width * image.height > rules.MAX_PHOTO_PIXELS:
                raise InvalidInput(rules.PHOTO_NOT_IMAGE, field="photos")
            image.load()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError,
            Image.DecompressionBombWarning) as exc:
        raise InvalidInput(rules.PHOTO_NOT_IMAGE, field="photos") from exc
    return image


def _encode(image: Image.Image, fmt: str) -> bytes:
    """Re-encode pixels only: a new image carries no EXIF, XMP, ICC text or PNG text chunks."""
    if fmt == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    clean = Image.frombytes(image.mode, image.size, image.tobytes())
    if image.mode == "P":
        clean.putpalette(image.getpalette())
    out = io.BytesIO()
    options = {"quality": 88, "optimize": True} if fmt in ("JPEG", "WEBP") else {"optimize": True}
    clean.save(out, format=fmt, **options)
    return out.getvalue()


def store_photo(photo: CleanPhoto, folder: Path) -> str:
    """Write the photo under a random name in `folder` and return that name."""
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{secrets.token_hex(16)}.{photo.extension}"
    (folder / name).write_bytes(photo.data)
    return name

