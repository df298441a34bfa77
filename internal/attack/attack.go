// Package attack holds the hostile requests the server must refuse cheaply
// or survive: each is one small HTTP request (or a few) that, without the
// server's limits, would cost seconds of CPU or gigabytes. The server's
// tests send each to the real handler; bench/attack sends them to a live
// server and measures its CPU and memory.
package attack

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Attack is one hostile request.
type Attack struct {
	Name   string
	Method string // POST unless set
	Body   string // a JSON request body
	// Code is the extensions.code the refusal carries ("" when the server
	// answers normally within its limits).
	Code string
	// Memory marks the attacks that are about memory, not CPU.
	Memory bool
}

func body(query string) string {
	b, _ := json.Marshal(map[string]any{"query": query})
	return string(b)
}

// repeat joins n copies of s with a space.
func repeat(s string, n int) string {
	return strings.TrimSpace(strings.Repeat(s+" ", n))
}

// All returns the attacks, each built afresh.
func All() []Attack {
	var bomb strings.Builder
	bomb.WriteString("query { documents { ...F0 } }\n")
	for i := range 30 {
		fmt.Fprintf(&bomb, "fragment F%d on Document { ...F%d ...F%d }\n", i, i+1, i+1)
	}
	bomb.WriteString("fragment F30 on Document { id }\n")

	chain := "{ measures(first: 100) { nodes { group { " + strings.Repeat("measures { group { ", 4) + "name" +
		strings.Repeat(" } }", 4) + " } } } }"

	marker := strings.Repeat("x", 40<<10)
	var markedAliases []string
	for i := range 30 {
		markedAliases = append(markedAliases, fmt.Sprintf("m%d: marked(open: $o, close: $o)", i))
	}
	marked, _ := json.Marshal(map[string]any{
		"query":     "query($o: String) { search(query: \"半導体\", first: 100) { " + strings.Join(markedAliases, " ") + " } }",
		"variables": map[string]any{"o": marker},
	})

	var schemaAliases []string
	for i := range 30 {
		schemaAliases = append(schemaAliases, fmt.Sprintf("s%d: __schema { types { name fields { name type { name } } } }", i))
	}
	schemaOp := body("{ " + strings.Join(schemaAliases, " ") + " }")
	schemaBatch := "[" + strings.TrimSuffix(strings.Repeat(schemaOp+",", 10), ",") + "]"

	return []Attack{
		{Name: "10,000 aliases of one name", Body: body("{ " + repeat("a: __typename", 10000) + " }"), Code: "LIMIT_EXCEEDED"},
		{Name: "10,000 __typename @skip(if: false)", Body: body("{ " + repeat("__typename @skip(if: false)", 10000) + " }"), Code: "LIMIT_EXCEEDED"},
		{Name: "one field 100,000 times", Body: body("{ " + repeat("a", 100000) + " }"), Code: "LIMIT_EXCEEDED"},
		{Name: "fragment bomb, 30 levels", Body: body(bomb.String()), Code: "LIMIT_EXCEEDED"},
		{Name: "list literal nested 500,000 deep", Body: body(`{ nodes(ids: ` + strings.Repeat("[", 500000) + strings.Repeat("]", 500000) + `) { id } }`), Code: "LIMIT_EXCEEDED", Memory: true},
		{Name: "selection nested 340,000 deep", Body: body(strings.Repeat("{a", 340000) + strings.Repeat("}", 340000)), Code: "LIMIT_EXCEEDED", Memory: true},
		{Name: "MeasureGroup.measures chain 5 deep", Body: body(chain), Code: "LIMIT_EXCEEDED", Memory: true},
		{Name: "complexity overflow decoy", Body: body(`{ a: measures(first: 72057594036925929) { totalCount } pillars { measures(first: 100) { nodes { laws { measures { laws { measures { id } } } } } } } }`), Code: "LIMIT_EXCEEDED", Memory: true},
		{Name: "marked with 40 kB markers × 30", Body: string(marked), Code: "LIMIT_EXCEEDED", Memory: true},
		{Name: "30 aliased __schema × batch of 10", Body: schemaBatch, Code: "LIMIT_EXCEEDED"},
		{Name: "invented 100 kB HTTP method", Method: strings.Repeat("X", 100<<10), Body: body("{ __typename }"), Code: "BAD_USER_INPUT", Memory: true},
	}
}
