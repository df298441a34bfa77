package neo4jstore

import (
	"fmt"
	"slices"
	"strings"

	neo4jdriver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/policygraph/policygraph"
)

// Internal property names. Everything prefixed pg_ is ours, never a domain
// property (domain properties are camelCase json names).
const (
	propDoc         = "pg_doc"         // owning document id (absent on Law, Fund, Organisation)
	propYear        = "pg_year"        // owning document's year
	propFingerprint = "pg_fingerprint" // on Document: hash of the loaded subgraph
	internalPrefix  = "pg_"
	baseLabel       = "PolicyNode" // every node has it, besides its domain label
)

// validLabel reports whether l is one of the fixed domain labels, the only
// strings ever interpolated into Cypher as labels.
func validLabel(l string) bool { return slices.Contains(policygraph.Labels, l) }

// validRelType reports whether t is one of the fixed relationship types.
func validRelType(t string) bool { return slices.Contains(policygraph.RelTypes, t) }

// nodeProps returns the Neo4j property map of a node: the domain properties
// plus the internal ones.
func nodeProps(e policygraph.Entity, docID string, year int) (map[string]any, error) {
	props, err := policygraph.Properties(e)
	if err != nil {
		return nil, err
	}
	for k := range props {
		if strings.HasPrefix(k, internalPrefix) {
			return nil, fmt.Errorf("node %s: property %q clashes with the store's internal prefix", e.NodeID(), k)
		}
	}
	if docID != "" {
		props[propDoc] = docID
		props[propYear] = int64(year)
	}
	return props, nil
}

// entityFromNode converts a Neo4j node back to its domain value.
func entityFromNode(n neo4jdriver.Node) (policygraph.Entity, error) {
	label := ""
	for _, l := range n.Labels {
		if validLabel(l) {
			label = l
			break
		}
	}
	if label == "" {
		return nil, fmt.Errorf("node %s has no policygraph label (labels %v)", n.ElementId, n.Labels)
	}
	props := make(map[string]any, len(n.Props))
	for k, v := range n.Props {
		if !strings.HasPrefix(k, internalPrefix) {
			props[k] = v
		}
	}
	return policygraph.EntityFromProperties(label, props)
}

// relProps returns the Neo4j properties of a relationship: its domain
// properties plus its id.
func relProps(r *policygraph.Relationship) map[string]any {
	props := make(map[string]any, len(r.Properties)+1)
	for k, v := range r.Properties {
		switch v := v.(type) {
		case int:
			props[k] = int64(v)
		default:
			props[k] = v
		}
	}
	props["id"] = r.ID
	return props
}

// relFromNeo4j converts a relationship read back with its end node ids.
func relFromNeo4j(r neo4jdriver.Relationship, start, end string) *policygraph.Relationship {
	out := &policygraph.Relationship{Type: r.Type, Start: start, End: end}
	props := map[string]any{}
	for k, v := range r.Props {
		if k == "id" {
			out.ID, _ = v.(string)
			continue
		}
		props[k] = fromNeo4jValue(v)
	}
	out.Properties = relPropsOut(props)
	return out
}

// fromNeo4jValue maps Neo4j's value types back to the domain's: integers are
// int (what the loader and inmem hold), floats float64, strings string.
func fromNeo4jValue(v any) any {
	switch v := v.(type) {
	case int64:
		return int(v)
	default:
		return v
	}
}

// relPropsOut is the shape of an empty property map (nil or empty) that the
// other stores return.
func relPropsOut(props map[string]any) map[string]any {
	if len(props) == 0 {
		return emptyRelProps()
	}
	return props
}

func emptyRelProps() map[string]any { return nil }

// get reads a typed value of a record.
func get[T any](rec *neo4jdriver.Record, key string) (T, error) {
	v, ok := rec.Get(key)
	if !ok {
		var zero T
		return zero, fmt.Errorf("record has no %q", key)
	}
	t, ok := v.(T)
	if !ok {
		var zero T
		if v == nil {
			return zero, nil
		}
		return zero, fmt.Errorf("record %q is %T, want %T", key, v, zero)
	}
	return t, nil
}

// nodeOf reads a node column as a domain entity; nil for a null column.
func nodeOf(rec *neo4jdriver.Record, key string) (policygraph.Entity, error) {
	v, ok := rec.Get(key)
	if !ok {
		return nil, fmt.Errorf("record has no %q", key)
	}
	if v == nil {
		return nil, nil
	}
	n, ok := v.(neo4jdriver.Node)
	if !ok {
		return nil, fmt.Errorf("record %q is %T, want a node", key, v)
	}
	return entityFromNode(n)
}

// nodesOf reads a column holding a list of nodes.
func nodesOf(rec *neo4jdriver.Record, key string) ([]policygraph.Entity, error) {
	list, err := get[[]any](rec, key)
	if err != nil {
		return nil, err
	}
	out := make([]policygraph.Entity, 0, len(list))
	for _, v := range list {
		n, ok := v.(neo4jdriver.Node)
		if !ok {
			return nil, fmt.Errorf("record %q holds %T, want nodes", key, v)
		}
		e, err := entityFromNode(n)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// typed converts entities to one concrete type.
func typed[T policygraph.Entity](es []policygraph.Entity) ([]T, error) {
	out := make([]T, 0, len(es))
	for _, e := range es {
		t, ok := e.(T)
		if !ok {
			return nil, fmt.Errorf("node %s is a %s", e.NodeID(), e.Label())
		}
		out = append(out, t)
	}
	return out, nil
}
