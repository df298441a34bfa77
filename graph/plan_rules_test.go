package graph

import (
	"slices"
	"testing"
)

// ownValues are object fields of node types that hold values of the node
// itself (no store call), and selfPlanned the fields whose resolver reads
// the store and plans its own result (planBelow).
var (
	ownValues   = []string{"source"}
	selfPlanned = map[string][]string{"Pillar": {"relatedPillars"}}
)

// TestEveryNodeFieldIsPlanned: every field of a node type that returns
// objects is a planner rule, a value of the node, or plans itself. A new
// relationship field added to the schema without a rule fails here,
// instead of quietly costing one store call per parent.
func TestEveryNodeFieldIsPlanned(t *testing.T) {
	s := New(nil, nil).Schema()
	node := s.Types["Node"]
	for name, def := range s.Types {
		if !slices.Contains(s.GetImplements(def), node) {
			continue
		}
		for _, f := range def.Fields {
			ft := s.Types[f.Type.Name()]
			if ft == nil || ft.IsLeafType() || slices.Contains(ownValues, f.Name) || slices.Contains(selfPlanned[name], f.Name) {
				continue
			}
			if _, ok := rules[name][f.Name]; !ok {
				t.Errorf("%s.%s returns %s but the planner has no rule for it", name, f.Name, f.Type.Name())
			}
		}
	}
}
