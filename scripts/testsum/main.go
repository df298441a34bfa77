// Command testsum reads `go test -json` on stdin and prints what `go test`
// prints (the result line of each package, the output of failed tests),
// then the tests that skipped, grouped by their reason, so that suites
// needing a service (Neo4j, a container engine, Chromium) never skip
// unnoticed: `go test ./...` alone shows no output of a passing package.
//
//	go test -json ./... | go run ./scripts/testsum
//
// It exits 1 when a test or a package failed, or when the input has no
// test result at all.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// event is one line of `go test -json` (cmd/test2json).
type event struct {
	Action  string
	Package string
	Test    string
	Output  string
	Elapsed float64
}

type testKey struct{ pkg, test string }

func main() {
	failed, err := summarize(os.Stdin, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "testsum:", err)
		os.Exit(1)
	}
	if failed {
		os.Exit(1)
	}
}

// summarize copies the result lines and failures from r to w and appends
// the skipped tests; failed is true when anything failed.
func summarize(r io.Reader, w io.Writer) (failed bool, err error) {
	output := map[testKey][]string{}
	skipped := map[string][]string{} // reason → package.Test
	results := 0
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var e event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			// Not JSON: a build error printed by the go command.
			fmt.Fprintln(w, sc.Text())
			failed = true
			continue
		}
		k := testKey{e.Package, e.Test}
		switch e.Action {
		case "build-output": // a compile error (go 1.24+), keyed by ImportPath
			fmt.Fprint(w, e.Output)
			continue
		case "build-fail":
			failed = true
			continue
		case "output":
			if e.Test == "" {
				// Package-level lines: keep go test's own result lines.
				line := strings.TrimRight(e.Output, "\n")
				if strings.HasPrefix(line, "ok  ") || strings.HasPrefix(line, "FAIL") || strings.HasPrefix(line, "?   ") ||
					strings.HasPrefix(line, "panic:") || strings.HasPrefix(line, "# ") {
					fmt.Fprintln(w, line)
				} else {
					output[k] = append(output[k], e.Output)
				}
				continue
			}
			output[k] = append(output[k], e.Output)
		case "skip":
			if e.Test != "" && !strings.Contains(e.Test, "/") {
				reason := skipReason(output[k])
				skipped[reason] = append(skipped[reason], shortPkg(e.Package)+"."+e.Test)
			}
			delete(output, k)
		case "pass":
			results++
			delete(output, k)
		case "fail":
			results++
			failed = true
			if e.Test != "" {
				fmt.Fprint(w, strings.Join(output[k], ""))
			} else if len(output[k]) > 0 {
				fmt.Fprint(w, strings.Join(output[k], ""))
			}
			delete(output, k)
		}
	}
	if err := sc.Err(); err != nil {
		return true, err
	}
	if results == 0 {
		return true, fmt.Errorf("no test results in the input")
	}
	if len(skipped) > 0 {
		reasons := make([]string, 0, len(skipped))
		n := 0
		for r, ts := range skipped {
			reasons = append(reasons, r)
			n += len(ts)
		}
		sort.Strings(reasons)
		fmt.Fprintf(w, "\n%d tests skipped:\n", n)
		for _, r := range reasons {
			ts := skipped[r]
			sort.Strings(ts)
			fmt.Fprintf(w, "- %s\n  (%d: %s)\n", r, len(ts), abbreviate(ts, 4))
		}
	}
	return failed, nil
}

// skipReason is the message of t.Skip in a skipped test's output (the
// lines the test logged, without their file:line prefix).
func skipReason(lines []string) string {
	var msg []string
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "=== ") || strings.HasPrefix(l, "--- ") {
			continue
		}
		if _, after, ok := strings.Cut(l, ".go:"); ok {
			if _, rest, ok := strings.Cut(after, ": "); ok {
				l = rest
			}
		}
		msg = append(msg, l)
	}
	if len(msg) == 0 {
		return "(no reason given)"
	}
	// The reason is what the test said last (t.Skip); earlier lines are
	// logs on the way.
	return msg[len(msg)-1]
}

func shortPkg(p string) string {
	return strings.TrimPrefix(p, "github.com/policygraph/policygraph/")
}

func abbreviate(xs []string, n int) string {
	if len(xs) <= n {
		return strings.Join(xs, ", ")
	}
	return strings.Join(xs[:n], ", ") + fmt.Sprintf(" and %d more", len(xs)-n)
}
