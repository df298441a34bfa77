package loader

// normMemo remembers normalize's results for one document: its grammar
// and its passes normalise the same node texts again and again (a
// measure's text for its id, its relist markers, the summary index, the
// similarity items, the law and fund names). It belongs to the document's
// docText, so loads and documents that run at once share nothing. It is
// written only while the grammar reads the document (one goroutine); after
// freeze, the passes, which run on several goroutines, only read it.
type normMemo struct {
	m      map[string]string // text → normalize(text)
	frozen bool
}

func newNormMemo() *normMemo { return newNormMemoFor(0) }

// newNormMemoFor is a memo for a document of lines lines, sized once for
// the texts it will hold rather than grown by doubling: the seed's
// documents remember 0.19 and 0.17 texts a line (639 of 3432, 361 of 2156).
func newNormMemoFor(lines int) *normMemo {
	return &normMemo{m: make(map[string]string, lines/5)}
}

// normalize is normalize(s), remembered until the memo is frozen. A nil
// memo (a docText built by hand) remembers nothing.
func (c *normMemo) normalize(s string) string {
	if c == nil {
		return normalize(s)
	}
	if n, ok := c.m[s]; ok {
		return n
	}
	n := normalize(s)
	if !c.frozen {
		c.m[s] = n
	}
	return n
}

// lookup returns normalize(s) if the memo holds it.
func (c *normMemo) lookup(s string) (string, bool) {
	if c == nil {
		return "", false
	}
	n, ok := c.m[s]
	return n, ok
}

// freeze makes the memo read-only, before goroutines share it.
func (c *normMemo) freeze() {
	if c != nil {
		c.frozen = true
	}
}

// normalize is normalize(s) through the document's memo (none for a nil
// docText).
func (t *docText) normalize(s string) string {
	if t == nil {
		return normalize(s)
	}
	return t.memo.normalize(s)
}

// itemID is itemID for this document's year, the text normalised through
// its memo.
func (t *docText) itemID(kind, scope, text string) string {
	return itemIDOf(kind, t.Year, scope, t.normalize(text))
}

// simText is simText(s) with s normalised through the memo.
func (t *docText) simText(s string) string { return stripPunct(unmarkedOf(t.normalize(s))) }
