package export

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/policygraph/policygraph"
)

// cypherBatch is how many rows one UNWIND statement carries: large enough
// to load the corpus in a few dozen statements, small enough for
// cypher-shell's default transaction.
const cypherBatch = 200

// Cypher writes a script that recreates g in an empty Neo4j with
// cypher-shell: a uniqueness constraint on id per label, then nodes and
// relationships in batches of UNWIND over literal maps, MERGEd by id so
// that running it twice changes nothing. Every statement ends with ';'.
func Cypher(w io.Writer, g *policygraph.Graph) error {
	ns, labelOf, err := nodes(g)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	bw.WriteString("// policygraph: recreate the policy graph (cypher-shell -f this-file)\n")
	for _, l := range policygraph.Labels {
		fmt.Fprintf(bw, "CREATE CONSTRAINT %s_id IF NOT EXISTS FOR (n:%s) REQUIRE n.id IS UNIQUE;\n",
			strings.ToLower(l), ident(l))
	}
	// Nodes, grouped by label in graph order.
	byLabel := map[string][]node{}
	var labels []string
	for _, n := range ns {
		if byLabel[n.Label] == nil {
			labels = append(labels, n.Label)
		}
		byLabel[n.Label] = append(byLabel[n.Label], n)
	}
	for _, l := range labels {
		list := byLabel[l]
		for i := 0; i < len(list); i += cypherBatch {
			batch := list[i:min(i+cypherBatch, len(list))]
			bw.WriteString("UNWIND [\n")
			for j, n := range batch {
				props, err := cypherMap(n.Props)
				if err != nil {
					return fmt.Errorf("export cypher: node %s: %w", n.ID, err)
				}
				fmt.Fprintf(bw, "  {id: %s, props: %s}", cypherString(n.ID), props)
				if j < len(batch)-1 {
					bw.WriteByte(',')
				}
				bw.WriteByte('\n')
			}
			fmt.Fprintf(bw, "] AS row\nMERGE (n:%s {id: row.id})\nSET n += row.props;\n", ident(l))
		}
	}
	// Relationships, grouped by (type, start label, end label) so that each
	// MATCH uses the id constraint's index.
	type groupKey struct{ typ, from, to string }
	groups := map[groupKey][]*policygraph.Relationship{}
	var order []groupKey
	for _, r := range g.Relationships {
		k := groupKey{r.Type, labelOf[r.Start], labelOf[r.End]}
		if groups[k] == nil {
			order = append(order, k)
		}
		groups[k] = append(groups[k], r)
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if a.typ != b.typ {
			return a.typ < b.typ
		}
		if a.from != b.from {
			return a.from < b.from
		}
		return a.to < b.to
	})
	for _, k := range order {
		list := groups[k]
		for i := 0; i < len(list); i += cypherBatch {
			batch := list[i:min(i+cypherBatch, len(list))]
			bw.WriteString("UNWIND [\n")
			for j, r := range batch {
				props, err := cypherMap(r.Properties)
				if err != nil {
					return fmt.Errorf("export cypher: relationship %s: %w", r.ID, err)
				}
				fmt.Fprintf(bw, "  {id: %s, start: %s, end: %s, props: %s}",
					cypherString(r.ID), cypherString(r.Start), cypherString(r.End), props)
				if j < len(batch)-1 {
					bw.WriteByte(',')
				}
				bw.WriteByte('\n')
			}
			fmt.Fprintf(bw, "] AS row\nMATCH (a:%s {id: row.start})\nMATCH (b:%s {id: row.end})\nMERGE (a)-[r:%s {id: row.id}]->(b)\nSET r += row.props;\n",
				ident(k.from), ident(k.to), ident(k.typ))
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export cypher: %w", err)
	}
	return nil
}

// cypherMap renders a property map as a Cypher map literal, keys sorted.
func cypherMap(m map[string]any) (string, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, k := range sortedKeys(m) {
		if i > 0 {
			b.WriteString(", ")
		}
		v, err := cypherValue(m[k])
		if err != nil {
			return "", fmt.Errorf("%s: %w", k, err)
		}
		b.WriteString(ident(k))
		b.WriteString(": ")
		b.WriteString(v)
	}
	b.WriteByte('}')
	return b.String(), nil
}

// cypherValue renders a property value (string, bool, integer, float or
// list of strings: the shapes policygraph.Properties yields) as a literal.
func cypherValue(v any) (string, error) {
	switch x := v.(type) {
	case string:
		return cypherString(x), nil
	case bool:
		return strconv.FormatBool(x), nil
	case int:
		return strconv.Itoa(x), nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case int32:
		return strconv.FormatInt(int64(x), 10), nil
	case float64:
		return cypherFloat(x)
	case float32:
		return cypherFloat(float64(x))
	case []string:
		parts := make([]string, len(x))
		for i, s := range x {
			parts[i] = cypherString(s)
		}
		return "[" + strings.Join(parts, ", ") + "]", nil
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			s, err := cypherValue(e)
			if err != nil {
				return "", err
			}
			parts[i] = s
		}
		return "[" + strings.Join(parts, ", ") + "]", nil
	case nil:
		return "null", nil
	}
	return "", fmt.Errorf("unsupported property type %T", v)
}

// cypherFloat keeps a decimal point so that Neo4j stores a float, not an
// integer (a score of 1 is 1.0).
func cypherFloat(f float64) (string, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "", fmt.Errorf("non-finite number %v", f)
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.ContainsAny(s, ".eE") {
		s += ".0"
	}
	return s, nil
}

// cypherString is a single-quoted Cypher string literal: backslash, quote
// and control characters escaped, invalid UTF-8 replaced.
func cypherString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('\'')
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				b.WriteString(`\uFFFD`)
				continue
			}
		}
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '\'':
			b.WriteString(`\'`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('\'')
	return b.String()
}

// ident quotes a label, type or key with backticks unless it is a plain
// identifier.
func ident(s string) string {
	plain := s != ""
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	return "`" + strings.ReplaceAll(s, "`", "``") + "`"
}
