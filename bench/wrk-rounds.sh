#!/usr/bin/env bash
# Runs several wrk scenarios in alternating rounds, so that whatever else the (shared, noisy) machine does falls on
# all of them alike, and prints each scenario's median over the rounds: requests per second, p50 and p99 latency.
# Sourced by the benchmark scripts; they call: rounds <rounds> <seconds per round> <name> <wrk args...> -- <name> ...
rounds() {
  local count=$1 seconds=$2
  shift 2
  local -a names=() args=()
  local current=""
  while (($#)); do
    if [[ -z $current ]]; then current=$1; names+=("$1"); args+=(""); shift; continue; fi
    if [[ $1 == -- ]]; then current=""; shift; continue; fi
    args[${#args[@]}-1]+=" $(printf '%q' "$1")"
    shift
  done
  local results
  results=$(mktemp)
  for ((round = 1; round <= count; round++)); do
    for i in "${!names[@]}"; do
      eval "wrk -t2 -c16 -d${seconds}s --latency ${args[$i]}" | awk -v name="$i" '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /Requests\/sec/ { rps = $2 }
        /^ +50%/ { p50 = ms($2) }
        /^ +99%/ { p99 = ms($2) }
        /Non-2xx/ { bad = $NF }
        END { printf "%s %s %s %s %s\n", name, rps, p50, p99, bad + 0 }' >>"$results"
    done
  done
  printf '| scenario | requests/s | p50 | p99 |\n| --- | ---: | ---: | ---: |\n'
  for i in "${!names[@]}"; do
    awk -v name="$i" -v label="${names[$i]}" '$1 == name { rps[n] = $2; p50[n] = $3; p99[n] = $4; bad += $5; n++ }
      function median(a, n,   i, j, t) { for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
        return a[int(n / 2)] }
      END { printf "| %s | %.0f | %.1f ms | %.1f ms |%s\n", label, median(rps, n), median(p50, n), median(p99, n),
        bad ? " (" bad " responses not 2xx)" : "" }' "$results"
  done
  rm -f "$results"
}
