package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/policygraph/policygraph/internal/corpustest"
)

// TestExportAround: export --around ID --depth N writes the neighbourhood
// the API answers for neighbourhood(id, depth), in every format: the JSON's
// nodes and relationships are the store's, the GraphML parses and holds each
// node, and the Cypher script MERGEs each of them.
func TestExportAround(t *testing.T) {
	_, s := corpustest.Store(t)
	for _, tc := range []struct {
		id    string
		depth int
	}{
		{"fund:特定半導体基金", 1},
		{"fund:グリーンイノベーション基金", 2},
		{"law:GX推進法", 0},
		{"measure:2023:OS-5:78cf9189", 1},
	} {
		want, err := s.Neighbourhood(context.Background(), tc.id, tc.depth, 0)
		if err != nil {
			t.Fatal(err)
		}
		var wantNodes, wantRels []string
		for _, n := range want.Nodes {
			wantNodes = append(wantNodes, n.NodeID())
		}
		for _, r := range want.Relationships {
			wantRels = append(wantRels, r.ID)
		}
		slices.Sort(wantNodes)
		slices.Sort(wantRels)
		export := func(t *testing.T, format string) []byte {
			t.Helper()
			var out, errb bytes.Buffer
			args := []string{"export", "--format", format, "--around", tc.id, "--depth", strconv.Itoa(tc.depth)}
			if err := run(context.Background(), args, noEnv, &out, &errb); err != nil {
				t.Fatalf("%v: %v\n%s", args, err, errb.String())
			}
			return out.Bytes()
		}
		t.Run(tc.id, func(t *testing.T) {
			var doc struct {
				Nodes         []struct{ ID string } `json:"nodes"`
				Relationships []struct{ ID string } `json:"relationships"`
			}
			if err := json.Unmarshal(export(t, "json"), &doc); err != nil {
				t.Fatal(err)
			}
			var gotNodes, gotRels []string
			for _, n := range doc.Nodes {
				gotNodes = append(gotNodes, n.ID)
			}
			for _, r := range doc.Relationships {
				gotRels = append(gotRels, r.ID)
			}
			slices.Sort(gotNodes)
			slices.Sort(gotRels)
			if !slices.Equal(gotNodes, wantNodes) || !slices.Equal(gotRels, wantRels) {
				t.Errorf("json: nodes %v rels %v, want %v %v", gotNodes, gotRels, wantNodes, wantRels)
			}
			var gm struct {
				Graph struct {
					Nodes []struct {
						ID string `xml:"id,attr"`
					} `xml:"node"`
					Edges []struct{} `xml:"edge"`
				} `xml:"graph"`
			}
			if err := xml.Unmarshal(export(t, "graphml"), &gm); err != nil {
				t.Fatalf("graphml: %v", err)
			}
			if len(gm.Graph.Nodes) != len(wantNodes) || len(gm.Graph.Edges) != len(wantRels) {
				t.Errorf("graphml: %d nodes, %d edges; want %d, %d", len(gm.Graph.Nodes), len(gm.Graph.Edges), len(wantNodes), len(wantRels))
			}
			cy := string(export(t, "cypher"))
			for _, id := range wantNodes {
				if !strings.Contains(cy, "{id: '"+id+"', props:") {
					t.Errorf("cypher: no node %s", id)
				}
			}
		})
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"unknown id", []string{"--around", "fund:nope"}, `no node "fund:nope"`},
		{"depth beyond the API's", []string{"--around", "doc:2023", "--depth", "5"}, "depth"},
		{"depth without around", []string{"--depth", "2"}, "--depth needs --around"},
		{"limit 0", []string{"--around", "doc:2023", "--limit", "0"}, "--limit 0: at least 1"},
		{"limit beyond the API's", []string{"--around", "doc:2023", "--limit", "501"}, "limit 501: at most 500"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			err := run(context.Background(), append([]string{"export"}, tc.args...), noEnv, &out, &errb)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to say %q", err, tc.want)
			}
		})
	}
}
