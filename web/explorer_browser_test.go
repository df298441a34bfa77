package web_test

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/policygraph/policygraph/internal/corpustest"
	"github.com/policygraph/policygraph/server"
	"github.com/policygraph/policygraph/web"
)

// envRequireBrowser turns the skip (no Chromium on this machine) into a
// failure; CI sets it.
const envRequireBrowser = "POLICYGRAPH_REQUIRE_BROWSER"

func chromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests are skipped under -short")
	}
	for _, name := range []string{os.Getenv("POLICYGRAPH_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "no Chromium found (apt-get install chromium, or set POLICYGRAPH_CHROMIUM)"
	if os.Getenv(envRequireBrowser) == "1" {
		t.Fatal(msg + "; " + envRequireBrowser + "=1 requires it")
	}
	t.Skip(msg)
	return ""
}

// TestExplorerInChromium runs web/test/explorer.test.mjs: playwright-core
// drives the explorer in this machine's Chromium, on the real corpus, as a
// researcher would (search, open a hit, a fund's pillars in both editions,
// a 再掲 to its original, back and forward, expand and collapse, filters,
// 2023 DX beside 2025 DX, a path avoiding hubs, exports, a 390 px phone),
// asserting on the page's state against the API's answers. Screenshots and
// exports go to $POLICYGRAPH_ARTIFACTS (default: a temporary directory).
// node_modules comes from `npm ci` in web/test.
func TestExplorerInChromium(t *testing.T) {
	bin := chromium(t)
	node, err := exec.LookPath("node")
	if _, statErr := os.Stat(filepath.Join("test", "node_modules", "playwright-core", "package.json")); err != nil || statErr != nil {
		msg := "node or web/test/node_modules missing (install Node.js, then: cd web/test && npm ci)"
		if os.Getenv(envRequireBrowser) == "1" {
			t.Fatal(msg + "; " + envRequireBrowser + "=1 requires it")
		}
		t.Skip(msg)
	}
	_, st := corpustest.Store(t)
	srv := httptest.NewServer(server.New(server.DefaultConfig(), st, nil))
	defer srv.Close()

	artifacts := os.Getenv("POLICYGRAPH_ARTIFACTS")
	if artifacts == "" {
		artifacts = t.TempDir()
	} else if artifacts, err = filepath.Abs(filepath.Join(artifacts, t.Name())); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "explorer.test.mjs")
	cmd.Dir = "test"
	cmd.Env = append(os.Environ(), "EXPLORER_BASE="+srv.URL, "CHROMIUM="+bin, "ARTIFACTS="+artifacts)
	out, err := cmd.CombinedOutput()
	t.Logf("node explorer.test.mjs (artifacts in %s):\n%s", artifacts, out)
	if err != nil {
		t.Fatalf("explorer test: %v", err)
	}
}

// TestGraphiQLOffline opens / in headless Chromium with every host but
// this one unresolvable: GraphiQL renders from the binary's own assets,
// with the README's examples in its tabs and a link to the explorer.
func TestGraphiQLOffline(t *testing.T) {
	bin := chromium(t)
	srv := httptest.NewServer(server.New(server.DefaultConfig(), nil, nil))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, bin,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
		"--user-data-dir="+t.TempDir(), "--virtual-time-budget=15000", "--dump-dom", srv.URL+"/",
	).Output()
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	dom := string(out)
	for _, want := range []string{`class="graphiql-container"`, `href="/explorer"`, `graphiql-tab`} {
		if !strings.Contains(dom, want) {
			t.Errorf("the rendered page lacks %q", want)
		}
	}
	if n := strings.Count(dom, `graphiql-tab-button`); n < len(web.Examples) {
		t.Errorf("%d tabs, want one per README example (%d)", n, len(web.Examples))
	}
	if strings.Contains(dom, `<div id="graphiql">Loading…</div>`) {
		t.Errorf("GraphiQL did not start: %.2000s", dom)
	}
}
