package loader

// A list whose items are, in order, the pillars of a kind, the items
// unnumbered (the 2023 key messages list the missions' names one bullet
// each, and again their goals): the nth item is the nth pillar. Which
// line opens a list, of which kind, and which is an item is the layout's
// to say; the counting is not, so any layout's grammar can call this (the
// 2023 one does today).

// pillarList is the list being read; its kind is "" when none is open.
type pillarList struct {
	kind string
	n    int // items read
}

// open starts a list of the pillars of kind; "" closes the open one.
func (l *pillarList) open(kind string) { l.kind, l.n = kind, 0 }

// close ends the open list, if any.
func (l *pillarList) close() { l.kind = "" }

// next reads an item of the open list: the key of the pillar it is
// (pillarKey); ok is false when no list is open.
func (l *pillarList) next() (key string, ok bool) {
	if l.kind == "" {
		return "", false
	}
	l.n++
	return pillarKey(l.kind, l.n), true
}
