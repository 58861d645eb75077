#!/bin/sh
# The whole benchmark in one command (see bench/README.md): bench/run.sh [--quick] [options]
cd "$(dirname "$0")/.." || exit 1
exec .venv/bin/python -m bench.run "$@"
