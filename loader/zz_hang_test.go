package loader

import (
	"math/rand"
	"strings"
	"testing"
	"time"
)

func TestHang2023(t *testing.T) {
	vocab := []string{"", "ミッション①：x（考え方）", "ミッション②：y（これまでの施策、今後の施策）", "ＯＳ③：価値創造経営", "（これまでの施策、今後の施策）",
		"新機軸の", "長期的目標 足下３年程度 ３～５年後", "ミ", "ッ", "／", "炭素中立", "2050年CN実", " 各分野（ミクロ）の主要施策", "〇成長志向",
		"【成長志向】", "【これまでの施策例】", "⚫ 当面見据える長期目標", "⚫ 当面見据える中期目標", "➢ 2030年に80兆円", "（関連指標） ・a", "（関連指標）", "・b 83",
		"○ 施策（2023年度～）", "● 過去", "⚫ 過去", "続き行", "（半導体）", "〔サブ〕", "⇒ note", "※ note", "21", "女性起業家支援パッケージ", "支援パッケージ", "①ロールモデル",
		" 「新機軸」のキーメッセージ⑤", "ミッション志向の産業政策（8分野）：", "社会基盤（ＯＳ）の組替え（5分野）：", "\uf070 ＧＸ：150兆円", "\uf070 炭素中立型社会の実現", "＜各ミッションで長期的に創出される需要の例＞",
		"① 炭素中立型社会の実現 ･･･p.20", "●…これまでに実施した施策、○…今後実施する施策", "左同", "GI基金（2022年度～） 両基金（～2030年度頃）、必", "経済界の設備投資目標：2027年度115兆円"}
	r := rand.New(rand.NewSource(1))
	for iter := 0; iter < 20000; iter++ {
		n := 1 + r.Intn(30)
		var ls []string
		for i := 0; i < n; i++ {
			ls = append(ls, vocab[r.Intn(len(vocab))])
		}
		in := strings.Join(ls, "\n")
		dt, err := newDocText("h.txt", 2023, "doc:2023", []byte(in))
		if err != nil {
			continue
		}
		done := make(chan bool)
		go func() { parse2023(dt); close(done) }()
		select {
		case <-done:
		case <-time.After(2 * time.Second):
			t.Fatalf("hang on:\n%s", in)
		}
	}
}
