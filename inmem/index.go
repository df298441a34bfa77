package inmem

import (
	"cmp"
	"slices"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/textsearch"
)

// index builds every lookup of the store from a validated graph.
func (s *Store) index(g *policygraph.Graph) {
	s.keys = docKeys(g)
	s.nodes = map[string]policygraph.Entity{}
	s.search = map[string][]searchEntry{}
	s.names = textsearch.NewNames(g.Entities()...)
	for _, e := range g.Entities() {
		s.nodes[e.NodeID()] = e
		fields := textsearch.Fields(e)
		texts := make([]textsearch.Text, len(fields))
		for i, f := range fields {
			texts[i] = textsearch.Prepare(f.Text)
		}
		s.search[e.Label()] = append(s.search[e.Label()], searchEntry{node: e, docID: policygraph.DocumentOf(e), fields: fields, texts: texts})
	}

	s.documents = slices.Clone(g.Documents)
	slices.SortFunc(s.documents, func(a, b *policygraph.Document) int {
		return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(a.ID, b.ID))
	})
	s.pillars = slices.Clone(g.Pillars)
	slices.SortFunc(s.pillars, s.comparePillars)
	s.measures = slices.Clone(g.Measures)
	slices.SortFunc(s.measures, func(a, b *policygraph.Measure) int { return s.compareNodes(a.ID, b.ID) })
	s.targets = slices.Clone(g.Targets)
	slices.SortFunc(s.targets, func(a, b *policygraph.Target) int { return s.compareNodes(a.ID, b.ID) })
	s.laws = slices.Clone(g.Laws)
	slices.SortFunc(s.laws, compareLaws)
	s.funds = slices.Clone(g.Funds)
	slices.SortFunc(s.funds, compareFunds)
	s.orgs = slices.Clone(g.Organisations)
	slices.SortFunc(s.orgs, compareOrgs)

	s.norm = map[string]string{}
	for _, m := range g.Measures {
		// Title and text are joined by a rune no query holds, so a match
		// never spans the two.
		s.norm[m.ID] = textsearch.Normalize(m.Title) + "\x00" + textsearch.Normalize(m.Text)
	}
	for _, t := range g.Targets {
		s.norm[t.ID] = textsearch.Normalize(t.Text)
	}

	s.rels = map[string]*policygraph.Relationship{}
	s.out = map[string][]*policygraph.Relationship{}
	s.in = map[string][]*policygraph.Relationship{}
	s.adj = map[string][]edge{}
	s.owners = map[string][]string{}
	for _, p := range g.Pillars {
		s.owners[p.ID] = []string{p.ID}
	}
	rels := slices.Clone(g.Relationships)
	slices.SortFunc(rels, compareRels)
	for _, r := range rels {
		s.rels[r.ID] = r
		s.out[r.Start] = append(s.out[r.Start], r)
		s.in[r.End] = append(s.in[r.End], r)
		if r.Start != r.End { // a self-loop is never on a shortest path
			s.adj[r.Start] = append(s.adj[r.Start], edge{r.End, r})
			s.adj[r.End] = append(s.adj[r.End], edge{r.Start, r})
		}
		switch r.Type {
		case policygraph.RelHasMeasure, policygraph.RelHasTarget, policygraph.RelHasGroup:
			if _, ok := s.nodes[r.Start].(*policygraph.Pillar); ok && !slices.Contains(s.owners[r.End], r.Start) {
				s.owners[r.End] = append(s.owners[r.End], r.Start)
			}
		}
	}
	for _, es := range s.adj {
		slices.SortFunc(es, func(a, b edge) int { return cmp.Or(cmp.Compare(a.to, b.to), compareRels(a.rel, b.rel)) })
	}
	s.indexHops(rels)
	s.indexItems()
	s.stats = stats(g)
	s.stats.UseMentions, s.stats.UsePillars = s.uses(rels)
}

// uses counts, for each type of mention, the most relationships of that
// type into one node from the nodes of one pillar (pillarOwners), as
// pillarsUsing groups them, and the most pillars one node has uses in.
func (s *Store) uses(rels []*policygraph.Relationship) (mentions, pillars map[string]int) {
	type use struct{ typ, end, pillar string }
	type used struct{ typ, end string }
	n := map[use]int{}
	np := map[used]int{}
	mentions, pillars = map[string]int{}, map[string]int{}
	for _, t := range []string{policygraph.RelCitesLaw, policygraph.RelUsesFund, policygraph.RelMentionsOrg} {
		mentions[t], pillars[t] = 0, 0
	}
	for _, r := range rels {
		if _, ok := mentions[r.Type]; !ok {
			continue
		}
		for _, p := range s.pillarOwners(r.Start) {
			u := use{r.Type, r.End, p}
			if n[u]++; n[u] == 1 {
				d := used{r.Type, r.End}
				np[d]++
				pillars[r.Type] = max(pillars[r.Type], np[d])
			}
			mentions[r.Type] = max(mentions[r.Type], n[u])
		}
	}
	return mentions, pillars
}

// Keys of Store.measuresBy and Store.targetsBy.
const (
	byDocument = "document"
	byPillar   = "pillar"
	byGroup    = "group"
	byLaw      = "law"
	byFund     = "fund"
)

// indexItems fills measuresBy and targetsBy from the sorted lists, so every
// list stays in document order.
func (s *Store) indexItems() {
	s.measuresBy = map[string]map[string][]*policygraph.Measure{}
	for _, k := range []string{byDocument, byPillar, byGroup, byLaw, byFund} {
		s.measuresBy[k] = map[string][]*policygraph.Measure{}
	}
	for _, m := range s.measures {
		s.measuresBy[byDocument][m.DocumentID] = append(s.measuresBy[byDocument][m.DocumentID], m)
		s.measuresBy[byPillar][m.PillarID] = append(s.measuresBy[byPillar][m.PillarID], m)
		s.measuresBy[byGroup][m.GroupID] = append(s.measuresBy[byGroup][m.GroupID], m)
		for _, r := range s.out[m.ID] {
			switch r.Type {
			case policygraph.RelCitesLaw:
				s.measuresBy[byLaw][r.End] = append(s.measuresBy[byLaw][r.End], m)
			case policygraph.RelUsesFund:
				s.measuresBy[byFund][r.End] = append(s.measuresBy[byFund][r.End], m)
			}
		}
	}
	s.targetsBy = map[string]map[string][]*policygraph.Target{byDocument: {}, byPillar: {}}
	for _, t := range s.targets {
		s.targetsBy[byDocument][t.DocumentID] = append(s.targetsBy[byDocument][t.DocumentID], t)
		s.targetsBy[byPillar][t.PillarID] = append(s.targetsBy[byPillar][t.PillarID], t)
	}
}

// stats counts g. Every label and relationship type is present, zero when
// absent; PerDocument has every document, with a count for each label whose
// nodes carry a documentId (Document, Law and Fund are not per document).
func stats(g *policygraph.Graph) *policygraph.Stats {
	st := &policygraph.Stats{
		Labels:      map[string]int{},
		RelTypes:    map[string]int{},
		PerDocument: map[string]map[string]int{},
	}
	for _, l := range policygraph.Labels {
		st.Labels[l] = 0
	}
	for _, t := range policygraph.RelTypes {
		st.RelTypes[t] = 0
	}
	for _, d := range g.Documents {
		st.PerDocument[d.ID] = map[string]int{}
		for _, l := range perDocumentLabels {
			st.PerDocument[d.ID][l] = 0
		}
	}
	for _, e := range g.Entities() {
		st.Labels[e.Label()]++
		if _, ok := e.(*policygraph.Document); ok {
			continue
		}
		if d := policygraph.DocumentOf(e); d != "" {
			st.PerDocument[d][e.Label()]++
		}
	}
	st.Degrees = map[policygraph.RelQuery]int{}
	hops := map[policygraph.RelQuery]map[string]int{}
	for _, t := range policygraph.RelTypes {
		for _, d := range []policygraph.Direction{policygraph.Outgoing, policygraph.Incoming} {
			q := policygraph.RelQuery{Type: t, Direction: d}
			st.Degrees[q] = 0
			hops[q] = map[string]int{}
		}
	}
	for _, r := range g.Relationships {
		st.RelTypes[r.Type]++
		for q, from := range map[policygraph.RelQuery]string{
			{Type: r.Type, Direction: policygraph.Outgoing}: r.Start,
			{Type: r.Type, Direction: policygraph.Incoming}: r.End,
		} {
			hops[q][from]++
			st.Degrees[q] = max(st.Degrees[q], hops[q][from])
		}
	}
	return st
}

var perDocumentLabels = []string{
	policygraph.LabelPillar, policygraph.LabelMeasureGroup, policygraph.LabelMeasure,
	policygraph.LabelTarget, policygraph.LabelPolicyDirection, policygraph.LabelAmount,
}
