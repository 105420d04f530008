"""Uploaded images: checked by their content, limited in size, re-encoded, stored outside static/."""
from __future__ import annotations

import io
import os
import secrets
import warnings
from dataclasses import dataclass
from pathlib import Path

from flask import current_app
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # beyond this a small file may still decompress into gigabytes
MAX_EDGE = 1600
JPEG_QUALITY = 85


class ImageRejected(ValueError):
    """An upload refused; `code` is 'empty', 'too_large', 'not_an_image', 'too_many_pixels'."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Encoded:
    data: bytes
    width: int
    height: int
    content_type: str = "image/jpeg"
    extension: str = "jpg"


def max_bytes() -> int:
    """The upload limit in bytes (CAMPAIGN_IMAGE_MAX_BYTES overrides the default)."""
    return int(current_app.config.get("CAMPAIGN_IMAGE_MAX_BYTES", MAX_BYTES))


def reencode(data: bytes, limit: int = MAX_BYTES) -> Encoded:
    """A clean JPEG made from the pixels of an uploaded image; anything else is refused.

    The type comes from Pillow reading the content, never from the file name
    or the browser's claim. Metadata (EXIF, comments, embedded profiles) is
    dropped by re-encoding; the orientation is applied first.
    """
    if not data:
        raise ImageRejected("empty")
    if len(data) > limit:
        raise ImageRejected("too_large")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                if img.format not in ACCEPTED_FORMATS:
                    raise ImageRejected("not_an_image")
                if img.width * img.height > MAX_PIXELS:
                    raise ImageRejected("too_many_pixels")
                img.load()
                img = ImageOps.exif_transpose(img)
                img = _flatten(img)
                img.thumbnail((MAX_EDGE, MAX_EDGE))
                out = io.BytesIO()
                img.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    except ImageRejected:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning,
            OSError, SyntaxError, ValueError, EOFError):
        raise ImageRejected("not_an_image") from None
    return Encoded(out.getvalue(), img.width, img.height)


def _flatten(img: Image.Image) -> Image.Image:
    """RGB pixels; transparency is laid on white (JPEG has no alpha)."""
    if img.mode in ("RGBA", "LA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        base = Image.new("RGB", rgba.size, (255, 255, 255))
        base.paste(rgba, mask=rgba.getchannel("A"))
        return base
    return img.convert("RGB")


def upload_dir() -> Path:
    """Where images are kept: UPLOAD_DIR (config or environment), else instance/uploads."""
    configured = current_app.config.get("UPLOAD_DIR") or os.environ.get("UPLOAD_DIR")
    path = Path(configured) if configured else Path(current_app.instance_path) / "uploads"
    path.mkdir(parents=True, exist_ok=True)
    return path


def store(encoded: Encoded) -> str:
    """Write the file under a random name (written aside, then renamed); returns the name."""
    name = f"{secrets.token_hex(16)}.{encoded.extension}"
    target = upload_dir() / name
    partial = target.with_suffix(".part")
    partial.write_bytes(encoded.data)
    partial.replace(target)
    return name


def path_of(filename: str) -> Path:
    """The stored file of an image name."""
    return upload_dir() / filename
