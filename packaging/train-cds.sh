#!/usr/bin/env bash
# Makes target/nettune.jsa, the AppCDS archive for `java -jar target/nettune.jar` (README's run command): one
# training run under a throw-away Xvfb that draws the first frame and the start screen, then exits
# (-Dnettune.exitAfterStartScreen=true); the classes it loaded are kept already parsed and verified. The archive
# is only valid for this jar named by this same path: run it and the app from the project folder with the jar
# written as target/nettune.jar (an absolute /.../target/nettune.jar is another class path to the JVM, which
# then ignores the archive), and make it again after each package. Run commands that name it with
# -Xshare:auto and -Xlog:cds=off fall back silently to a normal start when it is missing or stale.
#   packaging/train-cds.sh            # after ./mvnw -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/nettune.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }
command -v Xvfb >/dev/null || { echo "needs Xvfb (apt-get install xvfb)" >&2; exit 2; }
display=:$((300 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
home=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$home"' EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
rm -f target/nettune.jsa
# An empty HOME: the start screen of a first launch (Welcome), no saved hosts or settings of whoever trains it.
# The run command's own options (packaging/jvm.options), so the training loads what a real start loads.
DISPLAY=$display HOME=$home timeout 120 java @packaging/jvm.options -XX:ArchiveClassesAtExit=target/nettune.jsa -Xlog:cds=off \
  -Xlog:cds+dynamic=off -Duser.home="$home" -Dnettune.exitAfterStartScreen=true -jar "$jar" >/dev/null 2>&1
[ -s target/nettune.jsa ] || { echo "training run made no archive" >&2; exit 1; }
echo "AppCDS archive: $(du -h target/nettune.jsa | cut -f1) in target/nettune.jsa"
