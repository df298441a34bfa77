package policygraph

import "context"

// Store holds exactly the reads the API needs. Every implementation (inmem,
// neo4j) must give identical answers to the same questions: the contract
// suite in storetest checks it. Methods return *Error values with the codes
// named in their comments; any other failure is EINTERNAL (or EUNAVAILABLE
// when the backing database cannot be reached).
type Store interface {
	// Ping reports whether the store can answer queries (readiness).
	Ping(ctx context.Context) error

	// Node returns the node with the id. ENOTFOUND when there is none.
	Node(ctx context.Context, id string) (Entity, error)
	// Nodes returns the nodes with the ids, in the same order; a missing id
	// gives a nil entry. EINVALID for more than MaxBatch ids.
	Nodes(ctx context.Context, ids []string) ([]Entity, error)

	// Documents returns every document ordered by year.
	Documents(ctx context.Context) ([]*Document, error)
	// Pillars returns the pillars matching f, ordered by document year then
	// ordinal (MISSION before OS).
	Pillars(ctx context.Context, f PillarFilter) ([]*Pillar, error)
	// Measures returns one page of the measures matching f in order o.
	// EINVALID for a bad filter (unknown status, YearFrom > YearTo) or page.
	Measures(ctx context.Context, f MeasureFilter, o MeasureOrder, p Page) ([]*Measure, error)
	// CountMeasures returns how many measures match f. Same errors as Measures.
	CountMeasures(ctx context.Context, f MeasureFilter) (int, error)
	// Targets returns one page of the targets matching f, in document order.
	Targets(ctx context.Context, f TargetFilter, p Page) ([]*Target, error)
	// CountTargets returns how many targets match f.
	CountTargets(ctx context.Context, f TargetFilter) (int, error)
	// Laws returns the laws matching f ordered by name.
	Laws(ctx context.Context, f LawFilter) ([]*Law, error)
	// Funds returns every fund ordered by name.
	Funds(ctx context.Context) ([]*Fund, error)
	// Organisations returns the organisations matching f ordered by name.
	// EINVALID for an unknown kind.
	Organisations(ctx context.Context, f OrgFilter) ([]*Organisation, error)

	// Related walks one relationship type from each of the ids, in one
	// round trip whatever len(ids) (it backs the per-request dataloaders).
	// The result maps each id to its hops, ordered by the other node's
	// document order (document year, lineStart, id). Ids with no hops are
	// absent. EINVALID for an unknown type or more than MaxBatch ids.
	Related(ctx context.Context, ids []string, q RelQuery) (map[string][]Hop, error)
	// PillarsUsing returns, for each Law, Fund or Organisation id, the
	// pillars that depend on it by the rule of PillarHolds: the pillar cites
	// (uses, mentions) it itself, or one of its measures or targets does. One round trip. Uses are ordered by
	// pillar (year, ordinal).
	PillarsUsing(ctx context.Context, ids []string) (map[string][]PillarUse, error)

	// Search finds nodes whose text matches q.Text (Japanese or not;
	// NFKC-normalised, ranked). EINVALID for an empty query.
	Search(ctx context.Context, q SearchQuery) ([]SearchHit, error)
	// Neighbourhood returns the nodes within depth hops of id (both
	// directions) and the relationships among them. ENOTFOUND for an unknown
	// id, EINVALID for depth < 0, ELIMIT for depth > MaxDepth.
	Neighbourhood(ctx context.Context, id string, depth, limit int) (*Subgraph, error)
	// Paths returns the shortest paths (ignoring direction) between two
	// nodes, at most limit of them, none longer than maxHops, with no node
	// labelled one of avoid between the two ends. ENOTFOUND for an unknown
	// id, ELIMIT for maxHops > MaxHops.
	Paths(ctx context.Context, from, to string, maxHops, limit int, avoid ...string) ([]Path, error)
	// RelatedPillars returns the pillars that share laws, funds or
	// cross-references with the pillar, most shared first. ENOTFOUND for an
	// unknown id, EINVALID when the id is not a pillar.
	RelatedPillars(ctx context.Context, pillarID string) ([]PillarRelation, error)
	// Stats counts nodes per label and relationships per type.
	Stats(ctx context.Context) (*Stats, error)
}

// PillarHolds are the relationships through which a pillar holds the nodes
// that speak for it. A pillar depends on a law, fund or organisation when
// the pillar itself, or a node it holds through one of these, cites, uses or
// mentions it (CITES_LAW, USES_FUND, MENTIONS_ORG); the money of a pillar is
// the amounts it or those nodes hold (HAS_AMOUNT). Store.PillarsUsing and
// the API's Pillar.laws, Pillar.funds, Pillar.organisations and
// Pillar.amounts follow this one rule.
var PillarHolds = []string{RelHasMeasure, RelHasTarget}

// SpeaksForPillar reports whether a node of the label makes the pillars
// holding it (or itself, a Pillar) depend on what it cites.
func SpeaksForPillar(label string) bool {
	return label == LabelPillar || label == LabelMeasure || label == LabelTarget
}

// Limits shared by every store.
const (
	MaxBatch = 1000 // ids per Nodes/Related call
	MaxDepth = 4    // Neighbourhood depth
	MaxHops  = 8    // Paths length
	MaxPage  = 500  // Page.Limit
)

// Page selects a window of an ordered result.
type Page struct {
	Offset int
	Limit  int // 0 means MaxPage
}

// PillarFilter selects pillars; zero fields match everything.
type PillarFilter struct {
	DocumentID string
	Kind       string // MISSION or OS
}

// MeasureFilter selects measures; zero fields match everything.
type MeasureFilter struct {
	DocumentID string
	PillarID   string
	GroupID    string
	Statuses   []string // any of
	LawID      string   // the measure cites this law
	FundID     string   // the measure uses this fund
	// YearFrom/YearTo keep measures whose [startYear, endYear] span (a single
	// year when only one is known) overlaps the range; measures without a
	// year are dropped when either bound is set.
	YearFrom int
	YearTo   int
	Text     string // NFKC-normalised substring of title or text
	Relist   *bool  // only 再掲 items (true) or only originals (false)
	// Overview keeps only the cells of the 2023 overview tables (true) or
	// only the other measures (false).
	Overview *bool
	// Distinct counts an item once: it drops every measure that SUMMARIZES
	// a measure of the same result (an overview cell whose detail bullet
	// is listed too), after the other filters and before pagination, so
	// totalCount counts distinct items. A cell whose bullets are all
	// filtered out stays. The rule is DistinctMeasures.
	Distinct bool
}

// MeasureOrder orders measures. The default is document order: document
// year, then lineStart, then id.
type MeasureOrder struct {
	By   string // "", "DOCUMENT", "TITLE", "START_YEAR"
	Desc bool
}

// TargetFilter selects targets; zero fields match everything.
type TargetFilter struct {
	DocumentID string
	PillarID   string
	Kind       string
	YearFrom   int
	YearTo     int
	Text       string
}

// LawFilter selects laws.
type LawFilter struct {
	Foreign *bool
	Text    string // substring of the name or an alias
}

// OrgFilter selects organisations; zero fields match everything.
type OrgFilter struct {
	Kind string // one of OrgKinds
	Text string // NFKC-normalised substring of the name or an alias
}

// Direction of a relationship walk.
type Direction int

const (
	Outgoing Direction = iota
	Incoming
)

// RelQuery names the walk of Store.Related.
type RelQuery struct {
	Type      string
	Direction Direction
}

// Hop is one step of a walk: the relationship and the node at its far end.
type Hop struct {
	Rel  *Relationship
	Node Entity
}

// PillarUse is a pillar that depends on a law or fund, with the nodes (the
// pillar itself, its measures or targets) whose text mentions it.
type PillarUse struct {
	Pillar *Pillar
	Via    []Hop // the CITES_LAW/USES_FUND relationships and their start nodes
}

// SearchQuery is a full-text question.
type SearchQuery struct {
	Text       string
	Labels     []string // restrict to these labels; empty means all
	DocumentID string
	Limit      int // 0 means 20
}

// SearchHit is one ranked match.
type SearchHit struct {
	Node    Entity
	Score   float64
	Field   string // the property that matched: title, text, name …
	Snippet string // text around the match
	// Highlights are [start, end) rune offsets of the matches in Snippet.
	Highlights [][2]int
	// Matched is, for each word of the query in order, the spelling of it
	// found in Field: the word itself, or another name or alias of the
	// law, fund or organisation it names (GI基金 → グリーンイノベーション基金).
	Matched []string
}

// Subgraph is a set of nodes and the relationships among them, ready for a
// graph view.
type Subgraph struct {
	Nodes         []Entity
	Relationships []*Relationship
	Truncated     bool // limit cut nodes off
}

// Path is an alternating walk: len(Nodes) == len(Relationships)+1.
type Path struct {
	Nodes         []Entity
	Relationships []*Relationship
}

// PillarRelation is a pillar related to another through shared items.
type PillarRelation struct {
	Pillar      *Pillar
	SharedLaws  []*Law
	SharedFunds []*Fund
	// References are the REFERS_TO and RELISTS relationships that cross
	// between the two pillars' measures (either direction).
	References []*Relationship
	Score      int // len(SharedLaws)+len(SharedFunds)+len(References)
}

// Stats counts the graph.
type Stats struct {
	Labels   map[string]int
	RelTypes map[string]int
	// PerDocument counts nodes per label for each document id.
	PerDocument map[string]map[string]int
	// Degrees is, for each walk (every type in both directions), the most
	// hops one node has: the fan-out a query's cost is estimated with.
	Degrees map[RelQuery]int
	// UseMentions is, for CITES_LAW, USES_FUND and MENTIONS_ORG, the most
	// such relationships into one node from the nodes of one pillar (the
	// pillar, its measures and targets): the mentions of one PillarUse.
	// Nil when a store does not count them.
	UseMentions map[string]int
	// UsePillars is, for the same types, the most pillars whose nodes
	// mention one node: the uses of one law, fund or organisation.
	UsePillars map[string]int
}
