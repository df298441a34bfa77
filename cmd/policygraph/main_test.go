package main

// The commands read the environment only through the getenv they are given
// (run's parameter), so tests never see the machine's POLICYGRAPH_* or
// NEO4J_* variables (CI exports NEO4J_URI for the Neo4j suites) and set
// their own without touching the process.

// noEnv is an empty environment.
func noEnv(string) string { return "" }

// envOf is an environment holding exactly m.
func envOf(m map[string]string) getenv {
	return func(k string) string { return m[k] }
}
