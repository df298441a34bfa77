// Package inmem implements policygraph.Store over a graph held in memory:
// the zero-setup default. A Store is built once from a policygraph.Graph,
// never changes afterwards, and is safe for concurrent use. Returned
// entities and relationships are shared with the store and with other
// callers: treat them as read-only.
//
// Where store.go leaves a choice open, this package (and the storetest
// contract that pins it for every store) decides:
//
//   - Document order is (document year, lineStart, id); a Document is at
//     line 0 of its year; laws and funds come after all of those, by id.
//   - Pillars: document year, MISSION before OS, ordinal, id. Laws and funds:
//     name (by code point), id. Documents: year, id.
//   - Measures: TITLE and START_YEAR break ties by document order; measures
//     without a startYear sort last; Desc is the exact reverse.
//   - Neighbourhood nodes: (distance, index of the label in
//     policygraph.Labels, id); limit keeps a prefix. Paths: by node-id
//     sequence, then relationship-id sequence. Search: score desc, id.
//   - Page windows out of range are EINVALID (store.go says "bad page");
//     Search/Neighbourhood/Paths limits above MaxPage are ELIMIT, negative
//     ones EINVALID, 0 is the default (20 for Search, MaxPage otherwise).
//     Paths maxHops 0 means no hops.
//   - Unknown pillar kinds, target kinds, measure orders and Related
//     directions are EINVALID; filters on unknown ids match nothing.
//   - Text filters are substrings of textsearch.Normalize'd text.
//   - Measure filters by pillar and group use the pillarId/groupId
//     properties; PillarsUsing and RelatedPillars follow HAS_MEASURE,
//     HAS_TARGET and HAS_GROUP (the loader keeps the two in step; RunCorpus
//     checks it).
//   - Stats lists every label and type, zero when absent; PerDocument gives
//     every document a count for Pillar, MeasureGroup, Measure, Target and
//     PolicyDirection.
package inmem
