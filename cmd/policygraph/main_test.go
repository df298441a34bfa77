package main

import (
	"os"
	"strings"
	"testing"
)

// TestMain clears the configuration this binary reads from the environment
// (POLICYGRAPH_*, NEO4J_*): CI exports NEO4J_URI for the Neo4j suites, and
// these tests must exercise the embedded default unless they set a variable
// themselves.
func TestMain(m *testing.M) {
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "POLICYGRAPH_") || strings.HasPrefix(name, "NEO4J_") {
			os.Unsetenv(name)
		}
	}
	os.Exit(m.Run())
}
