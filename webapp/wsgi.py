"""The production entry point, for gunicorn (see deploy/gunicorn.conf.py and the README):

    SECRET_KEY=… gunicorn -c deploy/gunicorn.conf.py webapp.wsgi:app

Every setting comes from the environment (webapp/web/config.py). Without SECRET_KEY it does not start.
"""
from . import create_app

app = create_app(production=True)
