package loader

import "github.com/policygraph/policygraph"

// A block of key messages (the 2023 「新機軸」のキーメッセージ pages): prose,
// and lists whose items are, in order, a kind's pillars (pillarList): the
// pillars' short names, and under a title that says so their goals, a
// labelled item each (ＧＸ：今後10年で150兆円超の官民投資…, readLabelled).
// Which kind of line is a title, an item, a goal's wrapped text or a
// bullet that ends the lists is the grammar's to say, and which titles
// list the goals of which kind the layout's (keyMessageKinds); how the
// block is read from them is not, so any layout's grammar can call this
// (the 2023 one does today).

// keyMessageKinds are what the kinds of line are to a key-message block:
// a title over a list (it opens a list of goals, or closes the lists), an
// item of a list, the text a goal wraps onto, and a bullet that ends the
// lists; goalsKind is the kind of pillar a title (flat) lists the goals
// of, "" for none.
type keyMessageKinds struct {
	title, item, wrap, end itemKind
	goalsKind              func(flat string) string
}

// keyMessages is a key-message block being read.
type keyMessages struct {
	// names: the list of pillar names being read (a contents list is one
	// too, which the grammar opens); goals: the list of goals
	names, goals pillarList
	// wordGoals are the goals stated without a number, made targets last
	// (addWordGoals): after the pillars' long-term goals that state them
	// again, so those keep the ids they had before these were targets.
	wordGoals []wordGoal
}

// wordGoal is a key message's goal without a number, on lines from..to.
type wordGoal struct {
	pillar   *policygraph.Pillar
	text     string
	from, to int
}

// read reads item i of b, a line of the block, as kinds tells what it is,
// into the pillars pn holds: a name item is an alias of its pillar; a
// goal item's label is too, and its goal a target (goal). It reports
// whether it read the line: not prose, nor an item of no list, nor a name
// item of no pillar or that is a （…） remark.
func (r *keyMessages) read(b *docBuilder, pn *pillarNames, i int, kinds *keyMessageKinds) bool {
	l, line := &b.lines[i], i+1
	switch l.kind {
	case kinds.title:
		r.names.close()
		r.goals.open(kinds.goalsKind(l.flat))
		b.place(line, "skipped:key-message-title")
		return true
	case kinds.item:
		if key, ok := r.goals.next(); ok {
			r.goal(b, pn, i, key, kinds.wrap)
			return true
		}
		if key, ok := r.names.next(); ok {
			if pl := pn.pillars[key]; pl != nil && !enclosedAlone(l.flat) {
				pn.addAlias(key, l.body(b.t.raw(i)))
				b.place(line, pl.ID)
				return true
			}
		}
	case kinds.end:
		r.names.close()
		r.goals.close()
	}
	return false
}

// goal reads item i, " ＧＸ：今後10年で150兆円超の官民投資…", the goal item
// of pillar key: the label is an alias, the goal a KEY_MESSAGE target of
// the pillar, quantified or not (人材：物価上昇を超える賃上げの持続的な実
// 現); a label with no goal after it (EBPM・データ駆動型行政) states none.
// A line of kind wrap under it goes on with the goal.
func (r *keyMessages) goal(b *docBuilder, pn *pillarNames, i int, key string, wrap itemKind) {
	pl := pn.pillars[key]
	if pl == nil {
		b.place(i+1, "skipped:key-message")
		return
	}
	// a goal may wrap onto the next line (ＤＸ: "…半導体を生産す\nる企業の…")
	g := readLabelled(b.t, len(b.lines), i, b.lines[i].body(b.t.raw(i)), func(j int) bool { return b.lines[j].kind == wrap })
	pn.addAlias(key, g.label)
	switch {
	case g.text == "":
		b.placeRange(g.from, g.to, pl.ID)
	case !statesQuantity(g.text):
		r.wordGoals = append(r.wordGoals, wordGoal{pl, g.text, g.from, g.to})
	default:
		b.addTarget(pl, "KEY_MESSAGE", g.text, g.from, g.to)
	}
}

// addWordGoals makes the goals stated without a number KEY_MESSAGE
// targets of their pillars.
func (r *keyMessages) addWordGoals(b *docBuilder) {
	for _, g := range r.wordGoals {
		b.addTarget(g.pillar, "KEY_MESSAGE", g.text, g.from, g.to)
	}
}
