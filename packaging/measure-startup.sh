#!/usr/bin/env bash
# Measures NetTune's start: from launching the process to its first window being mapped on an X display.
# Runs under its own Xvfb (Debian: xvfb, xdotool), N runs (default 5), prints each and the median in ms.
#   packaging/measure-startup.sh                      # java -jar target/nettune.jar (with its AppCDS archive if present)
#   packaging/measure-startup.sh -- /opt/nettune/bin/NetTune    # any launcher, e.g. an installed package
# Each run gets an empty, throw-away HOME so no saved settings or hosts change what is measured.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
if [ "${1:-}" = "--" ]; then shift; cmd=("$@"); else
  jar=target/nettune.jar
  [ -f "$jar" ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }
  cds=()
  [ -f target/nettune.jsa ] && cds=(-XX:SharedArchiveFile=target/nettune.jsa -Xshare:auto)
  cmd=(java "${cds[@]}" -jar "$jar")
fi
for tool in Xvfb xdotool; do command -v $tool >/dev/null || { echo "needs $tool (apt-get install xvfb xdotool)" >&2; exit 2; }; done
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
times=()
cpus=()
tick=$(getconf CLK_TCK)
for i in $(seq "$runs"); do
  home=$(mktemp -d)
  start=$(date +%s%N)
  DISPLAY=$display HOME=$home XDG_CONFIG_HOME=$home/.config JAVA_TOOL_OPTIONS="-Duser.home=$home" "${cmd[@]}" >/dev/null 2>&1 &
  pid=$!
  # --sync waits until a visible window named NetTune exists: the first frame is on screen.
  if DISPLAY=$display timeout 30 xdotool search --sync --onlyvisible --name NetTune >/dev/null 2>&1; then
    end=$(date +%s%N); ms=$(( (end - start) / 1000000 )); times+=("$ms")
    # CPU time the process had used when its window appeared: on a busy machine wall time mostly measures
    # the other processes, while this still shows what start-up itself costs.
    read -r ut st < <(awk '{print $14, $15}' "/proc/$pid/stat" 2>/dev/null || echo "0 0")
    cpu=$(( (ut + st) * 1000 / tick )); cpus+=("$cpu")
    echo "run $i: ${ms} ms (process CPU ${cpu} ms; load $(cut -d' ' -f1 /proc/loadavg))"
  else
    echo "run $i: no window within 30 s" >&2
  fi
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  rm -rf "$home"
done
[ ${#times[@]} -gt 0 ] || exit 1
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
cpu_median=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median of ${#times[@]}: ${median} ms to the first window (process CPU ${cpu_median} ms; load average now $(cut -d' ' -f1-3 /proc/loadavg))"
