#!/bin/sh
# Installs the Debian 12 packages tuijie needs to build, test and run, when any is missing.
# As root it runs apt-get; otherwise it prints the command to run.
set -e
PACKAGES="cmake make g++ pkg-config
libhpdf-dev libdeflate-dev libpoco-dev libsqlite3-dev catch2 libharfbuzz-dev libicu-dev libfreetype-dev
libjpeg62-turbo-dev libpng-dev libexif-dev libqrencode-dev
fonts-arphic-uming fonts-wqy-microhei fonts-dejavu-core fonts-lxgw-wenkai fonts-hanazono
fonts-droid-fallback
poppler-utils qpdf python3"

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
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing
else
  echo "tuijie: missing Debian packages. Run as root:" >&2
  echo "  apt-get update && apt-get install -y$missing" >&2
  exit 1
fi
