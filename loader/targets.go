package loader

import (
	"strings"

	"github.com/policygraph/policygraph"
)

// One Target per quantified goal. A text that states several goals
// ("2030年に80兆円、2050年に120兆円の…市場を実現") gives one Target each,
// all with the statement's text and lines: the main goal keeps the id the
// statement always had (kind:year:scope:hash(text)); each other goal's id
// hashes the text with the goal's number and unit (or year), so it does not
// depend on position. The shared text keeps REVISES comparing the same
// wording, and each goal's value and year its own.

// goalTargets sets tg's year, value and unit to its text's main goal and
// returns one more Target for each other goal, with ids from ids.
func goalTargets(tg *policygraph.Target, scope string, edition int, ids idSet) []*policygraph.Target {
	gs, main := goals(tg.Text, edition)
	tg.Year, tg.Value, tg.Unit, tg.Qualifier = gs[main].year, gs[main].value, gs[main].unit, gs[main].qualifier
	var more []*policygraph.Target
	for k, g := range gs {
		if k == main {
			continue
		}
		t := *tg
		t.ID = ids.unique(itemID("target", edition, scope, tg.Text+"\x00"+g.surface))
		t.Year, t.Value, t.Unit, t.Qualifier = g.year, g.value, g.unit, g.qualifier
		more = append(more, &t)
	}
	return more
}

// KindMeasureGoal is the kind of a target a measure's text states
// (女性起業家の割合を今後10年で20%を目指す): the measure keeps its lines, the
// target shares them and its pillar.
const KindMeasureGoal = "MEASURE_GOAL"

// addMeasureGoals adds a MEASURE_GOAL target for each goal a measure states
// as one (statedGoals), linked from the measure's pillar and from the
// measure (HAS_TARGET from both: the pillar holds its goals, the measure
// says which of them it states). The goal of a measure with no pillar (a
// 政策の方向性 bullet; none in the seed) is the measure's alone.
func addMeasureGoals(pd *parsedDoc, edition int) {
	ids := idSet{}
	for _, t := range pd.Targets {
		ids[t.ID]++
	}
	for _, m := range pd.Measures {
		gs := statedGoals(m.Text, edition)
		if len(gs) == 0 {
			continue
		}
		// The scope of the ids: the pillar's key, or the measure's (DIR-2
		// in measure:2025:DIR-2:…).
		scope, holders := "", []string{m.ID}
		if m.PillarID != "" {
			scope, holders = m.PillarID[strings.LastIndexByte(m.PillarID, ':')+1:], []string{m.PillarID, m.ID}
		} else if parts := strings.SplitN(m.ID, ":", 4); len(parts) == 4 {
			scope = parts[2]
		}
		for k, g := range gs {
			key := m.Text
			if k > 0 {
				key += "\x00" + g.surface
			}
			t := &policygraph.Target{ID: ids.unique(itemID("target", edition, scope, key)), DocumentID: m.DocumentID,
				PillarID: m.PillarID, Kind: KindMeasureGoal, Text: m.Text, Year: g.year, Value: g.value, Unit: g.unit,
				Qualifier: g.qualifier, Source: m.Source}
			pd.Targets = append(pd.Targets, t)
			for _, from := range holders {
				pd.Rels = append(pd.Rels, &policygraph.Relationship{
					ID: relID(policygraph.RelHasTarget, from, t.ID), Type: policygraph.RelHasTarget,
					Start: from, End: t.ID,
				})
			}
		}
	}
}
