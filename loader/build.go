package loader

import (
	"sort"
	"strings"

	"github.com/policygraph/policygraph"
)

// docBuilder is what every edition grammar builds with: the document's
// lines as the shared lexer sees them, the parsedDoc being filled, and the
// bookkeeping written once for all editions — ids, provenance quotes,
// structural relationships and which node took each line (for the report).
type docBuilder struct {
	t     *docText
	lines []slideLine // lexSlides(t)
	pd    *parsedDoc
	ids   idSet
}

func newDocBuilder(t *docText) docBuilder {
	// The ids, measures and relationships sized once from the lines rather
	// than grown by doubling: the seed's documents give 0.16 node ids a
	// line (564 of 3432, 357 of 2156), 0.12 and 0.13 measures (415, 278),
	// 0.33 and 0.19 structural relationships (1147, 410).
	n := t.lineCount()
	pd := &parsedDoc{Placed: make(placement, n+1), Measures: make([]*policygraph.Measure, 0, n/7),
		Rels: make([]*policygraph.Relationship, 0, n*2/5)}
	return docBuilder{t: t, lines: lexSlides(t), pd: pd, ids: make(idSet, n/6)}
}

// place records that line (1-based) went into id. The first placement
// wins, except over a "skipped:" one: prose skipped at first can turn out
// to belong to a node.
func (b *docBuilder) place(line int, id string) {
	if line < 1 || line > b.t.lineCount() || id == "" {
		return // "" is what an unplaced line holds
	}
	if prev := b.pd.Placed[line]; prev == "" || strings.HasPrefix(prev, "skipped:") {
		b.pd.Placed[line] = id
	}
}

// placeRange places the non-blank lines a..b.
func (b *docBuilder) placeRange(from, to int, id string) {
	for l := max(from, 1); l <= to && l <= len(b.lines); l++ {
		if b.lines[l-1].shape != shapeBlank {
			b.place(l, id)
		}
	}
}

// quote returns lines from..to verbatim, clamped to the document.
func (b *docBuilder) quote(from, to int) string {
	from, to = max(from, 1), min(to, b.t.lineCount())
	if from > to {
		return ""
	}
	return b.t.joined(from, to)
}

// source is the provenance of lines from..to.
func (b *docBuilder) source(from, to int) policygraph.Source {
	return policygraph.Source{File: b.t.File, LineStart: from, LineEnd: to, Quote: b.quote(from, to)}
}

// rel adds a structural relationship (no properties: a nil map).
func (b *docBuilder) rel(typ, start, end string) {
	b.pd.Rels = append(b.pd.Rels, &policygraph.Relationship{ID: relID(typ, start, end), Type: typ, Start: start, End: end})
}

// addTarget adds a Target of pillar pl (nil: of the document, a goal of
// its key messages) stated on lines from..to, and one more for each other
// goal its text states (goalTargets), HAS_TARGET from the pillar or the
// document, and places its lines.
func (b *docBuilder) addTarget(pl *policygraph.Pillar, kind, text string, from, to int) *policygraph.Target {
	parent := b.t.DocID
	if pl != nil {
		parent = pl.ID
	}
	return b.addTargetOf(parent, pl, kind, text, from, to)
}

// addTargetOf is addTarget with HAS_TARGET from parent: a pillar-less
// goal of a policy direction (the 2023 macro framework's) is the
// direction's.
func (b *docBuilder) addTargetOf(parent string, pl *policygraph.Pillar, kind, text string, from, to int) *policygraph.Target {
	text = trimSpaces(text)
	scope, pillarID := "KEY", ""
	if pl != nil {
		scope, pillarID = pl.Key, pl.ID
	}
	tg := &policygraph.Target{ID: b.ids.uniqueAs(b.t.itemID("target", scope, text), kind), DocumentID: b.t.DocID,
		PillarID: pillarID, Kind: kind, Text: text, Source: b.source(from, to)}
	for _, t := range append([]*policygraph.Target{tg}, goalTargets(tg, scope, b.t.Year, b.ids)...) {
		b.pd.Targets = append(b.pd.Targets, t)
		b.rel(policygraph.RelHasTarget, parent, t.ID)
	}
	b.placeRange(from, to, tg.ID)
	return tg
}

// newMeasure returns the measure of text, stated on lines from..to, with
// what every edition reads from the text alone: its headline, its period,
// whether it re-lists a whole item, and its provenance.
func (b *docBuilder) newMeasure(id, text, status string, from, to int) *policygraph.Measure {
	sy, ey := measurePeriod(text, b.t.Year)
	return &policygraph.Measure{ID: id, DocumentID: b.t.DocID, Title: headline(text), Text: text, Status: status,
		StartYear: sy, EndYear: ey, Relist: wholeRelist(text), Source: b.source(from, to)}
}

// addMeasure adds m, listed under parent (a pillar or a policy direction:
// HAS_MEASURE) and in its group if it has one (IN_GROUP).
func (b *docBuilder) addMeasure(parent string, m *policygraph.Measure) {
	b.pd.Measures = append(b.pd.Measures, m)
	b.rel(policygraph.RelHasMeasure, parent, m.ID)
	if m.GroupID != "" {
		b.rel(policygraph.RelInGroup, m.ID, m.GroupID)
	}
}

// addGroup adds the group name, listed under parent (a pillar or a policy
// direction: HAS_GROUP) and headed on lines from..to; scope makes its id
// (the parent's key). pillarID is the pillar it belongs to, if any.
func (b *docBuilder) addGroup(parent, pillarID, scope, name string, from, to int) *policygraph.MeasureGroup {
	g := &policygraph.MeasureGroup{ID: b.ids.unique(b.t.itemID("group", scope, name)), DocumentID: b.t.DocID,
		PillarID: pillarID, Name: name, Source: b.source(from, to)}
	b.pd.Groups = append(b.pd.Groups, g)
	b.rel(policygraph.RelHasGroup, parent, g.ID)
	return g
}

// addDirection adds a policy direction of the document (HAS_DIRECTION),
// stated on lines from..to, and places them.
func (b *docBuilder) addDirection(ordinal int, title string, from, to int) *policygraph.PolicyDirection {
	d := &policygraph.PolicyDirection{ID: directionID(b.t.Year, ordinal), DocumentID: b.t.DocID, Ordinal: ordinal,
		Title: title, Source: b.source(from, to)}
	b.pd.Directions = append(b.pd.Directions, d)
	b.rel(policygraph.RelHasDirection, b.t.DocID, d.ID)
	b.placeRange(from, to, d.ID)
	return d
}

// ownProse records that the skipped prose lines from..to are on the pages
// of pillar pl (nil: of none): what they name is cited by the pillar, not
// the Document (mentions.go).
func (b *docBuilder) ownProse(pl *policygraph.Pillar, from, to int) {
	if pl == nil {
		return
	}
	if b.pd.ProseOwner == nil {
		// sized once, not grown by doubling: a sixth of the lines (the
		// 2023 seed's pillar pages hold about 560 prose lines of 3432)
		b.pd.ProseOwner = make(map[int]string, len(b.lines)/6)
	}
	for l := from; l <= to; l++ {
		b.pd.ProseOwner[l] = pl.ID
	}
}

// addPillarMeasure adds the measure of text, stated on lines from..to, of
// pillar pl (HAS_MEASURE) and in group g if not nil (IN_GROUP), its id
// unique in the document, and places its lines.
func (b *docBuilder) addPillarMeasure(pl *policygraph.Pillar, g *policygraph.MeasureGroup, text, status string, from, to int) *policygraph.Measure {
	m := b.newMeasure(b.ids.unique(b.t.itemID("measure", pl.Key, text)), text, status, from, to)
	m.PillarID = pl.ID
	if g != nil {
		m.GroupID = g.ID
	}
	b.addMeasure(pl.ID, m)
	b.placeRange(from, to, m.ID)
	return m
}

// sortByLine puts the groups, measures and targets in the order of their
// first lines, those of one line in the order they were made: a grammar
// that makes them out of line order (the 2023 one resolves the overview
// cells last) reads them so before the shared passes sort them again
// (sortNodes, which orders those of one line by id).
func (b *docBuilder) sortByLine() {
	sort.SliceStable(b.pd.Groups, func(i, j int) bool { return b.pd.Groups[i].LineStart < b.pd.Groups[j].LineStart })
	sort.SliceStable(b.pd.Measures, func(i, j int) bool { return b.pd.Measures[i].LineStart < b.pd.Measures[j].LineStart })
	sort.SliceStable(b.pd.Targets, func(i, j int) bool { return b.pd.Targets[i].LineStart < b.pd.Targets[j].LineStart })
}
