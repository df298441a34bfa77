// Package web serves the graph explorer: one self-contained page (no CDN,
// no build step) that talks to /graphql.
package web

import (
	_ "embed"
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
