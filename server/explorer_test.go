package server_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/policygraph/policygraph/inmem"
	"github.com/policygraph/policygraph/server"
	"github.com/policygraph/policygraph/storetest"
)

// TestExplorerQueriesValidate serves the explorer page and its script and
// runs every GraphQL query of the script against the API, so a schema change
// that breaks the page fails here rather than in a browser.
func TestExplorerQueriesValidate(t *testing.T) {
	g := storetest.Fixture()
	st, err := inmem.New(g)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.New(server.DefaultConfig(), st, nil))
	defer srv.Close()

	get := func(path, wantType string) []byte {
		t.Helper()
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), wantType) {
			t.Fatalf("GET %s: %d %s", path, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self';") {
			t.Errorf("GET %s: CSP %q lets other scripts run", path, csp)
		}
		return body
	}
	page := get("/explorer", "text/html")
	for _, src := range regexp.MustCompile(`<script src="([^"]+)"`).FindAllSubmatch(page, -1) {
		get(string(src[1]), "text/javascript")
	}
	script := get("/explorer/explorer.js", "text/javascript")

	// Queries are JS template literals held in consts; ${NAME} pastes in
	// another const (a fragment or a field list).
	consts := map[string]string{}
	for _, m := range regexp.MustCompile("(?s)const (\\w+) = `(.*?)`;").FindAllSubmatch(script, -1) {
		consts[string(m[1])] = strings.ReplaceAll(string(m[2]), `\\`, `\`) // JS string escapes
	}
	paste := regexp.MustCompile(`\$\{(\w+)\}`)
	var queries []string
	for name, q := range consts {
		if !strings.HasPrefix(q, "query ") {
			continue
		}
		q = paste.ReplaceAllStringFunc(q, func(ref string) string {
			v, ok := consts[ref[2:len(ref)-1]]
			if !ok {
				t.Errorf("%s pastes in an unknown const %s", name, ref)
			}
			return v
		})
		queries = append(queries, q)
	}
	if len(queries) < 7 {
		t.Fatalf("found %d queries in the script, want overview, search, detail, neighbourhood, paths, dependencies and comparison", len(queries))
	}
	vars := map[string]any{"id": g.Measures[0].ID, "q": "基金", "from": g.Measures[0].ID, "to": g.Measures[1].ID,
		"maxHops": 4, "avoid": []string{"DOCUMENT"},
		// The exports' sources: a node from text and one without a source.
		"ids": []string{g.Measures[0].ID, g.Laws[0].ID}}
	for _, query := range queries {
		vars["from"], vars["to"] = g.Measures[0].ID, g.Measures[1].ID
		switch {
		case strings.HasPrefix(query, "query Compare("), strings.HasPrefix(query, "query CompareMore("):
			// editionDiff of the fixture's two editions, for one pillar.
			vars["id"], vars["from"], vars["to"] = g.Pillars[0].ID, g.Documents[0].ID, g.Documents[1].ID
		case strings.HasPrefix(query, "query Compare"):
			vars["id"] = g.Pillars[0].ID
		case strings.HasPrefix(query, "query Deps"):
			vars["id"] = g.Laws[0].ID
		case strings.HasPrefix(query, "query DocMeasures"):
			vars["id"] = g.Documents[0].ID
		default:
			vars["id"] = g.Measures[0].ID
		}
		body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
		resp, err := http.Post(srv.URL+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		var out struct {
			Data   map[string]json.RawMessage `json:"data"`
			Errors []struct{ Message string } `json:"errors"`
		}
		err = json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		if err != nil || len(out.Errors) > 0 || len(out.Data) == 0 {
			t.Errorf("explorer query\n%s\nfailed: %v %+v", query, err, out.Errors)
		}
	}
}
