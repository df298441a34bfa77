// Package seed embeds the policy documents and their manifest, so the binary
// runs with no files around it. The .txt files are byte-for-byte copies of
// ../shared/seed; manifest.json says what each one is.
package seed

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/policygraph/policygraph/internal/jsonpos"
)

//go:embed *.txt manifest.json
var files embed.FS

// FS returns the embedded seed directory.
func FS() fs.FS { return files }

// Manifest describes a seed directory.
type Manifest struct {
	Documents   []Entry `json:"documents"`
	Attribution string  `json:"attribution"`
	License     string  `json:"license"`
}

// Entry describes one document of the manifest.
type Entry struct {
	File    string `json:"file"`
	ID      string `json:"id"`
	Title   string `json:"title"`
	Edition string `json:"edition"`
	Year    int    `json:"year"`
	// Layout names the grammar that reads the document ("interim-2023",
	// "interim-2025"; loader/layouts.go). Optional: without it the
	// edition's entry in loader/aliases.json, else the text, tells.
	Layout    string `json:"layout,omitempty"`
	Publisher string `json:"publisher"`
	Source    string `json:"source"`
	// Line is the line of manifest.json where the entry begins, for errors
	// about it (0 for entries built in code).
	Line int `json:"-"`
}

// ManifestFile is the manifest's name in a seed directory.
const ManifestFile = "manifest.json"

// Error is one problem of a manifest at its 1-based line (0 if none).
type Error struct {
	Line int
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", ManifestFile, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", ManifestFile, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Errors are all the problems found in a manifest, in line order.
type Errors []*Error

func (l Errors) Error() string {
	if len(l) == 1 {
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

func (l Errors) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

var (
	manifestKeys = []string{"documents", "attribution", "license"}
	entryKeys    = []string{"file", "id", "title", "edition", "year", "layout", "publisher", "source"}
)

// ReadManifest reads manifest.json from a seed directory. A manifest that
// does not decode, or whose entries lack a file, id or year or carry an
// unknown key (a misspelt "layout" would otherwise be ignored), is an
// Errors listing every problem with its line.
func ReadManifest(fsys fs.FS) (*Manifest, error) {
	b, err := fs.ReadFile(fsys, ManifestFile)
	if err != nil {
		return nil, fmt.Errorf("read seed manifest: %w", err)
	}
	return parseManifest(b)
}

func parseManifest(b []byte) (*Manifest, error) {
	// The entries decode one by one, so that each one's type errors are
	// found, not only the first of the file.
	var top struct {
		Documents   []json.RawMessage `json:"documents"`
		Attribution string            `json:"attribution"`
		License     string            `json:"license"`
	}
	if err := json.Unmarshal(b, &top); err != nil {
		return nil, Errors{{Line: jsonpos.ErrorLine(b, err), Err: fmt.Errorf("parse seed manifest: %w", err)}}
	}
	x, err := jsonpos.Build(b)
	if err != nil { // json.Unmarshal accepted it: cannot happen
		return nil, Errors{{Err: fmt.Errorf("parse seed manifest: %w", err)}}
	}
	m := Manifest{Documents: make([]Entry, len(top.Documents)), Attribution: top.Attribution, License: top.License}
	var errs Errors
	add := func(path, format string, args ...any) {
		errs = append(errs, &Error{Line: x.Line(path), Err: fmt.Errorf(format, args...)})
	}
	unknown := func(path string, known []string) {
		for _, k := range x.Unknown(path, known) {
			add(jsonpos.Join(path, k), "unknown key %q (known: %s)", k, strings.Join(known, ", "))
		}
	}
	unknown("", manifestKeys)
	for i := range m.Documents {
		e := &m.Documents[i]
		path := fmt.Sprintf("documents[%d]", i)
		e.Line = x.Line(path)
		if err := json.Unmarshal(top.Documents[i], e); err != nil {
			line := e.Line + jsonpos.ErrorLine(top.Documents[i], err) - 1
			errs = append(errs, &Error{Line: line, Err: fmt.Errorf("document %d: %w", i, err)})
			continue
		}
		var missing []string
		for _, f := range []struct {
			name string
			ok   bool
		}{{"file", e.File != ""}, {"id", e.ID != ""}, {"year", e.Year != 0}} {
			if !f.ok {
				missing = append(missing, f.name)
			}
		}
		if len(missing) > 0 {
			add(path, "document %d needs %s", i, strings.Join(missing, ", "))
		}
		unknown(path, entryKeys)
	}
	if len(errs) > 0 {
		slices.SortStableFunc(errs, func(a, b *Error) int { return a.Line - b.Line })
		return nil, errs
	}
	return &m, nil
}
