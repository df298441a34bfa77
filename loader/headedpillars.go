package loader

import (
	"strconv"

	"github.com/policygraph/policygraph"
)

// A layout that prints no pillar table names its pillars in their pages'
// headings (ミッション①：炭素中立型社会の実現（考え方）), and often again
// in a contents list under a title telling their kind (① 炭素中立型社会の
// 実現 ･･･p.20). Which line is a heading, a contents title or a contents
// line, and what it says, is the layout's to tell (its lexer's); how the
// pillars are read from them is not, so any layout's grammar can call
// this (the 2023 one does today): a pillar for each kind and ordinal a
// heading names, its provenance the first of its headings the layout
// prefers (the 2023 one: its detail pages'), else its first heading, and
// its name the contents' first spelling of it, else its heading's.

// pillarSighting is what a line says of a pillar (sightNone: nothing).
type pillarSighting struct {
	what sightingKind
	kind string // a heading's or a contents title's kind of pillar
	ord  int    // a heading's or a contents line's ordinal
	name string // a heading's or a contents line's spelling of the name
	// to is a heading's last line (1-based), which may be the line after
	// it; preferred: the heading is of the pages the provenance should be.
	to        int
	preferred bool
}

type sightingKind uint8

const (
	sightNone          sightingKind = iota
	sightHeading                    // a pillar's heading
	sightContentsTitle              // a contents list's title: the lines after it list pillars of its kind
	sightContentsLine               // a line of a contents list: the pillar of its ordinal is named so
)

// headedPillar is a pillar as readHeadedPillars reads it: its kind,
// ordinal and name, and the lines of the heading that is its provenance.
type headedPillar struct {
	kind     string
	ord      int
	name     string
	from, to int
}

// readHeadedPillars reads the pillars lines 1..n name, as see tells what
// line i+1 says, by key (pillarKey). They are values, not pointers: a
// pointer was an allocation for every heading read (26 a 2023 load).
func readHeadedPillars(n int, see func(i int) pillarSighting) map[string]headedPillar {
	pls := map[string]headedPillar{}
	names := map[string]string{} // the contents' spelling of each pillar
	preferred := map[string]bool{}
	listKind := "" // the kind of the contents list being read
	for i := 0; i < n; i++ {
		switch s := see(i); s.what {
		case sightContentsTitle:
			listKind = s.kind
		case sightContentsLine:
			if listKind != "" {
				if k := pillarKey(listKind, s.ord); names[k] == "" {
					names[k] = s.name
				}
			}
		case sightHeading:
			k := pillarKey(s.kind, s.ord)
			if _, seen := pls[k]; seen && (!s.preferred || preferred[k]) {
				continue
			}
			preferred[k] = s.preferred
			pls[k] = headedPillar{kind: s.kind, ord: s.ord, name: s.name, from: i + 1, to: s.to}
		}
	}
	for k, pl := range pls {
		if n := names[k]; n != "" {
			pl.name = n // the contents spell the canonical name
			pls[k] = pl
		}
	}
	return pls
}

// pillarKey is the key of the pillar of kind and ordinal ord (MISSION-1,
// OS-5): the model's, whatever a layout calls its kinds.
func pillarKey(kind string, ord int) string {
	if kind == policygraph.KindOS {
		return "OS-" + strconv.Itoa(ord)
	}
	return "MISSION-" + strconv.Itoa(ord)
}
