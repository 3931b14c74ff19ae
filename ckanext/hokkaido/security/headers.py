"""Security headers: every response is nosniff; pages get a Content-Security-Policy that
keeps every request on the portal's host; files users uploaded are sandboxed and, unless
their type is known to be inert, downloaded rather than rendered."""

from __future__ import annotations

from urllib.parse import quote

from flask import Response, request

PAGE_POLICY = "; ".join(
    (
        "default-src 'self'",
        # CKAN's own templates use inline event handlers (the resource upload field)
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "frame-ancestors 'self'",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
    )
)
DOWNLOAD_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:"
# pages other sites may frame: the progress widget and badge (no script, no form)
EMBED_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
    "frame-ancestors *; base-uri 'none'; form-action 'none'"
)
EMBED_ENDPOINTS = frozenset({"hokkaido_progress.embed", "hokkaido_progress.badge"})
# endpoints that send files users uploaded (resources, organisation and user images)
DOWNLOAD_ENDPOINTS = frozenset(
    {"resource.download", "dataset_resource.download", "uploads.uploaded_file"}
)
# types a browser shows without running anything; everything else is an attachment
INLINE_TYPES = frozenset(
    {
        "text/plain",
        "text/csv",
        "application/json",
        "application/pdf",
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/webp",
    }
)


def is_download() -> bool:
    endpoint = request.endpoint or ""
    return endpoint in DOWNLOAD_ENDPOINTS or endpoint.endswith("_resource.download")


def add_security_headers(response: Response) -> Response:
    """After-request hook."""
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    if is_download():
        _sandbox_download(response)
    elif request.endpoint in EMBED_ENDPOINTS:
        response.headers["Content-Security-Policy"] = EMBED_POLICY
    else:
        response.headers.setdefault("Content-Security-Policy", PAGE_POLICY)
        response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
    return response


def _sandbox_download(response: Response) -> None:
    # browsers refuse to show a PDF in a sandboxed document
    sandboxed = response.mimetype != "application/pdf"
    response.headers["Content-Security-Policy"] = DOWNLOAD_POLICY + (
        "; sandbox" if sandboxed else ""
    )
    if response.status_code >= 300:
        return  # a redirect to a linked file, or an error page
    if response.mimetype not in INLINE_TYPES:
        filename = request.path.rstrip("/").rsplit("/", 1)[-1]
        response.headers["Content-Disposition"] = _attachment(filename)


def _attachment(filename: str) -> str:
    return f"attachment; filename*=UTF-8''{quote(filename, safe='')}"
