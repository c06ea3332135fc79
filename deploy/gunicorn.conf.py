"""gunicorn settings for Tirkeu (production):

    SECRET_KEY=… .venv/bin/gunicorn -c deploy/gunicorn.conf.py webapp.wsgi:app

Every value can be changed from the environment. Instances are stateless: run as many as needed
behind a load balancer, with RATELIMIT_STORAGE_URI pointing all of them at one Redis.
"""
import logging
import multiprocessing
import os
import tempfile

bind = os.environ.get("TIRKEU_BIND", "127.0.0.1:8000")
# Rendering a PDF is CPU work: one worker per core, and one more to answer while others render.
workers = int(os.environ.get("TIRKEU_WORKERS", multiprocessing.cpu_count() + 1))
# gunicorn's sync worker, whose own error responses are the app's small localized pages with its
# headers, and whose log never quotes the request (deploy/gunicorn_worker.py).
worker_class = "deploy.gunicorn_worker.TirkeuSyncWorker"
# Recycle workers now and then (with jitter, so that they do not all restart at once): whatever
# a long-running renderer holds on to is given back.
max_requests = int(os.environ.get("TIRKEU_MAX_REQUESTS", 1000))
max_requests_jitter = int(os.environ.get("TIRKEU_MAX_REQUESTS_JITTER", 100))
# A request that runs longer than this is stopped with its worker (a new one takes its place);
# a PDF renders in well under a second.
timeout = int(os.environ.get("TIRKEU_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5
# The app is loaded once, before the workers are forked (catalogs compiled, rules read, and the
# rate limits' table made in shared memory, so that every worker counts in it: web/shared_counts.py).
preload_app = True

# Requests: a plan with 50 earlier stays is a few kilobytes; nothing legitimate needs more.
limit_request_line = 8190
limit_request_fields = 50
limit_request_field_size = 8190

# Logs on standard output and error. The access log has the time, method, path WITHOUT the query
# string (the deadlines journey carries answers there), status, size and duration: no IP address,
# no referrer, no user agent, no body.
accesslog = os.environ.get("TIRKEU_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("TIRKEU_LOG_LEVEL", "info")
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'

# Proxies whose X-Forwarded-* headers gunicorn trusts (nginx on the same machine by default);
# the app itself trusts TIRKEU_PROXIES of them for the client's address.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# The temporary directory (TMPDIR), as the master sees it: each worker's own folder is made in it.
TEMPORARY_DIRECTORY = tempfile.gettempdir()


def on_starting(server):
    # gunicorn's own error messages name a request by its full address, query string included.
    from webapp.web.logs import DropQueryStrings

    logging.getLogger("gunicorn.error").addFilter(DropQueryStrings())


def post_fork(server, worker):
    # A worker that grows past this (address space, not resident memory) gets a MemoryError: the
    # render in progress is answered 503 and the worker carries on, instead of the machine
    # swapping. 0 turns the limit off.
    import resource

    limit = int(os.environ.get("TIRKEU_WORKER_MEMORY_MB", 1024)) * 1024 * 1024
    if limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    # Each worker's temporary files (WeasyPrint's weasyprint-* font folder) in a folder of its
    # own, which the master removes when the worker ends, however it ends (child_exit below).
    folder = worker_temporary_folder(os.getpid())
    os.makedirs(folder, mode=0o700, exist_ok=True)
    tempfile.tempdir = folder


def worker_temporary_folder(pid: int) -> str:
    return os.path.join(TEMPORARY_DIRECTORY, f"tirkeu-worker-{pid}")


def worker_exit(server, worker):
    # WeasyPrint's font configuration copies the documents' fonts into a weasyprint-* folder of
    # the temporary directory: removed by the worker as it ends.
    from webapp.documents.render import remove_temporary_files

    remove_temporary_files()


def child_exit(server, worker):
    # In the master, for every worker that ended: also one killed (its time limit, SIGKILL), which
    # could not clean up after itself.
    import shutil

    shutil.rmtree(worker_temporary_folder(worker.pid), ignore_errors=True)
