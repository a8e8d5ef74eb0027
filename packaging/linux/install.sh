#!/bin/sh
# Installs this NetTune app image as the packages do: the image at /opt/nettune (where its AppCDS archive
# applies), the `nettune` command in /usr/local/bin. Run as root from the unpacked folder:  sudo ./install.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dest=${NETTUNE_PREFIX:-/opt/nettune}
bindir=${NETTUNE_BINDIR:-/usr/local/bin}
if [ "$here" != "$dest" ]; then
  rm -rf "$dest"
  mkdir -p "$(dirname "$dest")"
  cp -a "$here" "$dest"
fi
mkdir -p "$bindir"
ln -sf "$dest/bin/NetTune" "$bindir/nettune"
echo "NetTune installed in $dest; run: nettune (the GUI) or nettune --help (the command line)"
