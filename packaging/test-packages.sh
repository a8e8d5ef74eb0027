#!/usr/bin/env bash
# Builds NetTune's Linux packages (packaging/jpackage.sh) and inspects them as a user's machine would see them:
# the app image and its archive, the .deb and the .rpm each put `nettune` on the PATH, carry a desktop entry and
# icons, and declare the libraries JavaFX needs. As root, each package is really installed and removed, inside
# a private mount namespace whose /usr, /opt, /var and /etc are overlays: the machine keeps nothing of it.
# Not part of ./mvnw verify (it takes a few minutes); run it by hand or in a packaging job:
#   packaging/test-packages.sh            # build, then check
#   SKIP_PACKAGE=1 packaging/test-packages.sh   # check what target/dist holds
set -uo pipefail
cd "$(dirname "$0")/.."
[ -n "${SKIP_PACKAGE:-}" ] || bash packaging/jpackage.sh || { echo "FAIL: packaging/jpackage.sh"; exit 1; }
passed=0; failed=0
check() {   # check "what" command...
  local what=$1; shift
  if "$@" >/tmp/nettune-pkgcheck.out 2>&1; then passed=$((passed + 1)); echo "ok   $what"
  else failed=$((failed + 1)); echo "FAIL $what"; grep -v 'Reading database\|Unpacking\|Preparing to unpack\|Selecting previously\|Setting up\|Processing triggers' /tmp/nettune-pkgcheck.out | sed 's/^/     /' | tail -15; fi
}
seed_hash=(rss hash -t 10.0.0.251 -r 10.0.0.1 -T 18042 -R 26000 --equal 64
  -k 69:e8:7c:56:bf:03:9f:63:d7:c5:e5:96:b3:00:36:93:02:8c:d2:8f:cc:a9:00:65:fd:c8:94:71:5f:fd:c8:de:7a:30:a9:73:b3:33:0c:c6)
app=target/dist/NetTune
check "app image: bin/nettune runs the CLI (the seed's flow lands in queue 53)" \
  bash -c "'$app/bin/nettune' ${seed_hash[*]} | grep -E '^queue: +53 '"
check "app image: an AppCDS archive trained at /opt/nettune" test -s "$app/lib/app/nettune.jsa"
archive=$(ls target/dist/nettune-*-linux-x64.tar.gz 2>/dev/null | head -1)
check "archive: install.sh, the launcher and the nettune link" \
  bash -c "tar -tzf '$archive' | grep -qx 'NetTune/install.sh' && tar -tzf '$archive' | grep -qx 'NetTune/bin/NetTune' && tar -tzf '$archive' | grep -qx 'NetTune/bin/nettune'"

# Runs "$@" as root in a throw-away copy of the system (overlays over /usr /opt /var /etc).
in_overlay() {
  local t; t=$(mktemp -d)
  unshare --mount --propagation private bash -c '
    t=$1; shift
    for d in usr opt var etc; do
      mkdir -p "$t/$d-up" "$t/$d-work"
      mount -t overlay overlay -o "lowerdir=/$d,upperdir=$t/$d-up,workdir=$t/$d-work" "/$d"
    done
    "$@"' _ "$t" "$@"
  local rc=$?; rm -rf "$t"; return $rc
}
installed_journey() {   # installer remover: install, find nettune on the PATH, run the CLI, find the desktop entry, remove
  local install=$1 remove=$2
  $install || return 1
  command -v nettune || { echo "nettune is not on the PATH"; return 1; }
  nettune "${seed_hash[@]}" | grep -E '^queue: +53 ' || return 1
  # The archive was trained for this jar: the JVM refuses it silently when the jar's size or time differ.
  JAVA_TOOL_OPTIONS=-Xlog:class+load nettune --help 2>/dev/null | grep -q 'dev.nettune.Main source: shared objects file (top)' \
    || { echo "the installed AppCDS archive is not used (the jar differs from the one it was trained with)"; return 1; }
  [ -f /usr/share/applications/nettune-NetTune.desktop ] || { echo "no desktop entry in /usr/share/applications"; return 1; }
  grep -q '^Exec=/opt/nettune/bin/NetTune' /opt/nettune/lib/*.desktop || { echo "desktop entry does not start NetTune"; return 1; }
  ls /opt/nettune/lib/*.png >/dev/null || { echo "no icon"; return 1; }
  $remove || return 1
  hash -r
  ! command -v nettune || { echo "nettune still on the PATH after removal"; return 1; }
  [ ! -e /usr/share/applications/nettune-NetTune.desktop ] || { echo "desktop entry left after removal"; return 1; }
}
# Debian's rpm resolves no dependencies: the ones Debian has under other names come from apt first.
# Its database lives in the caller's home on Debian, outside the overlays: a throw-away one is used.
rpm_install() { apt-get install -y -qq xdg-utils libgtk-3-0 >/dev/null && rpm --dbpath /var/tmp/nettune-rpmdb -i --nodeps "$1"; }
export -f installed_journey rpm_install
export seed_hash_s="${seed_hash[*]}"

deb=$(ls target/dist/nettune_*.deb 2>/dev/null | head -1)
if [ -n "$deb" ]; then
  check ".deb: declares libgtk-3-0 and the X/GL libraries JavaFX loads" \
    bash -c "dpkg-deb -f '$deb' Depends | grep -q libgtk-3-0 && dpkg-deb -f '$deb' Depends | grep -q libgl1 && dpkg-deb -f '$deb' Depends | grep -q libxtst6"
  check ".deb: the app, its desktop entry and its icon under /opt/nettune" \
    bash -c "dpkg-deb -c '$deb' | grep -q './opt/nettune/bin/NetTune$' && dpkg-deb -c '$deb' | grep -q 'nettune-NetTune.desktop' && dpkg-deb -c '$deb' | grep -q 'opt/nettune/lib/NetTune.png'"
  if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null; then
    check ".deb: installed, nettune on the PATH runs from the AppCDS archive, desktop entry present; removed, nettune gone" \
      in_overlay bash -c "seed_hash=(\$seed_hash_s); installed_journey 'apt-get install -y -qq $(realpath "$deb")' 'apt-get remove -y -qq nettune'"
  else echo "skip .deb install journey: needs root and unshare"; fi
else echo "skip .deb: none built (dpkg-deb or fakeroot missing)"; fi

rpm=$(ls target/dist/nettune-*.rpm 2>/dev/null | head -1)
if [ -n "$rpm" ]; then
  check ".rpm: requires gtk3 and the X/GL libraries" bash -c "rpm -qpR '$rpm' | grep -q gtk3 && rpm -qpR '$rpm' | grep -q mesa-libGL"
  check ".rpm: /usr/bin/nettune links to the launcher" bash -c "rpm -qplv '$rpm' | grep -q '/usr/bin/nettune -> /opt/nettune/bin/NetTune'"
  if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null; then
    check ".rpm: installed, nettune on the PATH runs from the AppCDS archive, desktop entry present; removed, nettune gone" \
      in_overlay bash -c "seed_hash=(\$seed_hash_s); installed_journey 'rpm_install $rpm' 'rpm --dbpath /var/tmp/nettune-rpmdb -e --nodeps nettune'"
  else echo "skip .rpm install journey: needs root and unshare"; fi
else echo "skip .rpm: none built (rpmbuild missing)"; fi

echo "packages: $passed passed, $failed failed"
[ "$failed" = 0 ]
