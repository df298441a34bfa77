package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// fake serves canned GraphQL answers: the first entry whose key occurs in
// the request's query.
func fake(t *testing.T, answers map[string]string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Query string `json:"query"`
		}
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		for k, v := range answers {
			if strings.Contains(body.Query, k) {
				w.Header().Set("Content-Type", "application/json")
				_, _ = w.Write([]byte(v))
				return
			}
		}
		http.Error(w, "no canned answer for "+body.Query, http.StatusBadRequest)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func testConfig(t *testing.T) config {
	return config{connections: 2, timeout: 5 * time.Second, diffDir: t.TempDir(), verifyEvery: 1}
}

func agree(t *testing.T, shapeName string, pg, peer map[string]string) bool {
	t.Helper()
	cfg := testConfig(t)
	a, err := newServer("B", "pg", fake(t, pg), flavourPG, cfg)
	if err != nil {
		t.Fatal(err)
	}
	d, err := newServer("C", "peer", fake(t, peer), flavourPeer, cfg)
	if err != nil {
		t.Fatal(err)
	}
	_, ok := checkAll(context.Background(), cfg, []*server{a, d}, []*shape{shapeByName(shapeName)})
	return ok
}

func TestS3LawsAreASetButTheirContentCounts(t *testing.T) {
	pg := map[string]string{"measure(": `{"data":{"measure":{"id":"m1","title":"T","status":"PAST","source":{"lineStart":7},
		"laws":[{"id":"law:a","name":"A","aliases":["a"]},{"id":"law:b","name":"B","aliases":[]}]}}}`}
	for _, tc := range []struct {
		name string
		laws string
		want bool
	}{
		{"same, other order", `[{"id":"law:b","name":"B","aliases":[]},{"id":"law:a","name":"A","aliases":["a"]}]`, true},
		{"a law missing", `[{"id":"law:a","name":"A","aliases":["a"]}]`, false},
		{"another name", `[{"id":"law:a","name":"A2","aliases":["a"]},{"id":"law:b","name":"B","aliases":[]}]`, false},
		{"another alias", `[{"id":"law:a","name":"A","aliases":[]},{"id":"law:b","name":"B","aliases":[]}]`, false},
	} {
		peer := map[string]string{"measures(": `{"data":{"measures":[{"id":"m1","title":"T","status":"PAST","lineStart":7,"laws":` + tc.laws + `}]}}`}
		if got := agree(t, "S3", pg, peer); got != tc.want {
			t.Errorf("%s: agree = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestS1MeasureOrderCounts(t *testing.T) {
	pg := map[string]string{"pillars": `{"data":{"pillars":[{"id":"p1","measures":{"nodes":[
		{"id":"m1","title":"one","laws":[],"funds":[{"id":"fund:x","name":"X"}]},
		{"id":"m2","title":"two","laws":[],"funds":[]}]}}]}}`}
	same := map[string]string{"pillars": `{"data":{"pillars":[{"id":"p1","measures":[
		{"id":"m1","title":"one","laws":[],"funds":[{"id":"fund:x","name":"X"}]},
		{"id":"m2","title":"two","laws":[],"funds":[]}]}]}}`}
	swapped := map[string]string{"pillars": `{"data":{"pillars":[{"id":"p1","measures":[
		{"id":"m2","title":"two","laws":[],"funds":[]},
		{"id":"m1","title":"one","laws":[],"funds":[{"id":"fund:x","name":"X"}]}]}]}}`}
	if !agree(t, "S1", pg, same) {
		t.Error("equal answers reported as different")
	}
	if agree(t, "S1", pg, swapped) {
		t.Error("measures in another order reported as equal")
	}
}

func TestS5RebuildsTheNeighbourhood(t *testing.T) {
	pg := map[string]string{
		"search(": `{"data":{"search":[{"node":{"__typename":"Fund","id":"fund:f"}},{"node":{"__typename":"Measure","id":"m9"}}]}}`,
		"neighbourhood(": `{"data":{"neighbourhood":{"truncated":false,"nodes":[{"id":"fund:f"},{"id":"m1"},{"id":"m2"},{"id":"t1"}],
			"edges":[{"type":"USES_FUND","source":"m1","target":"fund:f"},{"type":"USES_FUND","source":"m2","target":"fund:f"},
			{"type":"USES_FUND","source":"t1","target":"fund:f"},{"type":"RELISTS","source":"m2","target":"m1"}]}}}`,
	}
	peer := func(relistOf string) map[string]string {
		return map[string]string{
			"fundsFulltext(": `{"data":{"fundsFulltext":{"edges":[{"node":{"id":"fund:f"}}]}}}`,
			"funds(where": `{"data":{"funds":[{"id":"fund:f","measures":[
				{"id":"m1","relistOf":null,"evolvesFrom":[{"id":"outside"}]},
				{"id":"m2","relistOf":` + relistOf + `,"evolvesFrom":[]}],"targets":[{"id":"t1"}]}]}}`,
		}
	}
	if !agree(t, "S5", pg, peer(`{"id":"m1"}`)) {
		t.Error("equal neighbourhoods reported as different")
	}
	if agree(t, "S5", pg, peer(`null`)) {
		t.Error("a missing RELISTS edge reported as equal")
	}
}

func TestOnlyLoopback(t *testing.T) {
	cfg := testConfig(t)
	for _, u := range []string{"http://localhost:8080", "http://10.0.0.1:8080", "https://127.0.0.1:8080", "http://127.0.0.1", "http://u:p@127.0.0.1:1"} {
		if _, err := newServer("X", "x", u, flavourPG, cfg); err == nil {
			t.Errorf("%s accepted", u)
		}
	}
}
