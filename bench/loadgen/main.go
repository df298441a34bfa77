// Command loadgen compares GraphQL servers that answer the same questions
// over the same policy graph: policygraph (served from Neo4j, which answers
// from a snapshot of the database, and in memory) and @neo4j/graphql 7 over
// the same Neo4j database (bench/peer). bench/run.sh starts everything and runs it;
// see bench/README.md.
//
// For each query shape it holds a policygraph query, the equivalent peer
// query and a normaliser for each that maps both answers to the same
// canonical JSON (ids and key fields, not just counts). It first checks that
// every pair of servers answers every shape identically after normalisation
// (exit 1 with a diff if not), then runs alternating rounds: in each round,
// for each shape, each server in turn for a fixed duration with a fixed
// number of concurrent keep-alive connections (the server order rotates from
// round to round). It prints, per shape and server, requests/s, p50 and p99
// latency and the ratios to the peer, and checks identity once more at the
// end (exit 3 if the answers changed or any request failed during the run).
//
// Only http://127.0.0.1 URLs are accepted and the dialer refuses any other
// address; every loop is bounded in time and in number of requests.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
)

const (
	exitMismatch = 1
	exitUsage    = 2
	exitRun      = 3
)

// Limits that flags cannot exceed: the run is bounded whatever is asked.
const (
	maxRounds      = 100
	maxDuration    = 10 * time.Minute
	maxConnections = 256
)

func main() {
	os.Exit(run())
}

type config struct {
	rounds      int
	duration    time.Duration
	warmup      time.Duration
	connections int
	maxRequests int
	timeout     time.Duration
	verifyEvery int
	shapes      []string
	diffDir     string
	checkOnly   bool
}

func run() int {
	var (
		cfg                               config
		snapshotURL, inmemURL             string
		peerURL, peerLabel, shapes, label string
	)
	flag.StringVar(&snapshotURL, "snapshot", "", "base URL of policygraph serving from Neo4j (A; an in-memory snapshot of the database)")
	flag.StringVar(&inmemURL, "inmem", "", "base URL of policygraph serving in memory (B)")
	flag.StringVar(&peerURL, "peer", "", "base URL of the @neo4j/graphql peer (C)")
	flag.StringVar(&peerLabel, "peer-label", "@neo4j/graphql 7", "name of the peer in the output")
	flag.StringVar(&label, "label", "", "free text printed in the header (versions, machine)")
	flag.IntVar(&cfg.rounds, "rounds", 5, "rounds; each runs every shape on every server")
	flag.DurationVar(&cfg.duration, "duration", 5*time.Second, "measured time per shape, server and round")
	flag.DurationVar(&cfg.warmup, "warmup", time.Second, "unmeasured warm-up per shape and server before round 1 (0: none)")
	flag.IntVar(&cfg.connections, "connections", 8, "concurrent connections (one worker each)")
	flag.IntVar(&cfg.maxRequests, "max-requests", 1_000_000, "upper bound of iterations per shape, server and round")
	flag.DurationVar(&cfg.timeout, "timeout", 30*time.Second, "timeout of one HTTP request")
	flag.IntVar(&cfg.verifyEvery, "verify-every", 50, "during the run, normalise and compare every Nth answer of each worker in full (all others: HTTP 200 and no GraphQL errors)")
	flag.StringVar(&shapes, "shapes", "S1,S2,S3,S4,S5", "comma-separated shapes to run")
	flag.StringVar(&cfg.diffDir, "diff-dir", "", "where to write the canonical answers of a mismatch (default: a new temp dir)")
	flag.BoolVar(&cfg.checkOnly, "check-only", false, "only check that the servers agree")
	flag.Parse()

	switch {
	case cfg.rounds < 1 || cfg.rounds > maxRounds:
		return usage("-rounds must be 1..%d", maxRounds)
	case cfg.duration <= 0 || cfg.duration > maxDuration:
		return usage("-duration must be in (0, %s]", maxDuration)
	case cfg.warmup < 0 || cfg.warmup > maxDuration:
		return usage("-warmup must be in [0, %s]", maxDuration)
	case cfg.connections < 1 || cfg.connections > maxConnections:
		return usage("-connections must be 1..%d", maxConnections)
	case cfg.maxRequests < 1:
		return usage("-max-requests must be positive")
	case cfg.verifyEvery < 1:
		return usage("-verify-every must be positive")
	}

	var servers []*server
	for _, s := range []struct {
		key, name, url string
		kind           flavour
	}{
		{"A", "policygraph from neo4j", snapshotURL, flavourPG},
		{"B", "policygraph in-memory", inmemURL, flavourPG},
		{"C", peerLabel, peerURL, flavourPeer},
	} {
		if s.url == "" {
			continue
		}
		srv, err := newServer(s.key, s.name, s.url, s.kind, cfg)
		if err != nil {
			return usage("%s: %v", s.name, err)
		}
		servers = append(servers, srv)
	}
	if len(servers) < 2 {
		return usage("give at least two of -snapshot, -inmem, -peer")
	}
	var selected []*shape
	for _, name := range strings.Split(shapes, ",") {
		sh := shapeByName(strings.TrimSpace(name))
		if sh == nil {
			return usage("unknown shape %q", name)
		}
		selected = append(selected, sh)
	}

	fmt.Printf("policygraph GraphQL benchmark — %d round(s) × %s per shape and server, %d connections, warm-up %s\n",
		cfg.rounds, cfg.duration, cfg.connections, cfg.warmup)
	fmt.Printf("load generator: %s, GOMAXPROCS=%d, NumCPU=%d (shares the CPUs with the servers and Neo4j)\n",
		runtime.Version(), runtime.GOMAXPROCS(0), runtime.NumCPU())
	if label != "" {
		fmt.Println(label)
	}
	if la := loadavg(); la != "" {
		fmt.Printf("load average before: %s\n", la)
	}
	fmt.Println("servers:")
	for _, s := range servers {
		fmt.Printf("  %s  %-32s %s\n", s.key, s.name, s.endpoint)
	}
	fmt.Println()

	ctx := context.Background()
	fmt.Println("identity check (before the run):")
	expected, ok := checkAll(ctx, cfg, servers, selected)
	if !ok {
		return exitMismatch
	}
	if cfg.checkOnly {
		return 0
	}
	fmt.Println()

	results := bench(ctx, cfg, servers, selected, expected)

	fmt.Println("identity check (after the run):")
	_, okAfter := checkAll(ctx, cfg, servers, selected)
	fmt.Println()

	printResults(cfg, servers, selected, results)
	if la := loadavg(); la != "" {
		fmt.Printf("load average after: %s\n", la)
	}
	printNotes(selected)

	failed := 0
	for _, r := range results {
		failed += r.errors + r.wrong
	}
	if !okAfter || failed > 0 {
		fmt.Fprintf(os.Stderr, "loadgen: %d failed or wrong answers during the run; identity after the run: %v\n", failed, okAfter)
		return exitRun
	}
	return 0
}

// loadavg is /proc/loadavg's 1, 5 and 15 minute averages ("" elsewhere):
// other work on the machine shows there.
func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ") + fmt.Sprintf(" (%d CPUs)", runtime.NumCPU())
}

func usage(format string, args ...any) int {
	fmt.Fprintf(os.Stderr, "loadgen: "+format+"\n", args...)
	flag.Usage()
	return exitUsage
}

// ---------------------------------------------------------------------------
// Servers and the HTTP client.

type flavour int

const (
	flavourPG flavour = iota
	flavourPeer
)

type server struct {
	key, name string
	kind      flavour
	endpoint  string
	client    *http.Client
}

// newServer accepts http://127.0.0.1:PORT[/path] only; the GraphQL endpoint
// is <base>/graphql.
func newServer(key, name, base string, kind flavour, cfg config) (*server, error) {
	u, err := url.Parse(base)
	if err != nil {
		return nil, err
	}
	if u.Scheme != "http" || u.Hostname() != "127.0.0.1" || u.Port() == "" || u.User != nil {
		return nil, fmt.Errorf("%q: only http://127.0.0.1:PORT URLs are allowed", base)
	}
	u.Path = strings.TrimSuffix(u.Path, "/") + "/graphql"
	u.RawQuery, u.Fragment = "", ""
	dialer := &net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}
	tr := &http.Transport{
		Proxy: nil, // never through a proxy: straight to 127.0.0.1
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			host, _, err := net.SplitHostPort(addr)
			if err != nil || host != "127.0.0.1" {
				return nil, fmt.Errorf("loadgen: refusing to dial %q (127.0.0.1 only)", addr)
			}
			return dialer.DialContext(ctx, network, addr)
		},
		MaxIdleConns:        cfg.connections,
		MaxIdleConnsPerHost: cfg.connections,
		MaxConnsPerHost:     cfg.connections,
		IdleConnTimeout:     5 * time.Minute,
		DisableCompression:  true, // neither server compresses; keep it that way
		ForceAttemptHTTP2:   false,
	}
	return &server{
		key: key, name: name, kind: kind, endpoint: u.String(),
		client: &http.Client{
			Transport: tr,
			Timeout:   cfg.timeout,
			CheckRedirect: func(*http.Request, []*http.Request) error {
				return errors.New("loadgen: redirects are not followed")
			},
		},
	}, nil
}

// request is one GraphQL request body, marshalled once.
type request []byte

func gql(query string, vars map[string]any) request {
	body := map[string]any{"query": query}
	if vars != nil {
		body["variables"] = vars
	}
	b, err := json.Marshal(body)
	if err != nil {
		panic(err)
	}
	return b
}

var errsKey = []byte(`"errors":`)

// post sends one request and returns the body; an HTTP status other than 200
// or a GraphQL errors entry is an error.
func (s *server) post(ctx context.Context, req request) ([]byte, error) {
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, s.endpoint, bytes.NewReader(req))
	if err != nil {
		return nil, err
	}
	hr.Header.Set("Content-Type", "application/json")
	hr.Header.Set("Accept", "application/json")
	resp, err := s.client.Do(hr)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("HTTP %d: %s", resp.StatusCode, clip(body))
	}
	if bytes.Contains(body, errsKey) {
		return nil, fmt.Errorf("GraphQL errors: %s", clip(body))
	}
	return body, nil
}

func clip(b []byte) string {
	const n = 600
	if len(b) > n {
		return string(b[:n]) + "…"
	}
	return string(b)
}

// decode parses a GraphQL response into data, failing on errors or null data.
func decode[T any](body []byte) (*T, error) {
	var r struct {
		Data   *T `json:"data"`
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, fmt.Errorf("bad JSON: %v: %s", err, clip(body))
	}
	if len(r.Errors) > 0 {
		return nil, fmt.Errorf("GraphQL errors: %s", r.Errors[0].Message)
	}
	if r.Data == nil {
		return nil, fmt.Errorf("no data: %s", clip(body))
	}
	return r.Data, nil
}

// ---------------------------------------------------------------------------
// Shapes.

// side is one server flavour's way to answer a shape. exec sends the
// request(s) of one iteration; with canon it also normalises the answer,
// otherwise it parses only what the next request needs.
type side struct {
	queries []string // for the notes
	exec    func(ctx context.Context, s *server, canon bool) (any, error)
}

type shape struct {
	name  string
	title string
	note  string // what the peer does differently, printed after the table
	pg    side
	peer  side
	// summary describes a canonical answer (what the check compared).
	summary func(canon []byte) string
}

func (sh *shape) side(k flavour) side {
	if k == flavourPeer {
		return sh.peer
	}
	return sh.pg
}

func shapeByName(name string) *shape {
	for _, sh := range allShapes {
		if sh.name == name {
			return sh
		}
	}
	return nil
}

// Ids of the corpus the shapes ask about.
const (
	lawID     = "law:独占禁止法"                       // cited by measures of both editions
	measureID = "measure:2023:MISSION-5:c7435d22" // cites three laws
	searchFor = "半導体"
)

type idName struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func sortedIDNames(in []idName) []idName {
	out := slices.Clone(in)
	if out == nil {
		out = []idName{}
	}
	slices.SortFunc(out, func(a, b idName) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// single runs one fixed request per iteration and normalises with norm.
func single(query string, norm func(body []byte) (any, error)) side {
	req := gql(query, nil)
	return side{
		queries: []string{query},
		exec: func(ctx context.Context, s *server, canon bool) (any, error) {
			body, err := s.post(ctx, req)
			if err != nil || !canon {
				return nil, err
			}
			return norm(body)
		},
	}
}

// S1: every pillar → its measures (first 100, document order) → each
// measure's laws and funds.

type s1Measure struct {
	ID    string   `json:"id"`
	Title string   `json:"title"`
	Laws  []idName `json:"laws"`
	Funds []idName `json:"funds"`
}

type s1Pillar struct {
	ID       string      `json:"id"`
	Measures []s1Measure `json:"measures"`
}

func s1Canon(pillars []s1Pillar) []s1Pillar {
	out := make([]s1Pillar, 0, len(pillars))
	for _, p := range pillars {
		ms := make([]s1Measure, 0, len(p.Measures))
		for _, m := range p.Measures {
			ms = append(ms, s1Measure{ID: m.ID, Title: m.Title, Laws: sortedIDNames(m.Laws), Funds: sortedIDNames(m.Funds)})
		}
		out = append(out, s1Pillar{ID: p.ID, Measures: ms})
	}
	return out
}

// S2: a law → the measures citing it → each measure's pillar and document.

type s2Measure struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Pillar *struct {
		Key string `json:"key"`
	} `json:"pillar"`
	Document *struct {
		Year int `json:"year"`
	} `json:"document"`
}

type s2Law struct {
	ID       string      `json:"id"`
	Name     string      `json:"name"`
	Measures []s2Measure `json:"measures"`
}

type s2CanonMeasure struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	PillarKey  string `json:"pillarKey"`    // "" when the measure has no pillar
	DocumentYr int    `json:"documentYear"` // 0 when there is no document
}

type s2Canon struct {
	ID       string           `json:"id"`
	Name     string           `json:"name"`
	Measures []s2CanonMeasure `json:"measures"`
}

func s2Normalise(l s2Law) s2Canon {
	out := s2Canon{ID: l.ID, Name: l.Name, Measures: []s2CanonMeasure{}}
	for _, m := range l.Measures {
		c := s2CanonMeasure{ID: m.ID, Title: m.Title}
		if m.Pillar != nil {
			c.PillarKey = m.Pillar.Key
		}
		if m.Document != nil {
			c.DocumentYr = m.Document.Year
		}
		out.Measures = append(out.Measures, c)
	}
	return out
}

// S3: one measure with its laws.

type s3Law struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
}

type s3Canon struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Status    string  `json:"status"`
	LineStart int     `json:"lineStart"`
	Laws      []s3Law `json:"laws"`
}

func s3Normalise(c s3Canon) s3Canon {
	laws := make([]s3Law, 0, len(c.Laws))
	for _, l := range c.Laws {
		al := slices.Clone(l.Aliases)
		if al == nil {
			al = []string{}
		}
		laws = append(laws, s3Law{ID: l.ID, Name: l.Name, Aliases: al})
	}
	slices.SortFunc(laws, func(a, b s3Law) int { return strings.Compare(a.ID, b.ID) })
	c.Laws = laws
	return c
}

// S4: every pillar with its number of measures.

type s4Canon struct {
	ID       string `json:"id"`
	Measures int    `json:"measures"`
}

// S5: search, then the first hit's neighbourhood.

type s5Edge struct {
	Type   string `json:"type"`
	Source string `json:"source"`
	Target string `json:"target"`
}

type s5Canon struct {
	Query     string   `json:"query"`
	FundHits  []string `json:"fundHits"` // the Fund hits, in rank order
	Centre    string   `json:"centre"`   // the first hit
	Truncated bool     `json:"truncated"`
	Nodes     []string `json:"nodes"` // sorted
	Edges     []s5Edge `json:"edges"` // sorted
}

func (c *s5Canon) sort() {
	slices.Sort(c.Nodes)
	slices.SortFunc(c.Edges, func(a, b s5Edge) int {
		return cmpStrings(a.Type, b.Type, a.Source, b.Source, a.Target, b.Target)
	})
	if c.FundHits == nil {
		c.FundHits = []string{}
	}
	if c.Nodes == nil {
		c.Nodes = []string{}
	}
	if c.Edges == nil {
		c.Edges = []s5Edge{}
	}
}

func cmpStrings(pairs ...string) int {
	for i := 0; i+1 < len(pairs); i += 2 {
		if c := strings.Compare(pairs[i], pairs[i+1]); c != 0 {
			return c
		}
	}
	return 0
}

const (
	s1PG = `{ pillars { id measures(first: 100) { nodes { id title laws { id name } funds { id name } } } } }`
	// policygraph lists pillars by document year, then MISSION before OS,
	// then ordinal, and measures in document order (document year,
	// lineStart, id). Pillar ids are doc:2023 < doc:2025 and MISSION < OS,
	// and one pillar's measures are all of one document, so the peer can
	// ask for exactly the same order.
	s1Peer = `{ pillars(sort: [{documentId: ASC}, {kind: ASC}, {ordinal: ASC}]) { id ` +
		`measures(sort: [{lineStart: ASC}, {id: ASC}], limit: 100) { id title laws { id name } funds { id name } } } }`

	s2PG   = `{ law(id: "` + lawID + `") { id name measures { id title pillar { key } document { year } } } }`
	s2Peer = `{ laws(where: {id: {eq: "` + lawID + `"}}) { id name ` +
		`measures(sort: [{documentId: ASC}, {lineStart: ASC}, {id: ASC}]) { id title pillar { key } document { year } } } }`

	s3PG   = `{ measure(id: "` + measureID + `") { id title status source { lineStart } laws { id name aliases } } }`
	s3Peer = `{ measures(where: {id: {eq: "` + measureID + `"}}) { id title status lineStart laws { id name aliases } } }`

	s4PG   = `{ pillars { id measures { totalCount } } }`
	s4Peer = `{ pillars(sort: [{documentId: ASC}, {kind: ASC}, {ordinal: ASC}]) { id measuresConnection { totalCount } } }`

	s5PGSearch = `query Search($q: String!) { search(query: $q, first: 5) { node { __typename id } } }`
	s5PGHood   = `query Hood($id: ID!) { neighbourhood(id: $id, depth: 1) { truncated nodes { id } edges { type source target } } }`
	// The peer has no ranked cross-label search: it queries policygraph's
	// full-text index (peer_fund_name, cjk analyzer; bench/peer creates it) for Fund nodes through
	// @fulltext, ranked by Lucene score, ties by id.
	s5PeerSearch = `query Search($q: String!) { fundsFulltext(phrase: $q, sort: [{score: DESC}, {node: {id: ASC}}], first: 5) ` +
		`{ edges { node { id } } } }`
	// The depth-1 neighbourhood of a Fund: the measures and targets that
	// use it, and the relationships among all of them (measure → measure
	// RELISTS and EVOLVES_FROM are the only other types that can join two
	// such nodes; each is read from its start node).
	s5PeerHood = `query Hood($id: ID!) { funds(where: {id: {eq: $id}}) { id ` +
		`measures { id relistOf { id } evolvesFrom { id } } targets { id } } }`
)

var allShapes = []*shape{
	{
		name:  "S1",
		title: "pillars → measures (first 100, document order) → laws, funds",
		pg: single(s1PG, func(body []byte) (any, error) {
			d, err := decode[struct {
				Pillars []struct {
					ID       string `json:"id"`
					Measures struct {
						Nodes []s1Measure `json:"nodes"`
					} `json:"measures"`
				} `json:"pillars"`
			}](body)
			if err != nil {
				return nil, err
			}
			var ps []s1Pillar
			for _, p := range d.Pillars {
				ps = append(ps, s1Pillar{ID: p.ID, Measures: p.Measures.Nodes})
			}
			return s1Canon(ps), nil
		}),
		peer: single(s1Peer, func(body []byte) (any, error) {
			d, err := decode[struct {
				Pillars []s1Pillar `json:"pillars"`
			}](body)
			if err != nil {
				return nil, err
			}
			return s1Canon(d.Pillars), nil
		}),
		summary: func(b []byte) string {
			var ps []s1Pillar
			_ = json.Unmarshal(b, &ps)
			ms, laws, funds := 0, 0, 0
			for _, p := range ps {
				ms += len(p.Measures)
				for _, m := range p.Measures {
					laws += len(m.Laws)
					funds += len(m.Funds)
				}
			}
			return fmt.Sprintf("%d pillars, %d measures in order with titles, %d law and %d fund links", len(ps), ms, laws, funds)
		},
	},
	{
		name:  "S2",
		title: "law:独占禁止法 → citing measures → pillar key, document year",
		pg: single(s2PG, func(body []byte) (any, error) {
			d, err := decode[struct {
				Law *s2Law `json:"law"`
			}](body)
			if err != nil {
				return nil, err
			}
			if d.Law == nil {
				return nil, errors.New("law is null")
			}
			return s2Normalise(*d.Law), nil
		}),
		peer: single(s2Peer, func(body []byte) (any, error) {
			d, err := decode[struct {
				Laws []s2Law `json:"laws"`
			}](body)
			if err != nil {
				return nil, err
			}
			if len(d.Laws) != 1 {
				return nil, fmt.Errorf("%d laws with id %s, want 1", len(d.Laws), lawID)
			}
			return s2Normalise(d.Laws[0]), nil
		}),
		summary: func(b []byte) string {
			var c s2Canon
			_ = json.Unmarshal(b, &c)
			var parts []string
			for _, m := range c.Measures {
				parts = append(parts, fmt.Sprintf("%s/%d", m.PillarKey, m.DocumentYr))
			}
			return fmt.Sprintf("%s: %d measures in order with titles (%s)", c.Name, len(c.Measures), strings.Join(parts, ", "))
		},
	},
	{
		name:  "S3",
		title: "one measure by id with its laws",
		pg: single(s3PG, func(body []byte) (any, error) {
			d, err := decode[struct {
				Measure *struct {
					ID     string `json:"id"`
					Title  string `json:"title"`
					Status string `json:"status"`
					Source struct {
						LineStart int `json:"lineStart"`
					} `json:"source"`
					Laws []s3Law `json:"laws"`
				} `json:"measure"`
			}](body)
			if err != nil {
				return nil, err
			}
			m := d.Measure
			if m == nil {
				return nil, errors.New("measure is null")
			}
			return s3Normalise(s3Canon{ID: m.ID, Title: m.Title, Status: m.Status, LineStart: m.Source.LineStart, Laws: m.Laws}), nil
		}),
		peer: single(s3Peer, func(body []byte) (any, error) {
			d, err := decode[struct {
				Measures []s3Canon `json:"measures"`
			}](body)
			if err != nil {
				return nil, err
			}
			if len(d.Measures) != 1 {
				return nil, fmt.Errorf("%d measures with id %s, want 1", len(d.Measures), measureID)
			}
			return s3Normalise(d.Measures[0]), nil
		}),
		summary: func(b []byte) string {
			var c s3Canon
			_ = json.Unmarshal(b, &c)
			var ids []string
			for _, l := range c.Laws {
				ids = append(ids, l.ID)
			}
			return fmt.Sprintf("%s (%s, line %d): laws %s", c.ID, c.Status, c.LineStart, strings.Join(ids, ", "))
		},
	},
	{
		name:  "S4",
		title: "every pillar with its measure count",
		pg: single(s4PG, func(body []byte) (any, error) {
			d, err := decode[struct {
				Pillars []struct {
					ID       string `json:"id"`
					Measures struct {
						TotalCount int `json:"totalCount"`
					} `json:"measures"`
				} `json:"pillars"`
			}](body)
			if err != nil {
				return nil, err
			}
			out := []s4Canon{}
			for _, p := range d.Pillars {
				out = append(out, s4Canon{ID: p.ID, Measures: p.Measures.TotalCount})
			}
			return out, nil
		}),
		peer: single(s4Peer, func(body []byte) (any, error) {
			d, err := decode[struct {
				Pillars []struct {
					ID                 string `json:"id"`
					MeasuresConnection struct {
						TotalCount int `json:"totalCount"`
					} `json:"measuresConnection"`
				} `json:"pillars"`
			}](body)
			if err != nil {
				return nil, err
			}
			out := []s4Canon{}
			for _, p := range d.Pillars {
				out = append(out, s4Canon{ID: p.ID, Measures: p.MeasuresConnection.TotalCount})
			}
			return out, nil
		}),
		summary: func(b []byte) string {
			var c []s4Canon
			_ = json.Unmarshal(b, &c)
			total := 0
			for _, p := range c {
				total += p.Measures
			}
			return fmt.Sprintf("%d pillars in order, %d measures in all", len(c), total)
		},
	},
	{
		name:  "S5",
		title: "search \"" + searchFor + "\" (first 5) → neighbourhood(first hit, depth 1); 2 requests",
		note: "S5 differs in what the search covers. policygraph's search(query: \"" + searchFor + "\", first: 5) ranks " +
			"all labels with its own scoring (today: 1 fund, then 4 measures); the peer has no equivalent, so it " +
			"asks its own full-text index peer_fund_name (cjk analyzer over Fund.name) through @fulltext " +
			"(fundsFulltext, Lucene score, ties by id). The check compares the Fund hits of both in rank order " +
			"and the first hit (the centre) — policygraph's measure hits have no peer counterpart and are not compared. " +
			"The second request is compared in full: policygraph's neighbourhood(depth: 1) against the peer's " +
			"funds(where: {id}) { measures { id relistOf { id } evolvesFrom { id } } targets { id } }, from which " +
			"the normaliser rebuilds the node set and the relationships among those nodes (USES_FUND, RELISTS, " +
			"EVOLVES_FROM). The peer's second query is written for a Fund centre; the check fails if policygraph's " +
			"first hit is not a Fund.",
		pg: side{
			queries: []string{s5PGSearch, s5PGHood},
			exec: func(ctx context.Context, s *server, canon bool) (any, error) {
				body, err := s.post(ctx, s5SearchReqPG)
				if err != nil {
					return nil, err
				}
				search, err := decode[struct {
					Search []struct {
						Node struct {
							Typename string `json:"__typename"`
							ID       string `json:"id"`
						} `json:"node"`
					} `json:"search"`
				}](body)
				if err != nil {
					return nil, err
				}
				if len(search.Search) == 0 {
					return nil, errors.New("search found nothing")
				}
				centre := search.Search[0].Node.ID
				body, err = s.post(ctx, gql(s5PGHood, map[string]any{"id": centre}))
				if err != nil || !canon {
					return nil, err
				}
				if t := search.Search[0].Node.Typename; t != "Fund" {
					return nil, fmt.Errorf("policygraph's first hit %s is a %s; the peer's S5 query is written for a Fund", centre, t)
				}
				hood, err := decode[struct {
					Neighbourhood struct {
						Truncated bool `json:"truncated"`
						Nodes     []struct {
							ID string `json:"id"`
						} `json:"nodes"`
						Edges []s5Edge `json:"edges"`
					} `json:"neighbourhood"`
				}](body)
				if err != nil {
					return nil, err
				}
				c := s5Canon{Query: searchFor, Centre: centre, Truncated: hood.Neighbourhood.Truncated, Edges: hood.Neighbourhood.Edges}
				for _, h := range search.Search {
					if h.Node.Typename == "Fund" {
						c.FundHits = append(c.FundHits, h.Node.ID)
					}
				}
				for _, n := range hood.Neighbourhood.Nodes {
					c.Nodes = append(c.Nodes, n.ID)
				}
				c.sort()
				return c, nil
			},
		},
		peer: side{
			queries: []string{s5PeerSearch, s5PeerHood},
			exec: func(ctx context.Context, s *server, canon bool) (any, error) {
				body, err := s.post(ctx, s5SearchReqPeer)
				if err != nil {
					return nil, err
				}
				search, err := decode[struct {
					FundsFulltext struct {
						Edges []struct {
							Node struct {
								ID string `json:"id"`
							} `json:"node"`
						} `json:"edges"`
					} `json:"fundsFulltext"`
				}](body)
				if err != nil {
					return nil, err
				}
				hits := search.FundsFulltext.Edges
				if len(hits) == 0 {
					return nil, errors.New("search found nothing")
				}
				centre := hits[0].Node.ID
				body, err = s.post(ctx, gql(s5PeerHood, map[string]any{"id": centre}))
				if err != nil || !canon {
					return nil, err
				}
				type ref struct {
					ID string `json:"id"`
				}
				d, err := decode[struct {
					Funds []struct {
						ID       string `json:"id"`
						Measures []struct {
							ID          string `json:"id"`
							RelistOf    *ref   `json:"relistOf"`
							EvolvesFrom []ref  `json:"evolvesFrom"`
						} `json:"measures"`
						Targets []ref `json:"targets"`
					} `json:"funds"`
				}](body)
				if err != nil {
					return nil, err
				}
				if len(d.Funds) != 1 {
					return nil, fmt.Errorf("%d funds with id %s, want 1", len(d.Funds), centre)
				}
				f := d.Funds[0]
				c := s5Canon{Query: searchFor, Centre: centre}
				for _, h := range hits {
					c.FundHits = append(c.FundHits, h.Node.ID)
				}
				in := map[string]bool{f.ID: true}
				for _, m := range f.Measures {
					in[m.ID] = true
				}
				for _, t := range f.Targets {
					in[t.ID] = true
				}
				for id := range in {
					c.Nodes = append(c.Nodes, id)
				}
				for _, m := range f.Measures {
					c.Edges = append(c.Edges, s5Edge{"USES_FUND", m.ID, f.ID})
					if m.RelistOf != nil && in[m.RelistOf.ID] {
						c.Edges = append(c.Edges, s5Edge{"RELISTS", m.ID, m.RelistOf.ID})
					}
					for _, e := range m.EvolvesFrom {
						if in[e.ID] {
							c.Edges = append(c.Edges, s5Edge{"EVOLVES_FROM", m.ID, e.ID})
						}
					}
				}
				for _, t := range f.Targets {
					c.Edges = append(c.Edges, s5Edge{"USES_FUND", t.ID, f.ID})
				}
				c.sort()
				return c, nil
			},
		},
		summary: func(b []byte) string {
			var c s5Canon
			_ = json.Unmarshal(b, &c)
			return fmt.Sprintf("fund hits [%s], centre %s: %d nodes, %d relationships", strings.Join(c.FundHits, ", "),
				c.Centre, len(c.Nodes), len(c.Edges))
		},
	},
}

var (
	s5SearchReqPG   = gql(s5PGSearch, map[string]any{"q": searchFor})
	s5SearchReqPeer = gql(s5PeerSearch, map[string]any{"q": searchFor})
)

// ---------------------------------------------------------------------------
// Identity check.

// checkAll asks every server every shape once, normalises, and compares all
// pairs. It returns the canonical answer of each shape (for the checks
// during the run) and whether all agreed.
func checkAll(ctx context.Context, cfg config, servers []*server, shapes []*shape) (map[string][]byte, bool) {
	expected := map[string][]byte{}
	ok := true
	for _, sh := range shapes {
		canon := make([][]byte, len(servers))
		failed := false
		for i, s := range servers {
			c, err := canonical(ctx, sh, s)
			if err != nil {
				fmt.Printf("  %s  %s (%s): FAILED: %v\n", sh.name, s.key, s.name, err)
				failed = true
				continue
			}
			canon[i] = c
		}
		if failed {
			ok = false
			continue
		}
		var bad []string
		for i := range servers {
			for j := i + 1; j < len(servers); j++ {
				if !bytes.Equal(canon[i], canon[j]) {
					bad = append(bad, servers[i].key+"≠"+servers[j].key)
					reportDiff(cfg, sh, servers[i], servers[j], canon[i], canon[j])
				}
			}
		}
		pairs := len(servers) * (len(servers) - 1) / 2
		if len(bad) > 0 {
			fmt.Printf("  %s  MISMATCH (%s)\n", sh.name, strings.Join(bad, ", "))
			ok = false
			continue
		}
		fmt.Printf("  %s  ok, %d pairs equal: %s\n", sh.name, pairs, sh.summary(canon[0]))
		expected[sh.name] = canon[0]
	}
	return expected, ok
}

func canonical(ctx context.Context, sh *shape, s *server) ([]byte, error) {
	v, err := sh.side(s.kind).exec(ctx, s, true)
	if err != nil {
		return nil, err
	}
	return json.MarshalIndent(v, "", "  ")
}

// reportDiff prints where two canonical answers first differ and writes
// both to files for a full diff.
func reportDiff(cfg config, sh *shape, a, b *server, ca, cb []byte) {
	la, lb := strings.Split(string(ca), "\n"), strings.Split(string(cb), "\n")
	first := 0
	for first < len(la) && first < len(lb) && la[first] == lb[first] {
		first++
	}
	fmt.Printf("  %s  %s (%s) and %s (%s) differ from canonical line %d:\n", sh.name, a.key, a.name, b.key, b.name, first+1)
	lo := max(0, first-3)
	for i := lo; i < min(len(la), first+6); i++ {
		fmt.Printf("      -%s %s\n", a.key, la[i])
	}
	for i := lo; i < min(len(lb), first+6); i++ {
		fmt.Printf("      +%s %s\n", b.key, lb[i])
	}
	dir := cfg.diffDir
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "policygraph-bench-diff-"); err != nil {
			return
		}
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return
	}
	fa := filepath.Join(dir, sh.name+"-"+a.key+".json")
	fb := filepath.Join(dir, sh.name+"-"+b.key+".json")
	if os.WriteFile(fa, ca, 0o644) == nil && os.WriteFile(fb, cb, 0o644) == nil {
		fmt.Printf("      full canonical answers: diff -u %s %s\n", fa, fb)
	}
}

// ---------------------------------------------------------------------------
// The measured run.

type key struct{ shape, server string }

type result struct {
	iterations int
	errors     int // failed requests (transport, HTTP status, GraphQL errors)
	wrong      int // sampled answers whose canonical form differed
	elapsed    time.Duration
	latencies  []time.Duration
	perRound   []float64 // iterations/s of each round
	firstErr   string
}

func bench(ctx context.Context, cfg config, servers []*server, shapes []*shape, expected map[string][]byte) map[key]*result {
	results := map[key]*result{}
	for _, sh := range shapes {
		for _, s := range servers {
			results[key{sh.name, s.key}] = &result{}
		}
	}
	if cfg.warmup > 0 {
		fmt.Fprintf(os.Stderr, "warm-up: %s per shape and server\n", cfg.warmup)
		for _, sh := range shapes {
			for _, s := range servers {
				slot(ctx, cfg, sh, s, cfg.warmup, nil)
			}
		}
	}
	for r := range cfg.rounds {
		for _, sh := range shapes {
			for i := range servers {
				s := servers[(i+r)%len(servers)] // rotate who goes first
				res := results[key{sh.name, s.key}]
				n, lat, errs, wrong, elapsed, firstErr := slot(ctx, cfg, sh, s, cfg.duration, expected[sh.name])
				res.iterations += n
				res.errors += errs
				res.wrong += wrong
				res.elapsed += elapsed
				res.latencies = append(res.latencies, lat...)
				rate := float64(n) / elapsed.Seconds()
				res.perRound = append(res.perRound, rate)
				if res.firstErr == "" {
					res.firstErr = firstErr
				}
				fmt.Fprintf(os.Stderr, "round %d/%d  %s  %s %-32s %9.1f req/s  %7d ok  %d failed  %d wrong\n",
					r+1, cfg.rounds, sh.name, s.key, s.name, rate, n, errs, wrong)
			}
		}
	}
	return results
}

// slot runs one shape against one server with cfg.connections workers for
// d (an iteration started before the deadline completes; no more than
// cfg.maxRequests iterations in all). Failed iterations are counted, not
// timed. When expected is set, every cfg.verifyEvery-th iteration of each
// worker is normalised and compared with it.
func slot(ctx context.Context, cfg config, sh *shape, s *server, d time.Duration, expected []byte) (
	n int, lat []time.Duration, errs, wrong int, elapsed time.Duration, firstErr string) {
	sd := sh.side(s.kind)
	var (
		mu     sync.Mutex
		wg     sync.WaitGroup
		budget = cfg.maxRequests
	)
	take := func() bool {
		mu.Lock()
		defer mu.Unlock()
		if budget == 0 {
			return false
		}
		budget--
		return true
	}
	start := time.Now()
	deadline := start.Add(d)
	for w := range cfg.connections {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var (
				mine      []time.Duration
				e, bad, k int
				msg       string
			)
			for time.Now().Before(deadline) && take() {
				k++
				verify := expected != nil && (k+w)%cfg.verifyEvery == 0
				t0 := time.Now()
				v, err := sd.exec(ctx, s, verify)
				dt := time.Since(t0)
				if err != nil {
					e++
					if msg == "" {
						msg = err.Error()
					}
					continue
				}
				if verify {
					b, _ := json.MarshalIndent(v, "", "  ")
					if !bytes.Equal(b, expected) {
						bad++
						if msg == "" {
							msg = "answer differs from the one checked before the run"
						}
					}
				}
				mine = append(mine, dt)
			}
			mu.Lock()
			lat = append(lat, mine...)
			errs += e
			wrong += bad
			if firstErr == "" {
				firstErr = msg
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed = time.Since(start)
	return len(lat), lat, errs, wrong, elapsed, firstErr
}

// ---------------------------------------------------------------------------
// Output.

func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted))*p+0.999999) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f", float64(d)/float64(time.Millisecond)) }

func printResults(cfg config, servers []*server, shapes []*shape, results map[key]*result) {
	var peer *server
	for _, s := range servers {
		if s.kind == flavourPeer {
			peer = s
		}
	}
	fmt.Printf("results (%d round(s) × %s per shape and server, %d connections; an S5 request is its 2 HTTP requests)\n",
		cfg.rounds, cfg.duration, cfg.connections)
	if peer != nil {
		fmt.Printf("×peer req/s = req/s ÷ peer's req/s (higher is better); ×peer p50 = p50 ÷ peer's p50 (lower is better)\n")
	}
	fmt.Println()
	header := fmt.Sprintf("%-5s %-34s %10s %17s %9s %9s %11s %11s %7s", "shape", "server", "req/s",
		"req/s per round", "p50 ms", "p99 ms", "×peer req/s", "×peer p50", "failed")
	fmt.Println(header)
	fmt.Println(strings.Repeat("-", len([]rune(header))))
	for _, sh := range shapes {
		type row struct {
			rate     float64
			p50, p99 time.Duration
		}
		rows := map[string]row{}
		for _, s := range servers {
			res := results[key{sh.name, s.key}]
			slices.Sort(res.latencies)
			rows[s.key] = row{
				rate: float64(res.iterations) / res.elapsed.Seconds(),
				p50:  percentile(res.latencies, 0.50),
				p99:  percentile(res.latencies, 0.99),
			}
		}
		for _, s := range servers {
			res := results[key{sh.name, s.key}]
			r := rows[s.key]
			lo, hi := slices.Min(res.perRound), slices.Max(res.perRound)
			ratioRate, ratioP50 := "", ""
			if peer != nil {
				pr := rows[peer.key]
				if pr.rate > 0 {
					ratioRate = fmt.Sprintf("%.2f", r.rate/pr.rate)
				}
				if pr.p50 > 0 {
					ratioP50 = fmt.Sprintf("%.3f", float64(r.p50)/float64(pr.p50))
				}
			}
			failed := fmt.Sprint(res.errors + res.wrong)
			fmt.Printf("%-5s %-34s %10.1f %17s %9s %9s %11s %11s %7s\n", sh.name, s.key+" "+s.name, r.rate,
				fmt.Sprintf("%.0f–%.0f", lo, hi), ms(r.p50), ms(r.p99), ratioRate, ratioP50, failed)
		}
	}
	for _, sh := range shapes {
		for _, s := range servers {
			if res := results[key{sh.name, s.key}]; res.firstErr != "" {
				fmt.Printf("\n%s %s: first failure: %s", sh.name, s.key, res.firstErr)
			}
		}
	}
	fmt.Println()
}

func printNotes(shapes []*shape) {
	fmt.Println("shapes:")
	for _, sh := range shapes {
		fmt.Printf("  %s  %s\n", sh.name, sh.title)
		for _, q := range sh.pg.queries {
			fmt.Printf("        policygraph: %s\n", q)
		}
		for _, q := range sh.peer.queries {
			fmt.Printf("        peer:        %s\n", q)
		}
	}
	fmt.Println("notes:")
	fmt.Println("  - Answers are compared after normalisation: lists whose order both servers define (pillars; a pillar's or a")
	fmt.Println("    law's measures in document order) are compared in order, laws and funds of a measure as sets sorted by id.")
	for _, sh := range shapes {
		if sh.note != "" {
			fmt.Printf("  - %s\n", wrap(sh.note, 110, "    "))
		}
	}
}

func wrap(s string, width int, indent string) string {
	var b strings.Builder
	line := 0
	for i, w := range strings.Fields(s) {
		n := len([]rune(w))
		if i > 0 {
			if line+1+n > width {
				b.WriteString("\n" + indent)
				line = 0
			} else {
				b.WriteString(" ")
				line++
			}
		}
		b.WriteString(w)
		line += n
	}
	return b.String()
}
