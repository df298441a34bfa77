package integration

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	neo4jdriver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/export"
	"github.com/policygraph/policygraph/neo4jstore"
)

// checkCypherExport runs `policygraph export --format cypher` of the corpus
// in an EMPTY Neo4j (a fresh container) and checks that it recreates the
// graph: every node with its labels and exact properties, every
// relationship with its type. It leaves the database empty again.
func checkCypherExport(t *testing.T, cfg neo4jstore.Config) {
	ctx := t.Context()
	g := corpus(t)
	var script bytes.Buffer
	if err := export.Cypher(&script, g); err != nil {
		t.Fatal(err)
	}
	drv, err := neo4jdriver.NewDriverWithContext(cfg.URI, neo4jdriver.BasicAuth(cfg.User, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer drv.Close(context.Background())
	query := func(cypher string) []*neo4jdriver.Record {
		t.Helper()
		res, err := neo4jdriver.ExecuteQuery(ctx, drv, cypher, nil, neo4jdriver.EagerResultTransformer,
			neo4jdriver.ExecuteQueryWithDatabase(cfg.Database))
		if err != nil {
			t.Fatalf("%.200s: %v", cypher, err)
		}
		return res.Records
	}
	defer func() {
		query("MATCH (n) DETACH DELETE n")
		for _, r := range query("SHOW CONSTRAINTS YIELD name RETURN name") {
			name, _ := r.Get("name")
			query("DROP CONSTRAINT `" + name.(string) + "`")
		}
	}()

	// Statements end with ';' at the end of a line; string literals never
	// hold a raw newline (the exporter escapes it), so this split is exact.
	n := 0
	for _, stmt := range strings.SplitAfter(script.String(), ";\n") {
		var body []string
		for _, line := range strings.Split(stmt, "\n") {
			if !strings.HasPrefix(strings.TrimSpace(line), "//") {
				body = append(body, line)
			}
		}
		if s := strings.TrimSuffix(strings.TrimSpace(strings.Join(body, "\n")), ";"); s != "" {
			query(s)
			n++
		}
	}
	t.Logf("ran %d statements of the Cypher export", n)

	// Every node: its single domain label and its properties, compared as
	// JSON so that Neo4j's int64/[]any and the domain's int/[]string meet.
	want := map[string]string{}
	for _, e := range g.Entities() {
		props, err := policygraph.Properties(e)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(map[string]any{"labels": []string{e.Label()}, "props": props})
		want[e.NodeID()] = string(b)
	}
	got := map[string]string{}
	for _, r := range query("MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props") {
		id, _ := r.Get("id")
		labels, _ := r.Get("labels")
		props, _ := r.Get("props")
		b, _ := json.Marshal(map[string]any{"labels": labels, "props": props})
		got[id.(string)] = string(b)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("nodes recreated by the Cypher export (-graph +neo4j):\n%.3000s", diff)
	}

	wantRels := map[string]string{}
	for _, r := range g.Relationships {
		props := map[string]any{"id": r.ID} // the export keeps relationship ids
		for k, v := range r.Properties {
			props[k] = v
		}
		b, _ := json.Marshal(props)
		wantRels[r.Type+" "+r.Start+" "+r.End] = string(b)
	}
	gotRels := map[string]string{}
	for _, r := range query("MATCH (a)-[r]->(b) RETURN type(r) AS t, a.id AS a, b.id AS b, properties(r) AS p") {
		typ, _ := r.Get("t")
		a, _ := r.Get("a")
		b, _ := r.Get("b")
		p, _ := r.Get("p")
		js, _ := json.Marshal(p)
		gotRels[typ.(string)+" "+a.(string)+" "+b.(string)] = string(js)
	}
	if diff := cmp.Diff(wantRels, gotRels); diff != "" {
		t.Errorf("relationships recreated by the Cypher export (-graph +neo4j):\n%.3000s", diff)
	}
}
