package loader

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/policygraph/policygraph/internal/nfkc"
)

// maxDocBytes bounds one seed document. The real reports are well under 1 MB
// of text; anything near this is not a text extraction of a slide report and
// would only make the quadratic passes (relists, cross-edition) crawl.
const maxDocBytes = 20 << 20

// newDocText splits a seed document into lines and validates it: it must be
// non-empty, text (no NUL bytes), valid UTF-8 and at most maxDocBytes long.
// Errors name the file and, for bad UTF-8, the first bad line.
func newDocText(file string, year int, docID string, data []byte) (*docText, error) {
	if len(data) > maxDocBytes { // refused before the copy
		return nil, tooLarge(file, int64(len(data)))
	}
	return newDocTextString(file, year, docID, string(data))
}

// newDocTextString is newDocText for a document read as a string: its
// lines are substrings of it.
func newDocTextString(file string, year int, docID string, data string) (*docText, error) {
	// Errors are *DocError: the file, and the line where one applies.
	if len(data) > maxDocBytes {
		return nil, tooLarge(file, int64(len(data)))
	}
	if len(strings.TrimSpace(data)) == 0 {
		return nil, &DocError{File: file, Err: errors.New("empty document")}
	}
	if i := strings.IndexByte(data, 0); i >= 0 {
		line := 1 + strings.Count(data[:i], "\n")
		return nil, &DocError{File: file, Line: line, Err: fmt.Errorf("binary data (NUL byte at offset %d)", i)}
	}
	data = strings.TrimPrefix(data, "\ufeff") // a BOM is not content
	// Lines split on \n only, so line numbers match grep -n and editors;
	// a CR before the newline (CRLF files) is stripped.
	s := strings.TrimSuffix(data, "\n") // a final newline does not open a line
	starts := lineStarts(s)
	t := &docText{File: file, Year: year, DocID: docID, memo: newNormMemoFor(len(starts)), text: s, starts: starts,
		noCR: strings.IndexByte(s, '\r') < 0}
	if !t.fillNorm() { // which checks the text is valid UTF-8
		line, col := firstInvalidUTF8([]byte(data))
		return nil, &DocError{File: file, Line: line, Err: fmt.Errorf("invalid UTF-8 at byte %d of the line", col)}
	}
	return t, nil
}

// lineStarts returns where each line of s starts, its lines cut at "\n".
func lineStarts(s string) []int32 {
	starts := make([]int32, 1, strings.Count(s, "\n")+1) // below maxDocBytes
	for at := 0; ; {
		i := strings.IndexByte(s[at:], '\n')
		if i < 0 {
			return starts
		}
		at += i + 1
		starts = append(starts, int32(at))
	}
}

// lineCount is the number of lines of the document.
func (t *docText) lineCount() int { return len(t.starts) }

// fileName is t's file, "?" for no document: what an error names.
func (t *docText) fileName() string {
	if t == nil {
		return "?"
	}
	return t.File
}

// raw returns line i+1 verbatim, without its "\n" or a CR before it.
func (t *docText) raw(i int) string {
	end := len(t.text)
	if i+1 < len(t.starts) {
		end = int(t.starts[i+1]) - 1
	}
	l := t.text[t.starts[i]:end]
	if t.noCR { // every pass reads the lines: most texts have no CR to look for
		return l
	}
	return strings.TrimSuffix(l, "\r")
}

// rawLines yields each line's 0-based index and raw text, as ranging over
// a slice of the lines would.
func (t *docText) rawLines() iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i := range t.lineCount() {
			if !yield(i, t.raw(i)) {
				return
			}
		}
	}
}

// joined returns lines from..to (1-based, inside the document) joined by
// "\n": the span of the text they were cut from, without a copy, unless a
// CR is in it. The quotes of the sources are such joins, and
// were 0.1 MB of copies a load.
func (t *docText) joined(from, to int) string {
	if from > to {
		return ""
	}
	s := t.text[t.starts[from-1] : int(t.starts[to-1])+len(t.raw(to-1))]
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	var b strings.Builder
	for i := from - 1; i < to; i++ {
		if i >= from {
			b.WriteByte('\n')
		}
		b.WriteString(t.raw(i))
	}
	return b.String()
}

// tooLarge is the error for a document of n bytes, over maxDocBytes.
func tooLarge(file string, n int64) error {
	return &DocError{File: file, Err: fmt.Errorf("%d bytes exceeds the %d-byte limit for a seed document", n, maxDocBytes)}
}

// norm returns line i+1's NFKC form, surrounding space trimmed: the line
// itself, unless NFKC or the trim changes it.
func (t *docText) norm(i int) string {
	if t.normKept(i) {
		return t.raw(i)
	}
	start := int32(0)
	if i > 0 {
		start = t.normEnd[i-1]
	}
	return t.normText[start:t.normEnd[i]]
}

// normKept reports whether line i+1 is its own norm: every rune of it one
// that NFKC keeps (nfkc.StablePrefix), no space around it.
func (t *docText) normKept(i int) bool { return t.normChanged[i/64]&(1<<(i%64)) == 0 }

// normLines yields each line's 0-based index and NFKC form (norm).
func (t *docText) normLines() iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i := range t.lineCount() {
			if !yield(i, t.norm(i)) {
				return
			}
		}
	}
}

// fillNorm works out the lines' NFKC forms (norm), once, and reports
// whether the text is valid UTF-8, forms not made if not: the runes NFKC
// keeps (StablePrefix), most of every line, are valid, so only the rest of
// a line that has some is checked, where utf8.ValidString read the whole
// text again (1.4% of a LoadCorpus CPU profile).
func (t *docText) fillNorm() bool {
	if t.normEnd != nil {
		return true
	}
	// strings.TrimSpace(nfkc.String(line)) without an allocation a line:
	// the forms of the lines NFKC or the trim changes are written in turn
	// into one text, each line's ending at normEnd. A slice of a string
	// for each line was 0.07 MB a load. A line with space around it is
	// stored trimmed (90 lines, 2 KB of the seed) rather than trimmed at
	// every read: a hostile text of long blank lines was read twice as
	// slowly.
	size := 0
	changed := make([]uint64, (t.lineCount()+63)/64) // a bit a line: a stable line is scanned once
	ends := make([]int32, t.lineCount())             // each changed line's stable prefix, until its end is written
	for i, l := range t.rawLines() {
		if k := nfkc.StablePrefix(l); k < len(l) || hasOuterSpace(l) {
			if !utf8.ValidString(l[k:]) { // a CR trimmed, or a line break, is valid
				return false
			}
			size += len(l)
			changed[i/64] |= 1 << (i % 64)
			ends[i] = int32(k)
		}
	}
	var b strings.Builder
	b.Grow(size)    // NFKC shrinks the seed's lines (to 96% and 95%)
	var line []byte // one line's form: NFKC composes across what it appends to, and must not across lines
	for i, l := range t.rawLines() {
		if changed[i/64]&(1<<(i%64)) != 0 {
			if k := int(ends[i]); k < len(l) {
				line = nfkc.AppendStringFrom(line[:0], l, k)
				b.Write(bytes.TrimFunc(line, unicode.IsSpace))
			} else {
				b.WriteString(strings.TrimSpace(l)) // only trimmed
			}
		}
		ends[i] = int32(b.Len())
	}
	t.normText, t.normEnd, t.normChanged = b.String(), ends, changed
	return true
}

// hasOuterSpace reports whether s starts or ends with a space that
// strings.TrimSpace would cut.
func hasOuterSpace(s string) bool {
	if s == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(first) || unicode.IsSpace(last)
}

// firstInvalidUTF8 returns the 1-based line and byte column of the first
// invalid UTF-8 sequence in data.
func firstInvalidUTF8(data []byte) (line, col int) {
	line, start := 1, 0
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return line, i - start + 1
		}
		if r == '\n' {
			line++
			start = i + 1
		}
		i += n
	}
	return line, 0
}

// sha256Hex is the hex SHA-256 of s, hashed in place rather than through
// a copy of the whole (Sum256 only reads its argument).
func sha256Hex(s string) string {
	sum := sha256.Sum256(unsafe.Slice(unsafe.StringData(s), len(s)))
	return hex.EncodeToString(sum[:])
}
