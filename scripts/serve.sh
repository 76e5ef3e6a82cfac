#!/usr/bin/env bash
# Serve the app and the background worker together; Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-5000}"
.venv/bin/flask worker &
WORKER=$!
cleanup() {
  kill "$WORKER" 2>/dev/null || true
  wait "$WORKER" 2>/dev/null || true
}
trap cleanup EXIT INT TERM
echo
echo "  Ordos Export Marketplace: http://127.0.0.1:${PORT}/"
echo "  Background worker pid ${WORKER}; e-mails are written to instance/mail/"
echo "  Demo logins are listed above (password: demo-password-2026). Ctrl-C stops everything."
echo
.venv/bin/flask run --host 127.0.0.1 --port "${PORT}"
