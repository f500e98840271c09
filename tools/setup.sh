#!/bin/sh
# Installs the Debian 12 packages origo needs to build, test and run programs
# for amd64 and (under qemu) arm64. Installs only what is missing.
set -e
PKGS="cmake ninja-build ccache re2c bison python3 \
  llvm-19-dev clang-19 lld-19 liblld-19-dev llvm-19-tools libclang-19-dev libclang-rt-19-dev \
  libgtest-dev googletest libgmp-dev libtcmalloc-minimal4 \
  golang-1.19-src golang-1.19-go \
  chromium \
  qemu-user libc6-dev-arm64-cross g++-aarch64-linux-gnu binutils-aarch64-linux-gnu"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "origo setup: installing$missing"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
