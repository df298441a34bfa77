// Package neo4jtest connects tests to a real Neo4j.
//
// The connection comes from NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and
// NEO4J_DATABASE (scripts/neo4j.sh start prints them). When NEO4J_URI is
// unset the test is skipped, unless POLICYGRAPH_REQUIRE_NEO4J=1 makes that a
// failure; tests are also skipped under -short.
//
// THE TESTS WIPE THE TARGET DATABASE (every node and relationship; the
// schema stays). To protect real data, Open refuses a URI whose host is not
// localhost, 127.0.0.1 or ::1 unless POLICYGRAPH_NEO4J_TEST_WIPE_OK=1.
package neo4jtest

import (
	"context"
	"net"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/policygraph/policygraph/neo4jstore"
)

// Env names.
const (
	EnvURI      = "NEO4J_URI"
	EnvUser     = "NEO4J_USER"
	EnvPassword = "NEO4J_PASSWORD"
	EnvDatabase = "NEO4J_DATABASE"
	EnvRequire  = "POLICYGRAPH_REQUIRE_NEO4J"
	EnvWipeOK   = "POLICYGRAPH_NEO4J_TEST_WIPE_OK"
)

// Config returns the connection settings from the environment, skipping (or
// failing, see the package comment) when there are none.
func Config(t testing.TB) neo4jstore.Config {
	t.Helper()
	if testing.Short() {
		t.Skip("neo4j tests are skipped under -short")
	}
	uri := os.Getenv(EnvURI)
	if uri == "" {
		msg := "no Neo4j: set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) " +
			"or run scripts/neo4j.sh start and export what it prints"
		if os.Getenv(EnvRequire) == "1" {
			t.Fatal(msg + " (" + EnvRequire + "=1 requires Neo4j)")
		}
		t.Skip(msg)
	}
	user := os.Getenv(EnvUser)
	if user == "" {
		user = os.Getenv("NEO4J_USERNAME")
	}
	return neo4jstore.Config{
		URI:      uri,
		User:     user,
		Password: os.Getenv(EnvPassword),
		Database: os.Getenv(EnvDatabase),
	}
}

// CheckWipeAllowed fails the test unless the URI points at this machine or
// POLICYGRAPH_NEO4J_TEST_WIPE_OK=1.
func CheckWipeAllowed(t testing.TB, uri string) {
	t.Helper()
	if os.Getenv(EnvWipeOK) == "1" {
		return
	}
	u, err := url.Parse(uri)
	if err != nil {
		t.Fatalf("bad %s: %v", EnvURI, err)
	}
	host := u.Hostname()
	if host == "localhost" {
		return
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return
	}
	t.Fatalf("refusing to run: the neo4j tests wipe the database, and %s is not on localhost; "+
		"set %s=1 if that database may be wiped", host, EnvWipeOK)
}

// Open connects to the Neo4j of the environment (see Config), ensures the
// schema and wipes the database. The store is closed when the test ends.
func Open(t testing.TB) *neo4jstore.Store {
	t.Helper()
	return OpenConfig(t, Config(t))
}

// OpenConfig is Open with explicit settings (a testcontainers Neo4j).
//
// Test binaries of different packages run in parallel under go test ./...
// and would wipe each other's data, so the first OpenConfig of a process
// takes an exclusive file lock per URI and database, held until the
// process exits.
func OpenConfig(t testing.TB, cfg neo4jstore.Config) *neo4jstore.Store {
	t.Helper()
	CheckWipeAllowed(t, cfg.URI)
	lockDatabase(t, cfg)
	return OpenOwned(t, cfg)
}

// OpenOwned is OpenConfig for a database the test owns (a container it
// started): no host check, no lock.
func OpenOwned(t testing.TB, cfg neo4jstore.Config) *neo4jstore.Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	s, err := neo4jstore.Open(ctx, cfg)
	if err != nil {
		t.Fatalf("open neo4j: %v", err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("neo4j at %s does not answer: %v", cfg.URI, err)
	}
	if err := s.EnsureSchema(ctx, 0); err != nil {
		t.Fatalf("neo4j schema: %v", err)
	}
	if err := s.Wipe(ctx); err != nil {
		t.Fatalf("wipe neo4j: %v", err)
	}
	return s
}
