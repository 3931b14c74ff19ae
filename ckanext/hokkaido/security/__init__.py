"""Request-level protections the portal adds to CKAN: CSRF that no exemption switches off
for cookie-authenticated requests, and response headers for pages and downloads
(see docs/security.md)."""
