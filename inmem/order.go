package inmem

import (
	"cmp"
	"slices"

	"github.com/policygraph/policygraph"
)

// docKey is a node's place in document order: document year, lineStart, id.
// A Document sorts at line 0 of its own year. Laws and funds belong to no
// document and sort after every node that does, by id: the same place
// Cypher's ORDER BY gives their null year.
type docKey struct {
	noDoc bool
	year  int
	line  int
	id    string
}

func compareKeys(a, b docKey) int {
	if a.noDoc != b.noDoc {
		if a.noDoc {
			return 1
		}
		return -1
	}
	return cmp.Or(cmp.Compare(a.year, b.year), cmp.Compare(a.line, b.line), cmp.Compare(a.id, b.id))
}

func (s *Store) compareNodes(a, b string) int { return compareKeys(s.keys[a], s.keys[b]) }

// docKeys computes the document order of every node of g.
func docKeys(g *policygraph.Graph) map[string]docKey {
	year := map[string]int{}
	keys := map[string]docKey{}
	for _, d := range g.Documents {
		year[d.ID] = d.Year
		keys[d.ID] = docKey{year: d.Year, id: d.ID}
	}
	text := func(id, doc string, line int) { keys[id] = docKey{year: year[doc], line: line, id: id} }
	for _, n := range g.Pillars {
		text(n.ID, n.DocumentID, n.LineStart)
	}
	for _, n := range g.Groups {
		text(n.ID, n.DocumentID, n.LineStart)
	}
	for _, n := range g.Measures {
		text(n.ID, n.DocumentID, n.LineStart)
	}
	for _, n := range g.Targets {
		text(n.ID, n.DocumentID, n.LineStart)
	}
	for _, n := range g.Directions {
		text(n.ID, n.DocumentID, n.LineStart)
	}
	for _, n := range g.Amounts {
		text(n.ID, n.DocumentID, n.LineStart)
	}
	for _, n := range g.Laws {
		keys[n.ID] = docKey{noDoc: true, id: n.ID}
	}
	for _, n := range g.Organisations {
		keys[n.ID] = docKey{noDoc: true, id: n.ID}
	}
	for _, n := range g.Funds {
		keys[n.ID] = docKey{noDoc: true, id: n.ID}
	}
	return keys
}

// comparePillars is the pillar order (policygraph.ComparePillars).
func (s *Store) comparePillars(a, b *policygraph.Pillar) int {
	return policygraph.ComparePillars(s.keys[a.ID].year, a, s.keys[b.ID].year, b)
}

// Laws and funds are ordered by name, then id.
func compareLaws(a, b *policygraph.Law) int {
	return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
}

func compareFunds(a, b *policygraph.Fund) int {
	return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
}

func compareOrgs(a, b *policygraph.Organisation) int {
	return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
}

// labelRank is a label's position in policygraph.Labels.
func labelRank(label string) int { return slices.Index(policygraph.Labels, label) }

func compareRels(a, b *policygraph.Relationship) int { return cmp.Compare(a.ID, b.ID) }
