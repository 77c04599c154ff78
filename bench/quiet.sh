# Sourced by the bench commands: wait until the machine is quiet before a measure. Quiet means at most
# BENCH_QUIET_BUSY percent of the CPU busy over 3 s (default 10), from /proc/stat; the wait lasts at most 3 minutes.
# The 1-minute load average alone lags a finished load by minutes, so it is only reported.

busy_percent() { # over 3 s
  local a b; a=($(head -1 /proc/stat)); sleep 3; b=($(head -1 /proc/stat))
  local total=0 idle i; for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
  idle=$(( (b[4] - a[4]) + (b[5] - a[5]) ))
  echo $(( total > 0 ? 100 * (total - idle) / total : 0 ))
}

# Waits, then prints what it waited for: "<n>% busy over 3 s, load average <1> <5> <15>".
await_quiet() {
  local waited=0 busy; busy=$(busy_percent)
  while [ "$busy" -gt "${BENCH_QUIET_BUSY:-10}" ] && [ "$waited" -lt 180 ]; do
    busy=$(busy_percent); waited=$((waited + 3))
  done
  echo "${busy}% busy over 3 s, load average $(cut -d' ' -f1-3 /proc/loadavg)"
}
