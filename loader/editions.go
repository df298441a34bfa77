package loader

import (
	"encoding/json"
	"fmt"
	"sync"

	"github.com/policygraph/policygraph"
)

// editionKnowledge is what an edition's parser is told rather than reads:
// it lives in aliases.json ("editions") beside the other curated names, so
// the parsers hold grammar and the data file holds knowledge.
type editionKnowledge struct {
	Year    int          `json:"year"`
	Note    string       `json:"note"`
	Pillars []pillarSpec `json:"pillars"`
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

var loadEditions = sync.OnceValues(func() (map[int]*editionKnowledge, error) {
	return parseEditions(aliasJSON)
})

// parseEditions reads and checks the "editions" part of the alias table.
func parseEditions(data []byte) (map[int]*editionKnowledge, error) {
	var t struct {
		Editions []editionKnowledge `json:"editions"`
	}
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("alias table: %w", err)
	}
	out := map[int]*editionKnowledge{}
	for i := range t.Editions {
		e := &t.Editions[i]
		if out[e.Year] != nil {
			return nil, fmt.Errorf("alias table: edition %d listed twice", e.Year)
		}
		for j, p := range e.Pillars {
			if p.Name == "" || (p.Kind != policygraph.KindMission && p.Kind != policygraph.KindOS) {
				return nil, fmt.Errorf("alias table: edition %d pillar %d needs a name and a kind (%s or %s)", e.Year, j, policygraph.KindMission, policygraph.KindOS)
			}
			if len(p.Labels) == 0 && len(p.Cues) == 0 {
				return nil, fmt.Errorf("alias table: edition %d pillar %s has neither labels nor cues: nothing identifies it", e.Year, p.Name)
			}
			for _, l := range p.Labels {
				if l != normalize(l) {
					return nil, fmt.Errorf("alias table: edition %d pillar %s: label %q is not in normalised form", e.Year, p.Name, l)
				}
			}
		}
		out[e.Year] = e
	}
	return out, nil
}

// editionPillars returns the curated pillar table of an edition.
func editionPillars(year int) ([]pillarSpec, error) {
	eds, err := loadEditions()
	if err != nil {
		return nil, err
	}
	e := eds[year]
	if e == nil || len(e.Pillars) == 0 {
		return nil, fmt.Errorf("alias table: no pillar table for edition %d", year)
	}
	return e.Pillars, nil
}
