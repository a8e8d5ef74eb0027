#!/usr/bin/env bash
# Measures NetTune's start: from launching the process to its first window being mapped on an X display.
# Runs under its own Xvfb (Debian: xvfb, x11-utils), N runs (default 5), prints each and the median in ms.
#   packaging/measure-startup.sh                      # README's run command: java @packaging/jvm.options -jar target/nettune.jar
#                                                     # (with its AppCDS archive, target/nettune.jsa, if present)
#   packaging/measure-startup.sh -- /opt/nettune/bin/NetTune    # any launcher, e.g. an installed package
#   RUNS=9 packaging/measure-startup.sh               # more runs
#   JAVA_OPTS="-XX:TieredStopAtLevel=1" packaging/measure-startup.sh   # the jar with more JVM options
# Each run gets an empty, throw-away HOME so no saved settings or hosts change what is measured.
# The window is seen by an X event, not by polling: xev, listening on the root window, prints a MapNotify the
# moment the window is mapped (xdotool's --sync polls only every half second, which rounded every figure to it,
# and spawning a poller every 10 ms costs the CPU the measured start needs on a small machine).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
if [ "${1:-}" = "--" ]; then shift; cmd=("$@"); else
  jar=target/nettune.jar
  [ -f "$jar" ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }
  cds=()
  [ -f target/nettune.jsa ] && cds=(-XX:SharedArchiveFile=target/nettune.jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
  # README's run command: the archive and packaging/jvm.options; JAVA_OPTS adds (or overrides) options to try.
  cmd=(java "${cds[@]}" @packaging/jvm.options ${JAVA_OPTS:-} -jar "$jar")
fi
for tool in Xvfb xev xprop stdbuf; do
  command -v $tool >/dev/null || { echo "needs $tool (apt-get install xvfb x11-utils coreutils)" >&2; exit 2; }
done
[ -n "${EPOCHREALTIME:-}" ] || { echo "needs bash 5 (EPOCHREALTIME)" >&2; exit 2; }
now_us() { local t=${EPOCHREALTIME/[.,]/}; echo "$t"; }
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
# One listener for all runs: each top-level window mapped on this display is one line "MapNotify ... window 0x...".
coproc XEV { DISPLAY=$display exec stdbuf -oL xev -root -event substructure; }
xev=$XEV_PID
exec {events}<&"${XEV[0]}"
trap 'kill $xev $xvfb 2>/dev/null || true' EXIT
sleep 1   # xev has selected the root window's events before the first launch
times=()
cpus=()
tick=$(getconf CLK_TCK)
for i in $(seq "$runs"); do
  home=$(mktemp -d)
  while read -r -t 0.05 -u "$events" _; do :; done   # what the previous run left
  start=$(now_us)
  DISPLAY=$display HOME=$home XDG_CONFIG_HOME=$home/.config JAVA_TOOL_OPTIONS="-Duser.home=$home" "${cmd[@]}" >/dev/null 2>&1 &
  pid=$!
  end=
  deadline=$((SECONDS + 30))
  while [ $SECONDS -lt $deadline ] && read -r -t 30 -u "$events" line; do
    case $line in
      MapNotify*)
        at=$(now_us)
        # CPU time the process had used when its window appeared: on a busy machine wall time mostly
        # measures the other processes, while this still shows what start-up itself costs.
        read -r ut st < <(awk '{print $14, $15}' "/proc/$pid/stat" 2>/dev/null || echo "0 0")
        read -r -t 5 -u "$events" line2 || true
        win=$(sed -n 's/.* window \(0x[0-9a-f]*\),.*/\1/p' <<<"$line2")
        if [ -n "$win" ] && DISPLAY=$display xprop -id "$win" WM_NAME 2>/dev/null | grep -q NetTune; then
          end=$at; break
        fi ;;
    esac
  done
  if [ -n "$end" ]; then
    ms=$(( (end - start) / 1000 )); times+=("$ms")
    cpu=$(( (ut + st) * 1000 / tick )); cpus+=("$cpu")
    echo "run $i: ${ms} ms (process CPU ${cpu} ms; load $(cut -d' ' -f1 /proc/loadavg))"
  else
    echo "run $i: no window within 30 s" >&2
  fi
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  rm -rf "$home"
done
[ ${#times[@]} -gt 0 ] || exit 1
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median of ${#times[@]}: $(printf '%s\n' "${times[@]}" | median) ms to the first window" \
  "(process CPU $(printf '%s\n' "${cpus[@]}" | median) ms; load average now $(cut -d' ' -f1-3 /proc/loadavg))"
