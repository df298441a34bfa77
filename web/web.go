// Package web serves the pages of the binary, offline: the graph explorer
// (explorer/: a page, its script and styles, no build step, with
// cytoscape.js vendored from npm into explorer/vendor/ by
// scripts/vendor-explorer.sh) and GraphiQL, whose scripts are vendored into
// graphiql/ (scripts/vendor-graphiql.sh). Both talk only to /graphql.
package web

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
)

//go:embed explorer
var explorerFS embed.FS

// explorerCSP lets the explorer run only its own scripts and talk only to
// this origin. Styles may be inline: cytoscape sets them on its canvas.
const explorerCSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

// Explorer returns the handler of the explorer page (/explorer).
func Explorer() http.Handler {
	page, err := explorerFS.ReadFile("explorer/index.html")
	if err != nil {
		panic(err) // embedded at build time
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", explorerCSP)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		_, _ = w.Write(page)
	})
}

// ExplorerAssets serves the explorer's script, styles and vendored
// libraries under /explorer/.
func ExplorerAssets() http.Handler {
	sub, _ := fs.Sub(explorerFS, "explorer")
	files := http.StripPrefix("/explorer/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", explorerCSP)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		// Embedded files carry no modification time to revalidate against:
		// re-fetch, so a new binary's script is never mixed with an old one.
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
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
