package policygraph_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/policygraph/policygraph/internal/corpustest"
	"github.com/policygraph/policygraph/server"
	"github.com/policygraph/policygraph/web"
)

var update = flag.Bool("update", false, "rewrite the outputs of the README examples")

// exampleRE matches a README example: a graphql block followed by the json
// block of its answer.
var exampleRE = regexp.MustCompile("(?s)```graphql\n(.*?)```\n\n```json\n(.*?)```")

// TestREADMEExamples runs every query of the README against the embedded
// data and checks that the README shows what the server answers.
func TestREADMEExamples(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, store := corpustest.Store(t)
	h := server.New(server.DefaultConfig(), store, nil)

	matches := exampleRE.FindAllSubmatchIndex(readme, -1)
	if len(matches) < 4 {
		t.Fatalf("README has %d examples, want the researcher questions (≥ 4)", len(matches))
	}
	// GraphiQL opens with the same questions.
	if len(web.Examples) != len(matches) {
		t.Errorf("web.Examples has %d queries, the README %d", len(web.Examples), len(matches))
	}
	for i, m := range matches {
		if i < len(web.Examples) && web.Examples[i].Query != string(readme[m[2]:m[3]]) {
			t.Errorf("web.Examples[%d] is not the README's example %d", i, i+1)
		}
	}
	var out bytes.Buffer
	last := 0
	for _, m := range matches {
		query := string(readme[m[2]:m[3]])
		want := string(readme[m[4]:m[5]])
		got := answer(t, h, query)
		if got != want && !*update {
			t.Errorf("README example\n%s\nanswers\n%s\nbut the README shows\n%s", query, got, want)
		}
		out.Write(readme[last:m[4]])
		out.WriteString(got)
		last = m[5]
	}
	out.Write(readme[last:])
	if *update {
		if err := os.WriteFile("README.md", out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func answer(t *testing.T, h http.Handler, query string) string {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("query %s: status %d: %s", query, rec.Code, rec.Body)
	}
	var resp struct {
		Data   json.RawMessage `json:"data"`
		Errors json.RawMessage `json:"errors"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		t.Fatal(err)
	}
	if len(resp.Errors) > 0 {
		t.Fatalf("query %s: errors %s", query, resp.Errors)
	}
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, resp.Data, "", "  "); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(pretty.String()) + "\n"
}
