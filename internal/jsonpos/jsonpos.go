// Package jsonpos finds where the values of a JSON text begin, by path
// ("documents[1].year"), so that errors about a data file can name the
// line to fix, as go/scanner's errors do for source.
package jsonpos

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Index maps the path of every value of a JSON text to the 1-based line
// where it begins. The root is "", an object member is parent.key (key
// alone at the top level), an array element parent[i].
type Index map[string]int

// Build indexes data. On a syntax error it returns the values indexed so
// far and the error.
func Build(data []byte) (Index, error) {
	type frame struct {
		path    string
		obj     bool
		key     string
		idx     int
		wantKey bool
	}
	idx := Index{}
	var stack []*frame
	ln := newLiner(data)
	dec := json.NewDecoder(bytes.NewReader(data))
	done := func() { // a value of the top frame ended
		if len(stack) == 0 {
			return
		}
		top := stack[len(stack)-1]
		if top.obj {
			top.wantKey = true
		} else {
			top.idx++
		}
	}
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err == io.EOF {
			return idx, nil
		}
		if err != nil {
			return idx, err
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:len(stack)-1]
			done()
			continue
		}
		if top != nil && top.obj && top.wantKey {
			top.key, _ = tok.(string)
			top.wantKey = false
			continue
		}
		path := ""
		switch {
		case top == nil:
		case top.obj:
			path = Join(top.path, top.key)
		default:
			path = fmt.Sprintf("%s[%d]", top.path, top.idx)
		}
		idx[path] = ln.line(int(off))
		if d, ok := tok.(json.Delim); ok {
			stack = append(stack, &frame{path: path, obj: d == '{', wantKey: d == '{'})
			continue
		}
		done()
	}
}

// Join is the path of member key of the object at path.
func Join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// Line is the line of path, or of the nearest value that holds it when
// path is absent (a missing member is reported at its object); 0 if none.
func (x Index) Line(path string) int {
	for {
		if l, ok := x[path]; ok {
			return l
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			return x[""]
		}
		path = path[:i]
	}
}

// Keys returns the member names of the object at path, as indexed.
func (x Index) Keys(path string) []string {
	var out []string
	prefix := path + "."
	if path == "" {
		prefix = ""
	}
	for p := range x {
		rest, ok := strings.CutPrefix(p, prefix)
		if !ok || rest == "" || strings.ContainsAny(rest, ".[") || path == "" && p == "" {
			continue
		}
		out = append(out, rest)
	}
	return out
}

// Unknown returns, sorted, the member names of the object at path that are
// not in known: the misspelt keys a decoder would silently drop.
func (x Index) Unknown(path string, known []string) []string {
	var out []string
	for _, k := range x.Keys(path) {
		if !slices.Contains(known, k) {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// ErrorLine is the line a decoding error of data points at (a syntax or
// type error), 0 if it points nowhere.
func ErrorLine(data []byte, err error) int {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return newLiner(data).line(int(se.Offset) - 1)
	case errors.As(err, &te):
		return newLiner(data).line(int(te.Offset) - 1)
	}
	return 0
}

// liner turns byte offsets into lines, skipping the separators and space
// before a value; offsets must not decrease between calls.
type liner struct {
	data       []byte
	off, lines int
}

func newLiner(data []byte) *liner { return &liner{data: data, lines: 1} }

func (l *liner) line(off int) int {
	off = max(off, 0)
	for off < len(l.data) && strings.IndexByte(" \t\r\n,:", l.data[off]) >= 0 {
		off++
	}
	off = min(off, len(l.data))
	if off < l.off {
		l.off, l.lines = 0, 1
	}
	l.lines += bytes.Count(l.data[l.off:off], []byte("\n"))
	l.off = off
	return l.lines
}
