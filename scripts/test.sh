#!/usr/bin/env bash
# The README's test command: go test on every package (extra flags pass
# through, e.g. -count=1 -race), then the tests that skipped, grouped by
# reason (the reason says how to run them). Plain `go test ./...` runs the
# same tests but prints nothing of a passing package, skips included.
set -uo pipefail
cd "$(dirname "$0")/.."
go test -json "$@" ./... | go run ./scripts/testsum
