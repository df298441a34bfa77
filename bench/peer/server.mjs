// The benchmark's peer: @neo4j/graphql 7 (Apollo Server 5) over the same
// Neo4j database that `policygraph load` fills. The typeDefs below describe
// the graph exactly as neo4jstore stores it (see neo4jstore/store.go):
//
//   - every node has its domain label (Document, Pillar, …) plus PolicyNode;
//     the domain properties are stored under their camelCase JSON names
//     (documentId, lineStart, startYear, …) and the internal ones are
//     prefixed pg_;
//   - policygraph creates no full-text index in Neo4j (it searches its own
//     snapshot), so this peer creates the one its search needs at start:
//     peer_fund_name, the 'cjk' analyzer over Fund.name;
//   - relationships have the directions of policygraph.go and carry their
//     properties (surface and line, score, via) plus their id.
//
// Environment: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE, PORT.
// It listens on 127.0.0.1 only. `node server.mjs --print-schema` prints the
// generated schema and exits (no database needed).

import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { printSchema } from "graphql";
import neo4j from "neo4j-driver";

export const typeDefs = /* GraphQL */ `
  # Relationship properties, as loaded by neo4jstore (each relationship also
  # carries its policygraph id in the property "id").
  type Mention @relationshipProperties {
    id: ID!
    surface: String!
    line: Int!
  }

  type Similarity @relationshipProperties {
    id: ID!
    score: Float!
  }

  type Pointer @relationshipProperties {
    id: ID!
    via: String
  }

  type Document @node(labels: ["Document"]) {
    id: ID!
    title: String!
    edition: String!
    year: Int!
    publisher: String!
    sourceUrl: String
    file: String!
    sha256: String!
    lines: Int!
    pillars: [Pillar!]! @relationship(type: "HAS_PILLAR", direction: OUT)
    directions: [PolicyDirection!]! @relationship(type: "HAS_DIRECTION", direction: OUT)
    laws: [Law!]! @relationship(type: "CITES_LAW", direction: OUT, properties: "Mention")
  }

  type Pillar @node(labels: ["Pillar"]) {
    id: ID!
    documentId: String!
    key: String!
    kind: String!
    ordinal: Int!
    name: String!
    aliases: [String!]
    longTermGoal: String
    file: String!
    lineStart: Int!
    lineEnd: Int!
    quote: String!
    document: Document @relationship(type: "HAS_PILLAR", direction: IN)
    measures: [Measure!]! @relationship(type: "HAS_MEASURE", direction: OUT)
    groups: [MeasureGroup!]! @relationship(type: "HAS_GROUP", direction: OUT)
    targets: [Target!]! @relationship(type: "HAS_TARGET", direction: OUT)
    laws: [Law!]! @relationship(type: "CITES_LAW", direction: OUT, properties: "Mention")
    continues: [Pillar!]! @relationship(type: "CONTINUES", direction: OUT)
    continuedBy: [Pillar!]! @relationship(type: "CONTINUES", direction: IN)
    referencedBy: [Measure!]! @relationship(type: "REFERS_TO", direction: IN, properties: "Pointer")
  }

  type MeasureGroup @node(labels: ["MeasureGroup"]) {
    id: ID!
    documentId: String!
    pillarId: String
    name: String!
    file: String!
    lineStart: Int!
    lineEnd: Int!
    quote: String!
    pillar: Pillar @relationship(type: "HAS_GROUP", direction: IN)
    measures: [Measure!]! @relationship(type: "IN_GROUP", direction: IN)
    referencedBy: [Measure!]! @relationship(type: "REFERS_TO", direction: IN, properties: "Pointer")
  }

  type Measure @node(labels: ["Measure"]) {
    id: ID!
    documentId: String!
    pillarId: String
    groupId: String
    title: String!
    text: String!
    status: String!
    horizon: String
    startYear: Int
    endYear: Int
    relist: Boolean
    file: String!
    lineStart: Int!
    lineEnd: Int!
    quote: String!
    # A measure has no relationship to its document (a 2025 measure listed
    # only under a 政策の方向性 has no pillar either): it is the Document whose
    # id is the measure's documentId property.
    document: Document
      @cypher(statement: "MATCH (d:Document {id: this.documentId}) RETURN d", columnName: "d")
    pillar: Pillar @relationship(type: "HAS_MEASURE", direction: IN)
    directions: [PolicyDirection!]! @relationship(type: "HAS_MEASURE", direction: IN)
    group: MeasureGroup @relationship(type: "IN_GROUP", direction: OUT)
    laws: [Law!]! @relationship(type: "CITES_LAW", direction: OUT, properties: "Mention")
    funds: [Fund!]! @relationship(type: "USES_FUND", direction: OUT, properties: "Mention")
    relistOf: Measure @relationship(type: "RELISTS", direction: OUT)
    relistedAs: [Measure!]! @relationship(type: "RELISTS", direction: IN)
    refersToGroups: [MeasureGroup!]! @relationship(type: "REFERS_TO", direction: OUT, properties: "Pointer")
    refersToPillars: [Pillar!]! @relationship(type: "REFERS_TO", direction: OUT, properties: "Pointer")
    evolvesFrom: [Measure!]! @relationship(type: "EVOLVES_FROM", direction: OUT, properties: "Similarity")
    evolvedInto: [Measure!]! @relationship(type: "EVOLVES_FROM", direction: IN, properties: "Similarity")
  }

  type Target @node(labels: ["Target"]) {
    id: ID!
    documentId: String!
    pillarId: String
    kind: String!
    text: String!
    year: Int
    value: Float
    unit: String
    file: String!
    lineStart: Int!
    lineEnd: Int!
    quote: String!
    pillar: Pillar @relationship(type: "HAS_TARGET", direction: IN)
    laws: [Law!]! @relationship(type: "CITES_LAW", direction: OUT, properties: "Mention")
    funds: [Fund!]! @relationship(type: "USES_FUND", direction: OUT, properties: "Mention")
  }

  # Fund names are searchable through the peer's full-text index
  # peer_fund_name (cjk analyzer, created in main).
  type Law @node(labels: ["Law"]) {
    id: ID!
    name: String!
    aliases: [String!]
    foreign: Boolean!
    measures: [Measure!]! @relationship(type: "CITES_LAW", direction: IN, properties: "Mention")
    targets: [Target!]! @relationship(type: "CITES_LAW", direction: IN, properties: "Mention")
    pillars: [Pillar!]! @relationship(type: "CITES_LAW", direction: IN, properties: "Mention")
    documents: [Document!]! @relationship(type: "CITES_LAW", direction: IN, properties: "Mention")
  }

  type Fund
    @node(labels: ["Fund"])
    @fulltext(indexes: [{ indexName: "peer_fund_name", queryName: "fundsFulltext", fields: ["name"] }]) {
    id: ID!
    name: String!
    aliases: [String!]
    measures: [Measure!]! @relationship(type: "USES_FUND", direction: IN, properties: "Mention")
    targets: [Target!]! @relationship(type: "USES_FUND", direction: IN, properties: "Mention")
  }

  type PolicyDirection @node(labels: ["PolicyDirection"]) {
    id: ID!
    documentId: String!
    ordinal: Int!
    title: String!
    file: String!
    lineStart: Int!
    lineEnd: Int!
    quote: String!
    document: Document @relationship(type: "HAS_DIRECTION", direction: IN)
    measures: [Measure!]! @relationship(type: "HAS_MEASURE", direction: OUT)
  }
`;

// Read-only API: no mutations are generated.
const readOnly = `
  extend schema @mutation(operations: [])
`;

async function main() {
  if (process.argv.includes("--print-schema")) {
    const neoSchema = new Neo4jGraphQL({ typeDefs: typeDefs + readOnly });
    console.log(printSchema(await neoSchema.getSchema()));
    return;
  }
  const uri = process.env.NEO4J_URI || "bolt://127.0.0.1:7687";
  const user = process.env.NEO4J_USER || "neo4j";
  const password = process.env.NEO4J_PASSWORD || "";
  const database = process.env.NEO4J_DATABASE || "neo4j";
  const port = Number(process.env.PORT || 4000);

  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
    userAgent: "policygraph-bench-peer",
    maxConnectionPoolSize: 100,
  });
  // The index behind fundsFulltext; idempotent.
  await driver.executeQuery(
    "CREATE FULLTEXT INDEX peer_fund_name IF NOT EXISTS FOR (n:Fund) ON EACH [n.name] " +
      "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false}}",
    {},
    { database },
  );
  await driver.executeQuery("CALL db.awaitIndexes(120)", {}, { database });
  const neoSchema = new Neo4jGraphQL({ typeDefs: typeDefs + readOnly, driver });
  const schema = await neoSchema.getSchema();
  const server = new ApolloServer({ schema, introspection: true });
  const { url } = await startStandaloneServer(server, {
    listen: { host: "127.0.0.1", port },
    context: async () => ({ sessionConfig: { database } }),
  });
  console.log(`peer: @neo4j/graphql serving on ${url} (neo4j ${uri.replace(/\/\/[^@]*@/, "//")}, database ${database})`);

  const stop = async () => {
    await server.stop();
    await driver.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
