#!/usr/bin/env bash
# Benchmark of one LMA process driven by `pmip sim`: a rate sweep, each run measuring the UDP echo
# ceiling of this machine first (same process, same engine), then writing ops/benchmarks/sim-<journal>.md.
#
#   ops/benchmarks/sim-bench.sh inmem
#   SIM_CASSANDRA=127.0.0.1:19042 ops/benchmarks/sim-bench.sh cassandra   # a running Cassandra, schema applied
#
# Ports are unusual on purpose (a shared machine): SIM_UDP_PORT (17436), SIM_CLUSTER_PORT (27552).
# SIM_RATES (default "25 50 100 200"), SIM_DURATION (30), SIM_MAGS (20).
# SIM_MIX=sweep (default): the population grows with the rate, rate x duration / 4 mobile nodes, so the
#   first quarter of each run attaches them and the rest hands off (rate / 10 per second), detaches
#   (rate / 20), attaches again and refreshes.
# SIM_MIX=refresh: steady-state signaling, SIM_MNS (500) mobile nodes per MAG, no handoffs or detaches:
#   the first population / rate seconds attach every node, every later operation is a refresh.
# SIM_WARMUP="RATE SECONDS" (default "40 10"): the unmeasured warm-up run first (4 MAGs x 100 nodes
#   below 400 per second, else SIM_MAGS x SIM_MNS in the refresh mix); a few hundred per second for
#   30 s lets the JIT compile the signaling path before anything is measured.
# SIM_OUT (default sim-<journal>): the result's name under ops/benchmarks/ (.md, -r<rate>.json).
# SIM_LMA_CONFIG: HOCON lines added to the LMA's configuration (to try a setting without a rebuild).
set -euo pipefail
journal=${1:?inmem or cassandra}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
pmip="$root/ops/bin/pmip"
udp=${SIM_UDP_PORT:-17436}
cluster=${SIM_CLUSTER_PORT:-27552}
rates=${SIM_RATES:-25 50 100 200}
duration=${SIM_DURATION:-30}
mags=${SIM_MAGS:-20}
mix=${SIM_MIX:-sweep}
refresh_mns=${SIM_MNS:-500}
read -r warm_rate warm_seconds <<< "${SIM_WARMUP:-40 10}"
name=${SIM_OUT:-sim-$journal}
case "$mix" in sweep|refresh) ;; *) echo "SIM_MIX must be sweep or refresh: $mix" >&2; exit 2 ;; esac
work=$(mktemp -d /tmp/sim-bench-"$journal"-XXXX)
out="$root/ops/benchmarks/$name.md"
export PMIP_SKIP_BUILD=1 PMIP_HOME="$work"

cat > "$work/lma.conf" <<CONF
# One clock for the simulated MAGs and the LMA; a loaded shared machine may hold a PBU for seconds.
pmip.lma.timestamp-validity-window = 30s
pmip.lma.prefix-pool-timeout = 10s
pekko.loglevel = WARNING
CONF
if [ -n "${SIM_LMA_CONFIG:-}" ]; then
  printf '%s\n' "$SIM_LMA_CONFIG" >> "$work/lma.conf"
fi

env_lma=(PMIP_LMA_UDP_PORT="$udp" PMIP_CLUSTER_PORT="$cluster" PMIP_SEED_NODES= PMIP_LMA_MH_ENABLED=false
    PMIP_JAVA_OPTS="-Xmx1g")
if [ "$journal" = cassandra ]; then
  env_lma+=(PMIP_CASSANDRA_CONTACT_POINTS="${SIM_CASSANDRA:?SIM_CASSANDRA=host:port of a running Cassandra}")
fi
env "${env_lma[@]}" "$pmip" lma --journal "$journal" --config "$work/lma.conf" > "$work/lma.out" 2> "$work/lma.err" &
lma_pid=$!
# set -e would end the trap at the killed LMA's non-zero status, before the rm.
trap 'kill -TERM $lma_pid 2>/dev/null || true; wait $lma_pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 240); do
  grep -q "lma up:" "$work/lma.out" && break
  kill -0 $lma_pid 2>/dev/null || { cat "$work/lma.err" >&2; exit 1; }
  sleep 1
done
grep -q "lma up:" "$work/lma.out" || { echo "LMA not up" >&2; exit 1; }

{
  echo "# \`pmip sim\` against one LMA process, $journal journal"
  echo
  if [ "$mix" = refresh ]; then
    echo "Script: \`ops/benchmarks/sim-bench.sh $journal\` (SIM_MIX=refresh; rates: $rates; $duration s each; $mags MAGs x $refresh_mns mobile nodes, no handoffs or detaches: after the first $mags x $refresh_mns / rate seconds of attaches every operation is a refresh)."
  else
    echo "Script: \`ops/benchmarks/sim-bench.sh $journal\` (rates: $rates; $duration s each; $mags MAGs, rate x duration / 4 mobile nodes)."
  fi
  echo "LMA: \`$(printf '%s ' "${env_lma[@]}")ops/bin/pmip lma --journal $journal --config lma.conf\`"
  echo "with \`timestamp-validity-window = 30s\`, \`prefix-pool-timeout = 10s\`${SIM_LMA_CONFIG:+ and \`$SIM_LMA_CONFIG\`}. $(nproc) cores; run at $(date -u +%FT%TZ)"
  echo "at $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')."
  echo
  echo "uptime before: $(uptime)"
  echo
} > "$out"

if [ "$mix" = refresh ] || [ "$warm_rate" -ge 400 ]; then
  warm_mags=$mags; warm_mns=$refresh_mns
else
  warm_mags=4; warm_mns=100
fi
warm=("$pmip" sim --lmaa "127.0.0.1:$udp" --mags "$warm_mags" --mns "$warm_mns" --rate "$warm_rate"
    --duration "$warm_seconds" --drain 60 --tag warm)
echo "## warm-up (not counted): \`${warm[*]:1}\`" >> "$out"
echo >> "$out"
"${warm[@]}" 2>/dev/null | sed -n '1,3p' | sed 's/^/    /' >> "$out" || echo "    (warm-up failed)" >> "$out"
echo >> "$out"

for rate in $rates; do
  if [ "$mix" = refresh ]; then
    handoff=0; detach=0; mns=$refresh_mns
  else
    handoff=$(awk "BEGIN{print $rate/10}")
    detach=$(awk "BEGIN{print $rate/20}")
    mns=$(awk "BEGIN{n=int($rate*$duration/4/$mags); print (n<1?1:n)}")
  fi
  cmd=("$pmip" sim --lmaa "127.0.0.1:$udp" --transport udp --mags "$mags" --mns "$mns" --rate "$rate"
      --duration "$duration" --handoff-rate "$handoff" --detach-rate "$detach" --drain 20 --tag "r$rate"
      --echo-ceiling --report "$work/r$rate")
  echo "running ${cmd[*]:1}" >&2
  {
    echo "## \`ops/bin/pmip ${cmd[*]:1}\`"
    echo
    echo "load average before: $(cat /proc/loadavg)"
    echo
    "${cmd[@]}" 2>"$work/r$rate.err" | grep -v '^report:' | sed 's/^/    /' \
      || { echo "    (failed:)"; grep -v '^\s*at ' "$work/r$rate.err" | tail -5 | sed 's/^/    /'; }
    echo
    echo "load average after: $(cat /proc/loadavg)"
    echo
  } >> "$out"
  cp "$work/r$rate/sim-report.json" "$root/ops/benchmarks/$name-r$rate.json" 2>/dev/null || true
done
echo "uptime after: $(uptime)" >> "$out"
echo "results in $out" >&2
