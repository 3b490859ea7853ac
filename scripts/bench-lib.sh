# What the bench scripts share (sourced by scripts/bench-import and scripts/bench-orders): the
# ready Karaf started on an empty store on H2 or on PostgreSQL, a backend record "bench" on the
# simulator, the PostgreSQL helpers. The caller sets root, karaf, datasource, out (where the H2
# datasource file is kept: datasource-h2.cfg), pg_port, url (the simulator's XML-RPC URL), chunk,
# and optionally jfr (a Flight Recorder file), backend_options (more --option KEY=VALUE for the
# backend record) and, for another backend version than Magento 1's XML-RPC, backend_version
# (magento/1.7 by default), backend_location (the URL the backend record gets; $url by default) and
# backend_credentials (an array of its connector:backend-add options; --username odoo --password
# odoo42 by default).

bench() { java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$root/benchmarks/target/benchmarks.jar" "io.connector.benchmarks.importbench.$@"; }
say() { printf '\n== %s\n' "$*"; }
taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
c() { "$karaf/bin/connector" "$*"; }
stop_karaf() {
    if [ -x "$karaf/bin/status" ] && "$karaf/bin/status" >/dev/null 2>&1; then
        "$karaf/bin/stop" >/dev/null 2>&1 || true
        for _ in $(seq 1 60); do "$karaf/bin/status" >/dev/null 2>&1 || return 0; sleep 1; done
        kill "$(pgrep -f "karaf.base=$karaf" | head -1)" 2>/dev/null || true
    fi
}
psql_pg() { PGOPTIONS='-c client_min_messages=warning' psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
fresh_pg_database() {
    psql_pg -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1 OWNER connector" >/dev/null
}
pg_commits() {
    psql_pg -c "SELECT pg_stat_clear_snapshot()" -c "SELECT xact_commit FROM pg_stat_database WHERE datname = '$1'" | tail -1
}
start_karaf() {   # DB
    stop_karaf
    # A Karaf that has just stopped may still be closing files under data/ for a moment.
    for _ in 1 2 3 4 5; do rm -rf "$karaf/data" 2>/dev/null && break; sleep 1; done
    [ ! -e "$karaf/data" ] || rm -rf "$karaf/data"
    # The backend records of an earlier run: connector:backend-add writes them to etc/.
    rm -f "$karaf"/etc/io.connector.backend-*.cfg
    if [ "$1" = postgresql ]; then
        fresh_pg_database bench_karaf
        cat >"$datasource" <<EOF
dataSourceName = connector
osgi.jdbc.driver.class = org.postgresql.Driver
url = jdbc:postgresql://127.0.0.1:$pg_port/bench_karaf
user = connector
password = connector
pool = hikari
xa = false
hikari.maximumPoolSize = 16
EOF
    else
        cp "$out/datasource-h2.cfg" "$datasource"
    fi
    # A first boot now and then stalls installing its features (a bundle lock); a second one does not.
    for attempt in 1 2; do
        if [ -n "$jfr" ]; then
            EXTRA_JAVA_OPTS="-XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=filename=$jfr,settings=profile,dumponexit=true" "$karaf/bin/start" 2>/dev/null
        else
            "$karaf/bin/start" 2>/dev/null
        fi
        deadline=$((SECONDS + 120))
        until c connector:backends 2>/dev/null | grep -q "${backend_version:-magento/1.7} "; do
            [ $SECONDS -lt $deadline ] || break
            sleep 1
        done
        c connector:backends 2>/dev/null | grep -q "${backend_version:-magento/1.7} " && break
        [ $attempt = 1 ] || { echo "Karaf did not start; see $karaf/data/log/karaf.log" >&2; exit 1; }
        echo "Karaf did not start within 120 s; starting it again" >&2
        kill "$(pgrep -f "karaf.base=$karaf" | head -1)" 2>/dev/null || true
        sleep 3
        rm -rf "$karaf/data" "$karaf"/etc/io.connector.backend-*.cfg
    done
    karaf_pid=$(pgrep -f "karaf.base=$karaf" | head -1)
    # The import's chunk is the loop's: the backend option import.chunk (the import's default is 50).
    local credentials=(--username odoo --password odoo42)
    [ -z "${backend_credentials+set}" ] || credentials=("${backend_credentials[@]}")
    # shellcheck disable=SC2086
    c connector:backend-add --location "${backend_location:-$url}" "${credentials[@]}" --option "import.chunk=$chunk" \
        ${backend_options:-} bench "${backend_version:-magento/1.7}" >/dev/null
    for _ in $(seq 1 30); do c connector:backend-list | grep -q '^bench ' && break; sleep 0.5; done
}
cpu() { awk -v tck="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / tck }' "/proc/$karaf_pid/stat"; }
