#!/usr/bin/env bash
# .ci/browser.sh: make sure Debian's chromium is installed, for the browser
# tests of query/web, and print the path of its binary on standard output
# (apt's own output goes to standard error), so that .ci/run can do
#
#	ACTORGRAPH_CHROMIUM=$(bash .ci/browser.sh) && export ACTORGRAPH_CHROMIUM
#
# CI runs as root with Debian's package registry reachable. The tests run
# chromium headless with --no-sandbox; it fetches nothing from the network.
set -euo pipefail

if ! command -v chromium >/dev/null 2>&1; then
	echo "installing Debian's chromium" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	apt-get install -y -qq chromium >&2
fi

bin=$(command -v chromium)
"$bin" --version >&2
echo "$bin"
