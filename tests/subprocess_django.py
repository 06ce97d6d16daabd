"""Run a snippet of Python in a fresh interpreter with chosen settings and environment.

Settings are read once at start-up, so checking how they react to the environment (or how the
site behaves with an unreachable database) needs a new process.
"""

import os
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Variables that would leak this machine's configuration into the child process.
CONFIG_VARIABLES = [
    "DJANGO_SETTINGS_MODULE",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "REDIS_URL",
    "AWS_STORAGE_BUCKET_NAME",
    "EMAIL_HOST",
    "CLIENT_IP_HEADER",
    "PDU_ADMINS",
    "SENTRY_DSN",
    "LOG_FORMAT",
    "PDU_BACKUP_ENABLED",
    "PDU_BACKUP_DIR",
    "PDU_BACKUP_S3_BUCKET",
    # Set by the browser tests for their own process only; a deployment never has it.
    "DJANGO_ALLOW_ASYNC_UNSAFE",
]


def run_python(code, settings_module, env=None, timeout=60):
    child_env = {k: v for k, v in os.environ.items() if k not in CONFIG_VARIABLES}
    child_env["DJANGO_SETTINGS_MODULE"] = settings_module
    child_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT,
        env=child_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
