package export

import (
	"bufio"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/policygraph/policygraph"
)

// graphmlKey is one declared attribute.
type graphmlKey struct {
	id, forWhat, name, typ string
}

// GraphML writes g as GraphML (http://graphml.graphdrawing.org/) that Gephi
// and yEd open: a <key> per property with its attr.type (string, long,
// double, boolean; a property whose values differ in type is declared
// string), lists as JSON strings, the node label in a "labels" attribute
// (":Measure", as Neo4j's own GraphML export writes it), a "label" attribute
// with the node's name for display, and the relationship type in "type".
func GraphML(w io.Writer, g *policygraph.Graph) error {
	ns, _, err := nodes(g)
	if err != nil {
		return err
	}
	nodeTypes := map[string]string{"labels": "string", "label": "string"}
	for _, n := range ns {
		for k, v := range n.Props {
			mergeType(nodeTypes, k, v)
		}
	}
	edgeTypes := map[string]string{"type": "string", "label": "string"}
	for _, r := range g.Relationships {
		for k, v := range r.Properties {
			mergeType(edgeTypes, k, v)
		}
	}
	keys := declare("node", "n_", nodeTypes)
	keys = append(keys, declare("edge", "e_", edgeTypes)...)

	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	bw.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, k := range keys {
		fmt.Fprintf(bw, `  <key id="%s" for="%s" attr.name="%s" attr.type="%s"/>`+"\n", attr(k.id), k.forWhat, attr(k.name), k.typ)
	}
	bw.WriteString(`  <graph id="policygraph" edgedefault="directed">` + "\n")
	for _, n := range ns {
		fmt.Fprintf(bw, `    <node id="%s">`+"\n", attr(n.ID))
		data(bw, "n_labels", ":"+n.Label)
		data(bw, "n_label", displayName(n))
		for _, k := range sortedKeys(n.Props) {
			s, err := graphmlValue(n.Props[k])
			if err != nil {
				return fmt.Errorf("export graphml: node %s: %s: %w", n.ID, k, err)
			}
			data(bw, "n_"+k, s)
		}
		bw.WriteString("    </node>\n")
	}
	for _, r := range g.Relationships {
		fmt.Fprintf(bw, `    <edge id="%s" source="%s" target="%s">`+"\n", attr(r.ID), attr(r.Start), attr(r.End))
		data(bw, "e_type", r.Type)
		data(bw, "e_label", r.Type)
		for _, k := range sortedKeys(r.Properties) {
			s, err := graphmlValue(r.Properties[k])
			if err != nil {
				return fmt.Errorf("export graphml: relationship %s: %s: %w", r.ID, k, err)
			}
			data(bw, "e_"+k, s)
		}
		bw.WriteString("    </edge>\n")
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export graphml: %w", err)
	}
	return nil
}

// displayName is what Gephi shows on a node: its name or title, else its id.
func displayName(n node) string {
	for _, k := range []string{"name", "title"} {
		if s, ok := n.Props[k].(string); ok && s != "" {
			return s
		}
	}
	return n.ID
}

func typeOf(v any) string {
	switch v.(type) {
	case bool:
		return "boolean"
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return "long"
	case float32, float64:
		return "double"
	}
	return "string"
}

// mergeType records the type of a property, widening long+double to double
// and any other mix to string.
func mergeType(types map[string]string, k string, v any) {
	t := typeOf(v)
	switch old, ok := types[k]; {
	case !ok || old == t:
		types[k] = t
	case old == "long" && t == "double" || old == "double" && t == "long":
		types[k] = "double"
	default:
		types[k] = "string"
	}
}

func declare(forWhat, prefix string, types map[string]string) []graphmlKey {
	names := make([]string, 0, len(types))
	for k := range types {
		names = append(names, k)
	}
	sort.Strings(names)
	out := make([]graphmlKey, 0, len(names))
	for _, k := range names {
		out = append(out, graphmlKey{id: prefix + k, forWhat: forWhat, name: k, typ: types[k]})
	}
	return out
}

// graphmlValue renders a value as the text of a <data> of the declared type.
func graphmlValue(v any) (string, error) {
	switch x := v.(type) {
	case string:
		return x, nil
	case bool:
		return strconv.FormatBool(x), nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return "", fmt.Errorf("non-finite number %v", x)
		}
		return strconv.FormatFloat(x, 'g', -1, 64), nil
	case float32:
		return strconv.FormatFloat(float64(x), 'g', -1, 32), nil
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return fmt.Sprint(x), nil
	}
	// Lists (and anything else) as JSON, which Gephi keeps as a string.
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

func data(bw *bufio.Writer, key, value string) {
	fmt.Fprintf(bw, `      <data key="%s">`, attr(key))
	xml.EscapeText(bw, []byte(value))
	bw.WriteString("</data>\n")
}

// attr escapes an attribute value.
func attr(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), `"`, "&#34;")
}
