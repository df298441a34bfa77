package web_test

import (
	"context"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/policygraph/policygraph/inmem"
	"github.com/policygraph/policygraph/loader"
	"github.com/policygraph/policygraph/seed"
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

// TestExplorerInChromium opens the explorer on the real corpus in headless
// Chromium, with a search and a focus node in the URL, and reads back the
// DOM the page built: the hit list, the drawn neighbourhood and the source
// panel.
func TestExplorerInChromium(t *testing.T) {
	bin := chromium(t)
	g, _, err := loader.LoadFS(seed.FS())
	if err != nil {
		t.Fatal(err)
	}
	st, err := inmem.New(g)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.New(server.DefaultConfig(), st, nil))
	defer srv.Close()

	const focus = "law:経済安全保障推進法"
	page := srv.URL + "/explorer#" + url.Values{"q": {"経済安全保障推進法"}, "id": {focus}}.Encode()
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	// The flags keep Chromium off the network (this machine has none) and
	// out of any existing profile.
	out, err := exec.CommandContext(ctx, bin,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), "--virtual-time-budget=15000", "--dump-dom", page,
	).Output()
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	dom := string(out)

	for _, want := range []string{
		`<li data-id="` + focus + `"`,               // the law is a search hit
		`class="node focus" transform=`,             // the neighbourhood is drawn around it
		`data-id="measure:2023:MISSION-3:32856455"`, // a measure citing it, one hop away
		`<code>` + focus + `</code>`,                // the detail panel shows the node
		`経済施策を一体的に講ずることによる安全保障の確保の推進に関する法律`, // with its aliases
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("the rendered page lacks %q", want)
		}
	}
	if n := strings.Count(dom, `<g class="node`); n < 5 {
		t.Errorf("%d nodes drawn, want the law and its citing measures", n)
	}
	// Errors show in the status line or the detail panel (the script's
	// own source holds the same class name, so match the elements).
	for _, bad := range []string{`id="status" class="err"`, `<section id="detail"><p class="err">`} {
		if i := strings.Index(dom, bad); i >= 0 {
			t.Errorf("the page shows an error: %.300s", dom[i:])
		}
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
