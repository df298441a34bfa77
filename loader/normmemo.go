package loader

import "sync"

// normMemo remembers normalize's results while documents load: the passes
// normalise the same node texts again and again (on the corpus, 12,265
// calls for 1,375 distinct texts), each pass knowing nothing of the others.
// It is open from the first openNormMemo to the last close, so loads that
// run at once share it and no text outlives them.
var normMemo struct {
	sync.Mutex
	open int               // loads running
	m    map[string]string // text → normalize(text), while open > 0
}

// openNormMemo makes normalize remember its results until the returned
// func is called (once per open).
func openNormMemo() (close func()) {
	normMemo.Lock()
	if normMemo.open == 0 {
		normMemo.m = map[string]string{}
	}
	normMemo.open++
	normMemo.Unlock()
	return func() {
		normMemo.Lock()
		if normMemo.open--; normMemo.open == 0 {
			normMemo.m = nil
		}
		normMemo.Unlock()
	}
}

// memoNormalized returns normalize(s) if it is remembered.
func memoNormalized(s string) (string, bool) {
	normMemo.Lock()
	n, ok := normMemo.m[s]
	normMemo.Unlock()
	return n, ok
}

// memoNormalize remembers n = normalize(s) if the memo is open.
func memoNormalize(s, n string) {
	normMemo.Lock()
	if normMemo.m != nil {
		normMemo.m[s] = n
	}
	normMemo.Unlock()
}
