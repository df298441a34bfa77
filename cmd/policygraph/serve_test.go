package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeEndToEnd builds the real binary, serves on a free port, queries
// it, and stops it with SIGTERM.
func TestServeEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	if runtime.GOOS == "windows" {
		t.Skip("needs SIGTERM")
	}
	bin := filepath.Join(t.TempDir(), "policygraph")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "serve", "--addr", "127.0.0.1:0", "--log-format", "json")
	// The binary reads the real environment: keep the machine's own
	// configuration (CI exports NEO4J_URI) away from it.
	cmd.Env = append(withoutConfig(os.Environ()), "POLICYGRAPH_CORS_ORIGINS=https://app.example")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()

	lines := make(chan string)
	go func() {
		s := bufio.NewScanner(stdout)
		for s.Scan() {
			lines <- s.Text()
		}
		close(lines)
	}()
	var base string
	select {
	case line := <-lines:
		const prefix = "policygraph: serving on "
		if !strings.HasPrefix(line, prefix) {
			t.Fatalf("first line %q", line)
		}
		base = strings.TrimPrefix(line, prefix)
	case <-time.After(30 * time.Second):
		t.Fatalf("no URL printed; stderr:\n%s", stderr.String())
	}
	if !strings.HasPrefix(base, "http://127.0.0.1:") || strings.HasSuffix(base, ":0/") {
		t.Fatalf("URL %q", base)
	}

	body := `{"query":"{ stats { totalNodes } documents { id pillars { key } } }"}`
	req, _ := http.NewRequest(http.MethodPost, base+"graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/graphql-response+json")
	req.Header.Set("Origin", "https://app.example")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var got struct {
		Data struct {
			Stats     struct{ TotalNodes int }
			Documents []struct {
				ID      string
				Pillars []struct{ Key string }
			}
		}
		Errors []any
	}
	if err := json.Unmarshal(raw, &got); err != nil || resp.StatusCode != 200 || len(got.Errors) > 0 {
		t.Fatalf("query: %d %s %v", resp.StatusCode, raw, err)
	}
	if got.Data.Stats.TotalNodes == 0 || len(got.Data.Documents) != 2 || len(got.Data.Documents[0].Pillars) == 0 {
		t.Errorf("data = %+v", got.Data)
	}
	if resp.Header.Get("Access-Control-Allow-Origin") != "https://app.example" {
		t.Errorf("CORS from the environment not applied: %v", resp.Header)
	}
	for _, path := range []string{"healthz", "readyz", "metrics", ""} {
		r, err := http.Get(base + path)
		if err != nil || r.StatusCode != 200 {
			t.Errorf("GET /%s: %v %v", path, r, err)
		}
		if r != nil {
			r.Body.Close()
		}
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		for range lines {
		}
		done <- cmd.Wait()
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("exit: %v\nstderr:\n%s", err, stderr.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("did not stop on SIGTERM; stderr:\n%s", stderr.String())
	}
	logs := stderr.String()
	for _, want := range []string{`"msg":"http request"`, `"path":"/graphql"`, `"msg":"shutting down"`, `"msg":"stopped"`} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %s:\n%s", want, logs)
		}
	}
}

func TestServeFlags(t *testing.T) {
	env := map[string]string{
		"POLICYGRAPH_MAX_DEPTH":     "7",
		"POLICYGRAPH_TIMEOUT":       "3s",
		"POLICYGRAPH_INTROSPECTION": "false",
		"NEO4J_URI":                 "bolt://db:7687",
	}
	o, err := parseServeFlags([]string{"--addr", ":0", "--max-depth", "9", "--cors-origins", "https://a.example, https://b.example"}, envOf(env), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if o.addr != ":0" || o.cfg.MaxDepth != 9 || o.cfg.Timeout != 3*time.Second || o.cfg.Introspection || o.neo4j.URI != "bolt://db:7687" {
		t.Errorf("options = %+v", o)
	}
	if len(o.cfg.CORSOrigins) != 2 || o.cfg.CORSOrigins[1] != "https://b.example" {
		t.Errorf("cors = %q", o.cfg.CORSOrigins)
	}
	for _, bad := range [][]string{
		{"--log-format", "xml"},
		{"--neo4j-mode", "read-through"}, // removed: the error says so
		{"--neo4j-mode", "fast"},
		{"--gc-percent", "0"},
		{"--gc-percent", "-1"},
	} {
		if _, err := parseServeFlags(bad, noEnv, io.Discard); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
	if o, err := parseServeFlags([]string{"--neo4j-mode", "snapshot", "--gc-percent", "150"}, noEnv, io.Discard); err != nil || o.gcPercent != 150 {
		t.Errorf("--neo4j-mode snapshot --gc-percent 150: %+v, %v", o, err)
	}
	env["POLICYGRAPH_MAX_COMPLEXITY"] = "lots"
	if _, err := parseServeFlags(nil, envOf(env), io.Discard); err == nil {
		t.Error("bad environment value accepted")
	}
}

// TestServeNeo4jDown serves from a Neo4j that is not there: the server
// starts anyway, /readyz says 503 and queries fail with UNAVAILABLE (not a
// hang, not a leak of driver details), and it stops cleanly.
func TestServeNeo4jDown(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	errc := make(chan error, 1)
	// A short retry window: the driver gives up on the closed port at once.
	args := []string{"serve", "--addr", "127.0.0.1:0", "--neo4j-uri", "bolt://127.0.0.1:1", "--neo4j-password", "x",
		"--timeout", "20s", "--neo4j-retry-time", "100ms"}
	go func() { errc <- run(ctx, args, noEnv, pw, io.Discard); pw.Close() }()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "policygraph: serving on http://127.0.0.1:") {
		t.Fatalf("line %q %v", line, err)
	}
	go io.Copy(io.Discard, pr)
	base := strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(line, "policygraph: serving on ")), "/")

	resp, err := http.Get(base + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("/readyz with Neo4j down: %d, want 503", resp.StatusCode)
	}

	resp, err = http.Post(base+"/graphql", "application/json", strings.NewReader(`{"query":"{ documents { id } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		Errors []struct {
			Message    string
			Extensions struct{ Code string }
		}
	}
	err = json.NewDecoder(resp.Body).Decode(&out)
	resp.Body.Close()
	if err != nil || len(out.Errors) == 0 || out.Errors[0].Extensions.Code != "UNAVAILABLE" {
		t.Errorf("query with Neo4j down: %v %+v, want UNAVAILABLE", err, out.Errors)
	} else if strings.Contains(out.Errors[0].Message, "127.0.0.1:1") {
		t.Errorf("error leaks the connection details: %q", out.Errors[0].Message)
	}

	cancel()
	select {
	case err := <-errc:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not return after cancel")
	}
}

func TestServeBadSeed(t *testing.T) {
	err := run(context.Background(), []string{"serve", "--seed", filepath.Join(t.TempDir(), "missing"), "--addr", "127.0.0.1:0"}, noEnv, io.Discard, io.Discard)
	if err == nil {
		t.Error("serve with a missing seed directory succeeded")
	}
}

func TestServeRunsUntilCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	errc := make(chan error, 1)
	go func() {
		errc <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0"}, noEnv, pw, io.Discard)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "policygraph: serving on http://127.0.0.1:") {
		t.Fatalf("line %q %v", line, err)
	}
	go io.Copy(io.Discard, pr)
	cancel()
	select {
	case err := <-errc:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not return after cancel")
	}
}

func TestServeSeedWithNeo4jRefused(t *testing.T) {
	err := run(context.Background(), []string{"serve", "--seed", t.TempDir(), "--neo4j-uri", "bolt://127.0.0.1:1", "--addr", "127.0.0.1:0"}, noEnv, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "--seed cannot be combined") {
		t.Errorf("serve --seed --neo4j-uri: %v", err)
	}
}

// withoutConfig drops the variables policygraph reads (POLICYGRAPH_*,
// NEO4J_*) from env.
func withoutConfig(env []string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, "POLICYGRAPH_") && !strings.HasPrefix(kv, "NEO4J_") {
			out = append(out, kv)
		}
	}
	return out
}
