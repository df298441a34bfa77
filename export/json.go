package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/policygraph/policygraph"
)

type jsonNode struct {
	ID         string         `json:"id"`
	Labels     []string       `json:"labels"`
	Properties map[string]any `json:"properties"`
}

type jsonRel struct {
	ID         string         `json:"id"`
	Type       string         `json:"type"`
	Start      string         `json:"start"`
	End        string         `json:"end"`
	Properties map[string]any `json:"properties"`
}

// JSON writes g as {"nodes":[{"id","labels","properties"}],
// "relationships":[{"id","type","start","end","properties"}]}, one node or
// relationship per line so that diffs stay readable. encoding/json sorts
// property keys, which makes the output deterministic.
func JSON(w io.Writer, g *policygraph.Graph) error {
	ns, _, err := nodes(g)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(`{"nodes":[`)
	for i, n := range ns {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
		if err := encodeLine(bw, jsonNode{ID: n.ID, Labels: []string{n.Label}, Properties: n.Props}); err != nil {
			return fmt.Errorf("export json: node %s: %w", n.ID, err)
		}
	}
	bw.WriteString("\n],\"relationships\":[")
	for i, r := range g.Relationships {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
		props := r.Properties
		if props == nil {
			props = map[string]any{}
		}
		if err := encodeLine(bw, jsonRel{ID: r.ID, Type: r.Type, Start: r.Start, End: r.End, Properties: props}); err != nil {
			return fmt.Errorf("export json: relationship %s: %w", r.ID, err)
		}
	}
	bw.WriteString("\n]}\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export json: %w", err)
	}
	return nil
}

// encodeLine writes v as compact JSON without HTML escaping (so < > & in
// quotes stay readable) and without a trailing newline.
func encodeLine(bw *bufio.Writer, v any) error {
	b, err := marshalNoHTML(v)
	if err != nil {
		return err
	}
	_, err = bw.Write(b)
	return err
}

func marshalNoHTML(v any) ([]byte, error) {
	var buf jsonBuf
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	b := buf.b
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
	}
	return b, nil
}

type jsonBuf struct{ b []byte }

func (j *jsonBuf) Write(p []byte) (int, error) { j.b = append(j.b, p...); return len(p), nil }
