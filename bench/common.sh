# Sourced by bench/saturate and bench/probe: what the two quick tools share.

# Prints the script's header comment (its help) and exits 0 for -h/--help, 2 when no argument was
# given; returns for anything else.
help_or_usage() { # SCRIPT FIRST_ARGUMENT
  if [[ $2 == -h || $2 == --help || -z $2 ]]; then
    sed -n '2,/^set -euo/p' "$1" | sed '$d' | sed 's/^# \{0,1\}//'
    [[ -n $2 ]] && exit 0 || exit 2
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
