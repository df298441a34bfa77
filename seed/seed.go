// Package seed embeds the policy documents and their manifest, so the binary
// runs with no files around it. The .txt files are byte-for-byte copies of
// ../shared/seed; manifest.json says what each one is.
package seed

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
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
	File      string `json:"file"`
	ID        string `json:"id"`
	Title     string `json:"title"`
	Edition   string `json:"edition"`
	Year      int    `json:"year"`
	Publisher string `json:"publisher"`
	Source    string `json:"source"`
}

// ReadManifest reads manifest.json from a seed directory.
func ReadManifest(fsys fs.FS) (*Manifest, error) {
	b, err := fs.ReadFile(fsys, "manifest.json")
	if err != nil {
		return nil, fmt.Errorf("read seed manifest: %w", err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("parse seed manifest: %w", err)
	}
	for i, e := range m.Documents {
		if e.File == "" || e.ID == "" || e.Year == 0 {
			return nil, fmt.Errorf("seed manifest: document %d needs file, id and year", i)
		}
	}
	return &m, nil
}
