"""The host's page: what a host does for the guests who sent them their link, by which date, with
the guests' details to check. The details travel after the "#" of the link (static/js/core/host-link.js)
and are read on the host's phone (static/js/host-page.js); the server sends the same page to all."""
from .views import bp

__all__ = ["bp"]
