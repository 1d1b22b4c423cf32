#!/usr/bin/env bash
# CPU seconds of the LMA and of Cassandra while `pmip bench lma` registers 10,000 bindings, and a 12 s
# JFR profile (settings=profile) of the LMA in that phase.
# Usage: mkdir -p /tmp/tb; ops/benchmarks/lma-cpu-probe.sh NAME, with a Cassandra on 127.0.0.1:9042
# (pmip cassandra start) and the build in place; results in /tmp/tb/NAME.{md,log,jfr}. PROBE_JFR=0: no profile.
# Extra LMA configuration lines: PROBE_LMA_CONFIG.
cd "$(dirname "$0")/../.."
mkdir -p /tmp/tb
name=${1:-prof1}
log=/tmp/tb/$name.log
PMIP_CASSANDRA_JOURNAL_KEYSPACE=j_$name PMIP_CASSANDRA_SNAPSHOT_KEYSPACE=s_$name PMIP_CASSANDRA_PROJECTION_KEYSPACE=p_$name \
PMIP_SKIP_BUILD=1 PMIP_CASSANDRA_CONTACT_POINTS=127.0.0.1:9042 \
ops/bin/pmip bench lma --journal cassandra --mns 10000 --mags 20 --concurrency 64 --raw-rows 20000 ${PROBE_LMA_CONFIG:+--lma-config "$PROBE_LMA_CONFIG"} --out /tmp/tb/$name.md > $log 2>&1 &
bench=$!
cass=$(pgrep -f CassandraDaemon | head -1)
ticks() { awk '{print $14+$15}' /proc/$1/stat; }
until grep -q "registering 10000" $log; do sleep 0.2; kill -0 $bench 2>/dev/null || exit 1; done
lma=$(pgrep -f "io.pmip.ops.Pmip lma" | head -1)
l0=$(ticks $lma); c0=$(ticks $cass); t0=$(date +%s.%N)
[ "${PROBE_JFR:-1}" = 0 ] || jcmd $lma JFR.start name=reg settings=profile duration=12s filename=/tmp/tb/$name.jfr > /dev/null
# Sampled until the result is in: the bench stops the LMA right after it.
l1=$l0; c1=$c0; t1=$t0
until grep -q "LMA registrations" $log /tmp/tb/$name.md 2>/dev/null; do
  l=$(ticks $lma 2>/dev/null) || break
  l1=$l; c1=$(ticks $cass); t1=$(date +%s.%N)
  sleep 0.2
done
wait $bench
hz=$(getconf CLK_TCK)
echo "registration phase: wall $(echo "$t1 - $t0" | bc) s; LMA cpu $(echo "scale=2; ($l1-$l0)/$hz" | bc) s; Cassandra cpu $(echo "scale=2; ($c1-$c0)/$hz" | bc) s (10,000 registrations)"
grep -h "LMA registrations" /tmp/tb/$name.md
