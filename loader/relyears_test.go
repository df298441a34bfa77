package loader

import "testing"

// TestRelativeYears: dates relative to the edition, on phrases of both
// editions (2023 lines 1271, 1487, 1589, 3137, 3148, 3158, 3164; 2025 line
// 1603), and texts that must not get a year from them.
func TestRelativeYears(t *testing.T) {
	for _, tc := range []struct {
		text       string
		year       int
		start, end int
	}{
		{"「ＧＸ経済移行債」発行（今年度、国際標準に準拠した新たな形の発行に向け関係省庁で検討）", 2023, 2023, 2023},
		{"製造基盤整備、研究開発支援の継続・強化（年央に取りまとめる改定版 半導体・デジタル産業戦略に基づき", 2023, 2023, 2023},
		{"解釈通知を本年4月に公表。", 2023, 2023, 2023},
		{"包括的ガイドライン策定【本年夏以降検討開始】", 2023, 2023, 0}, // opens a period
		{"「SX銘柄」の選定とモデル浸透【来年春頃】", 2023, 2024, 2024},
		{"パーシャルスピンオフに関する税制の恒久化の検討【令和６年度要求】", 2023, 2024, 2024},
		{"社外取締役の支援【本年５～６月】", 2023, 2023, 2023},
		{"交付金を、令和６年度補正予算にて引き続き措置", 2025, 2024, 2024},
		{"来年度から本格運用", 2025, 2026, 0},
		// Not relative dates: no year words, or a year written in digits.
		{"賃上げ税制の拡充", 2023, 0, 0},
		{"貿易手続きのデジタル化推進（2023年度試行開始、来年度本格化）", 2023, 0, 0},
	} {
		if s, e := yearsOf(func(string) (int, int) { return 0, 0 }, tc.text, tc.year); s != tc.start || e != tc.end {
			t.Errorf("yearsOf(%q, %d) = %d, %d; want %d, %d", tc.text, tc.year, s, e, tc.start, tc.end)
		}
	}
	// An absolute year wins.
	if s, e := yearsOf(func(string) (int, int) { return 2030, 0 }, "本年", 2023); s != 2030 || e != 0 {
		t.Errorf("absolute years lost: %d, %d", s, e)
	}
}
