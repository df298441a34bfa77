package integration

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/neo4jstore"
	"github.com/policygraph/policygraph/server"
	"github.com/policygraph/policygraph/snapshot"
)

// envFaults turns on the tests that kill a Neo4j of their own.
const envFaults = "POLICYGRAPH_NEO4J_FAULTS"

// faultNeo4j is a Neo4j this test owns (scripts/neo4j.sh with its own state
// directory and port, the launcher of the shared one), so it can kill it.
type faultNeo4j struct {
	t     *testing.T
	state string
	port  int
}

func startFaultNeo4j(t *testing.T) *faultNeo4j {
	t.Helper()
	if os.Getenv(envFaults) != "1" {
		t.Skip("set " + envFaults + "=1 to kill and restart a Neo4j of the test's own (needs scripts/neo4j.sh: a JDK 17 and Maven)")
	}
	dist, err := exec.Command("bash", "../scripts/neo4j.sh", "dist").Output()
	if err != nil {
		t.Fatalf("scripts/neo4j.sh dist: %v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	n := &faultNeo4j{t: t, state: filepath.Join(t.TempDir(), "neo4j"), port: port}
	t.Setenv("POLICYGRAPH_NEO4J_DIST", strings.TrimSpace(string(dist)))
	n.run("start", false)
	t.Cleanup(func() { n.run("stop", false) })
	return n
}

// run runs scripts/neo4j.sh cmd on this server's state and port.
func (n *faultNeo4j) run(cmd string, keepData bool) {
	n.t.Helper()
	c := exec.Command("bash", "../scripts/neo4j.sh", cmd)
	keep := "0"
	if keepData {
		keep = "1"
	}
	c.Env = append(os.Environ(), "POLICYGRAPH_STATE="+n.state, "NEO4J_BOLT_PORT="+strconv.Itoa(n.port),
		"NEO4J_HTTP_PORT=0", "POLICYGRAPH_NEO4J_KEEP_DATA="+keep, "POLICYGRAPH_NEO4J_HEAP=512m")
	if out, err := c.CombinedOutput(); err != nil {
		n.t.Fatalf("neo4j.sh %s: %v\n%s", cmd, err, out)
	}
}

// kill ends the server at once (SIGKILL), as a crash or an OOM kill would,
// and waits until it is gone.
func (n *faultNeo4j) kill() {
	n.t.Helper()
	b, err := os.ReadFile(filepath.Join(n.state, "neo4j.pid"))
	if err != nil {
		n.t.Fatal(err)
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		n.t.Fatalf("kill %d: %v", pid, err)
	}
	for range 100 {
		if syscall.Kill(pid, 0) != nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	n.t.Fatalf("neo4j %d survived SIGKILL", pid)
}

func (n *faultNeo4j) open() *neo4jstore.Store {
	n.t.Helper()
	s, err := neo4jstore.Open(context.Background(), neo4jstore.Config{
		URI: "bolt://127.0.0.1:" + strconv.Itoa(n.port), User: "neo4j", Password: "policygraph-test",
		MaxRetryTime: 200 * time.Millisecond, ConnectTimeout: time.Second,
	})
	if err != nil {
		n.t.Fatal(err)
	}
	n.t.Cleanup(func() { s.Close(context.Background()) })
	return s
}

// loadedFaultNeo4j starts a Neo4j of the test's own holding the corpus.
func loadedFaultNeo4j(t *testing.T) (*faultNeo4j, *neo4jstore.Store) {
	t.Helper()
	n := startFaultNeo4j(t)
	s := n.open()
	if err := s.EnsureSchema(t.Context(), 0); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadGraph(t.Context(), corpus(t)); err != nil {
		t.Fatal(err)
	}
	return n, s
}

// TestNeo4jKilledMidLoad kills Neo4j in the middle of a load that changes
// both documents: after a restart the database holds the previous corpus
// exactly (same fingerprint, same counts), and the load then goes through.
func TestNeo4jKilledMidLoad(t *testing.T) {
	n, s := loadedFaultNeo4j(t)
	ctx := t.Context()
	fp, err := s.Fingerprint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stats, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}

	changed := corpus(t)
	for _, d := range changed.Documents {
		d.Title += " (changed)"
	}
	s.SetLoadHook(func(step string, i int) error {
		if step == "create relationships" {
			n.kill()
		}
		return nil
	})
	if _, err := s.LoadGraph(ctx, changed); err == nil {
		t.Fatal("a load whose database died succeeded")
	}
	s.SetLoadHook(nil)

	n.run("start", true)
	s = n.open()
	if got, err := s.Fingerprint(ctx); err != nil || got != fp {
		t.Fatalf("after the crash: fingerprint %q (%v), want the previous %q", got, err, fp)
	}
	if got, err := s.Counts(ctx); err != nil || !sameCounts(got, stats) {
		t.Fatalf("after the crash: counts %v (%v), want %v", got, err, stats)
	}
	if title := documentTitle(t, s, "doc:2023"); strings.HasSuffix(title, "(changed)") {
		t.Fatalf("after the crash: doc:2023 is titled %q", title)
	}
	if _, err := s.LoadGraph(ctx, changed); err != nil {
		t.Fatalf("the load after the restart: %v", err)
	}
	if title := documentTitle(t, s, "doc:2023"); !strings.HasSuffix(title, "(changed)") {
		t.Errorf("after the load: doc:2023 is titled %q", title)
	}
}

// documentTitle reads a document's title from what Neo4j holds.
func documentTitle(t *testing.T, s *neo4jstore.Store, id string) string {
	t.Helper()
	g, _, err := s.ReadGraph(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range g.Documents {
		if d.ID == id {
			return d.Title
		}
	}
	t.Fatalf("no document %s", id)
	return ""
}

func sameCounts(a, b *neo4jstore.Counts) bool {
	for l, n := range b.Labels {
		if a.Labels[l] != n {
			return false
		}
	}
	for r, n := range b.RelTypes {
		if a.RelTypes[r] != n {
			return false
		}
	}
	return true
}

// TestNeo4jKilledMidServe serves through a snapshot, kills Neo4j: queries
// keep their answers and /readyz stays ready while the copy is fresh
// enough, the refresh reports the outage; after a restart the next refresh
// serves again.
func TestNeo4jKilledMidServe(t *testing.T) {
	n, s := loadedFaultNeo4j(t)
	ctx := t.Context()
	snap := snapshot.New(s, snapshot.Options{MaxStale: time.Hour, Permanent: neo4jstore.Permanent})
	if err := snap.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	h := server.New(server.DefaultConfig(), snap, nil)
	before := query(t, h, nestedQuery, nil)

	n.kill()
	err := snap.Refresh(ctx)
	if err == nil || neo4jstore.Permanent(err) || policygraph.ErrorCode(err) != policygraph.EUNAVAILABLE {
		t.Fatalf("refresh with Neo4j dead: %v (want a transient UNAVAILABLE)", err)
	}
	if during := query(t, h, nestedQuery, nil); !jsonEqual(during.Data, before.Data) {
		t.Errorf("the answer changed while Neo4j was down")
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
	if rec.Code != http.StatusOK {
		t.Errorf("/readyz with a fresh snapshot and Neo4j down: %d %s", rec.Code, rec.Body)
	}

	n.run("start", true)
	var rerr error
	for range 50 { // the driver reconnects on its own; allow it a few seconds
		if rerr = snap.Refresh(ctx); rerr == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if rerr != nil {
		t.Fatalf("refresh after the restart: %v", rerr)
	}
	if after := query(t, h, nestedQuery, nil); !jsonEqual(after.Data, before.Data) {
		t.Errorf("the answer changed across the restart")
	}
}
