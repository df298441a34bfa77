package loader

import (
	"github.com/policygraph/policygraph"
)

// This file is the contract between the edition parsers (parse2023.go,
// parse2025.go) and the shared passes (mentions, relists, references,
// cross-edition links, ids, report) that run on their output.

// docText is one seed document as lines.
type docText struct {
	File  string // seed file name, as in provenance
	Year  int    // edition year from the manifest: ids and relative dates
	DocID string // e.g. "doc:2023"
	// Edition is the curated knowledge of the document's edition (its
	// pillar table), nil when aliases.json has no entry for it.
	Edition *editionKnowledge

	memo *normMemo // normalize's results for this document

	// text is the document, its lines cut at "\n"; starts[i] is where
	// line i+1 starts in it. A line (raw) and a quote of several lines
	// (joined) are spans of it: a slice of the lines as strings was 0.1 MB
	// a load.
	text   string
	starts []int32
	// noCR: text holds no "\r" (known when read: raw then trims none)
	noCR bool
	// The lines' NFKC forms (norm): normChanged has a bit for each line
	// NFKC changes, whose form is normText from the end of the line
	// before's (normEnd[i-1], 0 for the first) to normEnd[i].
	normText    string
	normEnd     []int32
	normChanged []uint64
}

// placement is what each line went into, by 1-based line ("" for none,
// and index 0 unused): a slice rather than a map, as most lines are
// placed (a map of them was twice the bytes, 0.2 MB a load).
type placement []string

// at is what line went into, "" for none (or a line outside the document).
func (p placement) at(line int) string {
	if line < 0 || line >= len(p) {
		return ""
	}
	return p[line]
}

// parsedDoc is what an edition parser returns: the structural nodes of one
// document with provenance, the structural relationships among them, and the
// lines it placed. Mentions of laws and funds, RELISTS, REFERS_TO and the
// cross-edition links are added later by the shared passes, which read
// Measure.Text / Target.Text / Pillar.LongTermGoal and the Source lines.
type parsedDoc struct {
	Doc        *policygraph.Document
	Pillars    []*policygraph.Pillar
	Groups     []*policygraph.MeasureGroup
	Measures   []*policygraph.Measure
	Targets    []*policygraph.Target
	Directions []*policygraph.PolicyDirection
	// Rels are HAS_PILLAR, HAS_DIRECTION, HAS_GROUP, IN_GROUP, HAS_MEASURE
	// (pillar or direction → measure) and HAS_TARGET, and RELISTS (marked
	// false) from a 2025 table cell to the direction bullet it copies.
	Rels []*policygraph.Relationship
	// Placed maps a 1-based line number to what consumed it: a node id, or
	// "furniture:<reason>" for page furniture the parser recognised (page
	// numbers, vertical labels, page headers, chart numbers). The report
	// lists every non-blank line that is not in Placed.
	Placed placement
	// Pages is the slide page of every line (pages.go), set after parsing.
	Pages *pageMapping
	// citer cites the sources of Doc (cite), made at the first.
	citer policygraph.Citer
	// slides are the runs of lines the layout knows to be one slide each,
	// ascending (pages.go counts no break inside one).
	slides []oneSlide
	// index is the text in matching form for the name passes (mentions.go),
	// built while the grammar runs.
	index *docIndex
	// Summary holds the ids of measures that are cells of a summary table
	// (2023's 各分野（ミクロ）の主要施策 tables), which restate detail-page
	// items in short: EVOLVES_FROM prefers the detail twin of a cell.
	Summary map[string]bool
	// Unresolved is what the parser could not tell from the layout
	// (2025 measures whose row heading the extraction separated from
	// them); load --report lists it.
	Unresolved []Unresolved
	// ProseOwner maps a skipped prose line to the pillar whose page it is on
	// (2023's （考え方）, detail and package pages): the shared passes cite the laws and
	// organisations it names by that pillar instead of the Document.
	ProseOwner map[int]string
}
