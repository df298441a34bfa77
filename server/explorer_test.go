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

// TestExplorerQueriesValidate serves the explorer page and runs every
// GraphQL query it contains against the API, so a schema change that breaks
// the page fails here rather than in a browser.
func TestExplorerQueriesValidate(t *testing.T) {
	g := storetest.Fixture()
	st, err := inmem.New(g)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.New(server.DefaultConfig(), st, nil))
	defer srv.Close()

	resp, err := http.Get(srv.URL + "/explorer")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET /explorer: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}

	// Queries are JS template literals passed to gql(...) or held in a const.
	queries := regexp.MustCompile("(?s)`(query\\(.*?)`").FindAllSubmatch(page, -1)
	if len(queries) < 3 {
		t.Fatalf("found %d queries in the page, want search, detail and neighbourhood", len(queries))
	}
	anyID := g.Measures[0].ID
	for _, q := range queries {
		query := strings.ReplaceAll(string(q[1]), `\\`, `\`) // JS string escapes
		body, _ := json.Marshal(map[string]any{"query": query, "variables": map[string]any{"id": anyID, "q": "基金"}})
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
