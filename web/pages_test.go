package web_test

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"testing"

	"github.com/policygraph/policygraph/web"
)

// TestPagesDeclareIcon: a page without <link rel="icon"> makes the browser
// ask for /favicon.ico, which the server does not serve: a 404 and an
// error in the console of a page that otherwise logs none.
func TestPagesDeclareIcon(t *testing.T) {
	icon := regexp.MustCompile(`<link rel="icon" href="data:[^"]*">`)
	for _, tc := range []struct {
		name string
		page http.Handler
	}{
		{"GraphiQL", web.GraphiQL()},
		{"explorer", web.Explorer()},
	} {
		w := httptest.NewRecorder()
		tc.page.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/", nil))
		if w.Code != http.StatusOK || !icon.Match(w.Body.Bytes()) {
			t.Errorf("%s: %d, no inline icon link in %.300s", tc.name, w.Code, w.Body.Bytes())
		}
	}
}
