"""Security that depends on the request: which Content-Security-Policy a response gets."""

from functools import cache as memoize

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


@memoize
def admin_prefix():
    """The admin's address (ADMIN_URL_PATH), as the URL configuration has it."""
    return reverse("wagtailadmin_home")


# Documents are downloads, whatever is in them: nothing in one may run, load, frame it or
# submit anything (Wagtail's own header for them is `default-src 'none'`).
DOCUMENT_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """Reader pages get settings.CONTENT_SECURITY_POLICY, and so do previews of them, which
    only the admin may frame; the admin gets settings.ADMIN_CONTENT_SECURITY_POLICY, which
    allows the inline scripts and styles Wagtail's editor still uses; documents get
    DOCUMENT_POLICY."""

    def process_response(self, request, response):
        match = getattr(request, "resolver_match", None)
        if match and match.url_name == "wagtaildocs_serve" and response.status_code == 200:
            response["Content-Security-Policy"] = DOCUMENT_POLICY
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            return parts
        if getattr(request, "is_dummy", False):
            # A preview, which Wagtail renders through the middleware as a reader's request
            # of the page: the reader's policy, but the editor may frame it.
            reader = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
            parts.config = reader | {"frame-ancestors": ["'self'"]}
        elif request.path_info.startswith(admin_prefix()):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
