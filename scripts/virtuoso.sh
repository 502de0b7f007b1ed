#!/usr/bin/env bash
# A throw-away Virtuoso (open source, Debian's virtuoso-opensource) for the remote tests, the remote bench and users
# who want a local SPARQL 1.1 store:
#
#   scripts/virtuoso.sh install   installs the package (apt) if it is missing, and stops and disables the packaged
#                                 service, which would listen on every interface
#   scripts/virtuoso.sh start     installs if needed, then starts a server bound to 127.0.0.1 only, on two free ports,
#                                 with its database in a new temporary folder and a generated dba password; prints
#                                 shell assignments (VIRTUOSO_DIR, VIRTUOSO_ENDPOINT, VIRTUOSO_GRAPH_STORE,
#                                 VIRTUOSO_ISQL_PORT, VIRTUOSO_PID) once SPARQL answers. The password is in
#                                 $VIRTUOSO_DIR/password (mode 600), never printed.
#   scripts/virtuoso.sh stop DIR  stops the server started in DIR and removes DIR
#
# Exit codes: 0 ok; 3 Virtuoso cannot be installed or started here (callers skip); 1 other failures.
set -euo pipefail

install() {
  if ! command -v virtuoso-t >/dev/null 2>&1; then
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
      if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
        echo "virtuoso.sh: virtuoso-opensource is not installed and apt needs root (sudo -n failed)" >&2
        exit 3
      fi
    fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq >&2 || true
    # The package asks for a dba password in debconf; the packaged database is never used here.
    $sudo apt-get install -y -qq --no-install-recommends virtuoso-opensource >&2 || { echo "virtuoso.sh: apt-get install virtuoso-opensource failed" >&2; exit 3; }
  fi
  # The packaged service listens on all interfaces (ports 1111 and 8890): never leave it running.
  if command -v systemctl >/dev/null 2>&1 && systemctl is-enabled virtuoso-opensource-7 >/dev/null 2>&1; then
    systemctl disable --now virtuoso-opensource-7 >/dev/null 2>&1 || true
  fi
  if [ -x /etc/init.d/virtuoso-opensource-7 ]; then /etc/init.d/virtuoso-opensource-7 stop >/dev/null 2>&1 || true; fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

find_isql() {
  for candidate in isql-vt isql-v; do
    if command -v "$candidate" >/dev/null 2>&1; then echo "$candidate"; return; fi
  done
  echo "virtuoso.sh: no isql-vt found" >&2
  exit 3
}

start() {
  install
  local dir sql http password isql pid
  dir="$(mktemp -d "${TMPDIR:-/tmp}/untoc-kg-virtuoso.XXXXXX")"
  sql="$(free_port)"
  http="$(free_port)"
  while [ "$http" = "$sql" ]; do http="$(free_port)"; done
  password="$(node -e "console.log(require('crypto').randomBytes(18).toString('base64url'))")"
  isql="$(find_isql)"
  umask 077
  printf '%s' "$password" >"$dir/password"
  mkdir -p "$dir/load"
  cat >"$dir/virtuoso.ini" <<INI
[Database]
DatabaseFile = $dir/virtuoso.db
ErrorLogFile = $dir/virtuoso.log
LockFile = $dir/virtuoso.lck
TransactionFile = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = $dir/virtuoso-temp.db
TransactionFile = $dir/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
; 170,000 buffers of 8 KB (about 1.3 GB, Virtuoso's suggested size for 2 GB of memory) and 600 s per statement:
; with the packaged 10,000 buffers and 60 s, the one MOVE that swaps a published graph of a million triples into place
; timed out (SR171).
ServerPort = 127.0.0.1:$sql
ServerThreads = 10
CheckpointInterval = 0
NumberOfBuffers = 170000
MaxDirtyBuffers = 130000
DirsAllowed = ., $dir/load, /usr/share/virtuoso-opensource-7/vad
CaseMode = 2
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime = 600
DynamicLocal = 0
LiteMode = 0
DefaultIsolation = 4

[HTTPServer]
ServerPort = 127.0.0.1:$http
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 10
MaxClientConnections = 10
MaxKeepAlives = 10
KeepAliveTimeout = 10
EnabledDavVSP = 0
HTTPProxyEnabled = 0

[AutoRepair]
BadParentLinks = 0

[Client]
SQL_PREFETCH_ROWS = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT = 0
SQL_TXN_TIMEOUT = 0

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime = 60
DefaultQuery = select distinct ?Concept where {[] a ?Concept} LIMIT 100
DeferInferenceRulesInit = 0
INI
  (cd "$dir" && exec virtuoso-t +foreground +configfile "$dir/virtuoso.ini" >"$dir/stdout.log" 2>&1) &
  pid=$!
  echo "$pid" >"$dir/pid"
  # Wait for the SQL port, then set the password (the new database's dba password is "dba") and allow SPARQL Update
  # and the Graph Store Protocol for an authenticated user only.
  local tries=0
  until "$isql" "$sql" dba dba exec="status();" >/dev/null 2>&1; do
    tries=$((tries + 1))
    if ! kill -0 "$pid" 2>/dev/null || [ "$tries" -gt 120 ]; then
      echo "virtuoso.sh: Virtuoso did not start; its log:" >&2
      tail -n 20 "$dir/virtuoso.log" >&2 2>/dev/null || true
      stop "$dir"
      exit 3
    fi
    sleep 0.5
  done
  "$isql" "$sql" dba dba >/dev/null <<SQL
DB.DBA.USER_CREATE('untoc', '$password');
GRANT SPARQL_UPDATE TO "untoc";
GRANT SPARQL_SELECT TO "untoc";
DB.DBA.RDF_DEFAULT_USER_PERMS_SET('nobody', 1);
DB.DBA.RDF_DEFAULT_USER_PERMS_SET('untoc', 7);
DB.DBA.USER_SET_OPTION('untoc', 'DISABLED', 0);
USER_CHANGE_PASSWORD('dba', 'dba', '$password');
SQL
  tries=0
  until curl -fsS -o /dev/null "http://127.0.0.1:$http/sparql?query=ASK%7B%7D"; do
    tries=$((tries + 1))
    if [ "$tries" -gt 60 ]; then echo "virtuoso.sh: SPARQL did not answer" >&2; stop "$dir"; exit 3; fi
    sleep 0.5
  done
  if ss -ltn 2>/dev/null | grep -E "(0\.0\.0\.0|\*|\[::\]):($sql|$http)\b" >/dev/null; then
    echo "virtuoso.sh: refusing to run: a port is bound to every interface" >&2
    stop "$dir"
    exit 1
  fi
  echo "VIRTUOSO_DIR=$dir"
  echo "VIRTUOSO_ENDPOINT=http://127.0.0.1:$http/sparql-auth"
  echo "VIRTUOSO_QUERY_ENDPOINT=http://127.0.0.1:$http/sparql"
  echo "VIRTUOSO_GRAPH_STORE=http://127.0.0.1:$http/sparql-graph-crud-auth"
  echo "VIRTUOSO_ISQL_PORT=$sql"
  echo "VIRTUOSO_USER=untoc"
  echo "VIRTUOSO_PID=$pid"
}

stop() {
  local dir="${1:-}"
  case "$dir" in
    "${TMPDIR:-/tmp}"/untoc-kg-virtuoso.*) ;;
    *) echo "virtuoso.sh stop: give the folder that start printed (VIRTUOSO_DIR)" >&2; exit 1 ;;
  esac
  if [ -f "$dir/pid" ]; then
    local pid
    pid="$(cat "$dir/pid")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "Usage: scripts/virtuoso.sh install | start | stop DIR" >&2; exit 1 ;;
esac
