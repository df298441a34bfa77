package inmem

import (
	"slices"

	"github.com/policygraph/policygraph"
)

// validate checks what the indexes and the Store contract rely on: unique
// non-empty ids, references to existing documents, pillars and groups,
// known measure statuses, and relationships of known types between
// existing nodes.
func validate(g *policygraph.Graph) error {
	bad := func(format string, args ...any) error {
		return errorf("New", policygraph.EINVALID, format, args...)
	}
	labels := map[string]string{}
	for _, e := range entities(g) {
		if e == nil {
			return bad("nil node")
		}
		id := e.NodeID()
		if id == "" {
			return bad("%s with an empty id", e.Label())
		}
		if l, dup := labels[id]; dup {
			return bad("duplicate id %q (%s and %s)", id, l, e.Label())
		}
		labels[id] = e.Label()
	}
	ref := func(from, field, id, label string) error {
		if id == "" {
			return nil
		}
		if labels[id] != label {
			return bad("%s: %s %q is not a %s", from, field, id, label)
		}
		return nil
	}
	var errs []error
	for _, n := range g.Pillars {
		errs = append(errs, ref(n.ID, "documentId", n.DocumentID, policygraph.LabelDocument))
	}
	for _, n := range g.Groups {
		errs = append(errs, ref(n.ID, "documentId", n.DocumentID, policygraph.LabelDocument),
			ref(n.ID, "pillarId", n.PillarID, policygraph.LabelPillar))
	}
	for _, n := range g.Measures {
		errs = append(errs, ref(n.ID, "documentId", n.DocumentID, policygraph.LabelDocument),
			ref(n.ID, "pillarId", n.PillarID, policygraph.LabelPillar),
			ref(n.ID, "groupId", n.GroupID, policygraph.LabelMeasureGroup))
		if !slices.Contains(policygraph.Statuses, n.Status) {
			errs = append(errs, bad("%s: unknown status %q", n.ID, n.Status))
		}
	}
	for _, n := range g.Targets {
		errs = append(errs, ref(n.ID, "documentId", n.DocumentID, policygraph.LabelDocument),
			ref(n.ID, "pillarId", n.PillarID, policygraph.LabelPillar))
	}
	for _, n := range g.Directions {
		errs = append(errs, ref(n.ID, "documentId", n.DocumentID, policygraph.LabelDocument))
	}
	for _, n := range g.Amounts {
		errs = append(errs, ref(n.ID, "documentId", n.DocumentID, policygraph.LabelDocument))
	}
	for _, n := range g.Organisations {
		if !slices.Contains(policygraph.OrgKinds, n.Kind) {
			errs = append(errs, bad("%s: unknown organisation kind %q", n.ID, n.Kind))
		}
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	seen := map[string]bool{}
	for _, r := range g.Relationships {
		switch {
		case r == nil:
			return bad("nil relationship")
		case r.ID == "":
			return bad("relationship with an empty id")
		case seen[r.ID]:
			return bad("duplicate relationship id %q", r.ID)
		case !slices.Contains(policygraph.RelTypes, r.Type):
			return bad("relationship %q: unknown type %q", r.ID, r.Type)
		case labels[r.Start] == "":
			return bad("relationship %q: missing start node %q", r.ID, r.Start)
		case labels[r.End] == "":
			return bad("relationship %q: missing end node %q", r.ID, r.End)
		}
		seen[r.ID] = true
	}
	return nil
}

// entities is g.Entities without dropping nil entries, so validate can
// report them.
func entities(g *policygraph.Graph) []policygraph.Entity {
	var out []policygraph.Entity
	add := func(e policygraph.Entity, isNil bool) {
		if isNil {
			out = append(out, nil)
			return
		}
		out = append(out, e)
	}
	for _, n := range g.Documents {
		add(n, n == nil)
	}
	for _, n := range g.Pillars {
		add(n, n == nil)
	}
	for _, n := range g.Groups {
		add(n, n == nil)
	}
	for _, n := range g.Measures {
		add(n, n == nil)
	}
	for _, n := range g.Targets {
		add(n, n == nil)
	}
	for _, n := range g.Laws {
		add(n, n == nil)
	}
	for _, n := range g.Funds {
		add(n, n == nil)
	}
	for _, n := range g.Directions {
		add(n, n == nil)
	}
	for _, n := range g.Amounts {
		add(n, n == nil)
	}
	for _, n := range g.Organisations {
		add(n, n == nil)
	}
	return out
}
