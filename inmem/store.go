package inmem

import (
	"context"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/textsearch"
)

var _ policygraph.Store = (*Store)(nil)

// Store is an immutable, indexed copy of a graph.
type Store struct {
	nodes map[string]policygraph.Entity
	keys  map[string]docKey // document order of every node

	// Lists in their documented order.
	documents []*policygraph.Document
	pillars   []*policygraph.Pillar
	measures  []*policygraph.Measure
	targets   []*policygraph.Target
	laws      []*policygraph.Law
	funds     []*policygraph.Fund
	orgs      []*policygraph.Organisation

	rels map[string]*policygraph.Relationship
	out  map[string][]*policygraph.Relationship                // by start node, sorted by id
	in   map[string][]*policygraph.Relationship                // by end node, sorted by id
	adj  map[string][]edge                                     // undirected, sorted by (node, rel id)
	hops map[policygraph.RelQuery]map[string][]policygraph.Hop // Related's answers

	// owners maps a pillar, measure or target to the pillars it belongs to
	// (HAS_MEASURE/HAS_TARGET from a pillar; a pillar owns itself), and a
	// group to its pillar (HAS_GROUP).
	owners map[string][]string

	// Measures and targets per document, pillar, group, law and fund, in
	// document order: a filter scans the shortest list that applies.
	measuresBy map[string]map[string][]*policygraph.Measure
	targetsBy  map[string]map[string][]*policygraph.Target

	norm   map[string]string        // normalised text per measure and target, for filters
	search map[string][]searchEntry // by label
	names  *textsearch.Names        // spellings of laws, funds and organisations, for search
	stats  *policygraph.Stats
}

// edge is one undirected step from a node.
type edge struct {
	to  string
	rel *policygraph.Relationship
}

type searchEntry struct {
	node   policygraph.Entity
	docID  string
	fields []textsearch.Field
	texts  []textsearch.Text
}

// New validates g, copies it and indexes the copy. Later changes to g do not
// affect the store. It fails with EINVALID for duplicate ids, dangling
// references and relationships, and unknown types or statuses.
func New(g *policygraph.Graph) (*Store, error) {
	if g == nil {
		return nil, errorf("New", policygraph.EINVALID, "nil graph")
	}
	g = clone(g)
	if err := validate(g); err != nil {
		return nil, err
	}
	s := &Store{}
	s.index(g)
	return s, nil
}

// Ping always succeeds: there is nothing to reach.
func (s *Store) Ping(ctx context.Context) error { return nil }

func errorf(op, code, format string, args ...any) error {
	e := policygraph.Errorf(code, format, args...)
	e.Op = "inmem." + op
	return e
}
