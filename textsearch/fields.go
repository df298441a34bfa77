package textsearch

import "github.com/policygraph/policygraph"

// Field is one searchable property value of a node. Name is the property
// name of the data model ("title", "text", "name", "aliases",
// "longTermGoal"); a list property gives one Field per element.
type Field struct {
	Name string
	Text string
}

// Fields returns the searchable properties of a node, in the order that
// breaks score ties (the first field wins).
func Fields(e policygraph.Entity) []Field {
	var fs []Field
	add := func(name, text string) {
		if text != "" {
			fs = append(fs, Field{name, text})
		}
	}
	addAll := func(name string, texts []string) {
		for _, t := range texts {
			add(name, t)
		}
	}
	switch n := e.(type) {
	case *policygraph.Document:
		add("title", n.Title)
	case *policygraph.Pillar:
		add("name", n.Name)
		addAll("aliases", n.Aliases)
		add("longTermGoal", n.LongTermGoal)
	case *policygraph.MeasureGroup:
		add("name", n.Name)
	case *policygraph.Measure:
		add("title", n.Title)
		add("text", n.Text)
	case *policygraph.Target:
		add("text", n.Text)
	case *policygraph.Law:
		add("name", n.Name)
		addAll("aliases", n.Aliases)
	case *policygraph.Fund:
		add("name", n.Name)
		addAll("aliases", n.Aliases)
	case *policygraph.PolicyDirection:
		add("title", n.Title)
	case *policygraph.Amount:
		add("surface", n.Surface)
	case *policygraph.Organisation:
		add("name", n.Name)
		addAll("aliases", n.Aliases)
	}
	return fs
}

// Hit scores a node for q: it matches when any field matches (holds every
// word of the query: the words of one hit are in one field), its score is
// the best score of a matching field, and Field and the snippet come from
// that field (the first of equal scores). ok is false for no match.
// Prepared field texts may be passed in texts (same order as Fields) to
// save preparing them again; nil means compute them.
func Hit(q Query, e policygraph.Entity, fields []Field, texts []Text) (hit policygraph.SearchHit, ok bool) {
	if fields == nil {
		fields = Fields(e)
	}
	if texts == nil {
		texts = make([]Text, len(fields))
		for i, f := range fields {
			texts[i] = Prepare(f.Text)
		}
	}
	best, score := BestField(q, texts)
	if best < 0 {
		return policygraph.SearchHit{}, false
	}
	return FieldHit(q, e, fields[best], texts[best], score), true
}

// BestField returns the index of the best-scoring of the prepared field
// texts (the first of equals) and its score; -1 when none matches. With
// FieldHit it splits Hit, so that a caller can rank every node and build
// the snippets of the hits it returns only.
func BestField(q Query, texts []Text) (best int, score float64) {
	best = -1
	for i, t := range texts {
		if s := q.Score(t); s > 0 && (best < 0 || s > score) {
			best, score = i, s
		}
	}
	return best, score
}

// FieldHit returns the hit of node e whose field f (prepared as t) scored
// score for q.
func FieldHit(q Query, e policygraph.Entity, f Field, t Text, score float64) policygraph.SearchHit {
	snip, hl := q.Snippet(f.Text, DefaultWidth)
	return policygraph.SearchHit{
		Node:       e,
		Score:      score,
		Field:      f.Name,
		Snippet:    snip,
		Highlights: hl,
		Matched:    q.Matched(t),
	}
}

// FieldRank orders hits of equal score by the field they were found in: a
// node's own name or title (0) before an alias (1) before any other text
// (2).
func FieldRank(name string) int {
	switch name {
	case "name", "title":
		return 0
	case "aliases":
		return 1
	}
	return 2
}
