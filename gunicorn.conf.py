"""gunicorn settings for production. gunicorn reads this file from the working directory.

Every value can be changed by environment variable, so one file serves a small server and a
bigger one. Sync workers suit this site: pages are quick and the slow work (emails, document
text, search indexing) happens in the background worker, never in a request.
"""

import multiprocessing
import os

wsgi_app = "pdu_site.wsgi:application"

# nginx (or a load balancer) sits in front; listen where only it can reach.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# One or two processes per core: each holds a database connection and about 150 MB.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
worker_class = "sync"

# A request taking longer than this is stuck: the worker is replaced rather than left hanging.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30

# Replace each worker after a few thousand requests, jittered so they never all restart at once:
# a slow leak in any library then never builds up.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = 200

# Heartbeat files in memory, not on a disk that may stall under load.
SHARED_MEMORY = "/dev/shm"  # noqa: S108 - gunicorn's own advice; only its heartbeat files go here
worker_tmp_dir = SHARED_MEMORY if os.path.isdir(SHARED_MEMORY) else None

# Only the proxy in front may say which scheme the visitor used.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Logs to stdout and stderr, where systemd's journal (or the platform) collects them.
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG", "true").lower() == "true" else None
errorlog = "-"
