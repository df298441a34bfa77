package graph

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/graph/model"
)

// Walk directions, short.
const (
	out = policygraph.Outgoing
	in  = policygraph.Incoming
)

// nodesOf returns the far nodes of hops that are T, each once, in hop order.
func nodesOf[T interface {
	policygraph.Entity
	comparable
}](hops []policygraph.Hop) []T {
	out := make([]T, 0, len(hops))
	var seen map[string]bool // only for long lists: a short one is scanned
	for _, h := range hops {
		n, ok := h.Node.(T)
		if !ok {
			continue
		}
		if len(hops) > 16 {
			if seen == nil {
				seen = make(map[string]bool, len(hops))
			}
			if seen[n.NodeID()] {
				continue
			}
			seen[n.NodeID()] = true
		} else if slices.ContainsFunc(out, func(x T) bool { return x.NodeID() == n.NodeID() }) {
			continue // stores may decode one node into several values: compare ids
		}
		out = append(out, n)
	}
	return out
}

// hops walks one relationship type from id through the root field's cache.
func (r *Resolver) hops(ctx context.Context, id, relType string, dir policygraph.Direction) ([]policygraph.Hop, error) {
	return r.cache(ctx).Hops(ctx, id, policygraph.RelQuery{Type: relType, Direction: dir})
}

// walk returns the far nodes of one relationship type from id that are T.
func walk[T interface {
	policygraph.Entity
	comparable
}](ctx context.Context, r *Resolver, id, relType string, dir policygraph.Direction) ([]T, error) {
	hops, err := r.hops(ctx, id, relType, dir)
	if err != nil {
		return nil, err
	}
	return nodesOf[T](hops), nil
}

// nodeAs loads the node with the id as a T; the zero T when the id is empty
// or names no T.
func nodeAs[T policygraph.Entity](ctx context.Context, r *Resolver, id string) (T, error) {
	var zero T
	if id == "" {
		return zero, nil
	}
	n, err := r.cache(ctx).Node(ctx, id)
	if err != nil || n == nil {
		return zero, err
	}
	t, ok := n.(T)
	if !ok {
		return zero, nil
	}
	return t, nil
}

// lookup is nodeAs for the typed root lookups: NOT_FOUND when there is no
// such node of that type.
func lookup[T policygraph.Entity](ctx context.Context, r *Resolver, label, id string) (T, error) {
	t, err := nodeAs[T](ctx, r, id)
	if err != nil {
		return t, err
	}
	if any(t) == nil || isNil(t) {
		return t, notFound("no %s with id %q", label, id)
	}
	r.planBelow(ctx, []policygraph.Entity{t})
	return t, nil
}

func isNil(e policygraph.Entity) bool {
	switch v := e.(type) {
	case *policygraph.Document:
		return v == nil
	case *policygraph.Pillar:
		return v == nil
	case *policygraph.MeasureGroup:
		return v == nil
	case *policygraph.Measure:
		return v == nil
	case *policygraph.Target:
		return v == nil
	case *policygraph.Law:
		return v == nil
	case *policygraph.Fund:
		return v == nil
	case *policygraph.PolicyDirection:
		return v == nil
	case *policygraph.Amount:
		return v == nil
	case *policygraph.Organisation:
		return v == nil
	}
	return e == nil
}

// propString reads a string property of a relationship.
func propString(rel *policygraph.Relationship, key string) string {
	if rel == nil {
		return ""
	}
	switch v := rel.Properties[key].(type) {
	case string:
		return v
	case nil:
		return ""
	default:
		return fmt.Sprint(v)
	}
}

// propFloat reads a numeric property of a relationship.
func propFloat(rel *policygraph.Relationship, key string) float64 { return rel.Float(key) }

func propInt(rel *policygraph.Relationship, key string) int {
	return int(propFloat(rel, key))
}

// propPage reads a mention's slide page: nil when the loader knew none.
func propPage(rel *policygraph.Relationship) *int {
	if p := propInt(rel, "page"); p > 0 {
		return &p
	}
	return nil
}

// mentionOf is the mention of a CITES_LAW/USES_FUND relationship by node.
func mentionOf(node policygraph.Entity, rel *policygraph.Relationship) *model.Mention {
	return &model.Mention{Node: node, Surface: propString(rel, "surface"), Line: propInt(rel, "line"), Page: propPage(rel)}
}

// lawMentions are the outgoing CITES_LAW hops of a measure or target.
func lawMentions(hops []policygraph.Hop) []*model.LawMention {
	out := make([]*model.LawMention, 0, len(hops))
	for _, h := range hops {
		if law, ok := h.Node.(*policygraph.Law); ok {
			out = append(out, &model.LawMention{Law: law, Surface: propString(h.Rel, "surface"), Line: propInt(h.Rel, "line"), Page: propPage(h.Rel)})
		}
	}
	return out
}

// orgMentions are the outgoing MENTIONS_ORG hops of a node.
func orgMentions(hops []policygraph.Hop) []*model.OrganisationMention {
	out := make([]*model.OrganisationMention, 0, len(hops))
	for _, h := range hops {
		if o, ok := h.Node.(*policygraph.Organisation); ok {
			out = append(out, &model.OrganisationMention{Organisation: o, Surface: propString(h.Rel, "surface"), Line: propInt(h.Rel, "line"), Page: propPage(h.Rel)})
		}
	}
	return out
}

// fundMentions are the outgoing USES_FUND hops of a measure or target.
func fundMentions(hops []policygraph.Hop) []*model.FundMention {
	out := make([]*model.FundMention, 0, len(hops))
	for _, h := range hops {
		if fund, ok := h.Node.(*policygraph.Fund); ok {
			out = append(out, &model.FundMention{Fund: fund, Surface: propString(h.Rel, "surface"), Line: propInt(h.Rel, "line"), Page: propPage(h.Rel)})
		}
	}
	return out
}

// incomingMentions are the incoming CITES_LAW/USES_FUND hops of a law or fund.
func incomingMentions(hops []policygraph.Hop) []*model.Mention {
	out := make([]*model.Mention, 0, len(hops))
	for _, h := range hops {
		out = append(out, mentionOf(h.Node, h.Rel))
	}
	return out
}

// evolutions are EVOLVES_FROM hops, best score first.
func evolutions(hops []policygraph.Hop) []*model.Evolution {
	out := make([]*model.Evolution, 0, len(hops))
	for _, h := range hops {
		if m, ok := h.Node.(*policygraph.Measure); ok {
			out = append(out, &model.Evolution{Measure: m, Score: propFloat(h.Rel, "score")})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

// revisions are the REVISES hops as the API's TargetRevision.
func revisions(hops []policygraph.Hop) []*model.TargetRevision {
	out := make([]*model.TargetRevision, 0, len(hops))
	for _, h := range hops {
		if t, ok := h.Node.(*policygraph.Target); ok {
			unit, _ := h.Rel.Properties["unit"].(string)
			out = append(out, &model.TargetRevision{Target: t, FromValue: propFloat(h.Rel, "fromValue"),
				ToValue: propFloat(h.Rel, "toValue"), Unit: unit, Score: propFloat(h.Rel, "score")})
		}
	}
	return out
}

func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func optInt(i int) *int {
	if i == 0 {
		return nil
	}
	return &i
}

// caption is the short display text of a node in a graph view.
func caption(e policygraph.Entity) string {
	switch n := e.(type) {
	case *policygraph.Document:
		return fmt.Sprintf("%s (%d)", n.Edition, n.Year)
	case *policygraph.Pillar:
		return n.Key + " " + n.Name
	case *policygraph.MeasureGroup:
		return truncate(n.Name, 40)
	case *policygraph.Measure:
		return truncate(n.Title, 40)
	case *policygraph.Target:
		return truncate(n.Text, 40)
	case *policygraph.Law:
		return n.Name
	case *policygraph.Fund:
		return n.Name
	case *policygraph.PolicyDirection:
		return fmt.Sprintf("%d. %s", n.Ordinal, truncate(n.Title, 40))
	case *policygraph.Amount:
		return n.Surface
	case *policygraph.Organisation:
		return n.Name
	}
	return e.NodeID()
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

func graphNode(e policygraph.Entity) *model.GraphNode {
	return &model.GraphNode{ID: e.NodeID(), Label: e.Label(), Caption: caption(e), Node: e}
}

func graphNodes(es []policygraph.Entity) []*model.GraphNode {
	out := make([]*model.GraphNode, 0, len(es))
	for _, e := range es {
		if e != nil {
			out = append(out, graphNode(e))
		}
	}
	return out
}

// nodeTypeLabels maps the NodeType enum to data-model labels.
var nodeTypeLabels = map[string]string{
	"DOCUMENT":         policygraph.LabelDocument,
	"PILLAR":           policygraph.LabelPillar,
	"MEASURE_GROUP":    policygraph.LabelMeasureGroup,
	"MEASURE":          policygraph.LabelMeasure,
	"TARGET":           policygraph.LabelTarget,
	"LAW":              policygraph.LabelLaw,
	"FUND":             policygraph.LabelFund,
	"POLICY_DIRECTION": policygraph.LabelPolicyDirection,
	"AMOUNT":           policygraph.LabelAmount,
	"ORGANISATION":     policygraph.LabelOrganisation,
}

// pillarOrder sorts pillars as Store.Pillars does (years: document id →
// year; nil when all are of one document).
func pillarOrder(ps []*policygraph.Pillar, years map[string]int) {
	slices.SortStableFunc(ps, func(a, b *policygraph.Pillar) int {
		return policygraph.ComparePillars(years[a.DocumentID], a, years[b.DocumentID], b)
	})
}

func ptrs[T any](vs []T) []*T {
	out := make([]*T, len(vs))
	for i := range vs {
		out[i] = &vs[i]
	}
	return out
}
