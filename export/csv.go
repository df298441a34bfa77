package export

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/policygraph/policygraph"
)

// ArrayDelimiter separates the elements of a list property (aliases) inside
// one CSV field, as neo4j-admin's --array-delimiter expects. No element may
// contain it: CSVFiles refuses such a graph rather than split a name.
const ArrayDelimiter = ";"

// File is one file of a multi-file export.
type File struct {
	Name string // slash-separated path inside the archive
	Data []byte
}

// CSV writes g as a zip archive of CSV files in the layout that
// `neo4j-admin database import full` reads (CSVFiles), so one stream can go
// to stdout or a file.
func CSV(w io.Writer, g *policygraph.Graph) error {
	files, err := CSVFiles(g)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, f := range files {
		// A fixed time keeps the archive byte-for-byte reproducible.
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate,
			Modified: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return fmt.Errorf("export csv: %s: %w", f.Name, err)
		}
		if _, err := fw.Write(f.Data); err != nil {
			return fmt.Errorf("export csv: %s: %w", f.Name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	return nil
}

// CSVFiles returns the graph as CSV files for neo4j-admin's importer: per
// node label nodes/<Label>.csv with the header
//
//	id:ID,<property>:<type>,…,:LABEL
//
// and per relationship type relationships/<TYPE>.csv with
//
//	:START_ID,:END_ID,:TYPE,id,<property>:<type>,…
//
// then IMPORT.txt, the neo4j-admin command that reads them. Properties are
// those of the JSON export, one column each in key order; types are long,
// double, boolean, string (no suffix) and string[] joined with
// ArrayDelimiter (64-bit long and double, not neo4j-admin's 32-bit int and
// float, so that values round-trip). A property a node lacks is an empty
// field; an empty list is an empty field too. Files are UTF-8 without a BOM,
// with a header row, fields quoted as RFC 4180 says (only when needed,
// quotes doubled) and lines ending in LF; texts hold newlines, hence
// --multiline-fields=true.
func CSVFiles(g *policygraph.Graph) ([]File, error) {
	ns, _, err := nodes(g)
	if err != nil {
		return nil, err
	}
	var files []File
	var nodeFiles, relFiles []string
	byLabel := map[string][]node{}
	for _, n := range ns {
		byLabel[n.Label] = append(byLabel[n.Label], n)
	}
	for _, label := range policygraph.Labels {
		rows := byLabel[label]
		if len(rows) == 0 {
			continue
		}
		props := make([]map[string]any, len(rows))
		for i, n := range rows {
			props[i] = n.Props
		}
		cols := csvColumns(props, "id")
		header := []string{"id:ID"}
		for _, c := range cols {
			header = append(header, c.header())
		}
		header = append(header, ":LABEL")
		recs := [][]string{header}
		for _, n := range rows {
			rec := []string{n.ID}
			for _, c := range cols {
				s, err := c.format(n.Props[c.key])
				if err != nil {
					return nil, fmt.Errorf("export csv: node %s: %s: %w", n.ID, c.key, err)
				}
				rec = append(rec, s)
			}
			recs = append(recs, append(rec, label))
		}
		name := "nodes/" + label + ".csv"
		data, err := writeCSV(recs)
		if err != nil {
			return nil, fmt.Errorf("export csv: %s: %w", name, err)
		}
		files = append(files, File{Name: name, Data: data})
		nodeFiles = append(nodeFiles, name)
	}
	byType := map[string][]*policygraph.Relationship{}
	for _, r := range g.Relationships {
		byType[r.Type] = append(byType[r.Type], r)
	}
	types := append([]string(nil), policygraph.RelTypes...)
	for t := range byType {
		if !contains(types, t) {
			types = append(types, t) // a type the model does not list still exports
		}
	}
	for _, typ := range types {
		rels := byType[typ]
		if len(rels) == 0 {
			continue
		}
		props := make([]map[string]any, len(rels))
		for i, r := range rels {
			props[i] = r.Properties
		}
		cols := csvColumns(props, "id")
		header := []string{":START_ID", ":END_ID", ":TYPE", "id"}
		for _, c := range cols {
			header = append(header, c.header())
		}
		recs := [][]string{header}
		for _, r := range rels {
			rec := []string{r.Start, r.End, r.Type, r.ID}
			for _, c := range cols {
				s, err := c.format(r.Properties[c.key])
				if err != nil {
					return nil, fmt.Errorf("export csv: relationship %s: %s: %w", r.ID, c.key, err)
				}
				rec = append(rec, s)
			}
			recs = append(recs, rec)
		}
		name := "relationships/" + typ + ".csv"
		data, err := writeCSV(recs)
		if err != nil {
			return nil, fmt.Errorf("export csv: %s: %w", name, err)
		}
		files = append(files, File{Name: name, Data: data})
		relFiles = append(relFiles, name)
	}
	files = append(files, File{Name: "IMPORT.txt", Data: importCommand(nodeFiles, relFiles)})
	return files, nil
}

// importCommand is the neo4j-admin command line (Neo4j 5) that imports the
// files into a new database, run from the directory they were unpacked in.
func importCommand(nodeFiles, relFiles []string) []byte {
	var b bytes.Buffer
	b.WriteString("# Import into a new, empty database (Neo4j 5), from the directory holding nodes/ and relationships/:\n")
	b.WriteString("neo4j-admin database import full --array-delimiter=';' --multiline-fields=true")
	for _, f := range nodeFiles {
		b.WriteString(" \\\n  --nodes=" + f)
	}
	for _, f := range relFiles {
		b.WriteString(" \\\n  --relationships=" + f)
	}
	b.WriteString(" \\\n  neo4j\n")
	return b.Bytes()
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// csvColumn is one property column and the neo4j-admin type of its values.
type csvColumn struct {
	key, typ string // typ: long, double, boolean, string, string[]
}

func (c csvColumn) header() string {
	if c.typ == "string" {
		return c.key
	}
	return c.key + ":" + c.typ
}

// csvColumns returns a column per property key of rows except skip, in key
// order, typed by the values: integers are long, integers mixed with floats
// double, lists string[], anything else mixed string.
func csvColumns(rows []map[string]any, skip string) []csvColumn {
	types := map[string]string{}
	for _, props := range rows {
		for k, v := range props {
			if k == skip || v == nil {
				continue
			}
			t := csvType(v)
			switch old, seen := types[k]; {
			case !seen || old == t:
				types[k] = t
			case (old == "long" || old == "double") && (t == "long" || t == "double"):
				types[k] = "double"
			default:
				types[k] = "string"
			}
		}
	}
	cols := make([]csvColumn, 0, len(types))
	for k, t := range types {
		cols = append(cols, csvColumn{key: k, typ: t})
	}
	sort.Slice(cols, func(i, j int) bool { return cols[i].key < cols[j].key })
	return cols
}

func csvType(v any) string {
	switch v.(type) {
	case int, int64:
		return "long"
	case float64:
		return "double"
	case bool:
		return "boolean"
	case []string:
		return "string[]"
	}
	return "string"
}

// format renders v for the column; nil is an empty field.
func (c csvColumn) format(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case []string:
		for _, s := range v {
			if strings.Contains(s, ArrayDelimiter) {
				return "", fmt.Errorf("list element %q contains the array delimiter %q", s, ArrayDelimiter)
			}
		}
		if c.typ == "string" {
			return fmt.Sprint(v), nil
		}
		return strings.Join(v, ArrayDelimiter), nil
	case string:
		return v, nil
	case int:
		return strconv.Itoa(v), nil
	case int64:
		return strconv.FormatInt(v, 10), nil
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64), nil
	case bool:
		return strconv.FormatBool(v), nil
	}
	return "", fmt.Errorf("unsupported value %T", v)
}

func writeCSV(recs [][]string) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(recs); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
