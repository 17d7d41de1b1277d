# Warm-up until the JIT has settled, shared by bench/gateway.sh and bench/delivery.sh (sourced, not run).
#
# A JVM under load keeps compiling for a minute or more on two cores: the gateway's proxied read rose from 473 to
# 3,945 req/s over six consecutive 10-second runs after start (2026-12-03, bench/RESULTS.md), so a fixed 10-second
# warm-up measured mostly the JIT. warm_until_steady runs the case in WARMUP_STEP-second rounds (default 5) until
# a round is no more than WARMUP_GAIN percent (default 5) above the best round before it, at least two rounds and
# at most WARMUP_MAX seconds (default 120), and records the rounds' rates in WARMUP_LOG, one line per case.
#
# Needs from the sourcing script: run_wrk <case> <seconds> [connections] printing wrk's output, and WARMUP_LOG set
# to a file.

warm_until_steady() { # case -> the case warmed up; one line "case: N s, rates r1 r2 … (steady|not steady)" in WARMUP_LOG
  local c=$1 step=${WARMUP_STEP:-5} max=${WARMUP_MAX:-120} gain=${WARMUP_GAIN:-5}
  local spent=0 best=0 rates="" rate verdict="not steady after ${max} s"
  while [ "$spent" -lt "$max" ]; do
    rate=$(run_wrk "$c" "$step" 32 | awk '/Requests\/sec/ {printf "%.0f", $2}')
    rate=${rate:-0}
    spent=$((spent + step))
    rates+=" $rate"
    if [ "$spent" -gt "$step" ] && [ "$((rate * 100))" -le "$((best * (100 + gain)))" ]; then
      verdict=steady
      break
    fi
    [ "$rate" -gt "$best" ] && best=$rate
  done
  echo "$c: ${spent} s, req/s per ${step}-s round:${rates} ($verdict)" >> "$WARMUP_LOG"
}
