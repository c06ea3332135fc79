"""The production entry point, for gunicorn (see deploy/gunicorn.conf.py and the README):

    SECRET_KEY=… gunicorn -c deploy/gunicorn.conf.py webapp.wsgi:app

Every setting comes from the environment (webapp/web/config.py). Without SECRET_KEY it does not start.
"""
from . import create_app

app = create_app(production=True)

# The offline precache's list (its entries' hashes, in /sw.js) made once here, before gunicorn
# forks its workers (preload_app): each worker would otherwise make it on its first /sw.js, about
# 0.6 s that a phone's first visit waits for, before its service worker can start saving.
with app.app_context():
    from .pwa import precache

    precache()
