#!/usr/bin/env bash
# Grades the site's response headers with the MDN HTTP Observatory scanner, offline.
#
# Runs the site with the production settings (DEBUG off, a generated SECRET_KEY, a throwaway
# SQLite database, static files collected into a temporary folder) under gunicorn, serving TLS
# on loopback with a certificate from a throwaway local certificate authority. Then it runs the
# scanner from its npm package (installed into a temporary folder) against
# https://localhost:PORT/ and prints the grade, the score and each test's result.
# Everything it made is removed when it ends. Not part of `make test`.
#
# Usage: scripts/observatory.sh        (from the repository root; needs .venv, node, npm, openssl)
# OBSERVATORY_PORT chooses the port (default: a free one). The scanner's JSON is kept if
# OBSERVATORY_JSON names a file to write it to.
set -euo pipefail

SCANNER_PACKAGE="@mdn/mdn-http-observatory"
SCANNER_VERSION="1.4.8"

cd "$(dirname "$0")/.."
PYTHON=.venv/bin/python
for tool in "$PYTHON" node npm openssl; do
    command -v "$tool" >/dev/null || { echo "Needs $tool: run 'make install' and install Node.js and openssl." >&2; exit 1; }
done

WORK=$(mktemp -d -t pdu-observatory-XXXXXX)
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID"
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

echo "== Installing $SCANNER_PACKAGE@$SCANNER_VERSION into a temporary folder"
# --ignore-scripts: its install step would download the HSTS preload list; offline, an empty
# list stands in (localhost could never be on it).
npm install --silent --ignore-scripts --no-audit --no-fund --prefix "$WORK/scanner" \
    "$SCANNER_PACKAGE@$SCANNER_VERSION" >/dev/null
SCANNER="$WORK/scanner/node_modules/$SCANNER_PACKAGE"
echo '{}' >"$SCANNER/conf/hsts-preload.json"

echo "== Making a throwaway certificate authority and a certificate for localhost"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=PDU Hub observatory test CA" \
    -keyout "$WORK/ca.key" -out "$WORK/ca.pem" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
    -keyout "$WORK/localhost.key" -out "$WORK/localhost.csr" 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >"$WORK/san.ext"
openssl x509 -req -in "$WORK/localhost.csr" -CA "$WORK/ca.pem" -CAkey "$WORK/ca.key" \
    -CAcreateserial -days 1 -extfile "$WORK/san.ext" -out "$WORK/localhost.pem" 2>/dev/null

PORT=${OBSERVATORY_PORT:-$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}

# Production settings, with only what a scan on this machine needs.
export DJANGO_SETTINGS_MODULE=pdu_site.settings.production
SECRET_KEY=$("$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(64))')
export SECRET_KEY
export ALLOWED_HOSTS=localhost
export DATABASE_URL="sqlite:///$WORK/site.sqlite3"
export STATIC_ROOT="$WORK/static"
export MEDIA_ROOT="$WORK/media"
export WAGTAILADMIN_BASE_URL="https://localhost:$PORT"
unset REDIS_URL AWS_STORAGE_BUCKET_NAME OPENSEARCH_URL SECURE_PROXY_SSL_HEADER

echo "== Preparing the site (production settings, throwaway database)"
"$PYTHON" manage.py check --deploy --fail-level WARNING
"$PYTHON" manage.py migrate --noinput -v 0
"$PYTHON" manage.py collectstatic --noinput -v 0

echo "== Serving https://localhost:$PORT/"
.venv/bin/gunicorn pdu_site.wsgi:application --bind "127.0.0.1:$PORT" --workers 1 \
    --certfile "$WORK/localhost.pem" --keyfile "$WORK/localhost.key" \
    --error-logfile "$WORK/gunicorn.log" &
SERVER_PID=$!
for _ in $(seq 1 60); do
    if curl --silent --output /dev/null --cacert "$WORK/ca.pem" "https://localhost:$PORT/healthz"; then
        break
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/gunicorn.log" >&2; exit 1; }
    sleep 1
done

echo "== Scanning"
# The package's own wrapper points Node at a CA bundle its install step would have made;
# scan.js is called directly so Node trusts the throwaway CA instead.
NODE_EXTRA_CA_CERTS="$WORK/ca.pem" node "$SCANNER/src/scan.js" "localhost:$PORT" >"$WORK/scan.json"
if [ -n "${OBSERVATORY_JSON:-}" ]; then
    cp "$WORK/scan.json" "$OBSERVATORY_JSON"
fi

"$PYTHON" - "$WORK/scan.json" "$SCANNER_PACKAGE@$SCANNER_VERSION" <<'REPORT'
import json
import sys
from datetime import date

result = json.load(open(sys.argv[1]))
if "error" in result:
    sys.exit(f"The scan failed: {result['error']}")
scan = result["scan"]
print(f"Scanner: {sys.argv[2]}, {date.today().isoformat()}")
print(f"Grade: {scan['grade']}   Score: {scan['score']}   "
      f"Tests passed: {scan['testsPassed']} of {scan['testsQuantity']}")
print()
print("| Test | Passed | Score | Result |")
print("|---|---|---|---|")
for name, test in result["tests"].items():
    passed = "yes" if test["pass"] else "no"
    print(f"| {name} | {passed} | {test['scoreModifier']:+d} | {test['result']} |")
REPORT
