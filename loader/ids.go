package loader

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/policygraph/policygraph/internal/nfkc"
)

// IDs are deterministic and readable: a kind, the edition year, a scope (the
// pillar key) and, for items, a short hash of the item's normalised text, so
// an id survives edits elsewhere in the document (line numbers would not).
//
//	doc:2023  pillar:2023:MISSION-1  direction:2025:1
//	measure:2023:MISSION-1:3f2a9c1b  group:2023:OS-2:9c1b3f2a  target:2025:OS-1:…
//	law:独占禁止法  fund:グリーンイノベーション基金
//	CITES_LAW:measure:2023:MISSION-1:3f2a9c1b->law:独占禁止法

func pillarID(year int, key string) string {
	var y [20]byte // fmt's "pillar:%d:%s" in one allocation: grammars ask for it in loops
	return "pillar:" + string(strconv.AppendInt(y[:0], int64(year), 10)) + ":" + key
}

func directionID(year, ordinal int) string { return fmt.Sprintf("direction:%d:%d", year, ordinal) }

// itemID returns kind:year:scope:hash(text). Callers that can see two items
// with the same text in one scope pass them through an idSet.
func itemID(kind string, year int, scope, text string) string {
	return itemIDOf(kind, year, scope, normalize(text))
}

// itemIDOf is itemID of a text already normalised (n = normalize(text)).
func itemIDOf(kind string, year int, scope, n string) string {
	// The text's bytes read in place: []byte(n) copied every item's text
	// (0.13 MB a load), and Sum only reads them.
	sum := sha1.Sum(unsafe.Slice(unsafe.StringData(n), len(n)))
	var h [8]byte
	hex.Encode(h[:], sum[:4])
	var y [20]byte
	return kind + ":" + string(strconv.AppendInt(y[:0], int64(year), 10)) + ":" + scope + ":" + string(h[:]) // fmt's "%s:%d:%s:%s", without fmt
}

func relID(typ, start, end string) string { return typ + ":" + start + "->" + end }

// idSet makes ids unique by suffixing repeats in order of appearance
// (…:3f2a9c1b, …:3f2a9c1b-2), which keeps them deterministic.
type idSet map[string]int

func (s idSet) unique(id string) string {
	s[id]++
	if n := s[id]; n > 1 {
		return fmt.Sprintf("%s-%d", id, n)
	}
	return id
}

// uniqueAs is unique for an item whose repeat differs by its role: the
// same text in a table's 進捗 and 今後検討 columns, a goal stated as a key
// message and again as a pillar's 長期的目標. The repeat is named by its
// role (…:cfee1c2c-todo, …:972b7ade-long-term), so its id does not depend on
// how many copies come before it; a repeat in the same role falls back to
// a counter.
func (s idSet) uniqueAs(id, role string) string {
	if s[id] == 0 || role == "" {
		return s.unique(id)
	}
	return s.unique(id + "-" + strings.ToLower(strings.ReplaceAll(role, "_", "-")))
}

// normalize is the matching form of text: NFKC, no whitespace at all (the
// extraction breaks lines and inserts spaces at random), so that "ＧＸ推進 法"
// and "GX推進法" compare equal. Quotes keep the raw text. NFKC has turned the
// ideographic space into ' ', so the whitespace left is ASCII bytes.
//
// It is dropSpaces(nfkc.String(s)) in one pass: a text whose runes
// nfkc.Rune maps one by one (all but a few lines of the corpus) is mapped
// here with spaces dropped, returned as is when nothing changes, else in
// one allocation; any other text takes the two steps. A document's texts
// go through its memo (docText.normalize).
func normalize(s string) string {
	i := nfkc.StableSpan(s, &spaceBytes) // the runes before i stay
	if i == len(s) {
		return s
	}
	if isSpace(s[i]) {
		return normalizeFrom(s, i)
	}
	r, _ := nfkc.DecodeRune(s, i)
	if _, ok := nfkc.Rune(r); !ok {
		return dropSpaces(nfkc.String(s))
	}
	return normalizeFrom(s, i) // r maps to another rune
}

// normalizeFrom is normalize(s) where s[:i] is already normal and s[i:]
// starts with a rune that changes. Runs of runes that stay are copied
// whole.
func normalizeFrom(s string, i int) string {
	var b strings.Builder
	b.Grow(len(s)) // a mapped rune is never longer than its input
	run := 0       // s[run:i] is copied as it is
	for {
		i += nfkc.StableSpan(s[i:], &spaceBytes)
		if i == len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf { // a space, dropped
			b.WriteString(s[run:i])
			i++
			run = i
			continue
		}
		r, n := nfkc.DecodeRune(s, i)
		m, ok := nfkc.Rune(r)
		if !ok {
			return dropSpaces(nfkc.String(s))
		}
		b.WriteString(s[run:i]) // m is not r
		if m >= utf8.RuneSelf || !isSpace(byte(m)) {
			b.WriteRune(m)
		}
		i += n
		run = i
	}
	b.WriteString(s[run:])
	return b.String()
}

// dropSpaces drops the ASCII whitespace of s.
func dropSpaces(s string) string {
	i := strings.IndexAny(s, " \t\r\n")
	if i < 0 {
		return s
	}
	// Written once into a string of the exact length: appended byte by
	// byte, the bytes were grown and then copied into the string.
	n := i
	for j := i; j < len(s); j++ {
		if !isSpace(s[j]) {
			n++
		}
	}
	var b strings.Builder
	b.Grow(n)
	appendDropSpaces(&b, s)
	return b.String()
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// spaceBytes are the bytes isSpace tells, for nfkc.StableSpan.
var spaceBytes = nfkc.ASCIISet{1<<' ' | 1<<'\t' | 1<<'\n' | 1<<'\r'}

// idIndex finds the items of a list by id: their places sorted by id,
// stably (a map of them was 25 kB a load for each list of EVOLVES_FROM's
// items). Several items of one id find the last, as a map filled in order
// keeps.
type idIndex struct {
	order []int32
	id    func(i int) string // the id of the list's item i
}

// newIDIndex indexes a list of n items, item i of id(i).
func newIDIndex(n int, id func(i int) string) idIndex {
	x := idIndex{order: make([]int32, n), id: id}
	for i := range x.order {
		x.order[i] = int32(i)
	}
	slices.SortStableFunc(x.order, func(a, b int32) int { return strings.Compare(id(int(a)), id(int(b))) })
	return x
}

// find returns the place of the item of id, the last of those with it;
// false for none.
func (x idIndex) find(id string) (int, bool) {
	k, ok := slices.BinarySearchFunc(x.order, id, func(o int32, id string) int { return strings.Compare(x.id(int(o)), id) })
	if !ok {
		return -1, false
	}
	for k+1 < len(x.order) && x.id(int(x.order[k+1])) == id {
		k++
	}
	return int(x.order[k]), true
}
