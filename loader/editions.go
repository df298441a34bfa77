package loader

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/internal/jsonpos"
	"github.com/policygraph/policygraph/internal/nfkc"
)

// aliasFile names the alias table in errors about it.
const aliasFile = "loader/aliases.json"

// editionKnowledge is what a document's grammar is told rather than reads,
// keyed by the edition's name as the manifest gives it: it lives in
// aliases.json ("editions") beside the other curated names, so the
// grammars hold layout and the data file holds knowledge. A new edition
// of a known layout is a new entry here and in the manifest.
type editionKnowledge struct {
	Edition string `json:"edition"` // 第4次中間整理, the manifest's "edition"
	Year    int    `json:"year"`
	Layout  string `json:"layout"` // a key of layouts
	// Markers are phrases only this edition prints, which tell it from
	// the text when the manifest names neither the edition nor a layout.
	Markers []string     `json:"markers"`
	Note    string       `json:"note"`
	Pillars []pillarSpec `json:"pillars"`

	norm []string // Markers in NFKC form, as docText.norm
}

// pillarSpec is what the text says about one pillar: its kind and printed
// name, the aliases the node carries, the label as printed when the slide
// kept it (normalised; vertical labels lose their head, so a tail also
// matches), and cue words of its 長期的目標 and row headings that identify
// the slide when the extraction lost the label.
type pillarSpec struct {
	Kind    string   `json:"kind"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Labels  []string `json:"labels"`
	Cues    []string `json:"cues"`
}

var (
	editionKeys = []string{"edition", "year", "layout", "markers", "note", "pillars"}
	pillarKeys  = []string{"kind", "name", "aliases", "labels", "cues"}
)

// editionTable is the checked "editions" part of the alias table.
type editionTable struct {
	list   []*editionKnowledge // in data order
	byName map[string]*editionKnowledge
}

var loadEditions = sync.OnceValues(func() (*editionTable, error) {
	return parseEditions(aliasJSON)
})

// parseEditions reads and checks the "editions" part of the alias table.
// Every problem is reported, each at its line of aliases.json, as an
// ErrorList.
func parseEditions(data []byte) (*editionTable, error) {
	var t struct {
		Editions []*editionKnowledge `json:"editions"`
	}
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, ErrorList{{File: aliasFile, Line: jsonpos.ErrorLine(data, err), Err: fmt.Errorf("alias table: %w", err)}}
	}
	x, err := jsonpos.Build(data)
	if err != nil { // json.Unmarshal accepted it: cannot happen
		return nil, ErrorList{{File: aliasFile, Err: fmt.Errorf("alias table: %w", err)}}
	}
	var errs ErrorList
	add := func(path, format string, args ...any) {
		errs.Add(&DocError{File: aliasFile, Line: x.Line(path), Err: fmt.Errorf(format, args...)})
	}
	unknown := func(path string, known []string) {
		for _, k := range x.Unknown(path, known) {
			add(jsonpos.Join(path, k), "unknown key %q (known: %s)", k, strings.Join(known, ", "))
		}
	}
	et := &editionTable{byName: map[string]*editionKnowledge{}}
	markerOf := map[string]string{} // normalised marker → edition
	for i, e := range t.Editions {
		path := fmt.Sprintf("editions[%d]", i)
		unknown(path, editionKeys)
		if e == nil {
			add(path, "edition %d is null", i)
			continue
		}
		name := e.Edition
		if name == "" {
			add(path, "edition %d needs a name (\"edition\", as the manifest gives it)", i)
			name = fmt.Sprintf("#%d", i)
		} else if prev := et.byName[name]; prev != nil {
			add(jsonpos.Join(path, "edition"), "edition %s listed twice", name)
		} else {
			et.byName[name] = e
		}
		if e.Year <= 0 {
			add(path, "edition %s needs a year", name)
		}
		lay := layouts[e.Layout]
		switch {
		case e.Layout == "":
			add(path, "edition %s needs a layout (one of %s)", name, layoutNames())
		case lay == nil:
			add(jsonpos.Join(path, "layout"), "edition %s: unknown layout %q (known: %s)", name, e.Layout, layoutNames())
		case lay.pillarTable && len(e.Pillars) == 0:
			add(path, "edition %s: layout %s needs a pillar table (\"pillars\"): its grammar does not read the pillars from the text", name, e.Layout)
		case !lay.pillarTable && len(e.Pillars) > 0:
			add(jsonpos.Join(path, "pillars"), "edition %s: layout %s reads the pillars from the text; a pillar table would be ignored", name, e.Layout)
		}
		for j, mk := range e.Markers {
			n := strings.TrimSpace(nfkc.String(mk))
			mp := fmt.Sprintf("%s.markers[%d]", path, j)
			switch other, dup := markerOf[n]; {
			case n == "":
				add(mp, "edition %s: empty marker", name)
				continue
			case dup && other != name:
				add(mp, "edition %s: marker %q is also a marker of %s: the text could not tell them apart", name, mk, other)
			}
			markerOf[n] = name
			e.norm = append(e.norm, n)
		}
		for j, p := range e.Pillars {
			pp := fmt.Sprintf("%s.pillars[%d]", path, j)
			unknown(pp, pillarKeys)
			if p.Name == "" || (p.Kind != policygraph.KindMission && p.Kind != policygraph.KindOS) {
				add(pp, "edition %s pillar %d needs a name and a kind (%s or %s)", name, j, policygraph.KindMission, policygraph.KindOS)
			}
			if len(p.Labels) == 0 && len(p.Cues) == 0 {
				add(pp, "edition %s pillar %s has neither labels nor cues: nothing identifies it", name, p.Name)
			}
			for k, l := range p.Labels {
				if l != normalize(l) {
					add(fmt.Sprintf("%s.labels[%d]", pp, k), "edition %s pillar %s: label %q is not in normalised form", name, p.Name, l)
				}
			}
		}
		et.list = append(et.list, e)
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	return et, nil
}

// ofYear is the edition of a year, for texts built by hand in tests,
// which name no edition.
func (et *editionTable) ofYear(year int) *editionKnowledge {
	for _, e := range et.list {
		if e.Year == year {
			return e
		}
	}
	return nil
}

// errAmbiguous: the text prints as many markers of two editions.
var errAmbiguous = errors.New("ambiguous edition markers")

// detect is the edition whose markers the text prints, counted once each:
// nil if none prints any, errAmbiguous if two print as many. It reads
// every line once per marker, and runs only for documents the manifest
// does not name.
func (et *editionTable) detect(t *docText) (*editionKnowledge, error) {
	var best []*editionKnowledge
	bestN := 0
	for _, e := range et.list {
		n := 0
		for _, mk := range e.norm {
			for _, l := range t.normLines() {
				if strings.Contains(l, mk) {
					n++
					break
				}
			}
		}
		switch {
		case n == 0 || n < bestN:
		case n > bestN:
			best, bestN = []*editionKnowledge{e}, n
		default:
			best = append(best, e)
		}
	}
	switch len(best) {
	case 0:
		return nil, nil
	case 1:
		return best[0], nil
	}
	names := make([]string, len(best))
	for i, e := range best {
		names[i] = e.Edition
	}
	return nil, fmt.Errorf("%w: the text prints %d markers each of %s", errAmbiguous, bestN, strings.Join(names, " and "))
}

// pillarTable is the curated pillar table of the document's edition. A
// text built by hand (tests) names no edition: the entry of its year.
func (t *docText) pillarTable() ([]pillarSpec, error) {
	ed := t.Edition
	if ed == nil {
		et, err := loadEditions()
		if err != nil {
			return nil, err
		}
		ed = et.ofYear(t.Year)
	}
	if ed == nil || len(ed.Pillars) == 0 {
		return nil, fmt.Errorf("alias table: no pillar table for the edition of %s (year %d)", t.File, t.Year)
	}
	return ed.Pillars, nil
}
