package inmem

import (
	"context"
	"maps"
	"slices"
	"strings"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/textsearch"
)

func (s *Store) Node(ctx context.Context, id string) (policygraph.Entity, error) {
	e, ok := s.nodes[id]
	if !ok {
		return nil, errorf("Node", policygraph.ENOTFOUND, "no node %q", id)
	}
	return e, nil
}

func (s *Store) Nodes(ctx context.Context, ids []string) ([]policygraph.Entity, error) {
	if len(ids) > policygraph.MaxBatch {
		return nil, errorf("Nodes", policygraph.EINVALID, "%d ids: at most %d per call", len(ids), policygraph.MaxBatch)
	}
	out := make([]policygraph.Entity, len(ids))
	for i, id := range ids {
		if e, ok := s.nodes[id]; ok {
			out[i] = e
		}
	}
	return out, nil
}

// Documents are ordered by year, then id.
func (s *Store) Documents(ctx context.Context) ([]*policygraph.Document, error) {
	return slices.Clone(s.documents), nil
}

// Pillars are ordered by document year, kind (MISSION first), ordinal, id.
// An unknown kind is EINVALID; an unknown document id matches nothing.
func (s *Store) Pillars(ctx context.Context, f policygraph.PillarFilter) ([]*policygraph.Pillar, error) {
	if f.Kind != "" && f.Kind != policygraph.KindMission && f.Kind != policygraph.KindOS {
		return nil, errorf("Pillars", policygraph.EINVALID, "unknown pillar kind %q", f.Kind)
	}
	var out []*policygraph.Pillar
	for _, p := range s.pillars {
		if (f.DocumentID == "" || p.DocumentID == f.DocumentID) && (f.Kind == "" || p.Kind == f.Kind) {
			out = append(out, p)
		}
	}
	return out, nil
}

// Laws are ordered by name, then id. Text is a substring of the Normalize'd
// name or of an alias.
func (s *Store) Laws(ctx context.Context, f policygraph.LawFilter) ([]*policygraph.Law, error) {
	text := textsearch.Normalize(f.Text)
	var out []*policygraph.Law
	for _, l := range s.laws {
		if f.Foreign != nil && l.Foreign != *f.Foreign {
			continue
		}
		if text != "" && !containsAny(text, l.Name, l.Aliases) {
			continue
		}
		out = append(out, l)
	}
	return out, nil
}

// Funds are ordered by name, then id.
func (s *Store) Funds(ctx context.Context) ([]*policygraph.Fund, error) {
	return slices.Clone(s.funds), nil
}

// Organisations are ordered by name, then id. An unknown kind is EINVALID.
func (s *Store) Organisations(ctx context.Context, f policygraph.OrgFilter) ([]*policygraph.Organisation, error) {
	if err := policygraph.CheckOrgFilter(f); err != nil {
		err.Op = "inmem.Organisations"
		return nil, err
	}
	text := textsearch.Normalize(f.Text)
	var out []*policygraph.Organisation
	for _, o := range s.orgs {
		if f.Kind != "" && o.Kind != f.Kind {
			continue
		}
		if text != "" && !containsAny(text, o.Name, o.Aliases) {
			continue
		}
		out = append(out, o)
	}
	return out, nil
}

// Stats returns a copy of the counts computed at construction.
func (s *Store) Stats(ctx context.Context) (*policygraph.Stats, error) {
	st := &policygraph.Stats{
		Labels:      maps.Clone(s.stats.Labels),
		RelTypes:    maps.Clone(s.stats.RelTypes),
		PerDocument: map[string]map[string]int{},
		Degrees:     maps.Clone(s.stats.Degrees),
		UseMentions: maps.Clone(s.stats.UseMentions),
		UsePillars:  maps.Clone(s.stats.UsePillars),
	}
	for d, m := range s.stats.PerDocument {
		st.PerDocument[d] = maps.Clone(m)
	}
	return st, nil
}

// containsAny reports whether the normalised text is a substring of the
// normalised name or of one of the aliases.
func containsAny(text, name string, aliases []string) bool {
	if strings.Contains(textsearch.Normalize(name), text) {
		return true
	}
	for _, a := range aliases {
		if strings.Contains(textsearch.Normalize(a), text) {
			return true
		}
	}
	return false
}
