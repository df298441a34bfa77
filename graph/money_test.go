package graph_test

import (
	"testing"

	"github.com/99designs/gqlgen/client"
	"github.com/google/go-cmp/cmp"
)

// Amounts and organisations of storetest.Fixture: a1 150兆円 held by t2 (of
// p25M1) and named with the GI基金, a2 10兆円 held by t3 (of p25OS1), a3 held
// by doc:2023 alone; NEDO mentioned by m1 and m7, JIC by p25OS1 and t3, OECD
// by doc:2025.
func TestAmountsAndOrganisations(t *testing.T) {
	c := client.New(newHandler(t, fixtureStore(t), nil))
	type node struct {
		Typename string `json:"__typename"`
		ID       string
	}
	var got struct {
		P25M1 struct {
			TotalYen string
			Amounts  []struct {
				ID, Surface, Yen string
				Qualifier        *string
				Year             *int
				HeldBy           []node
			}
		}
		P25OS1 struct {
			TotalYen      string
			Organisations []struct {
				Organisation struct{ ID string }
				Mentions     []struct {
					Surface string
					Line    int
					Node    node
				}
			}
		}
		Fund  struct{ Amounts []struct{ ID string } }
		Doc23 struct{ Amounts []struct{ ID, Yen string } }
		Doc25 struct {
			Organisations []struct{ Organisation struct{ ID, Kind string } }
		}
		Organisations []struct{ ID string }
		Agencies      []struct{ ID string }
		NEDO          struct {
			Measures []struct{ ID string }
			Pillars  []struct{ Pillar struct{ ID string } }
		}
	}
	errs := run(t, c, `{
		p25M1: pillar(id: "`+p25M1+`") { totalYen amounts { id surface yen qualifier year heldBy { __typename id } } }
		p25OS1: pillar(id: "`+p25OS1+`") { totalYen organisations { organisation { id } mentions { surface line node { __typename id } } } }
		fund(id: "`+fundGI+`") { amounts { id } }
		doc23: document(id: "`+doc23+`") { amounts { id yen } }
		doc25: document(id: "`+doc25+`") { organisations { organisation { id kind } } }
		organisations { id }
		agencies: organisations(kind: AGENCY, text: "機構") { id }
		nEDO: organisation(id: "org:NEDO") { measures { id } pillars { pillar { id } } }
	}`, &got)
	if len(errs) > 0 {
		t.Fatalf("errors: %+v", errs)
	}
	p := got.P25M1
	// Yen is a string of digits, exact.
	if p.TotalYen != "150000000000000" || len(p.Amounts) != 1 || p.Amounts[0].Yen != "150000000000000" ||
		p.Amounts[0].Qualifier == nil || *p.Amounts[0].Qualifier != "超" || p.Amounts[0].Year != nil {
		t.Errorf("p25M1 = %+v", p)
	}
	if want := []node{{"Target", t2}, {"Fund", fundGI}}; len(p.Amounts) == 1 && !cmp.Equal(p.Amounts[0].HeldBy, want) {
		t.Errorf("heldBy = %+v, want %+v", p.Amounts[0].HeldBy, want)
	}
	if got.P25OS1.TotalYen != "10000000000000" || len(got.P25OS1.Organisations) != 1 ||
		got.P25OS1.Organisations[0].Organisation.ID != "org:JIC" || len(got.P25OS1.Organisations[0].Mentions) != 2 ||
		got.P25OS1.Organisations[0].Mentions[0].Node.ID != p25OS1 || got.P25OS1.Organisations[0].Mentions[1].Surface != "JIC" {
		t.Errorf("p25OS1 = %+v", got.P25OS1)
	}
	if len(got.Fund.Amounts) != 1 || got.Fund.Amounts[0].ID != "amount:2025:6:1" {
		t.Errorf("fund amounts = %+v", got.Fund.Amounts)
	}
	if len(got.Doc23.Amounts) != 1 || got.Doc23.Amounts[0].Yen != "2000000000000" {
		t.Errorf("doc23 amounts = %+v", got.Doc23.Amounts)
	}
	if len(got.Doc25.Organisations) != 1 || got.Doc25.Organisations[0].Organisation.Kind != "INTERNATIONAL" {
		t.Errorf("doc25 organisations = %+v", got.Doc25.Organisations)
	}
	if len(got.Organisations) != 3 || len(got.Agencies) != 2 {
		t.Errorf("organisations = %+v, agencies = %+v", got.Organisations, got.Agencies)
	}
	if len(got.NEDO.Measures) != 2 || len(got.NEDO.Pillars) != 2 || got.NEDO.Pillars[0].Pillar.ID != p23M1 || got.NEDO.Pillars[1].Pillar.ID != p25M1 {
		t.Errorf("NEDO = %+v", got.NEDO)
	}
	if errs := run(t, c, `{ organisation(id: "nope") { id } }`, nil); len(errs) != 1 || errs[0].Extensions["code"] != "NOT_FOUND" {
		t.Errorf("organisation(nope): %+v", errs)
	}
}
