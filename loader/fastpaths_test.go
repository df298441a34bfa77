package loader

// The fast forms of the loader (docIndex without per-rune tables, the
// punctuation shortcut, …) answer as the plain ones they replaced.

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/internal/bigram"
	"github.com/policygraph/policygraph/internal/nfkc"
	"github.com/policygraph/policygraph/seed"
	"golang.org/x/text/unicode/norm"
)

// refIndex is the docIndex that kept, for every raw rune, where its output
// starts in s and where it came from: rawRuneAt and lineOf must answer as
// it did.
type refIndex struct {
	s                string
	chunk, line, off []int
	size             []int
}

func newRefIndex(t *docText) *refIndex {
	x := &refIndex{}
	var b strings.Builder
	var out []byte
	for li, l := range t.rawSlice() {
		for off, r := range l {
			start := b.Len()
			if m, ok := nfkc.Rune(r); ok {
				if m != ' ' && m != '\t' && m != '\r' && m != '\n' {
					b.WriteRune(m)
				}
			} else {
				out = norm.NFKC.AppendString(out[:0], string(r))
				for _, c := range string(out) {
					switch c {
					case ' ', '\t', '\n', '\r', '\u3000':
						continue
					}
					b.WriteRune(c)
				}
			}
			if b.Len() > start {
				x.chunk = append(x.chunk, start)
				x.line = append(x.line, li)
				x.off = append(x.off, off)
				x.size = append(x.size, utf8.RuneLen(r))
			}
		}
	}
	x.s = b.String()
	return x
}

func (x *refIndex) chunkAt(p int) int {
	return sort.Search(len(x.chunk), func(k int) bool { return x.chunk[k] > p }) - 1
}

// TestDocIndexRawRunes: for every byte of both documents in matching form
// (and past its ends), the raw rune and line docIndex maps it back to are
// the ones a per-rune table gives; and on texts with runes NFKC expands,
// drops or composes.
func TestDocIndexRawRunes(t *testing.T) {
	texts := []*docText{corpusText(t, 2023), corpusText(t, 2025),
		handText("", " ", "ｶﾞｽ ＧＸ\u3000推進", "", "㍻元年 … ﷺ", "か\u3099 \u0301", "\t", ""),
		handText("  ", ""), handText()}
	for n, dt := range texts {
		x, ref := newDocIndex(dt), newRefIndex(dt)
		if x.s != ref.s {
			t.Fatalf("text %d: s differs", n)
		}
		for p := -2; p <= len(x.s)+2; p++ {
			k := ref.chunkAt(p)
			line, off, size, ok := x.rawRuneAt(p)
			if ok != (k >= 0) || ok && (line != ref.line[k] || off != ref.off[k] || size != ref.size[k]) {
				t.Fatalf("text %d: rawRuneAt(%d) = %d %d %d %v, want chunk %d", n, p, line, off, size, ok, k)
			}
			want := 1
			if k >= 0 {
				want = ref.line[k] + 1
			}
			if got := x.lineOf(p); got != want {
				t.Fatalf("text %d: lineOf(%d) = %d, want %d", n, p, got, want)
			}
		}
	}
}

// TestIsPunctSymbolSpace: the shortcut answers as the unicode tables do,
// for every rune.
func TestIsPunctSymbolSpace(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := isPunctSymbolSpace(r), unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r); got != want {
			t.Fatalf("isPunctSymbolSpace(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestAliasFirstRunes: the bits that let a rune skip the alias maps are
// set for every rune that starts an alias, and only for those (below
// U+10000; runes above always look in the map).
// TestWordCut: wordCut, with its ranges answered before the tables, is
// the tables' answer for every rune.
func TestWordCut(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.Is(unicode.Hiragana, r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r)
		if got := wordCut(r); got != want {
			t.Fatalf("wordCut(%U) = %v, want %v", r, got, want)
		}
	}
}

func TestAliasFirstRunes(t *testing.T) {
	m := mustMatcher(t)
	for _, c := range []struct {
		byFirst map[rune][]aliasPattern
		set     *runeSet
	}{{m.byFirst, m.lawRunes}, {m.orgFirst, m.orgRunes}} {
		for r := rune(-1); r <= unicode.MaxRune+1; r++ {
			_, in := c.byFirst[r]
			if got := c.set.has(r); got != in && (r >= 0 && r < 0x10000 || !got) {
				t.Fatalf("has(%U) = %v, in the map %v", r, got, in)
			}
		}
	}
}

// TestHasKeptSpace: the byte searches answer as strings.ContainsAny, on
// every rune alone and between others, and on broken UTF-8 around them.
func TestHasKeptSpace(t *testing.T) {
	const set = "\v\f\u0085\u1680\u2028\u2029"
	texts := []string{"", "\xc2", "\xe2\x80", "\xe2\xc2\x85", "\xe1\x9a", "\x85\xc2\x85", "\xe2\x80\xa8\xff", "\xf0\xe2\x80\xa9", "\xe1\xe1\x9a\x80"}
	for r := rune(0); r <= unicode.MaxRune; r += 1 + r/512 {
		texts = append(texts, string(r), "あ"+string(r)+"\xe2", "\xc2"+string(r))
	}
	for _, r := range set {
		texts = append(texts, string(r), "\xe2"+string(r), string(r)[1:], string(r)[:len(string(r))-1]+"x")
	}
	for _, s := range texts {
		if got, want := hasKeptSpace(s), strings.ContainsAny(s, set); got != want {
			t.Errorf("hasKeptSpace(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestBracketSwitches: the bracket switches answer as ContainsRune over the
// bracket lists, for every rune.
func TestBracketSwitches(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune; r++ {
		if isOpenBracket(r) != strings.ContainsRune(openBrackets, r) || isCloseBracket(r) != strings.ContainsRune(closeBrackets, r) {
			t.Fatalf("%U: open %v close %v", r, isOpenBracket(r), isCloseBracket(r))
		}
	}
}

// TestItemIDAsFmt: itemID, built without fmt, is the id fmt built.
func TestItemIDAsFmt(t *testing.T) {
	for _, c := range []struct {
		kind, scope, text string
		year              int
	}{{"measure", "MISSION-1", "ＧＸ推進法 の改正", 2023}, {"group", "DIR-3", "", 2025}, {"target", "", "x", -7}, {"", "OS-2", "再掲", 0}} {
		sum := sha1.Sum([]byte(normalize(c.text)))
		want := fmt.Sprintf("%s:%d:%s:%s", c.kind, c.year, c.scope, hex.EncodeToString(sum[:4]))
		if got := itemID(c.kind, c.year, c.scope, c.text); got != want {
			t.Errorf("itemID = %q, want %q", got, want)
		}
	}
}

// TestRegexpGuards: the cheap checks that let a line skip an anchored
// regexp never skip a line it matches — on every line of both documents,
// flattened, and on lines made to match.
func TestRegexpGuards(t *testing.T) {
	lines := []string{"ミッション1:炭素中立型社会の実現(考え方)", "OS4:徹底した日本社会のグローバル化", "1人材・・・p.58",
		"ミッション志向の産業政策(8分野):", "社会基盤(OS)の組替え(5分野):", "社会基盤(OS)の組換え(5分野):", "【再掲】", "(再掲)", "[再掲]"}
	for _, year := range []int{2023, 2025} {
		for _, raw := range corpusText(t, year).rawSlice() {
			lines = append(lines, normalize(raw), raw)
		}
	}
	for _, f := range lines {
		if interim2023.pillarHeading.MatchString(f) && !((strings.HasPrefix(f, "ミッション") || strings.HasPrefix(f, "OS")) && strings.Contains(f, ":")) {
			t.Errorf("interim2023.pillarHeading matches %q past its guard", f)
		}
		if interim2023.toc.MatchString(f) && !(f[0] >= '1' && f[0] <= '9' && strings.Contains(f, "・・・p.")) {
			t.Errorf("interim2023.toc matches %q past its guard", f)
		}
		if interim2023.listTitle.MatchString(f) && !(strings.HasPrefix(f, "ミッション志向の産業政策(") || strings.HasPrefix(f, "社会基盤(OS)の組")) {
			t.Errorf("interim2023.listTitle matches %q past its guard", f)
		}
		if relistMarker.MatchString(f) && !strings.Contains(f, "再掲") {
			t.Errorf("relistMarker matches %q without 再掲", f)
		}
	}
	for _, f := range lines[:9] {
		if !interim2023.pillarHeading.MatchString(f) && !interim2023.toc.MatchString(f) && !interim2023.listTitle.MatchString(f) && !relistMarker.MatchString(f) {
			t.Errorf("%q: made to match, matches nothing", f)
		}
	}
}

// TestRuneIndexScan: a short text's runeIndex scans, a long one's builds
// tables; both answer as a plain search does, at every position.
func TestRuneIndexScan(t *testing.T) {
	unit := []rune("2030年度まで(目標)に、2040年までに1兆円。")
	for _, n := range []int{0, 1, 40, runeIndexScanMax, runeIndexScanMax + 1, 700} {
		rs := make([]rune, n)
		for k := range rs {
			rs[k] = unit[(k*7+k/5)%len(unit)]
		}
		x := newRuneIndex(rs)
		for i := 0; i <= n+1; i++ {
			for _, s := range []string{"", "年", "まで", "(目標)", "兆円。", "ない", "\xff"} {
				want := n
				for k := max(i, 0); k < n; k++ {
					if hasRunes(rs, k, []rune(s)) {
						want = k
						break
					}
				}
				if i >= n {
					want = n
				}
				if got := x.nextAt(i, s); got != want {
					t.Fatalf("n=%d: nextAt(%d, %q) = %d, want %d", n, i, s, got, want)
				}
			}
			brk, open := n, -1
			for k := max(i, 0); k < n; k++ {
				if isClauseBreak(rs[k]) {
					brk = k
					break
				}
			}
			if i >= n {
				brk = n
			}
			for k := 0; k < min(i, n); k++ {
				if rs[k] == '(' {
					open = k
				}
			}
			if i >= 0 {
				if got := x.breakAt(i); got != brk {
					t.Fatalf("n=%d: breakAt(%d) = %d, want %d", n, i, got, brk)
				}
				if got := x.openBefore(i); got != open {
					t.Fatalf("n=%d: openBefore(%d) = %d, want %d", n, i, got, open)
				}
			}
		}
	}
}

// TestStripPunctAsMap: stripPunct is strings.Map dropping punctuation,
// symbols and spaces, on every line of both documents and on bad bytes.
func TestStripPunctAsMap(t *testing.T) {
	texts := []string{"", "、", "abc", "（再掲）ＧＸ推進法", "\xff", "a\xffb", "\ufffd", "x\xe3\x81", "施策 ・ 支援"}
	for _, year := range []int{2023, 2025} {
		for _, raw := range corpusText(t, year).rawSlice() {
			texts = append(texts, raw, normalize(raw))
		}
	}
	for _, s := range texts {
		want := strings.Map(func(r rune) rune {
			if unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r) {
				return -1
			}
			return r
		}, s)
		if got := stripPunct(s); got != want {
			t.Errorf("stripPunct(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestLonePageNumber: isDigits(s, 1, 3) is the regexp ^[0-9]{1,3}$ that
// pages.go used, on every line of both documents and around its edges.
func TestLonePageNumber(t *testing.T) {
	re := regexp.MustCompile(`^[0-9]{1,3}$`)
	texts := []string{"", "1", "12", "123", "1234", "１２", "1\n", "a1", " 1", "٣", "0"}
	for _, year := range []int{2023, 2025} {
		texts = append(texts, corpusText(t, year).normSlice()...)
	}
	for _, s := range texts {
		if got, want := isDigits(s, 1, 3), re.MatchString(s); got != want {
			t.Errorf("isDigits(%q) = %v, regexp %v", s, got, want)
		}
	}
}

// TestChartNumbersQuickReject: isChartNumbers with its first-rune check is
// the field-by-field test alone, on every line of both documents and on
// lines that open with a space.
func TestChartNumbersQuickReject(t *testing.T) {
	full := func(n string) bool {
		if n == "" {
			return false
		}
		for _, f := range strings.Fields(n) {
			for _, sign := range []string{"▲", "+", "-"} {
				if g, ok := strings.CutPrefix(f, sign); ok {
					f = g
					break
				}
			}
			f = strings.TrimSuffix(f, "%")
			if f == "" || f[0] < '0' || f[0] > '9' {
				return false
			}
			for i := 0; i < len(f); i++ {
				if c := f[i]; (c < '0' || c > '9') && c != ',' && c != '.' {
					return false
				}
			}
		}
		return true
	}
	texts := []string{" 12 34", "\u3000▲3 4%", "▲1.5", "+3", "-", "x1", "1 x", "12,000 3.5%", "\t", "%"}
	for _, year := range []int{2023, 2025} {
		texts = append(texts, corpusText(t, year).normSlice()...)
	}
	for _, n := range texts {
		if got, want := isChartNumbers(n), full(n); got != want {
			t.Errorf("isChartNumbers(%q) = %v, want %v", n, got, want)
		}
	}
}

// TestBigramIDs: the packed sort numbers the bigrams as the map does, on
// the EVOLVES_FROM bags of the corpus and on bags with odd runes, and
// bigramIDs gives each bag its bigrams' ranks in their sorted order.
func TestBigramIDs(t *testing.T) {
	later, earlier, _ := benchEvolveInputs(t)
	var bags wordBags
	for _, it := range append(later, earlier...) {
		s, n, _ := it.wordText()
		bags.add(s, n)
	}
	for _, s := range []string{"", "\U0010FFFF", "\x00\x00", "\U0010FFFFア\x00"} {
		bags.add(s, bigram.WordsLen(s, wordCut))
	}
	flat, nIDs := bigramIDs(bags)
	sorted, byMap := make([]int32, len(flat)), make([]int32, len(flat))
	n1 := bigramIDsBySort(bags, sorted)
	n2 := bigramIDsByMap(bags, byMap) // in text order
	at := 0
	for _, n := range bags.lens {
		slices.Sort(byMap[at : at+int(n)])
		at += int(n)
	}
	if n1 != n2 || n1 != nIDs || !slices.Equal(sorted, byMap) {
		t.Fatalf("by sort: %d ids, by map: %d, bigramIDs %d; equal %v", n1, n2, nIDs, slices.Equal(sorted, byMap))
	}
	var all []bigram.Bigram
	for _, s := range bags.texts {
		all = append(all, bigram.Words(s, wordCut)...)
	}
	vocab := slices.Compact(slices.Sorted(slices.Values(all)))
	at = 0
	for b, s := range bags.texts {
		for i, g := range bigram.Words(s, wordCut) {
			if id, _ := slices.BinarySearch(vocab, g); flat[at+i] != int32(id) {
				t.Fatalf("bag %d (%q): id %d at %d, want %d", b, s, flat[at+i], i, id)
			}
		}
		at += int(bags.lens[b])
	}
}

// TestLoadConcurrent: loads that run at once give the graph a load alone
// gives.
func TestLoadConcurrent(t *testing.T) {
	want, _, err := LoadFS(seed.FS())
	if err != nil {
		t.Fatal(err)
	}
	graphs := make([]*policygraph.Graph, 3)
	var wg sync.WaitGroup
	for i := range graphs {
		wg.Go(func() { graphs[i], _, _ = LoadFS(seed.FS()) })
	}
	wg.Wait()
	for i, g := range graphs {
		if !reflect.DeepEqual(g, want) {
			t.Errorf("load %d at once with others differs from a load alone", i)
		}
	}
}

// TestLexSlidesFlat: the flat forms lexSlides writes into one buffer are
// flatten's, line by line.
func TestLexSlidesFlat(t *testing.T) {
	texts := []*docText{corpusText(t, 2023), corpusText(t, 2025),
		handText("", " a b ", "\fＧＸ 推進\f", "ＧＸ　推進 法", "x\u2028 y", "一 二", "三")}
	for _, dt := range texts {
		for i, l := range lexSlides(dt) {
			if want := flatten(dt.rawSlice()[i], dt.normSlice()[i]); l.flat != want {
				t.Errorf("line %d: flat %q, want %q", i+1, l.flat, want)
			}
		}
	}
}

// TestPillarIDAsFmt: pillarID, built without fmt, is the id fmt built, in
// one allocation.
func TestPillarIDAsFmt(t *testing.T) {
	for _, y := range []int{2023, 0, -5, 12345678901} {
		for _, k := range []string{"MISSION-1", "", "OS-5"} {
			if got, want := pillarID(y, k), fmt.Sprintf("pillar:%d:%s", y, k); got != want {
				t.Errorf("pillarID = %q, want %q", got, want)
			}
		}
	}
	if n := testing.AllocsPerRun(10, func() { _ = pillarID(2023, "MISSION-1") }); n != 1 {
		t.Errorf("pillarID allocates %v times", n)
	}
}

// TestRuneSetNext: next finds the rune a walk of nfkc.DecodeRune and has
// stops at, from every place of every corpus line and of texts with
// broken UTF-8, surrogates, overlong forms and runes above U+FFFF.
func TestRuneSetNext(t *testing.T) {
	m := mustMatcher(t)
	walk := func(set *runeSet, s string, i int) int {
		for i < len(s) {
			r, n := nfkc.DecodeRune(s, i)
			if set.has(r) {
				return i
			}
			i += n
		}
		return len(s)
	}
	texts := []string{"", "a", "\xff", "\xe3\x81", "\xed\xa0\x80法", "\xe0\x80\xaf法", "𠮷法", "GX法\xe5", "ＧＸ推進法"}
	for _, d := range loadSeedDocs(t) {
		for _, l := range d.t.rawLines() {
			texts = append(texts, l)
		}
	}
	for _, set := range []*runeSet{m.lawRunes, m.orgRunes, newRuneSet(map[rune]bool{'a': true, 'Z': true, '法': true, 'Ｇ': true, 0xFFFD: true})} {
		for _, s := range texts {
			for i := 0; i <= len(s); i++ {
				if got, want := set.next(s, i), walk(set, s, i); got != want {
					t.Fatalf("next(%q, %d) = %d, want %d", s, i, got, want)
				}
			}
		}
	}
}
