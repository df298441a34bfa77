// Package integration holds end-to-end tests (tests only): the GraphQL
// server over the Neo4j store, against the Neo4j of the environment
// (NEO4J_URI …, see neo4jstore/neo4jtest) and against a Neo4j started with
// testcontainers (POLICYGRAPH_NEO4J_IMAGE, default neo4j:5). Without either
// the tests skip; POLICYGRAPH_REQUIRE_NEO4J=1 / POLICYGRAPH_REQUIRE_DOCKER=1
// turn the skips into failures. The tests wipe the database they use.
package integration
