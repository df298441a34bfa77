package policygraph

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Properties returns the node's properties as a flat map, keyed by the JSON
// names of its fields (the property names of the data model). Zero-valued
// optional fields and nulls are omitted, integers are int64, lists of strings
// are []string: the shapes Neo4j stores and returns.
func Properties(e Entity) (map[string]any, error) {
	b, err := json.Marshal(e)
	if err != nil {
		return nil, fmt.Errorf("properties of %s: %w", e.NodeID(), err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var raw map[string]any
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("properties of %s: %w", e.NodeID(), err)
	}
	out := make(map[string]any, len(raw))
	for k, v := range raw {
		switch v := v.(type) {
		case nil:
			continue
		case json.Number:
			if i, err := v.Int64(); err == nil {
				out[k] = i
			} else {
				f, _ := v.Float64()
				out[k] = f
			}
		case []any:
			ss := make([]string, 0, len(v))
			for _, x := range v {
				s, ok := x.(string)
				if !ok {
					return nil, fmt.Errorf("properties of %s: %s holds a non-string list", e.NodeID(), k)
				}
				ss = append(ss, s)
			}
			out[k] = ss
		default:
			out[k] = v
		}
	}
	return out, nil
}

// NewEntity returns an empty node value for a label.
func NewEntity(label string) (Entity, error) {
	switch label {
	case LabelDocument:
		return &Document{}, nil
	case LabelPillar:
		return &Pillar{}, nil
	case LabelMeasureGroup:
		return &MeasureGroup{}, nil
	case LabelMeasure:
		return &Measure{}, nil
	case LabelTarget:
		return &Target{}, nil
	case LabelLaw:
		return &Law{}, nil
	case LabelFund:
		return &Fund{}, nil
	case LabelPolicyDirection:
		return &PolicyDirection{}, nil
	case LabelAmount:
		return &Amount{}, nil
	case LabelOrganisation:
		return &Organisation{}, nil
	}
	return nil, fmt.Errorf("unknown label %q", label)
}

// EntityFromProperties is the inverse of Properties: it builds the node value
// of a label from a property map such as a Neo4j node's.
func EntityFromProperties(label string, props map[string]any) (Entity, error) {
	e, err := NewEntity(label)
	if err != nil {
		return nil, err
	}
	b, err := json.Marshal(props)
	if err != nil {
		return nil, fmt.Errorf("%s from properties: %w", label, err)
	}
	if err := json.Unmarshal(b, e); err != nil {
		return nil, fmt.Errorf("%s from properties: %w", label, err)
	}
	return e, nil
}
