// Package graphtest derives test queries from the GraphQL schema itself, so
// that every field is exercised on its own and under a list without anyone
// writing a test for it: a field added to schema/ is covered by the next run.
package graphtest

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/policygraph/policygraph"
)

// Query is one generated query and what it covers.
type Query struct {
	Name  string // Type.field/alone, Type.field/nested, Query.field
	Query string
}

// IDs names a real node per label (Pillar, Measure …), and the arguments
// the root fields with required arguments are called with.
type IDs map[string]string

// ArgValues are literal values for required root arguments, by argument
// name: id, from, to, ids, query. A required argument missing here is an
// error, so a new root field cannot slip through untested.
type ArgValues map[string]string // argument name, or field.argument for one root field

// CorpusArgs are values for the required root arguments that name real
// nodes of the embedded corpus (seed/).
var CorpusArgs = ArgValues{
	"id":    `"pillar:2023:MISSION-2"`,
	"ids":   `["pillar:2023:MISSION-2", "law:独占禁止法", "nope"]`,
	"from":  `"law:経済安全保障推進法"`,
	"to":    `"pillar:2025:OS-2"`,
	"query": `"半導体"`,
	// editionDiff compares two documents.
	"editionDiff.from": `"doc:2023"`,
	"editionDiff.to":   `"doc:2025"`,
}

// subDepth is how many nodes deep the generated selection reaches below the
// field under test. Wrapper types (LawMention, PillarUse, connections …) do
// not count, so LawMention.law.id and PillarUse.mentions.node.id are
// selected; below the last node level only its id.
const subDepth = 1

// maxWrappers bounds chains of wrapper types.
const maxWrappers = 6

// Queries returns, for every field of every object type implementing Node,
// a query reaching it alone through node(id:) and one reaching it under a
// root list, and for every root field a query of it with the default
// arguments (required ones from args).
func Queries(s *ast.Schema, ids IDs, args ArgValues) ([]Query, error) {
	var out []Query
	var types []string
	for name, def := range s.Types {
		if def.Kind == ast.Object && slices.Contains(s.GetImplements(def), s.Types["Node"]) {
			types = append(types, name)
		}
	}
	sort.Strings(types)
	for _, typ := range types {
		id, ok := ids[typ]
		if !ok {
			return nil, fmt.Errorf("graphtest: no id for type %s", typ)
		}
		nested, ok := nestedPaths[typ]
		if !ok {
			return nil, fmt.Errorf("graphtest: no list that reaches type %s: add it to nestedPaths", typ)
		}
		for _, f := range s.Types[typ].Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			alone, err := fieldSelection(s, f, subDepth, maxWrappers)
			if err != nil {
				return nil, fmt.Errorf("graphtest: %s.%s: %w", typ, f.Name, err)
			}
			// Under a list the field fans out per element: only ids below it.
			under, _ := fieldSelection(s, f, 0, maxWrappers)
			out = append(out,
				Query{Name: typ + "." + f.Name + "/alone", Query: fmt.Sprintf("{ node(id: %q) { __typename ... on %s { %s } } }", id, typ, alone)},
				Query{Name: typ + "." + f.Name + "/nested", Query: fmt.Sprintf(nested, "id "+under)})
		}
	}
	for _, f := range s.Query.Fields {
		if strings.HasPrefix(f.Name, "__") {
			continue
		}
		var as []string
		for _, a := range f.Arguments {
			if a.Type.NonNull && a.DefaultValue == nil {
				v, ok := args[f.Name+"."+a.Name] // this field's own value first
				if !ok {
					v, ok = args[a.Name]
				}
				if id, isNode := ids[f.Type.Name()]; isNode && a.Name == "id" {
					v, ok = fmt.Sprintf("%q", id), true // a typed lookup: an id of its type
				}
				if !ok {
					return nil, fmt.Errorf("graphtest: Query.%s: no value for required argument %s", f.Name, a.Name)
				}
				as = append(as, a.Name+": "+v)
			}
		}
		call := f.Name
		if len(as) > 0 {
			call += "(" + strings.Join(as, ", ") + ")"
		}
		sel, err := selection(s, f.Type, subDepth, maxWrappers)
		if err != nil {
			return nil, fmt.Errorf("graphtest: Query.%s: %w", f.Name, err)
		}
		out = append(out, Query{Name: "Query." + f.Name, Query: "{ " + call + sel + " }"})
	}
	return out, nil
}

// nestedPaths reach each node type under a root list; %s is the selection.
var nestedPaths = map[string]string{
	policygraph.LabelDocument:        "{ documents { %s } }",
	policygraph.LabelPillar:          "{ pillars { %s } }",
	policygraph.LabelMeasure:         "{ measures(first: 100) { nodes { %s } } }",
	policygraph.LabelTarget:          "{ targets(first: 100) { nodes { %s } } }",
	policygraph.LabelLaw:             "{ laws { %s } }",
	policygraph.LabelFund:            "{ funds { %s } }",
	policygraph.LabelMeasureGroup:    "{ pillars { groups { %s } } }",
	policygraph.LabelPolicyDirection: "{ documents { directions { %s } } }",
	policygraph.LabelAmount:          "{ pillars { amounts { %s } } }",
	policygraph.LabelOrganisation:    "{ organisations { %s } }",
}

// fieldSelection is the field called with its default arguments and a
// selection below it.
func fieldSelection(s *ast.Schema, f *ast.FieldDefinition, depth, wrappers int) (string, error) {
	for _, a := range f.Arguments {
		if a.Type.NonNull && a.DefaultValue == nil {
			return "", fmt.Errorf("required argument %s", a.Name)
		}
	}
	sel, err := selection(s, f.Type, depth, wrappers)
	return f.Name + sel, err
}

// selection selects, on a value of type t, every field without required
// arguments, depth nodes deep; "" for a leaf type.
func selection(s *ast.Schema, t *ast.Type, depth, wrappers int) (string, error) {
	def := s.Types[t.Name()]
	if def == nil {
		return "", fmt.Errorf("unknown type %s", t.Name())
	}
	switch def.Kind {
	case ast.Scalar, ast.Enum:
		return "", nil
	case ast.Interface, ast.Union:
		// The concrete node's own fields are tested through node(id:).
		if def.Fields.ForName("id") != nil {
			return " { __typename id }", nil
		}
		return " { __typename }", nil
	}
	isNode := slices.Contains(s.GetImplements(def), s.Types["Node"])
	if isNode {
		if depth <= 0 {
			return " { id }", nil
		}
		depth--
	} else if wrappers--; wrappers < 0 {
		return " { __typename }", nil
	}
	var parts []string
	for _, f := range def.Fields {
		if strings.HasPrefix(f.Name, "__") {
			continue
		}
		sel, err := fieldSelection(s, f, depth, wrappers)
		if err != nil {
			continue // a field that needs arguments is tested on its own type
		}
		parts = append(parts, sel)
	}
	if len(parts) == 0 {
		parts = []string{"__typename"}
	}
	return " { " + strings.Join(parts, " ") + " }", nil
}

// Busiest returns, per label, the id of the node with the most
// relationships in g (ties: the smaller id): the node whose fields have the
// most to answer.
func Busiest(g *policygraph.Graph) IDs {
	degree := map[string]int{}
	for _, r := range g.Relationships {
		degree[r.Start]++
		degree[r.End]++
	}
	out := IDs{}
	best := map[string]int{}
	for _, e := range g.Entities() {
		id, l := e.NodeID(), e.Label()
		cur, ok := out[l]
		if !ok || degree[id] > best[l] || (degree[id] == best[l] && id < cur) {
			out[l], best[l] = id, degree[id]
		}
	}
	return out
}
