#!/usr/bin/env bash
# Benchmark of the registry pages: builds the app, starts it on a fresh embedded database with N generated demo
# elders, and times the pages against the same SQL run directly (bench/Bench.java). See docs/performance.md.
#
#   bench/run.sh [N]        N elders, default 1027000 (the city of seed 000)
#   BENCH_HOLD=1 bench/run.sh [N]   keep the app (and its database) running afterwards, for EXPLAIN; Ctrl-C stops it
#   BENCH_ONLY=dashboard,load bench/run.sh   only those parts (registry, import, subsidy, payment, meal, homecare,
#                                             visits, dashboard, api-read, weight, load, import-empty, api-events)
#   api-read and api-events use the demo API client (its id and secret from API_CLIENT_ID and API_CLIENT_SECRET, else
#   from the start-up log; skipped without them); API_READ_PAGE=1000 (page size of the whole-district read), API_READ_RUNS=300 (runs of the
#   small requests); api-events: 10,000 inbound events through the API (bench/ApiEventsBench.java; API_EVENTS sets
#   the count)
#   import-empty runs on a second app of its own, started on a fresh database with no elders (ports 18081 and 15498,
#   data in target/bench-empty-data, log in target/bench-empty-app.log); with BENCH_ONLY=import-empty the city is
#   not started at all. IMPORT_EMPTY_ROWS (default 100000) rows.
#   LOAD_USERS=50 LOAD_SECONDS=60 LOAD_THINK_MS=1000   the load test's users, length of a run and mean think time
#
# Uses server port 18080 and embedded PostgreSQL port 15499 (BENCH_PORT, BENCH_DB_PORT; BENCH_EMPTY_PORT and
# BENCH_EMPTY_DB_PORT for import-empty); data in target/bench-data, app log in
# target/bench-app.log, report in target/bench-report.md.
set -euo pipefail

N="${1:-1027000}"
PORT="${BENCH_PORT:-18080}"
DB_PORT="${BENCH_DB_PORT:-15499}"
READY_TIMEOUT_SECONDS=900
cd "$(dirname "$0")/.."
DATA_DIR=target/bench-data
LOG=target/bench-app.log
REPORT=target/bench-report.md
BASE_URL="http://localhost:${PORT}"
APP_PID=""

log() { printf '[bench] %s\n' "$*" >&2; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

stop_app() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        log "stopping the app (pid $APP_PID)"
        kill "$APP_PID" 2>/dev/null || true
        for _ in $(seq 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
        kill -9 "$APP_PID" 2>/dev/null || true
    fi
    # the embedded PostgreSQL normally stops with the app; if the app died hard, stop the one it started
    local pid_file="$DATA_DIR/postgres/postmaster.pid"
    if [[ -f "$pid_file" ]]; then
        local pg_pid
        pg_pid=$(head -1 "$pid_file")
        if [[ "$pg_pid" =~ ^[0-9]+$ ]] && kill -0 "$pg_pid" 2>/dev/null; then
            log "stopping the embedded PostgreSQL left behind (pid $pg_pid)"
            kill -INT "$pg_pid" 2>/dev/null || true
        fi
    fi
}
trap stop_app EXIT
trap 'exit 130' INT TERM

for port in "$PORT" "$DB_PORT"; do
    if port_in_use "$port"; then
        log "port $port is in use; stop whatever listens there first"
        exit 1
    fi
done

# BENCH_ONLY=dashboard,load (a comma-separated list) runs only those parts; default: all of them
ONLY="${BENCH_ONLY:-registry,import,subsidy,payment,meal,homecare,visits,dashboard,api-read,weight,load,import-empty,api-events}"
part() { [[ ",$ONLY," == *",$1,"* ]]; }
# the parts that need the city of N elders; import-empty starts an app of its own
CITY=0
for p in registry import subsidy payment meal homecare visits dashboard api-read weight load api-events; do
    if part "$p"; then CITY=1; fi
done
EMPTY_PORT="${BENCH_EMPTY_PORT:-18081}"
EMPTY_DB_PORT="${BENCH_EMPTY_DB_PORT:-15498}"
EMPTY_DATA_DIR=target/bench-empty-data
EMPTY_LOG=target/bench-empty-app.log
if part import-empty; then
    for port in "$EMPTY_PORT" "$EMPTY_DB_PORT"; do
        if port_in_use "$port"; then
            log "port $port is in use; stop whatever listens there first"
            exit 1
        fi
    done
fi

log "building (./mvnw -q -B -DskipTests package)"
./mvnw -q -B -DskipTests package
JAR=$(ls target/yinling-*.jar | grep -v '\.original$' | head -1)

PG_JAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar 2>/dev/null | sort -V | tail -1 || true)
if [[ -z "$PG_JAR" ]]; then
    ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
    PG_JAR=$(tr ':' '\n' < target/bench-classpath.txt | grep '/postgresql-[0-9.]*\.jar$' | head -1)
fi

: > "$REPORT"
JDBC="jdbc:postgresql://localhost:${DB_PORT}/yinling?user=postgres"
# first the empty registry, on an app of its own, so that it does not share the machine with the city
if part import-empty; then
    log "starting a second app on a fresh database with no elders ($EMPTY_DATA_DIR), log in $EMPTY_LOG"
    rm -rf "$EMPTY_DATA_DIR"
    java -jar "$JAR" \
        --yinling.data-dir="$EMPTY_DATA_DIR" \
        --yinling.db.embedded.port="$EMPTY_DB_PORT" \
        --server.port="$EMPTY_PORT" \
        --yinling.demo.elders=0 \
        --spring.thymeleaf.cache=true \
        --management.endpoint.health.probes.enabled=true \
        > "$EMPTY_LOG" 2>&1 &
    EMPTY_PID=$!
    stop_empty() {
        if [[ -n "${EMPTY_PID:-}" ]] && kill -0 "$EMPTY_PID" 2>/dev/null; then
            log "stopping the empty-registry app (pid $EMPTY_PID)"
            kill "$EMPTY_PID" 2>/dev/null || true
            for _ in $(seq 60); do kill -0 "$EMPTY_PID" 2>/dev/null || break; sleep 1; done
            kill -9 "$EMPTY_PID" 2>/dev/null || true
        fi
        local pid_file="$EMPTY_DATA_DIR/postgres/postmaster.pid"
        if [[ -f "$pid_file" ]]; then
            local pg_pid
            pg_pid=$(head -1 "$pid_file")
            if [[ "$pg_pid" =~ ^[0-9]+$ ]] && kill -0 "$pg_pid" 2>/dev/null; then
                kill -INT "$pg_pid" 2>/dev/null || true
            fi
        fi
    }
    trap 'stop_empty; stop_app' EXIT
    EMPTY_START=$(date +%s)
    until curl -fsS "http://localhost:${EMPTY_PORT}/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; do
        if ! kill -0 "$EMPTY_PID" 2>/dev/null; then
            log "the empty-registry app exited during start-up; the end of $EMPTY_LOG:"
            tail -40 "$EMPTY_LOG" >&2
            exit 1
        fi
        if (( $(date +%s) - EMPTY_START > READY_TIMEOUT_SECONDS )); then
            log "the empty-registry app is not ready after $READY_TIMEOUT_SECONDS s"
            exit 1
        fi
        sleep 0.5
    done
    log "timing a ${IMPORT_EMPTY_ROWS:-100000}-row .xlsx import into the empty registry (bench/EmptyImportBench.java)"
    java -cp "$PG_JAR" bench/EmptyImportBench.java "http://localhost:${EMPTY_PORT}" \
        "jdbc:postgresql://localhost:${EMPTY_DB_PORT}/yinling?user=postgres" "${IMPORT_EMPTY_ROWS:-100000}" \
        | tee -a "$REPORT"
    stop_empty
    EMPTY_PID=""
fi
if (( CITY )); then
log "starting $JAR with $N demo elders on a fresh database ($DATA_DIR), log in $LOG"
rm -rf "$DATA_DIR"
START=$(date +%s.%N)
java -jar "$JAR" \
    --yinling.data-dir="$DATA_DIR" \
    --yinling.db.embedded.port="$DB_PORT" \
    --server.port="$PORT" \
    --yinling.demo.elders="$N" \
    --spring.thymeleaf.cache=true \
    --management.endpoint.health.probes.enabled=true \
    > "$LOG" 2>&1 &
APP_PID=$!

# readiness turns UP once every ApplicationRunner (demo regions, accounts, elders) has finished
until curl -fsS "$BASE_URL/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
        log "the app exited during start-up; the end of $LOG:"
        tail -40 "$LOG" >&2
        exit 1
    fi
    if (( $(date +%s) - ${START%.*} > READY_TIMEOUT_SECONDS )); then
        log "not ready after $READY_TIMEOUT_SECONDS s; the end of $LOG:"
        tail -40 "$LOG" >&2
        exit 1
    fi
    sleep 0.5
done
STARTUP=$(awk -v s="$START" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
# "Started YinlingApplication in X seconds (process running for Y)" is logged before the ApplicationRunners run
CONTEXT=$(sed -nE 's/.*Started .* \(process running for ([0-9.]+)\).*/\1/p' "$LOG" | head -1)
log "ready after $STARTUP s (context up after ${CONTEXT:-?} s)"
grep -iE 'demo (elders|regions|accounts)' "$LOG" | sed 's/^/[app] /' >&2 || true

if part registry; then
    log "measuring (bench/Bench.java)"
    java -cp "$PG_JAR" bench/Bench.java \
        --base-url "$BASE_URL" \
        --jdbc-url "$JDBC" \
        --elders "$N" \
        --startup-seconds "$STARTUP" \
        --context-seconds "${CONTEXT:-}" \
        | tee -a "$REPORT"
fi
if part import; then
    log "timing a ${IMPORT_ROWS:-100000}-row .xlsx import and its export (bench/ImportExportBench.java)"
    java -cp "$PG_JAR" bench/ImportExportBench.java "$BASE_URL" "$JDBC" "${IMPORT_ROWS:-100000}" | tee -a "$REPORT"
fi
if part subsidy; then
    log "timing the subsidy preview, the policy simulation and automatic enrolment (bench/SubsidyBench.java)"
    java -cp "$PG_JAR" bench/SubsidyBench.java "$BASE_URL" "$JDBC" "${SUBSIDY_RUNS:-20}" | tee -a "$REPORT"
fi
if part payment; then
    log "timing the generation of next month's payment batch (bench/PaymentBench.java)"
    java -cp "$PG_JAR" bench/PaymentBench.java "$BASE_URL" "$JDBC" | tee -a "$REPORT"
fi
if part meal; then
    log "timing meal recording and settlement over a year of meals (bench/MealBench.java)"
    java -cp "$PG_JAR" bench/MealBench.java "$BASE_URL" "$JDBC" "${MEAL_ELDERS:-50000}" | tee -a "$REPORT"
fi
if part homecare; then
    log "timing home care at city scale: order generation, a worker's list and check-in, call-back draws, settlements (bench/HomeCareBench.java)"
    java -cp "$PG_JAR" bench/HomeCareBench.java "$BASE_URL" "$JDBC" "${HOMECARE_ELDERS:-50000}" | tee -a "$REPORT"
fi
if part visits; then
    log "timing visits at city scale: the roster recompute, a visitor's due list and a visit saved over ${VISIT_ROWS:-5000000} visits, the dashboard with and without the visit rate (bench/VisitBench.java)"
    java -cp "$PG_JAR" bench/VisitBench.java "$BASE_URL" "$JDBC" "${VISIT_ROWS:-5000000}" | tee -a "$REPORT"
fi
if part dashboard; then
    log "timing the dashboard, drill-down and monthly report (bench/DashboardBench.java)"
    java -cp "$PG_JAR" bench/DashboardBench.java "$BASE_URL" "$JDBC" "${DASHBOARD_RUNS:-30}" | tee -a "$REPORT"
fi
# the API parts take the demo API client's credentials from the environment, else from the start-up log
if [[ -z "${API_CLIENT_ID:-}" ]]; then
    API_CLIENT_ID=$(sed -nE "s/.*Demo API client: client_id '([^']+)', client_secret '([^']+)'.*/\1/p" "$LOG" | head -1)
    API_CLIENT_SECRET=$(sed -nE "s/.*Demo API client: client_id '([^']+)', client_secret '([^']+)'.*/\2/p" "$LOG" | head -1)
fi
export API_CLIENT_ID API_CLIENT_SECRET
if part api-read; then
    log "reading the whole district through the read API by cursor, and timing small requests with and without a token (bench/ApiReadBench.java)"
    java -cp "$PG_JAR" bench/ApiReadBench.java "$BASE_URL" "$JDBC" 330105000000 "${API_READ_PAGE:-1000}" "${API_READ_RUNS:-300}" \
        | tee -a "$REPORT"
fi
if part weight; then
    log "weighing the pages over the wire and timing the largest institution's page (bench/PageWeightBench.java)"
    java -cp "$PG_JAR" bench/PageWeightBench.java "$BASE_URL" "$JDBC" "${WEIGHT_RUNS:-30}" | tee -a "$REPORT"
fi
if part load; then
    log "load: ${LOAD_USERS:-50} concurrent users for ${LOAD_SECONDS:-60} s, twice with ${LOAD_THINK_MS:-1000} ms think time, then once without (bench/LoadBench.java)"
    java -cp "$PG_JAR" bench/LoadBench.java "$BASE_URL" "$JDBC" "$APP_PID" "${LOAD_USERS:-50}" "${LOAD_SECONDS:-60}" "${LOAD_THINK_MS:-1000}" \
        | tee -a "$REPORT"
fi
if part api-events; then
    # last among the city's parts: its deaths, moves and status changes stay in the registry
    log "timing ${API_EVENTS:-10000} inbound events through the API (bench/ApiEventsBench.java)"
    java -cp "$PG_JAR" bench/ApiEventsBench.java "$BASE_URL" "$JDBC" "${API_EVENTS:-10000}" | tee -a "$REPORT"
fi
fi  # CITY

log "report written to $REPORT"

if [[ "${BENCH_HOLD:-0}" == "1" ]]; then
    log "the app keeps running at $BASE_URL; psql -h localhost -p $DB_PORT -U postgres yinling; Ctrl-C stops it"
    wait "$APP_PID" || true
fi
