#!/usr/bin/env bash
# Serve the app, the background worker and the customs service-platform simulator together;
# Ctrl-C stops all three.
#
# Customs: a development signing key, self-signed certificate and callback secret are created under
# instance/customs-dev/ if missing (`flask customs dev-key`; demo only, never valid for customs). The
# simulator listens on SIMULATOR_PORT (default 5100) and calls back PUBLIC_BASE_URL, so a declaration
# submitted in the running app goes to it and its receipts come back. With SERVICE_PLATFORM_URL set in
# the environment, that platform is used and no simulator is started.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-5000}"
SIMULATOR_PORT="${SIMULATOR_PORT:-5100}"
SIMULATOR_STEP_DELAY="${SIMULATOR_STEP_DELAY:-1}"
FLASK=.venv/bin/flask
export FLASK_APP="${FLASK_APP:-wsgi}"
export PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-http://127.0.0.1:${PORT}}"

port_busy() {
  .venv/bin/python -c "import socket,sys; s=socket.socket(); sys.exit(s.connect_ex(('127.0.0.1', int(sys.argv[1]))) != 0)" "$1"
}

$FLASK customs dev-key

PIDS=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'echo; echo "Stopping the app, the worker and the simulator"; exit 130' INT
trap 'exit 143' TERM

if [ -z "${SERVICE_PLATFORM_URL:-}" ]; then
  if port_busy "$SIMULATOR_PORT"; then
    echo "Port ${SIMULATOR_PORT} is in use: set SIMULATOR_PORT (e.g. SIMULATOR_PORT=5101 make run)." >&2
    exit 1
  fi
  export SERVICE_PLATFORM_URL="http://127.0.0.1:${SIMULATOR_PORT}"
  $FLASK customs simulate-platform --port "$SIMULATOR_PORT" --step-delay "$SIMULATOR_STEP_DELAY" &
  PIDS+=($!)
fi
$FLASK worker &
PIDS+=($!)
echo
echo "  Ordos Export Marketplace: http://127.0.0.1:${PORT}/"
echo "  Background worker and service-platform simulator (${SERVICE_PLATFORM_URL}) running;"
echo "  e-mails are written to instance/mail/"
echo "  Demo logins are listed above (password: demo-password-2026). Ctrl-C stops everything."
echo
$FLASK run --host 127.0.0.1 --port "${PORT}" &
PIDS+=($!)
# Until Ctrl-C (or TERM), or until one of the three stops: then the others are stopped too.
wait -n "${PIDS[@]}"
