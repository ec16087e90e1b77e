#!/bin/sh
# The demo: a fresh workspace from the samples, then every candidate form into out/.
set -e
TUIJIE=${1:-build/src/app/tuijie}
echo "demo: $TUIJIE"
