package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLoadReport(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"load", "--report"}, noEnv, &out, io.Discard); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	for _, want := range []string{"document doc:2023", "document doc:2025", "relationships:", "unplaced lines:", "errors: 0",
		"Amount=77", "Organisation=33", "HAS_AMOUNT=", "MENTIONS_ORG=",
		// 米国：CHIPS法（半導体関連投資に約7兆円） is a key message before any pillar.
		"000_69167627890d1468.txt:46: 7兆円 amount:2023:46:1"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}

// A seed dir with one bad document: the report still prints, names the
// file, and the command fails.
func TestLoadReportBadSeed(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join("..", "..", "seed")
	for _, f := range []string{"manifest.json", "000_69167627890d1468.txt"} {
		b, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f), b, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "001_35a8d6215b8ea1a0.txt"), []byte("bad\xff\n"), 0o644)
	var out bytes.Buffer
	err := run(context.Background(), []string{"load", "--report", "--seed", dir}, noEnv, &out, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "001_35a8d6215b8ea1a0.txt:1") {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(out.String(), "document doc:2023 (000_69167627890d1468.txt, 第2次中間整理, 3432 lines): ok") {
		t.Errorf("good document not reported as loaded:\n%s", out.String())
	}
}

func TestLoadNeedsMode(t *testing.T) {
	if err := run(context.Background(), []string{"load"}, noEnv, io.Discard, io.Discard); err == nil {
		t.Error("load without --report or --neo4j-uri succeeded")
	}
}

// The Neo4j mode takes its URI from the environment and reaches loadNeo4j
// (which fails: nothing listens on port 1).
func TestLoadNeo4jHook(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	err := run(ctx, []string{"load"}, envOf(map[string]string{"NEO4J_URI": "bolt://127.0.0.1:1"}), io.Discard, io.Discard)
	if err == nil {
		t.Fatal("load into a closed port succeeded")
	}
	if strings.Contains(err.Error(), "give --report or --neo4j-uri") {
		t.Errorf("NEO4J_URI was not read: %v", err)
	}
}

// The report is a dry run: a Neo4j URI in the environment does not turn it
// into a load (nothing listens on port 1, so a load would fail).
func TestLoadReportIgnoresNeo4jEnv(t *testing.T) {
	var out bytes.Buffer
	env := envOf(map[string]string{"NEO4J_URI": "bolt://127.0.0.1:1"})
	if err := run(context.Background(), []string{"load", "--report"}, env, &out, io.Discard); err != nil {
		t.Fatalf("load --report with NEO4J_URI set: %v", err)
	}
	if !strings.Contains(out.String(), "unplaced lines") {
		t.Errorf("no report printed:\n%s", out.String())
	}
}
