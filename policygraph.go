// Package policygraph holds the domain of the policy graph: the node and
// relationship types of docs/data-model.md, the Store interface every backend
// implements, and the application error type. Subpackages implement it per
// dependency (loader/ for text, inmem/ and neo4j/ for storage, graph/ and
// server/ for GraphQL over HTTP); they do not import each other.
package policygraph

import "strconv"

// Node labels, as in the data model. They are Neo4j labels, GraphQL type names
// and export labels at once.
const (
	LabelDocument        = "Document"
	LabelPillar          = "Pillar"
	LabelMeasureGroup    = "MeasureGroup"
	LabelMeasure         = "Measure"
	LabelTarget          = "Target"
	LabelLaw             = "Law"
	LabelFund            = "Fund"
	LabelPolicyDirection = "PolicyDirection"
	LabelAmount          = "Amount"
	LabelOrganisation    = "Organisation"
)

// Labels lists every node label in a stable order.
var Labels = []string{
	LabelDocument, LabelPillar, LabelMeasureGroup, LabelMeasure,
	LabelTarget, LabelLaw, LabelFund, LabelPolicyDirection,
	LabelAmount, LabelOrganisation,
}

// Relationship types, as in the data model.
const (
	RelHasPillar    = "HAS_PILLAR"    // Document → Pillar
	RelHasGroup     = "HAS_GROUP"     // Pillar or PolicyDirection → MeasureGroup
	RelInGroup      = "IN_GROUP"      // Measure → MeasureGroup
	RelHasMeasure   = "HAS_MEASURE"   // Pillar → Measure, PolicyDirection → Measure
	RelHasTarget    = "HAS_TARGET"    // Pillar, PolicyDirection, Document or Measure → Target
	RelCitesLaw     = "CITES_LAW"     // Measure/Target/Pillar → Law (surface, line)
	RelUsesFund     = "USES_FUND"     // Measure/Target → Fund (surface, line)
	RelRelists      = "RELISTS"       // Measure (再掲) → original Measure
	RelRefersTo     = "REFERS_TO"     // Measure → MeasureGroup/Pillar (後掲・前掲・参照)
	RelContinues    = "CONTINUES"     // Pillar (2025) → Pillar (2023)
	RelEvolvesFrom  = "EVOLVES_FROM"  // Measure (2025) → Measure (2023) (score)
	RelHasDirection = "HAS_DIRECTION" // Document → PolicyDirection
	RelRevises      = "REVISES"       // Target (later) → Target (earlier): same goal, new value (fromValue, toValue, unit, score)
	RelRestates     = "RESTATES"      // Target → the first Target of the same goal in its pillar and edition
	RelKeeps        = "KEEPS"         // Target (later) → Target (earlier): same goal, same value (value, unit, score)
	RelHasAmount    = "HAS_AMOUNT"    // Measure/Target/Fund/Pillar/Document → Amount (line)
	RelMentionsOrg  = "MENTIONS_ORG"  // Measure/Target/Pillar/Document → Organisation (surface, line)
	RelSummarizes   = "SUMMARIZES"    // Measure (2023 overview-table cell) → the detail Measure it digests (rule, score)
)

// RelTypes lists every relationship type in a stable order.
var RelTypes = []string{
	RelHasPillar, RelHasDirection, RelHasGroup, RelInGroup, RelHasMeasure, RelHasTarget,
	RelCitesLaw, RelUsesFund, RelRelists, RelRefersTo, RelContinues, RelEvolvesFrom, RelRevises,
	RelRestates, RelHasAmount, RelMentionsOrg, RelSummarizes, RelKeeps,
}

// Measure statuses.
const (
	StatusPast     = "PAST"     // ● これまでの施策 (2023)
	StatusFuture   = "FUTURE"   // ○ 今後の施策 (2023)
	StatusProgress = "PROGRESS" // 第３次以降の進捗 (2025)
	StatusTodo     = "TODO"     // 今後検討が必要となる施策 (2025)
	StatusUnknown  = "UNKNOWN"  // the text does not tell
)

// Organisation kinds.
const (
	OrgAgency        = "AGENCY"        // a public body: 独立行政法人, government-owned fund, regulator
	OrgCompany       = "COMPANY"       // a private company (JASM, Rapidus)
	OrgExchange      = "EXCHANGE"      // a stock exchange (東証)
	OrgInternational = "INTERNATIONAL" // an international organisation or forum (IEA, OECD, G7)
	OrgOther         = "OTHER"         // associations, councils, business federations
)

// OrgKinds lists the organisation kinds.
var OrgKinds = []string{OrgAgency, OrgCompany, OrgExchange, OrgInternational, OrgOther}

// Pillar kinds.
const (
	KindMission = "MISSION"
	KindOS      = "OS"
)

// Source is the provenance of a node that comes from text: the seed file, the
// 1-based inclusive line range, and the quoted text verbatim (not normalised);
// then what a researcher cites: the slide page the lines are on, the
// document's edition and title, and the citation built from them (Cite).
// The document fields are copies so that a node read alone, or a row of an
// export, can be cited without a join.
type Source struct {
	File      string `json:"file"`
	LineStart int    `json:"lineStart"`
	LineEnd   int    `json:"lineEnd"`
	Quote     string `json:"quote"`
	// Page is the 1-based slide page of LineStart in the PDF, as printed on
	// the slides; 0 when unknown. Some pages are inferred from the
	// extraction's page breaks rather than checked against a printed number:
	// the load report lists them.
	Page          int    `json:"page,omitempty"`
	Edition       string `json:"edition,omitempty"`       // the document's edition: 第2次中間整理
	DocumentTitle string `json:"documentTitle,omitempty"` // the document's title
	Citation      string `json:"citation,omitempty"`      // Cite(document, source)
}

// Document is one seed document (an edition of the council's report).
type Document struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Edition   string `json:"edition"` // 第2次中間整理
	Year      int    `json:"year"`
	Publisher string `json:"publisher"`
	SourceURL string `json:"sourceUrl,omitempty"`
	File      string `json:"file"`
	SHA256    string `json:"sha256"`
	Lines     int    `json:"lines"`
}

// Pillar is a policy pillar of one edition (a mission or an OS pillar).
type Pillar struct {
	ID           string   `json:"id"`
	DocumentID   string   `json:"documentId"`
	Key          string   `json:"key"`  // MISSION-1…MISSION-8, OS-1…OS-5
	Kind         string   `json:"kind"` // MISSION or OS
	Ordinal      int      `json:"ordinal"`
	Name         string   `json:"name"`
	Aliases      []string `json:"aliases"`
	LongTermGoal string   `json:"longTermGoal,omitempty"`
	Source
}

// MeasureGroup is a heading that groups measures (【…】, 〇…).
type MeasureGroup struct {
	ID         string `json:"id"`
	DocumentID string `json:"documentId"`
	PillarID   string `json:"pillarId,omitempty"`
	Name       string `json:"name"`
	Source
}

// Measure is one policy measure (施策).
type Measure struct {
	ID         string `json:"id"`
	DocumentID string `json:"documentId"`
	PillarID   string `json:"pillarId,omitempty"`
	GroupID    string `json:"groupId,omitempty"`
	Title      string `json:"title"` // headline: the first sentence or line
	Text       string `json:"text"`  // whole item, lines joined
	Status     string `json:"status"`
	Horizon    string `json:"horizon,omitempty"` // 足下３年程度, ３～５年後 … where stated
	StartYear  int    `json:"startYear,omitempty"`
	EndYear    int    `json:"endYear,omitempty"`
	Relist     bool   `json:"relist,omitempty"` // carries （再掲）/【再掲】
	// Overview: a cell of a 2023 overview table (各分野（ミクロ）の主要施策),
	// which SUMMARIZES detail measures rather than being one more item.
	Overview bool `json:"overview,omitempty"`
	Source
}

// Target is a quantified goal or KPI.
type Target struct {
	ID         string  `json:"id"`
	DocumentID string  `json:"documentId"`
	PillarID   string  `json:"pillarId,omitempty"`
	Kind       string  `json:"kind"` // LONG_TERM, MID_TERM, INDICATOR, KEY_MESSAGE, MEASURE_GOAL
	Text       string  `json:"text"`
	Year       int     `json:"year,omitempty"`
	Value      float64 `json:"value,omitempty"`
	Unit       string  `json:"unit,omitempty"`
	// Qualifier is what the text writes next to the value, as Amount's:
	// 約, 超, 以上, 規模 …; ～ for a range (25～30兆円), whose lower bound is
	// the value.
	Qualifier string `json:"qualifier,omitempty"`
	Source
}

// Law is a statute, shared across editions.
type Law struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Foreign bool     `json:"foreign"`
}

// Fund is a fund (基金), shared across editions.
type Fund struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
}

// PolicyDirection is one 政策の方向性 of the 2025 edition.
type PolicyDirection struct {
	ID         string `json:"id"`
	DocumentID string `json:"documentId"`
	Ordinal    int    `json:"ordinal"`
	Title      string `json:"title"`
	Source
}

// Amount is a sum of money stated in the text (兆円, 億円, 円). Yen is the
// sum in whole yen; for a range (25～30兆円) it is the lower bound and the
// qualifier is ～. Years are set only where the sentence states them.
type Amount struct {
	ID         string `json:"id"`
	DocumentID string `json:"documentId"`
	Yen        int64  `json:"yen"`
	Surface    string `json:"surface"`             // verbatim, number and unit (and range) only
	Qualifier  string `json:"qualifier,omitempty"` // 規模, 超, 約, 累計, 以上 … as written; 約…以上 when on both sides
	Year       int    `json:"year,omitempty"`
	StartYear  int    `json:"startYear,omitempty"`
	EndYear    int    `json:"endYear,omitempty"`
	Source
}

// Organisation is a named body (NEDO, 東証, OECD …), shared across editions.
type Organisation struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Kind    string   `json:"kind"` // one of OrgKinds
}

// Relationship is a typed, directed edge between two nodes. Properties hold
// the edge data of the model: surface and line for CITES_LAW/USES_FUND,
// score for EVOLVES_FROM, via for REFERS_TO. Values are strings, ints or
// float64s only so that every store round-trips them unchanged. An edge
// without properties may hold nil or an empty map: read it, never write
// to it.
type Relationship struct {
	ID         string         `json:"id"`
	Type       string         `json:"type"`
	Start      string         `json:"start"`
	End        string         `json:"end"`
	Properties map[string]any `json:"properties"`
}

// Float reads a numeric property (score, line, fromValue …) whatever type it
// arrived as: the loader writes ints and floats, Neo4j reads back int64 and
// float64, an export may carry a string. 0 when absent or not a number.
func (r *Relationship) Float(key string) float64 {
	if r == nil {
		return 0
	}
	switch v := r.Properties[key].(type) {
	case float64:
		return v
	case float32:
		return float64(v)
	case int:
		return float64(v)
	case int64:
		return float64(v)
	case string:
		f, _ := strconv.ParseFloat(v, 64)
		return f
	}
	return 0
}

// Graph is the whole policy graph as plain values: what the loader produces
// and what a store is loaded from. Slices are in a deterministic order.
type Graph struct {
	Documents     []*Document
	Pillars       []*Pillar
	Groups        []*MeasureGroup
	Measures      []*Measure
	Targets       []*Target
	Laws          []*Law
	Funds         []*Fund
	Directions    []*PolicyDirection
	Amounts       []*Amount
	Organisations []*Organisation
	Relationships []*Relationship
}

// Entity is any node value: *Document, *Pillar, *MeasureGroup, *Measure,
// *Target, *Law, *Fund, *PolicyDirection, *Amount or *Organisation.
type Entity interface {
	NodeID() string
	Label() string
}

func (n *Document) NodeID() string        { return n.ID }
func (n *Pillar) NodeID() string          { return n.ID }
func (n *MeasureGroup) NodeID() string    { return n.ID }
func (n *Measure) NodeID() string         { return n.ID }
func (n *Target) NodeID() string          { return n.ID }
func (n *Law) NodeID() string             { return n.ID }
func (n *Fund) NodeID() string            { return n.ID }
func (n *PolicyDirection) NodeID() string { return n.ID }
func (n *Amount) NodeID() string          { return n.ID }
func (n *Organisation) NodeID() string    { return n.ID }

func (*Document) Label() string        { return LabelDocument }
func (*Pillar) Label() string          { return LabelPillar }
func (*MeasureGroup) Label() string    { return LabelMeasureGroup }
func (*Measure) Label() string         { return LabelMeasure }
func (*Target) Label() string          { return LabelTarget }
func (*Law) Label() string             { return LabelLaw }
func (*Fund) Label() string            { return LabelFund }
func (*PolicyDirection) Label() string { return LabelPolicyDirection }
func (*Amount) Label() string          { return LabelAmount }
func (*Organisation) Label() string    { return LabelOrganisation }

// Entities returns every node of the graph, in label order then slice order.
func (g *Graph) Entities() []Entity {
	var out []Entity
	for _, n := range g.Documents {
		out = append(out, n)
	}
	for _, n := range g.Pillars {
		out = append(out, n)
	}
	for _, n := range g.Groups {
		out = append(out, n)
	}
	for _, n := range g.Measures {
		out = append(out, n)
	}
	for _, n := range g.Targets {
		out = append(out, n)
	}
	for _, n := range g.Laws {
		out = append(out, n)
	}
	for _, n := range g.Funds {
		out = append(out, n)
	}
	for _, n := range g.Directions {
		out = append(out, n)
	}
	for _, n := range g.Amounts {
		out = append(out, n)
	}
	for _, n := range g.Organisations {
		out = append(out, n)
	}
	return out
}

// Add appends e to the slice of its label (the inverse of Entities); false
// for a type that is not a node of the graph.
func (g *Graph) Add(e Entity) bool {
	switch n := e.(type) {
	case *Document:
		g.Documents = append(g.Documents, n)
	case *Pillar:
		g.Pillars = append(g.Pillars, n)
	case *MeasureGroup:
		g.Groups = append(g.Groups, n)
	case *Measure:
		g.Measures = append(g.Measures, n)
	case *Target:
		g.Targets = append(g.Targets, n)
	case *Law:
		g.Laws = append(g.Laws, n)
	case *Fund:
		g.Funds = append(g.Funds, n)
	case *PolicyDirection:
		g.Directions = append(g.Directions, n)
	case *Amount:
		g.Amounts = append(g.Amounts, n)
	case *Organisation:
		g.Organisations = append(g.Organisations, n)
	default:
		return false
	}
	return true
}

// DocumentOf returns the id of the document that owns a node: the Document
// itself, or the documentId of a node from text; "" for the shared Law, Fund
// and Organisation nodes.
func DocumentOf(e Entity) string {
	switch n := e.(type) {
	case *Document:
		return n.ID
	case *Pillar:
		return n.DocumentID
	case *MeasureGroup:
		return n.DocumentID
	case *Measure:
		return n.DocumentID
	case *Target:
		return n.DocumentID
	case *PolicyDirection:
		return n.DocumentID
	case *Amount:
		return n.DocumentID
	}
	return ""
}

// SourceOf returns the provenance of a node from text; ok is false for
// Document, Law, Fund and Organisation, which have none.
func SourceOf(e Entity) (s Source, ok bool) {
	switch n := e.(type) {
	case *Pillar:
		return n.Source, true
	case *MeasureGroup:
		return n.Source, true
	case *Measure:
		return n.Source, true
	case *Target:
		return n.Source, true
	case *PolicyDirection:
		return n.Source, true
	case *Amount:
		return n.Source, true
	}
	return Source{}, false
}
