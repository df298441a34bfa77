package web

// Example is a question the README answers, preloaded as a GraphiQL tab
// (Name names the operation, which names the tab).
type Example struct{ Name, Title, Query string }

// Examples are the README's "Questions, answered", in its order; the
// README test checks that each of its examples is here verbatim.
var Examples = []Example{
	{"GIFundPillars", "Which pillars rely on the GI基金?", `{
  fund(id: "fund:グリーンイノベーション基金") {
    name
    aliases
    pillars {
      pillar { key name document { year } }
      mentions { surface line node { ... on Measure { overview summarizes { source { lineStart } } } } }
    }
  }
}
`},
	{"Relists", "What is re-listed (再掲) where, and where is the original?", `{
  measures(filter: {relist: true}, first: 10) {
    totalCount
    nodes {
      title
      pillar { key name }
      source { file lineStart }
      relistOf { title pillar { key } source { lineStart } }
    }
  }
}
`},
	{"DXMeasuresAcrossEditions", "How did the DX pillar's measures change from 2023 to 2025?", `{
  pillar(id: "pillar:2025:MISSION-2") {
    name
    continues { name document { year } }
    measures(first: 5) {
      totalCount
      nodes {
        title
        status
        evolvesFrom { score measure { title status } }
      }
    }
  }
}
`},
	{"LawToStartupPillar", "What connects 経済安全保障推進法 to the startup pillar?", `{
  paths(from: "law:経済安全保障推進法", to: "pillar:2025:OS-2", maxHops: 4, first: 3) {
    length
    nodes { label caption }
    edges { type }
  }
}
`},
	{"SearchJapanese", "Full-text search in Japanese, with highlighted snippets", `{
  search(query: "ポスト５Ｇ", first: 3) {
    node { id __typename }
    field
    marked
  }
}
`},
	{"CiteMeasure", "How do I cite a measure? (slide page and citation)", `{
  node(id: "measure:2023:MISSION-1:1126a26a") {
    ... on Measure {
      title
      source { file lineStart lineEnd page edition documentTitle citation }
    }
  }
}
`},
	{"GXMoney", "How much money is behind the GX pillar?", `{
  pillar(id: "pillar:2023:MISSION-1") {
    name
    totalYen
    amounts {
      surface
      qualifier
      yen
      startYear
      endYear
      source { lineStart }
      heldBy { __typename }
    }
  }
}
`},
	{"WhoDelivers", "Who delivers it? The pillars that rely on NEXI", `{
  organisation(id: "org:NEXI") {
    name
    kind
    aliases
    pillars {
      pillar { key name document { year } }
      mentions { surface line node { __typename } }
    }
  }
}
`},
	{"TargetRevised", "Did the target move? (REVISES)", `{
  node(id: "target:2025:MISSION-3:e1e136c7") {
    ... on Target {
      text
      revises { fromValue toValue unit score target { text pillar { key name } } }
    }
  }
}
`},
	{"EditionDiff", "What became of each 2023 promise? (editionDiff)", `{
  editionDiff(from: "doc:2023", to: "doc:2025", pillar: "pillar:2025:MISSION-2") {
    totals { planned progress todo notMentioned new revised }
    groups {
      earlier { key name }
      later { key name }
      planned(outcome: PROGRESS) { measure { title } evidence { score later { title status } } }
    }
  }
}
`},
}
