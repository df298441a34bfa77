// Package textsearch is the one definition of text matching shared by every
// store: normalisation, how a query is split into words, which texts match
// it, how matches are scored, which property of a node is searched, and the
// snippet shown for a hit. The in-memory store scans with it; the Neo4j
// store is served from an in-memory snapshot (package snapshot), so both
// answer identically.
//
// All matching happens on Normalize'd text: NFKC (ＧＸ = GX, ５Ｇ = 5G),
// lower case, and no whitespace at all, because the PDF extraction breaks
// Japanese lines and inserts spaces at random.
package textsearch
