package server

import (
	"net/http"
	"slices"
)

// cors implements an allow-list CORS policy: exact origins ("*" for any).
// Responses vary on Origin; preflights (OPTIONS with
// Access-Control-Request-Method) are answered here, 204 for an allowed
// origin and 403 for another. Answers to an allowed origin expose
// Retry-After.
func cors(origins []string, next http.Handler) http.Handler {
	if len(origins) == 0 {
		return next
	}
	anyOrigin := slices.Contains(origins, "*")
	allowed := func(o string) bool { return o != "" && (anyOrigin || slices.Contains(origins, o)) }
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Add("Vary", "Origin")
		origin := r.Header.Get("Origin")
		preflight := r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != ""
		if preflight {
			h.Add("Vary", "Access-Control-Request-Method")
			h.Add("Vary", "Access-Control-Request-Headers")
			if !allowed(origin) {
				w.WriteHeader(http.StatusForbidden)
				return
			}
			h.Set("Access-Control-Allow-Origin", origin)
			h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
			h.Set("Access-Control-Allow-Headers", "Content-Type, Accept, Authorization, Apollo-Require-Preflight, X-Apollo-Operation-Name")
			h.Set("Access-Control-Max-Age", "600")
			w.WriteHeader(http.StatusNoContent)
			return
		}
		if allowed(origin) {
			h.Set("Access-Control-Allow-Origin", origin)
			// The 503 of a full queue says how long to wait; a script of
			// another origin reads only the headers exposed to it.
			h.Set("Access-Control-Expose-Headers", "Retry-After")
		}
		next.ServeHTTP(w, r)
	})
}
