#!/usr/bin/env bash
# Java's Toeplitz hash against a table-driven C one, in the same run on the same machine:
# compiles src/jmh/c/toeplitz_bench.c with gcc, runs it, then the matching JMH benchmarks.
# usage (after ./mvnw -Pbench -DskipTests package): bash src/jmh/toeplitz-vs-c.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
gcc -O2 -march=native -o "$out/toeplitz_bench" "$here/c/toeplitz_bench.c"
# The same loops on both sides by each thread's CPU clock (on a busy machine, preemption counts on neither side);
# Java prints each loop's ratio to the C figure of the run just before it. Twice, to see the noise.
for run in 1 2; do
  "$out/toeplitz_bench" | tee "$out/c.txt"
  java -cp "$root/target/benchmarks.jar" dev.nettune.bench.ToeplitzCpuTime - < "$out/c.txt"
done
# The ratios to quote on a busy machine: each Java pass paired with a C run of the same loop just before it.
java -cp "$root/target/benchmarks.jar" dev.nettune.bench.ToeplitzCpuTime --paired "$out/toeplitz_bench"
# Wall-clock JMH figures of the same loops (preemption counts here).
java -jar "$root/target/benchmarks.jar" -f 1 -wi 3 -w 1 -i 5 -r 1 'ToeplitzBenchmark.ipv[46]FourTuple(OneDestination)?(Wide)?Loop'
