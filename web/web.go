// Package web serves the pages of the binary, offline: the graph explorer
// (one self-contained page, no build step) and GraphiQL, whose scripts are
// vendored from npm into graphiql/ (scripts/vendor-graphiql.sh). Both talk
// only to /graphql.
package web

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
)

//go:embed explorer.html
var explorer []byte

// Explorer returns the handler of the explorer page.
func Explorer() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		// The page runs only its own inline script and talks only to this origin.
		w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		_, _ = w.Write(explorer)
	})
}

//go:embed graphiql.html
var graphiqlPage string

//go:embed graphiql
var graphiqlAssets embed.FS

// GraphiQL returns the handler of the GraphiQL page, with the README's
// examples as its first tabs.
func GraphiQL() http.Handler {
	var buf bytes.Buffer
	// html/template writes the examples as a JavaScript value.
	template.Must(template.New("graphiql").Parse(graphiqlPage)).Execute(&buf, Examples) //nolint:errcheck // a fixed template
	page := buf.Bytes()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		_, _ = w.Write(page)
	})
}

// GraphiQLAssets serves the vendored scripts and styles under /graphiql/.
func GraphiQLAssets() http.Handler {
	sub, _ := fs.Sub(graphiqlAssets, "graphiql")
	files := http.StripPrefix("/graphiql/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=86400")
		files.ServeHTTP(w, r)
	})
}
