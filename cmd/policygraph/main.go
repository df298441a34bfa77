// Command policygraph loads METI's industrial-policy reports into a policy
// graph and serves it over GraphQL.
//
//	policygraph serve  [--addr HOST:PORT] [--seed DIR] [--neo4j-uri URI …]
//	policygraph export --format json|graphml|cypher|csv [-o FILE] [--seed DIR]
//	policygraph load   --report | --neo4j-uri URI … [--seed DIR]
//
// Every flag can also be set from the environment: --neo4j-uri is
// POLICYGRAPH_NEO4J_URI or NEO4J_URI, --addr is POLICYGRAPH_ADDR, and so on.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(2)
		}
		fmt.Fprintln(os.Stderr, "policygraph:", err)
		os.Exit(1)
	}
}

const usage = `usage: policygraph <command> [flags]

commands:
  serve    serve the GraphQL API and the explorer (embedded store by default)
  export   write the whole graph, or a node's neighbourhood, as json, graphml, cypher or csv (zip)
  load     print a load report, or load the graph into Neo4j
  diff     what became of an edition's planned measures in a later one (md, json, csv)

Run 'policygraph <command> -h' for the flags of a command.
`

// getenv reads the environment (os.Getenv, or a map in tests).
type getenv func(string) string

// run is main without the process: tests call it with their own args,
// environment and writers.
func run(ctx context.Context, args []string, env getenv, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return flag.ErrHelp
	}
	switch args[0] {
	case "serve":
		return runServe(ctx, args[1:], env, stdout, stderr)
	case "export":
		return runExport(ctx, args[1:], env, stdout, stderr)
	case "load":
		return runLoad(ctx, args[1:], env, stdout, stderr)
	case "diff":
		return runDiff(ctx, args[1:], env, stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", args[0])
}

// envName is the environment variable that backs a flag:
// "neo4j-uri" → POLICYGRAPH_NEO4J_URI.
func envName(flagName string) string {
	return "POLICYGRAPH_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// applyEnv sets every flag of fs that was not given on the command line from
// its environment variable (POLICYGRAPH_<NAME>, then any fallbacks such as
// NEO4J_URI). Call it after fs.Parse.
func applyEnv(fs *flag.FlagSet, getenv getenv, fallbacks map[string][]string) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		if given[f.Name] || err != nil {
			return
		}
		for _, name := range append([]string{envName(f.Name)}, fallbacks[f.Name]...) {
			if v := getenv(name); v != "" {
				if e := fs.Set(f.Name, v); e != nil {
					err = fmt.Errorf("%s=%q: %w", name, v, e)
				}
				return
			}
		}
	})
	return err
}

// neo4jFallbacks are the conventional Neo4j variables, read after the
// POLICYGRAPH_ ones.
var neo4jFallbacks = map[string][]string{
	"neo4j-uri":      {"NEO4J_URI"},
	"neo4j-user":     {"NEO4J_USER", "NEO4J_USERNAME"},
	"neo4j-password": {"NEO4J_PASSWORD"},
	"neo4j-database": {"NEO4J_DATABASE"},
}
