package loader

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/policygraph/policygraph/seed"
)

// parseFunc is an edition grammar: parse2023, parse2025.
type parseFunc func(*docText) (*parsedDoc, error)

// layout is a grammar: how a family of editions prints its structure. A
// document names its layout in the manifest ("layout"), through its
// edition's entry in aliases.json, or by the markers its text prints
// (pickLayout); the edition year plays no part in the choice. Layouts are
// named after the first edition printed that way.
type layout struct {
	parse parseFunc
	// pillarTable: the grammar is told its pillars (the edition's "pillars"
	// in aliases.json) rather than reading them from headings.
	pillarTable bool
}

// layouts are the grammars by name. Tests add fakes. (Filled in init:
// the edition data checks layout names, and parse2025 reads that data.)
var layouts = map[string]*layout{}

func init() {
	// 第2次中間整理 (2023): ミッション①…/ＯＳ①… headings, ●/○ bullets on
	// detail pages, 各分野（ミクロ）の主要施策 overview tables.
	layouts["interim-2023"] = &layout{parse: parse2023}
	// 第4次中間整理 (2025): macro pages, 政策の方向性①②③, then one
	// 長期的目標 | 第３次以降の進捗 table per pillar, whose labels the
	// extraction mostly lost: the pillar table says which is which.
	layouts["interim-2025"] = &layout{parse: parse2025, pillarTable: true}
}

// layoutNames lists the known layouts for messages.
func layoutNames() string {
	return strings.Join(slices.Sorted(maps.Keys(layouts)), ", ")
}

// layoutChoice is the grammar picked for a document and what named it.
type layoutChoice struct {
	name    string
	layout  *layout
	edition *editionKnowledge // nil when aliases.json has no entry for the edition
	from    string            // see DocReport.LayoutFrom
}

// pickLayout chooses a document's grammar: the layout its manifest entry
// names, else its edition's entry in aliases.json, else the edition whose
// markers the text prints. The edition's curated knowledge comes from the
// entry the manifest names, or from the text when the manifest names no
// edition and its year agrees (another year is another edition of that
// layout). Errors about the manifest point at its entry.
func pickLayout(e seed.Entry, t *docText, eds *editionTable) (layoutChoice, error) {
	manErr := func(format string, args ...any) error {
		return &DocError{File: seed.ManifestFile, Line: e.Line, Err: fmt.Errorf("document %s: "+format, append([]any{e.File}, args...)...)}
	}
	lc := layoutChoice{edition: eds.byName[e.Edition]}
	switch {
	case e.Layout != "":
		lc.name, lc.from = e.Layout, "manifest"
		if lc.edition != nil && lc.edition.Layout != e.Layout {
			return lc, manErr("layout %s, but %s gives edition %s the layout %s", e.Layout, aliasFile, e.Edition, lc.edition.Layout)
		}
	case lc.edition != nil:
		lc.name, lc.from = lc.edition.Layout, "edition data"
	default:
		ed, err := eds.detect(t)
		if err != nil {
			return lc, &DocError{File: e.File, Err: fmt.Errorf("%w; name the layout in the manifest", err)}
		}
		if ed == nil {
			return lc, &DocError{File: e.File, Err: fmt.Errorf("no layout: the manifest names none (\"layout\": one of %s), %s has no edition %q, and the text prints no edition's markers", layoutNames(), aliasFile, e.Edition)}
		}
		lc.name, lc.from = ed.Layout, "text markers of "+ed.Edition
		if e.Edition == "" && (e.Year == 0 || e.Year == ed.Year) {
			lc.edition = ed // the text names the edition too
		}
	}
	if lc.layout = layouts[lc.name]; lc.layout == nil {
		return lc, manErr("unknown layout %q (known: %s)", lc.name, layoutNames())
	}
	if ed := lc.edition; ed != nil && e.Year != 0 && ed.Year != e.Year {
		return lc, manErr("year %d, but %s gives edition %s the year %d", e.Year, aliasFile, ed.Edition, ed.Year)
	}
	if lc.layout.pillarTable && lc.edition == nil {
		return lc, manErr("layout %s needs its edition's pillar table, and %s has no edition %q: add one to its \"editions\"", lc.name, aliasFile, e.Edition)
	}
	return lc, nil
}
