package policygraph

// DistinctMeasures applies the rule every measure list follows when it is
// asked for distinct items (MeasureFilter.Distinct, the distinct argument
// of the law, fund, organisation and group lists): a measure that
// SUMMARIZES another measure of the same list is left out, so a 2023
// overview cell and the detail bullet it digests count once. A cell whose
// bullets are not in the list stays. The order is kept. summarizes returns
// the ids a measure SUMMARIZES; every store and the GraphQL layer call this
// one function, each with its own way of reading the links.
func DistinctMeasures(ms []*Measure, summarizes func(*Measure) ([]string, error)) ([]*Measure, error) {
	listed := make(map[string]bool, len(ms))
	for _, m := range ms {
		listed[m.ID] = true
	}
	out := make([]*Measure, 0, len(ms))
next:
	for _, m := range ms {
		ends, err := summarizes(m)
		if err != nil {
			return nil, err
		}
		for _, e := range ends {
			if listed[e] {
				continue next
			}
		}
		out = append(out, m)
	}
	return out, nil
}
