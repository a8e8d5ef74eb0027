#!/usr/bin/env bash
# Builds a NetTune installer for this OS with the JDK's jpackage (17+):
#   packaging/jpackage.sh            -> target/dist/ (app image, and a .deb on Debian/Ubuntu)
# Windows (.msi) and macOS (.dmg) packages must be built on those systems; the script picks the type.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\).*:\1:p' pom.xml | head -1)
jar=target/nettune.jar
# A trimmed runtime: only the modules NetTune uses, plus the EC crypto SSH needs and java.net.http.
modules=$(jdeps --ignore-missing-deps --multi-release 17 --print-module-deps "$jar" 2>/dev/null || echo java.base,java.desktop,java.sql,java.naming,java.management,jdk.unsupported)
modules="$modules,jdk.crypto.ec,java.net.http,jdk.crypto.cryptoki,java.scripting"
rm -rf target/dist target/jpackage-input
mkdir -p target/dist target/jpackage-input
cp "$jar" target/jpackage-input/
common=(--name NetTune --app-version "$version" --vendor NetTune
        --input target/jpackage-input --main-jar nettune.jar --main-class dev.nettune.Main
        --add-modules "$modules" --jlink-options "--strip-debug --no-man-pages --no-header-files"
        --dest target/dist)
case "$(uname -s)" in
  Linux)
    icon=(--icon assets/icons/nettune.png)
    [ -f assets/icons/nettune.png ] || icon=()
    jpackage --type app-image "${common[@]}" "${icon[@]}"
    if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
      # JavaFX loads GTK 3 at run time; jpackage cannot see that dependency.
      jpackage --type deb "${common[@]}" "${icon[@]}" --linux-package-deps libgtk-3-0 --linux-shortcut --linux-menu-group Network
    fi ;;
  Darwin) jpackage --type dmg "${common[@]}" ;;
  MINGW*|MSYS*|CYGWIN*) jpackage --type msi "${common[@]}" --win-menu --win-shortcut ;;
esac
ls -la target/dist
