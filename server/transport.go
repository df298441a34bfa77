package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/policygraph/policygraph/graph"
)

// Media types of GraphQL over HTTP.
const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// httpTransport implements GraphQL over HTTP
// (https://graphql.github.io/graphql-over-http/draft/) for gqlgen: the only
// transport of the server, so it answers every request to /graphql.
//
//   - GET (query, operationName, variables, extensions in the URL) and POST
//     (application/json body: one request object, or an array of them: a
//     batch of at most maxBatch); other methods 405.
//   - POST bodies other than application/json (UTF-8): 415. Bodies over the
//     size limit: 413. Malformed JSON or a request without a query: 400.
//   - The response is application/graphql-response+json when the Accept
//     header prefers it, application/json otherwise (and without Accept);
//     406 when Accept allows neither.
//   - A document that does not parse or validate, or that a limit refuses
//     before execution: 400 in application/graphql-response+json, 200 in
//     application/json. PERSISTED_QUERY_NOT_FOUND is always 200, as Apollo
//     clients expect.
//   - Mutations and subscriptions over GET: 405 (Allow: POST).
type httpTransport struct {
	maxBatch    int
	maxResponse int // bytes; < 0: unlimited
	metrics     *metrics
}

var _ graphql.Transport = httpTransport{}

func (httpTransport) Supports(*http.Request) bool { return true }

// wireResponse is a GraphQL response as sent: without a data entry when the
// request failed before execution (gqlgen's Response always has one).
type wireResponse struct {
	Errors     gqlerror.List   `json:"errors,omitempty"`
	Data       json.RawMessage `json:"data,omitempty"`
	Extensions map[string]any  `json:"extensions,omitempty"`
}

func wire(r *graphql.Response) wireResponse {
	return wireResponse{Errors: r.Errors, Data: r.Data, Extensions: r.Extensions}
}

// requestError answers a request that cannot be executed at all.
func requestError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", mediaJSON+"; charset=utf-8")
	w.WriteHeader(status)
	b, _ := json.Marshal(wireResponse{Errors: gqlerror.List{{Message: msg, Extensions: map[string]any{"code": code}}}})
	_, _ = w.Write(b)
}

func (t httpTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	ctx := r.Context()
	switch r.Method {
	case http.MethodGet, http.MethodPost:
	case http.MethodOptions:
		w.Header().Set("Allow", "GET, POST, OPTIONS")
		w.WriteHeader(http.StatusNoContent)
		return
	default:
		w.Header().Set("Allow", "GET, POST, OPTIONS")
		requestError(w, http.StatusMethodNotAllowed, graph.CodeBadUserInput, "method "+r.Method+" not allowed: use GET or POST")
		return
	}
	media, ok := negotiate(r.Header.Values("Accept"))
	if !ok {
		requestError(w, http.StatusNotAcceptable, graph.CodeBadUserInput, "Accept allows neither "+mediaGraphQLResponse+" nor "+mediaJSON)
		return
	}

	var (
		batch  []*graphql.RawParams
		single bool
	)
	if r.Method == http.MethodGet {
		p, err := paramsFromURL(r.URL.RawQuery)
		if err != nil {
			requestError(w, http.StatusBadRequest, graph.CodeBadUserInput, err.Error())
			return
		}
		batch, single = []*graphql.RawParams{p}, true
	} else {
		if status, msg := checkContentType(r.Header.Get("Content-Type")); status != 0 {
			requestError(w, status, graph.CodeBadUserInput, msg)
			return
		}
		body, err := io.ReadAll(r.Body)
		if err != nil {
			if mbe := (*http.MaxBytesError)(nil); errors.As(err, &mbe) {
				requestError(w, http.StatusRequestEntityTooLarge, graph.CodeLimitExceeded, "request body larger than "+strconv.FormatInt(mbe.Limit, 10)+" bytes")
				return
			}
			requestError(w, http.StatusBadRequest, graph.CodeBadUserInput, "could not read the request body")
			return
		}
		batch, single, err = paramsFromBody(body)
		if err != nil {
			requestError(w, http.StatusBadRequest, graph.CodeBadUserInput, err.Error())
			return
		}
		if len(batch) > t.maxBatch && t.maxBatch >= 0 {
			t.metrics.graphqlError(graph.CodeLimitExceeded)
			requestError(w, http.StatusBadRequest, graph.CodeLimitExceeded, "batch of "+strconv.Itoa(len(batch))+" operations exceeds the limit of "+strconv.Itoa(t.maxBatch))
			return
		}
	}
	for _, p := range batch {
		p.Headers = r.Header
	}

	if r.Method == http.MethodGet {
		// Refuse mutations before validation, so the rule holds even for
		// operations the schema does not define.
		if op := operationType(batch[0]); op != "" && op != ast.Query {
			w.Header().Set("Allow", "POST")
			requestError(w, http.StatusMethodNotAllowed, graph.CodeBadUserInput, "GET allows only queries; send "+string(op)+" operations with POST")
			return
		}
	}
	if single {
		resp, status := t.execute(ctx, exec, batch[0], r.Method == http.MethodGet, media)
		if status == http.StatusMethodNotAllowed {
			w.Header().Set("Allow", "POST")
		}
		t.writeResponse(w, media, status, wire(resp))
		return
	}
	resps := make([]wireResponse, len(batch))
	for i, p := range batch {
		resp, _ := t.execute(ctx, exec, p, false, media)
		resps[i] = wire(resp)
	}
	t.writeResponse(w, media, http.StatusOK, resps)
}

// execute runs one operation and returns its response and HTTP status.
func (t httpTransport) execute(ctx context.Context, exec graphql.GraphExecutor, p *graphql.RawParams, viaGET bool, media string) (*graphql.Response, int) {
	start := graphql.Now()
	p.ReadTime = graphql.TraceTiming{Start: start, End: start}
	rc, errs := exec.CreateOperationContext(ctx, p)
	name := p.OperationName
	if rc != nil && rc.Operation != nil && name == "" {
		name = rc.Operation.Name
	}
	noteOperation(ctx, name)
	if errs != nil {
		resp := exec.DispatchError(graphql.WithOperationContext(ctx, rc), errs)
		t.metrics.graphqlResponse(resp)
		status := http.StatusOK
		if media == mediaGraphQLResponse && !onlyCode(resp.Errors, "PERSISTED_QUERY_NOT_FOUND") {
			status = http.StatusBadRequest
		}
		return resp, status
	}
	if viaGET && rc.Operation.Operation != ast.Query {
		resp := &graphql.Response{Errors: gqlerror.List{{
			Message:    "GET allows only queries; send " + string(rc.Operation.Operation) + " operations with POST",
			Extensions: map[string]any{"code": graph.CodeBadUserInput},
		}}}
		t.metrics.graphqlResponse(resp)
		return resp, http.StatusMethodNotAllowed
	}
	responses, ctx := exec.DispatchOperation(ctx, rc)
	resp := responses(ctx)
	t.metrics.graphqlResponse(resp)
	return resp, http.StatusOK
}

// operationType is the type of the operation a request selects, "" when the
// document does not parse or names no such operation.
func operationType(p *graphql.RawParams) ast.Operation {
	if p.Query == "" {
		return ""
	}
	doc, err := parser.ParseQuery(&ast.Source{Input: p.Query})
	if err != nil {
		return ""
	}
	if p.OperationName == "" && len(doc.Operations) == 1 {
		return doc.Operations[0].Operation
	}
	if op := doc.Operations.ForName(p.OperationName); op != nil {
		return op.Operation
	}
	return ""
}

func onlyCode(errs gqlerror.List, code string) bool {
	for _, e := range errs {
		if c, _ := e.Extensions["code"].(string); c != code {
			return false
		}
	}
	return len(errs) > 0
}

func (t httpTransport) writeResponse(w http.ResponseWriter, media string, status int, v any) {
	var b []byte
	var err error
	switch v := v.(type) {
	case wireResponse:
		b, err = appendResponse(nil, v)
	case []wireResponse:
		b = append(b, '[')
		for i, r := range v {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = appendResponse(b, r); err != nil {
				break
			}
		}
		b = append(b, ']')
	default:
		b, err = json.Marshal(v)
	}
	if err != nil {
		requestError(w, http.StatusInternalServerError, graph.CodeInternal, "internal error")
		return
	}
	if t.maxResponse >= 0 && len(b) > t.maxResponse {
		t.metrics.graphqlError(graph.CodeLimitExceeded)
		requestError(w, http.StatusOK, graph.CodeLimitExceeded, "the answer is larger than "+strconv.Itoa(t.maxResponse)+" bytes: ask for less (smaller pages, fewer fields)")
		return
	}
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// appendResponse appends r as JSON. Data is JSON already (the executor
// wrote it) and is copied as it is: json.Marshal would scan and re-compact
// the whole result a second time.
func appendResponse(b []byte, r wireResponse) ([]byte, error) {
	b = append(b, '{')
	sep := false
	field := func(name string, raw []byte) {
		if sep {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, name...)
		b = append(b, '"', ':')
		b = append(b, raw...)
		sep = true
	}
	if len(r.Errors) > 0 {
		e, err := json.Marshal(r.Errors)
		if err != nil {
			return b, err
		}
		field("errors", e)
	}
	if len(r.Data) > 0 {
		field("data", r.Data)
	}
	if len(r.Extensions) > 0 {
		e, err := json.Marshal(r.Extensions)
		if err != nil {
			return b, err
		}
		field("extensions", e)
	}
	return append(b, '}'), nil
}

// negotiate picks the response media type from the Accept headers: the
// acceptable type with the highest q, application/graphql-response+json on
// ties; application/json for no Accept at all or for */*.
func negotiate(accepts []string) (string, bool) {
	all := strings.TrimSpace(strings.Join(accepts, ","))
	if all == "" {
		return mediaJSON, true
	}
	best, bestQ := "", 0.0
	for part := range strings.SplitSeq(all, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		q := 1.0
		if v, ok := params["q"]; ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		var cand string
		switch mt {
		case mediaGraphQLResponse:
			cand = mediaGraphQLResponse
		case mediaJSON, "application/*", "*/*":
			cand = mediaJSON
		}
		if cand == "" || q <= 0 {
			continue
		}
		if q > bestQ || (q == bestQ && cand == mediaGraphQLResponse) {
			best, bestQ = cand, q
		}
	}
	return best, best != ""
}

// checkContentType accepts application/json in UTF-8 only.
func checkContentType(ct string) (int, string) {
	if ct == "" {
		return http.StatusUnsupportedMediaType, "missing Content-Type: send application/json"
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil || mt != mediaJSON {
		return http.StatusUnsupportedMediaType, "unsupported Content-Type " + strconv.Quote(ct) + ": send application/json"
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return http.StatusUnsupportedMediaType, "unsupported charset " + strconv.Quote(cs) + ": send utf-8"
	}
	return 0, ""
}

// rawRequest is a GraphQL-over-HTTP request object.
type rawRequest struct {
	Query         string         `json:"query"`
	OperationName string         `json:"operationName"`
	Variables     map[string]any `json:"variables"`
	Extensions    map[string]any `json:"extensions"`
}

func (q rawRequest) params() *graphql.RawParams {
	return &graphql.RawParams{Query: q.Query, OperationName: q.OperationName, Variables: q.Variables, Extensions: q.Extensions}
}

// paramsFromBody decodes a POST body: one request object or a non-empty
// array of them.
func paramsFromBody(body []byte) ([]*graphql.RawParams, bool, error) {
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, false, errors.New("empty request body")
	}
	if trimmed[0] == '[' {
		var reqs []rawRequest
		if err := decodeJSON(trimmed, &reqs); err != nil {
			return nil, false, err
		}
		if len(reqs) == 0 {
			return nil, false, errors.New("empty batch")
		}
		out := make([]*graphql.RawParams, len(reqs))
		for i, q := range reqs {
			out[i] = q.params()
		}
		return out, false, nil
	}
	var q rawRequest
	if err := decodeJSON(trimmed, &q); err != nil {
		return nil, false, err
	}
	return []*graphql.RawParams{q.params()}, true, nil
}

func decodeJSON(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return errors.New("request body is not a valid GraphQL request: malformed JSON")
	}
	if dec.More() {
		return errors.New("request body is not a valid GraphQL request: trailing data after the JSON value")
	}
	return nil
}

// paramsFromURL decodes a GET request's parameters.
func paramsFromURL(rawQuery string) (*graphql.RawParams, error) {
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		return nil, errors.New("malformed query string")
	}
	p := &graphql.RawParams{Query: q.Get("query"), OperationName: q.Get("operationName")}
	if v := q.Get("variables"); v != "" {
		if err := decodeJSON([]byte(v), &p.Variables); err != nil {
			return nil, errors.New("variables are not a JSON object")
		}
	}
	if v := q.Get("extensions"); v != "" {
		if err := decodeJSON([]byte(v), &p.Extensions); err != nil {
			return nil, errors.New("extensions are not a JSON object")
		}
	}
	return p, nil
}
