#!/bin/sh
# Installs the Debian 12 packages tuijie needs to build, test and run, when any is missing.
# As root it runs apt-get; otherwise it prints the command to run and exits 1.
set -eu

# clang and libclang-rt-14-dev: the sanitizer build, libFuzzer and ThreadSanitizer (make
# sanitize, fuzz, tsan).
PACKAGES="cmake make g++ pkg-config clang libclang-rt-14-dev sqlite3
libhpdf-dev libdeflate-dev libpoco-dev libsqlite3-dev catch2 libharfbuzz-dev libicu-dev libfreetype-dev
libjpeg62-turbo-dev libpng-dev libexif-dev libqrencode-dev libqpdf-dev
fonts-arphic-uming fonts-wqy-microhei fonts-dejavu-core fonts-lxgw-wenkai fonts-hanazono
fonts-droid-fallback fonts-noto-cjk
poppler-utils qpdf python3"

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "tuijie: not a Debian system; install the equivalents of these packages:" >&2
  echo "  $(echo $PACKAGES)" >&2
  exit 1
fi

missing=""
for p in $PACKAGES; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  case "$status" in
    *"install ok installed"*) ;;
    *) missing="$missing $p" ;;
  esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
  echo "tuijie: installing Debian packages:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086  # one word per package
  apt-get install -y -qq --no-install-recommends $missing
else
  echo "tuijie: missing Debian packages:$missing" >&2
  echo "Run as root (e.g. with sudo), then run make again:" >&2
  echo "  apt-get update && apt-get install -y --no-install-recommends$missing" >&2
  exit 1
fi
