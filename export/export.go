// Package export writes a policy graph as a property-graph JSON document,
// as GraphML for tools such as Gephi, as a Cypher script that recreates
// it in an empty Neo4j, and as CSV files in the layout neo4j-admin's
// importer reads (one per label and relationship type, zipped; csv.go),
// which pandas, R and spreadsheets open too. Output is deterministic: nodes
// and relationships in the graph's order, properties by key.
package export

import (
	"fmt"
	"sort"

	"github.com/policygraph/policygraph"
)

// node is one node in export form.
type node struct {
	ID     string
	Label  string
	Props  map[string]any
	Entity policygraph.Entity
}

// nodes returns the graph's nodes with their properties (policygraph.Properties)
// and checks that ids are unique and every relationship joins two of them.
func nodes(g *policygraph.Graph) ([]node, map[string]string, error) {
	var out []node
	labelOf := map[string]string{}
	for _, e := range g.Entities() {
		id := e.NodeID()
		if id == "" {
			return nil, nil, fmt.Errorf("export: %s node without id", e.Label())
		}
		if _, dup := labelOf[id]; dup {
			return nil, nil, fmt.Errorf("export: duplicate node id %s", id)
		}
		props, err := policygraph.Properties(e)
		if err != nil {
			return nil, nil, fmt.Errorf("export: %w", err)
		}
		labelOf[id] = e.Label()
		out = append(out, node{ID: id, Label: e.Label(), Props: props, Entity: e})
	}
	for _, r := range g.Relationships {
		if labelOf[r.Start] == "" || labelOf[r.End] == "" {
			return nil, nil, fmt.Errorf("export: relationship %s joins unknown nodes", r.ID)
		}
	}
	return out, labelOf, nil
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
