package server_test

import (
	"sort"
	"testing"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/internal/corpustest"
	"github.com/policygraph/policygraph/server"
)

// TestMentionPages checks the slide page of every mention on the corpus,
// each mention type asked on its own: a mention's page lies between the
// pages of the nearest nodes of its document that start at or before its
// line and at or after it (pages never fall as lines go on), and equals a
// node's page on the node's own first line.
func TestMentionPages(t *testing.T) {
	g := corpustest.Graph(t)
	// every node's first line and page, by document
	type at struct{ line, page int }
	starts := map[string][]at{}
	docOf := map[string]string{} // node id → document id
	for _, e := range g.Entities() {
		var s *policygraph.Source
		var doc string
		switch n := e.(type) {
		case *policygraph.Pillar:
			s, doc = &n.Source, n.DocumentID
		case *policygraph.Measure:
			s, doc = &n.Source, n.DocumentID
		case *policygraph.Target:
			s, doc = &n.Source, n.DocumentID
		case *policygraph.Document:
			docOf[n.ID] = n.ID
			continue
		default:
			continue
		}
		docOf[e.NodeID()] = doc
		if s.Page > 0 {
			starts[doc] = append(starts[doc], at{s.LineStart, s.Page})
		}
	}
	for _, xs := range starts {
		sort.Slice(xs, func(i, j int) bool { return xs[i].line < xs[j].line })
	}
	check := func(kind, node string, line int, page *int) {
		t.Helper()
		if page == nil {
			t.Errorf("%s of %s at line %d: no page", kind, node, line)
			return
		}
		lo, hi := 1, 1<<30
		for _, a := range starts[docOf[node]] {
			if a.line <= line {
				lo = a.page
			}
			if a.line >= line && hi == 1<<30 {
				hi = a.page
			}
			if a.line == line && a.page != *page {
				t.Errorf("%s of %s at line %d: page %d, the node starting there is on %d", kind, node, line, *page, a.page)
			}
		}
		if *page < lo || *page > hi {
			t.Errorf("%s of %s at line %d: page %d, outside %d..%d", kind, node, line, *page, lo, hi)
		}
	}
	f := newFixture(t, server.Config{}, seedStore(t))
	type mention struct {
		Node struct{ ID string }
		Line int
		Page *int
	}
	n := 0
	for _, field := range []string{"laws", "funds"} {
		var got map[string][]struct{ Mentions []mention }
		mustQuery(t, f, `{ `+field+` { mentions { node { id } line page } } }`, &got)
		for _, l := range got[field] {
			for _, m := range l.Mentions {
				check(field+" mention", m.Node.ID, m.Line, m.Page)
				n++
			}
		}
	}
	type use struct {
		Line int
		Page *int
	}
	var ms struct {
		Measures struct {
			Nodes []struct {
				ID            string
				LawMentions   []use
				FundMentions  []use
				Organisations []use
			}
		}
	}
	for _, field := range []string{"lawMentions", "fundMentions", "organisations"} {
		mustQuery(t, f, `{ measures(first: 500) { nodes { id `+field+` { line page } } } }`, &ms)
		for _, m := range ms.Measures.Nodes {
			for _, u := range append(append(m.LawMentions, m.FundMentions...), m.Organisations...) {
				check(field, m.ID, u.Line, u.Page)
				n++
			}
		}
		ms.Measures.Nodes = nil
	}
	// the relationships the loader made, every one asked above or not
	want := 0
	for _, r := range g.Relationships {
		switch r.Type {
		case policygraph.RelCitesLaw, policygraph.RelUsesFund:
			want++
		}
	}
	if n < want {
		t.Errorf("%d mentions checked, fewer than the %d CITES_LAW and USES_FUND", n, want)
	}
}
