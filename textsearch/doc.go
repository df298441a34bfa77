// Package textsearch is the one definition of text matching shared by every
// store: normalisation, which texts match a query, how matches are scored,
// which property of a node is searched, and the snippet shown for a hit.
// The in-memory store scans with it; the Neo4j store fetches candidates from
// a full-text index (see FulltextQuery) and reranks them with it, so both
// answer identically.
//
// All matching happens on Normalize'd text: NFKC (ＧＸ = GX, ５Ｇ = 5G),
// lower case, and no whitespace at all, because the PDF extraction breaks
// Japanese lines and inserts spaces at random.
package textsearch
