# Sourced by bench/run, bench/saturate, bench/probe and bench/cluster: what the tools share (whether a jar is
# older than its sources) and what the two quick tools share (help, the wrk
# corpus, waiting for the gateway, psql and CPU readings of its embedded PostgreSQL).

# Prints the script's header comment (its help) and exits 0 for -h/--help, 2 when no argument was
# given; returns for anything else.
help_or_usage() { # SCRIPT FIRST_ARGUMENT
  if [[ $2 == -h || $2 == --help || -z $2 ]]; then
    sed -n '2,/^set -euo/p' "$1" | sed '$d' | sed 's/^# \{0,1\}//'
    [[ -n $2 ]] && exit 0 || exit 2
  fi
}

# Succeeds when a source or build file tracked by git (the poms, every module's src/main, the
# test tree's bench launcher) changed after JAR was built: a jar built before the last edit
# measures the code as it was then, while results name the commit checked out.
jar_stale() { # JAR
  local root newest
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  newest=$(cd "$root" && git ls-files -z -- pom.xml '*/pom.xml' '*/src/main/*' \
    'gateway/src/test/java/org/hotline/intake/bench/*' 2>/dev/null |
    xargs -0 -r stat -c %Y 2>/dev/null | sort -n | tail -1)
  [[ -n $newest && -f $1 && $newest -gt $(stat -c %Y "$1") ]]
}

# Prints a warning when JAR is older than the sources (jar_stale); TOOL names the caller.
warn_if_stale() { # TOOL JAR
  if jar_stale "$2"; then
    echo "$1: warning: $2 is older than the sources it is built from; run ./mvnw -q -DskipTests package to measure the code checked out" >&2
  fi
}

# Sets BODIES to the wrk corpus of CORPUS bodies (default 1,000,000): one "channel<TAB>body" a line,
# split between wrk's two threads (as bench/run does), generated once per size and kept in TMPDIR
# for the next run.
wrk_corpus() {
  CORPUS=${CORPUS:-1000000}
  BODIES=${TMPDIR:-/tmp}/saturate-corpus-$CORPUS
  if [[ ! -s $BODIES.1 ]]; then
    printf '%s generating %s bodies for wrk (kept in %s.*)\n' "$(date +%T)" "$CORPUS" "$BODIES" >&2
    java -jar loadtest/target/intake-loadtest.jar corpus --profile steady --count "$CORPUS" --seed 7 \
      --out - 2>/dev/null | jq -r '.channel + "\t" + (.body | tojson)' > "$BODIES.tsv"
    for i in 0 1; do awk -v i=$i 'NR % 2 == i' "$BODIES.tsv" > "$BODIES.$i"; done
    rm "$BODIES.tsv"
  fi
}

# Waits up to 120 s for the gateway logging to LOG to take traffic, then sets PG_PORT to the port
# of its embedded PostgreSQL, if it has one.
wait_ready() { # LOG
  for _ in $(seq 1 120); do grep -qs "ready on port" "$1" && break; sleep 1; done
  grep -q "ready on port" "$1" || { echo "gateway did not start: $1" >&2; exit 1; }
  # Empty for a gateway on an external server (INTAKE_PG_URL), whose log names no embedded one.
  PG_PORT=$(grep -o "127.0.0.1:[0-9]*" "$1" | head -1 | cut -d: -f2 || true)
}

# One statement on the embedded server whose data directory is $OUT/data, at $PG_PORT.
pgq() {
  PGPASSWORD=$(cat "$OUT/data/pg.password") psql -X -At -q -h 127.0.0.1 -p "$PG_PORT" -U postgres \
    -d postgres -c "$1"
}

# The statements that give a server MB megabytes of WAL segments ready for reuse, as a server in
# service has after its checkpoints (min_wal_size, which the embedded server sets to 4 GB, bounds
# what a checkpoint keeps): a WAL switch into each missing segment, then a CHECKPOINT, which renames
# the segments behind it for reuse. A fresh cluster otherwise creates (zero-fills and flushes) a new
# 16 MB segment inside some commit about every 16 MB of WAL: under load once a second or so, with
# every other commit waiting (BENCHMARKS.md, "WAL kept for reuse"). About 3.5 s a gigabyte here.
wal_reserve_sql() { # MB
  local want=$(($1 / 16))
  echo "DO \$\$ DECLARE ahead int; BEGIN
  SELECT count(*) INTO ahead FROM pg_ls_waldir()
    WHERE name ~ '^[0-9A-F]{24}\$' AND name > pg_walfile_name(pg_current_wal_lsn());
  FOR i IN 1..greatest(0, $want - ahead) LOOP
    PERFORM pg_logical_emit_message(false, 'wal-reserve', '');
    PERFORM pg_switch_wal();
  END LOOP; END \$\$; CHECKPOINT;"
}

# How many MB of WAL segments the server has ready ahead of the one being written.
wal_ahead_sql() {
  echo "SELECT 16 * count(*) FROM pg_ls_waldir()
    WHERE name ~ '^[0-9A-F]{24}\$' AND name > pg_walfile_name(pg_current_wal_lsn())"
}

# bench/saturate's and bench/probe's reserve on the embedded server (pgq): WAL_RESERVE_MB, default
# 2048 (enough for either's run), 0 for a fresh cluster; prints the MB ready.
reserve_wal() {
  local mb=${WAL_RESERVE_MB:-2048}
  ((mb <= 0)) || pgq "$(wal_reserve_sql "$mb")" > /dev/null
  pgq "$(wal_ahead_sql)"
}

# ALTER SYSTEM SET each "name=value" of the space-separated list in $1 on that server (the
# caller reloads or restarts it, as the settings need).
pg_settings() {
  local kv
  for kv in $1; do
    [[ $kv == *=* ]] || { echo "PG_SETTINGS: '$kv' is not name=value" >&2; exit 2; }
    pgq "ALTER SYSTEM SET ${kv%%=*} = '${kv#*=}'" > /dev/null
  done
}

# CPU seconds of PostgreSQL: of the server whose data directory is $1 and its backends when that
# server runs, else of every postgres process on the machine.
pgcpu() {
  if [[ -n ${1:-} && -f $1/postmaster.pid ]]; then
    local pm
    pm=$(head -1 "$1/postmaster.pid")
    ps -o times= -p "$pm" --ppid "$pm" | awk '{s += $1} END {print s + 0}'
  else
    ps -eo comm,times | awk '$1 ~ /postgres/ {s += $2} END {print s + 0}'
  fi
}

# CPU ticks (1/CLK_TCK s) of the JVM $1's JIT compiler threads (C1 and C2 CompilerThread…) and of
# its garbage collector's threads (G1's, Shenandoah's, ZGC's), as "JIT GC". Their shares of the
# JVM's CPU in a measured window say how much of it was request work: on a slow host C2 was still
# compiling 20% of the gateway's CPU 40–70 s after start (BENCHMARKS.md, "The JIT in the measured
# window"). Reads /proc without forking; threads the JVM has stopped meanwhile are not counted.
jvm_ticks() { # PID
  local t name jit=() gc=()
  for t in /proc/"$1"/task/*; do
    read -r name 2> /dev/null < "$t/comm" || continue
    case $name in
      C[12]\ CompilerThre*) jit+=("$t/stat") ;;
      Shenandoah* | GC\ Thread* | G1\ * | Z[A-Z]*) gc+=("$t/stat") ;;
    esac
  done
  echo "$(sum_ticks "${jit[@]}") $(sum_ticks "${gc[@]}")"
}
# Minor page faults of process $1 so far (/proc/PID/stat's minflt: its threads, live or ended;
# read past the command name as sum_ticks does, since a name may hold spaces). On this virtual
# machine each costs about 10 µs (a page touched for the first time: the JVM's heap as it grows),
# so thousands a second are a share of a core (BENCHMARKS.md, "Pages touched for the first time").
minor_faults() { # PID
  awk '{sub(/^.*\) /, ""); print $8}' /proc/"$1"/stat
}
# Nanoseconds the threads of the processes given ran and waited runnable for a core, as "RAN
# WAITED" (/proc/PID/task/*/schedstat; threads ended between two readings are not counted). On a
# machine whose cores are all busy every thread waits for one about as long as it runs, and a
# closed loop's rate is then the cores divided by the CPU a request (BENCHMARKS.md, "Bound by the
# cores, not by the clients").
sched_ns() { # PID...
  local p files=()
  for p in "$@"; do files+=(/proc/"$p"/task/*/schedstat); done
  { cat "${files[@]}" 2> /dev/null || true; } | awk '{r += $1; w += $2} END {printf "%.0f %.0f\n", r, w}'
}
# The PIDs of the server whose data directory is $1 and of its backends.
pg_pids() { # DATA_DIR
  local pm
  pm=$(head -1 "$1/postmaster.pid")
  echo "$pm" $(pgrep -P "$pm" || true)
}
# User+system CPU ticks of the processes given, live ones only (forks are slow on a busy machine).
proc_ticks() { # PIDS...
  local files=() p
  for p in "$@"; do [[ -r /proc/$p/stat ]] && files+=("/proc/$p/stat"); done
  sum_ticks "${files[@]}"
}
# User+system CPU ticks in /proc stat files (of processes or threads), summed in one awk.
sum_ticks() { # STAT_FILES...
  (($#)) || { echo 0; return; }
  awk '{sub(/^.*\) /, ""); t += $12 + $13} END {print t + 0}' "$@" 2> /dev/null
}
