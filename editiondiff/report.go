package editiondiff

import (
	"cmp"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/policygraph/policygraph"
)

// Formats are the report formats of Write.
var Formats = []string{"md", "json", "csv"}

// Write writes d as a Markdown report (md), JSON (json) or CSV (csv, one row
// per planned measure, new measure, revised and kept target).
func Write(w io.Writer, d *Diff, format string) error {
	switch format {
	case "md":
		return writeMarkdown(w, d)
	case "json":
		return writeJSON(w, d)
	case "csv":
		return writeCSV(w, d)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// groupName names a group by its pillars, or its directions: later ←
// earlier.
func groupName(g *Group) string {
	names := func(ps []*policygraph.Pillar) string {
		var s []string
		for _, p := range ps {
			s = append(s, fmt.Sprintf("%s %s", p.Key, p.Name))
		}
		return strings.Join(s, " + ")
	}
	if len(g.Earlier)+len(g.Later) == 0 {
		dirs := func(ds []*policygraph.PolicyDirection) string {
			var s []string
			for _, d := range ds {
				s = append(s, fmt.Sprintf("%d %s", d.Ordinal, d.Title))
			}
			return cmp.Or(strings.Join(s, " + "), "none")
		}
		return "policy directions: " + dirs(g.LaterDirections) + " ← " + dirs(g.EarlierDirections)
	}
	switch {
	case len(g.Later) == 0:
		return names(g.Earlier) + " (not continued)"
	case len(g.Earlier) == 0:
		return names(g.Later) + " (new pillar)"
	}
	return names(g.Later) + " ← " + names(g.Earlier)
}

// outcomeTitles are the Markdown sections of the planned measures.
var outcomeTitles = []struct{ outcome, title string }{
	{OutcomeProgress, "Reported as progress (第３次以降の進捗)"},
	{OutcomeTodo, "Still to be considered (今後検討)"},
	{OutcomeContinued, "Continued, status not stated"},
	{OutcomeNotMentioned, "No longer mentioned"},
}

func writeMarkdown(w io.Writer, d *Diff) error {
	b := &strings.Builder{}
	fmt.Fprintf(b, "# %d → %d: what became of the planned measures\n\n", d.From.Year, d.To.Year)
	fmt.Fprintf(b, "From 「%s」(%s, %d) to 「%s」(%s, %d). A planned (○) measure's outcome is the status of\n", d.From.Title, d.From.Edition, d.From.Year, d.To.Title, d.To.Edition, d.To.Year)
	b.WriteString("the later measure that continues it best (EVOLVES_FROM, similarity of the texts); \"no longer\nmentioned\" means no later measure was found similar enough.\n\n")
	b.WriteString("| pillars | planned | progress | to consider | continued | not mentioned | new | targets revised | targets kept |\n")
	b.WriteString("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	row := func(name string, t Totals) {
		fmt.Fprintf(b, "| %s | %d | %d | %d | %d | %d | %d | %d | %d |\n", name, t.Planned, t.Progress, t.Todo, t.Continued, t.NotMentioned, t.New, t.Revised, t.Kept)
	}
	for _, g := range d.Groups {
		row(mdEscape(groupName(g)), g.Totals)
	}
	row("**all**", d.Totals)
	for _, g := range d.Groups {
		fmt.Fprintf(b, "\n## %s\n", mdEscape(groupName(g)))
		for _, ot := range outcomeTitles {
			var items []*Planned
			for _, p := range g.Planned {
				if p.Outcome == ot.outcome {
					items = append(items, p)
				}
			}
			if len(items) == 0 {
				continue
			}
			fmt.Fprintf(b, "\n### %s (%d)\n\n", ot.title, len(items))
			for _, p := range items {
				fmt.Fprintf(b, "- ○ %s — %s\n", mdEscape(p.Measure.Title), cite(p.Measure.Source))
				for _, e := range p.Evidence {
					fmt.Fprintf(b, "  - → %s %s (similarity %.2f) — %s\n", statusMark(e.Later.Status), mdEscape(e.Later.Title), e.Score, cite(e.Later.Source))
				}
			}
		}
		if len(g.New) > 0 {
			fmt.Fprintf(b, "\n### New in %d (%d)\n\n", d.To.Year, len(g.New))
			for _, m := range g.New {
				fmt.Fprintf(b, "- %s %s — %s\n", statusMark(m.Status), mdEscape(m.Title), cite(m.Source))
			}
		}
		if len(g.Revised) > 0 {
			fmt.Fprintf(b, "\n### Targets revised (%d)\n\n", len(g.Revised))
			for _, r := range g.Revised {
				fmt.Fprintf(b, "- %s%s → %s%s: %s — %s\n", num(r.FromValue), r.Unit, num(r.ToValue), r.Unit, mdEscape(r.Later.Text), cite(r.Later.Source))
				fmt.Fprintf(b, "  - was: %s — %s\n", mdEscape(r.Earlier.Text), cite(r.Earlier.Source))
			}
		}
		if len(g.Kept) > 0 {
			fmt.Fprintf(b, "\n### Targets kept (%d)\n\n", len(g.Kept))
			for _, k := range g.Kept {
				fmt.Fprintf(b, "- %s%s: %s — %s\n", num(k.Value), k.Unit, mdEscape(k.Later.Text), cite(k.Later.Source))
				fmt.Fprintf(b, "  - as in: %s — %s\n", mdEscape(k.Earlier.Text), cite(k.Earlier.Source))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// statusMark is a status as the documents write it.
func statusMark(status string) string {
	switch status {
	case policygraph.StatusPast:
		return "●"
	case policygraph.StatusFuture:
		return "○"
	case policygraph.StatusProgress:
		return "[進捗]"
	case policygraph.StatusTodo:
		return "[今後]"
	}
	return ""
}

// cite is a source's citation, or its file and lines when it has none.
func cite(s policygraph.Source) string {
	if s.Citation != "" {
		return s.Citation
	}
	return fmt.Sprintf("%s %d–%d行", s.File, s.LineStart, s.LineEnd)
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// mdEscape keeps a text from breaking a table row or a list item.
func mdEscape(s string) string {
	return strings.NewReplacer("\\", "\\\\", "`", "\\`", "|", "\\|", "\n", " ", "*", "\\*", "_", "\\_").Replace(s)
}

// The JSON report: ids, titles and statuses, citations and quotes.
type (
	jsonDiff struct {
		From   string      `json:"from"`
		To     string      `json:"to"`
		Totals Totals      `json:"totals"`
		Groups []jsonGroup `json:"groups"`
	}
	jsonGroup struct {
		Earlier []string `json:"earlier"`
		Later   []string `json:"later"`
		// The directions group's directions (omitted in the others).
		EarlierDirections []string       `json:"earlierDirections,omitempty"`
		LaterDirections   []string       `json:"laterDirections,omitempty"`
		Totals            Totals         `json:"totals"`
		Planned           []jsonPlanned  `json:"planned"`
		New               []jsonMeasure  `json:"new"`
		Revised           []jsonRevision `json:"revised"`
		Kept              []jsonKeep     `json:"kept"`
	}
	jsonMeasure struct {
		ID       string `json:"id"`
		Title    string `json:"title"`
		Status   string `json:"status"`
		Quote    string `json:"quote"`
		Citation string `json:"citation"`
	}
	jsonPlanned struct {
		Measure  jsonMeasure    `json:"measure"`
		Outcome  string         `json:"outcome"`
		Evidence []jsonEvidence `json:"evidence"`
	}
	jsonEvidence struct {
		Later jsonMeasure `json:"later"`
		Score float64     `json:"score"`
	}
	jsonTarget struct {
		ID       string `json:"id"`
		Text     string `json:"text"`
		Citation string `json:"citation"`
	}
	jsonKeep struct {
		Earlier jsonTarget `json:"earlier"`
		Later   jsonTarget `json:"later"`
		Value   float64    `json:"value"`
		Unit    string     `json:"unit"`
		Score   float64    `json:"score"`
	}
	jsonRevision struct {
		Earlier   jsonTarget `json:"earlier"`
		Later     jsonTarget `json:"later"`
		FromValue float64    `json:"fromValue"`
		ToValue   float64    `json:"toValue"`
		Unit      string     `json:"unit"`
		Score     float64    `json:"score"`
	}
)

// MarshalJSON names the totals' fields as the API does.
func (t Totals) MarshalJSON() ([]byte, error) {
	return json.Marshal(map[string]int{"planned": t.Planned, "progress": t.Progress, "todo": t.Todo,
		"continued": t.Continued, "notMentioned": t.NotMentioned, "new": t.New, "revised": t.Revised, "kept": t.Kept})
}

func measureJSON(m *policygraph.Measure) jsonMeasure {
	return jsonMeasure{ID: m.ID, Title: m.Title, Status: m.Status, Quote: m.Quote, Citation: cite(m.Source)}
}

func targetJSON(t *policygraph.Target) jsonTarget {
	return jsonTarget{ID: t.ID, Text: t.Text, Citation: cite(t.Source)}
}

func writeJSON(w io.Writer, d *Diff) error {
	out := jsonDiff{From: d.From.ID, To: d.To.ID, Totals: d.Totals, Groups: []jsonGroup{}}
	for _, g := range d.Groups {
		jg := jsonGroup{Earlier: []string{}, Later: []string{}, Totals: g.Totals,
			Planned: []jsonPlanned{}, New: []jsonMeasure{}, Revised: []jsonRevision{}, Kept: []jsonKeep{}}
		for _, p := range g.Earlier {
			jg.Earlier = append(jg.Earlier, p.ID)
		}
		for _, p := range g.Later {
			jg.Later = append(jg.Later, p.ID)
		}
		for _, x := range g.EarlierDirections {
			jg.EarlierDirections = append(jg.EarlierDirections, x.ID)
		}
		for _, x := range g.LaterDirections {
			jg.LaterDirections = append(jg.LaterDirections, x.ID)
		}
		for _, p := range g.Planned {
			jp := jsonPlanned{Measure: measureJSON(p.Measure), Outcome: p.Outcome, Evidence: []jsonEvidence{}}
			for _, e := range p.Evidence {
				jp.Evidence = append(jp.Evidence, jsonEvidence{Later: measureJSON(e.Later), Score: e.Score})
			}
			jg.Planned = append(jg.Planned, jp)
		}
		for _, m := range g.New {
			jg.New = append(jg.New, measureJSON(m))
		}
		for _, r := range g.Revised {
			jg.Revised = append(jg.Revised, jsonRevision{Earlier: targetJSON(r.Earlier), Later: targetJSON(r.Later),
				FromValue: r.FromValue, ToValue: r.ToValue, Unit: r.Unit, Score: r.Score})
		}
		for _, k := range g.Kept {
			jg.Kept = append(jg.Kept, jsonKeep{Earlier: targetJSON(k.Earlier), Later: targetJSON(k.Later), Value: k.Value, Unit: k.Unit, Score: k.Score})
		}
		out.Groups = append(out.Groups, jg)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// csvHeader is the CSV report's header: one row per planned measure (its
// best successor, if any), new measure, revised and kept target. In the
// directions group, the pillar columns hold the directions' ids.
var csvHeader = []string{"later_pillars", "earlier_pillars", "kind", "outcome",
	"earlier_id", "earlier_title", "earlier_citation", "later_id", "later_title", "later_status", "later_citation",
	"score", "from_value", "to_value", "unit"}

func writeCSV(w io.Writer, d *Diff) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, g := range d.Groups {
		// a group's pillars, or in the group outside them its directions
		later, earlier := strings.Join(g.laterIDs(), ";"), strings.Join(g.earlierIDs(), ";")
		for _, p := range g.Planned {
			row := []string{later, earlier, "planned", p.Outcome, p.Measure.ID, p.Measure.Title, cite(p.Measure.Source), "", "", "", "", "", "", "", ""}
			if len(p.Evidence) > 0 {
				e := p.Evidence[0]
				row[7], row[8], row[9], row[10], row[11] = e.Later.ID, e.Later.Title, e.Later.Status, cite(e.Later.Source), num(e.Score)
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
		for _, m := range g.New {
			if err := cw.Write([]string{later, earlier, "new", "", "", "", "", m.ID, m.Title, m.Status, cite(m.Source), "", "", "", ""}); err != nil {
				return err
			}
		}
		for _, r := range g.Revised {
			if err := cw.Write([]string{later, earlier, "revised_target", "", r.Earlier.ID, r.Earlier.Text, cite(r.Earlier.Source),
				r.Later.ID, r.Later.Text, "", cite(r.Later.Source), num(r.Score), num(r.FromValue), num(r.ToValue), r.Unit}); err != nil {
				return err
			}
		}
		for _, k := range g.Kept {
			if err := cw.Write([]string{later, earlier, "kept_target", "", k.Earlier.ID, k.Earlier.Text, cite(k.Earlier.Source),
				k.Later.ID, k.Later.Text, "", cite(k.Later.Source), num(k.Score), num(k.Value), num(k.Value), k.Unit}); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
