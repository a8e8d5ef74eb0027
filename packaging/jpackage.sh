#!/usr/bin/env bash
# Builds NetTune's installable packages with the JDK's jpackage (17+). On Linux, into target/dist/:
#   NetTune/                          the app image (bin/NetTune, a trimmed runtime, lib/app/nettune.jar)
#   nettune-VERSION-linux-x64.tar.gz  that image as an archive, with install.sh (-> /opt/nettune, /usr/local/bin/nettune)
#   nettune_VERSION_amd64.deb         when dpkg-deb and fakeroot are present
#   nettune-VERSION-1.x86_64.rpm      when rpmbuild is present
# Every package puts a `nettune` command on the PATH (GUI with no argument, the CLI with arguments), a desktop
# entry and icons, and declares the libraries JavaFX loads at run time (jpackage cannot see them: they are
# inside the jar). Each carries an AppCDS archive trained at its install path, /opt/nettune, so the first
# window comes up faster; training needs root (a private mount namespace over /opt) and Xvfb, and is
# skipped with a note where they are missing. Windows (.msi) and macOS (.dmg) need their own OS: see
# packaging/README.md and .ci/installers.yml.
#   SKIP_BUILD=1 packaging/jpackage.sh     reuse target/nettune.jar
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${SKIP_BUILD:-}" ] && [ -f target/nettune.jar ] || ./mvnw -q -B -ntp -DskipTests package
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\).*:\1:p' pom.xml | head -1)
jar=target/nettune.jar
# A trimmed runtime: only the modules NetTune uses, plus the EC crypto SSH needs and java.net.http.
modules=$(jdeps --ignore-missing-deps --multi-release 17 --print-module-deps "$jar" 2>/dev/null || echo java.base,java.desktop,java.sql,java.naming,java.management,jdk.unsupported)
modules="$modules,jdk.crypto.ec,java.net.http,jdk.crypto.cryptoki,java.scripting"
description="Set up and tune Alibaba Cloud ECS networking: ENI, conntrack timeouts, custom RSS, kernel, NIC queues"
rm -rf target/dist target/jpackage-input
mkdir -p target/dist target/jpackage-input
cp "$jar" target/jpackage-input/
icon=()
[ -f assets/icons/nettune.png ] && icon=(--icon assets/icons/nettune.png)
common=(--name NetTune --app-version "$version" --vendor NetTune --description "$description" --dest target/dist)
image=(--input target/jpackage-input --main-jar nettune.jar --main-class dev.nettune.Main
       --add-modules "$modules" --jlink-options "--strip-debug --no-man-pages --no-header-files --generate-cds-archive"
       # The AppCDS archive is used when it matches (installed at /opt/nettune); elsewhere it is silently ignored.
       --java-options '-XX:SharedArchiveFile=$APPDIR/nettune.jsa' --java-options -Xshare:auto
       --java-options '-Xlog:cds*=off' --java-options '-Xlog:cds+dynamic=off')
# The JVM options README's run command uses, each with its reason in packaging/jvm.options (comments dropped).
while read -r opt; do image+=(--java-options "$opt"); done < <(sed 's/#.*//' packaging/jvm.options | tr -s ' \t' '\n' | grep .)

# Runs the image once at /opt/nettune (inside a private mount namespace, so nothing installed is touched): it draws
# its first frame and the start screen and exits by itself (-Dnettune.exitAfterStartScreen=true), and that clean
# exit writes the classes it loaded as lib/app/nettune.jsa (a killed JVM writes no archive).
train_cds() {
  local app=$1
  if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null || ! command -v Xvfb >/dev/null; then
    echo "note: no AppCDS archive (training needs root, unshare and Xvfb); the packages still work, they start slower" >&2
    return 0
  fi
  unshare --mount --propagation private bash -s "$app" <<'TRAIN'
set -euo pipefail
app=$(realpath "$1")
mount -t tmpfs nettune-cds /opt
cp -a "$app" /opt/nettune
# A dump needs the base archive, which a SharedArchiveFile naming the (not yet existing) top archive would hide.
sed -i '/SharedArchiveFile/d' /opt/nettune/lib/app/NetTune.cfg
display=:$((200 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
home=$(mktemp -d)
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
DISPLAY=$display HOME=$home JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=/opt/nettune/lib/app/nettune.jsa -Duser.home=$home -Dnettune.exitAfterStartScreen=true" \
  timeout 120 /opt/nettune/bin/NetTune >/dev/null 2>&1 || echo "training run ended with status $?" >&2
kill "$xvfb" || true
rm -rf "$home"
[ -s /opt/nettune/lib/app/nettune.jsa ] || { echo "training run made no archive" >&2; exit 1; }
cp /opt/nettune/lib/app/nettune.jsa "$app/lib/app/nettune.jsa"
TRAIN
  echo "AppCDS archive: $(du -h "$app/lib/app/nettune.jsa" | cut -f1) in $app/lib/app/nettune.jsa"
}

case "$(uname -s)" in
  Linux)
    jpackage --type app-image "${common[@]}" "${image[@]}" "${icon[@]}"
    app=target/dist/NetTune
    # The launcher's own name is NetTune; engineers type nettune.
    ln -s NetTune "$app/bin/nettune"
    train_cds "$app"
    # A CDS archive is valid only for a jar with the very size and modification time it was trained with, and
    # jpackage copies the image with a new time into the .deb and .rpm (the archive was silently ignored there).
    # The packages put the time back at install: the .rpm in its spec, the .deb in its postinst.
    jar_mtime=$(stat -c %Y "$app/lib/app/nettune.jar")
    rm -rf target/jpackage-resources; mkdir -p target/jpackage-resources
    cp -r packaging/linux/deb packaging/linux/rpm target/jpackage-resources/
    sed -i "s/@JAR_MTIME@/$jar_mtime/g" target/jpackage-resources/deb/* target/jpackage-resources/rpm/*
    cp packaging/linux/install.sh "$app/install.sh"
    tar -C target/dist -czf "target/dist/nettune-$version-linux-x64.tar.gz" NetTune
    # Libraries JavaFX 21's GTK glass and Prism load at run time.
    deps="libgtk-3-0, libglib2.0-0, libx11-6, libxtst6, libxxf86vm1, libgl1, libfreetype6, libfontconfig1"
    linux=(--linux-package-name nettune --linux-shortcut --linux-menu-group "Network;System" --linux-app-category net
)
    if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
      jpackage --type deb "${common[@]}" --app-image "$app" "${icon[@]}" "${linux[@]}" \
        --linux-package-deps "$deps" --resource-dir target/jpackage-resources/deb
    fi
    if command -v rpmbuild >/dev/null; then
      rpmdeps="gtk3, glib2, libX11, libXtst, libXxf86vm, mesa-libGL, freetype, fontconfig"
      jpackage --type rpm "${common[@]}" --app-image "$app" "${icon[@]}" "${linux[@]}" \
        --linux-package-deps "$rpmdeps" --resource-dir target/jpackage-resources/rpm
    fi ;;
  Darwin)
    # macOS wants an .icns: made from the same PNG with the system's own sips and iconutil.
    set_dir=target/NetTune.iconset; mkdir -p "$set_dir"
    for size in 16 32 64 128 256 512; do
      sips -z $size $size assets/icons/nettune.png --out "$set_dir/icon_${size}x${size}.png" >/dev/null
    done
    iconutil -c icns "$set_dir" -o target/NetTune.icns
    jpackage --type dmg "${common[@]}" "${image[@]}" --icon target/NetTune.icns ;;
  MINGW*|MSYS*|CYGWIN*)
    # --win-console keeps the CLI's output in the terminal that started it; the GUI opens as usual.
    jpackage --type msi "${common[@]}" "${image[@]}" --win-menu --win-shortcut --win-console --win-dir-chooser \
      --win-upgrade-uuid 5b0d1c2e-7f8a-4e57-9a54-5c1f0e9d2b6a ;;
esac
ls -la target/dist
