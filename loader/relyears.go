package loader

import (
	"regexp"
	"strconv"
)

// relativeYear resolves the dates a text gives relative to its edition
// (year: the document's year), for both editions, when it states no
// absolute year: 本年・今年・本年度・今年度・年央 are the edition's year,
// 来年・来年度 the next, 令和N年度 is 2018+N. "…以降" / "…から" make it a
// start only; otherwise it is both start and end (an item dated to that
// year). 0, 0 when the text says none of these.
func relativeYear(text string, year int) (start, end int) {
	n := normalize(text)
	y := 0
	if m := reReiwaAny.FindStringSubmatch(n); m != nil {
		v, _ := strconv.Atoi(m[1])
		y = 2018 + v
	} else if m := reRelYear.FindStringSubmatch(n); m != nil && year > 0 {
		y = year
		if m[1] == "来年" || m[1] == "来年度" {
			y = year + 1
		}
	}
	if y == 0 {
		return 0, 0
	}
	if reRelFrom.MatchString(n) {
		return y, 0
	}
	return y, y
}

var (
	reRelYear  = regexp.MustCompile(`(本年度|今年度|来年度|本年|今年|来年|年央)`)
	reReiwaAny = regexp.MustCompile(`令和([0-9]{1,2})年`)
	// a relative date that opens a period: 本年夏以降, 来年度から
	reRelFrom = regexp.MustCompile(`(?:本年度|今年度|来年度|本年|今年|来年|年央|令和[0-9]{1,2}年度?)[^、。）)]{0,4}(?:以降|から)`)
)

// yearsOf is an edition's absolute years of a text, else its relative ones
// when it writes no year in digits (a text with "2023年度試行開始、来年度本格化"
// needs the absolute patterns to learn that phrasing, not a guess from 来年度).
func yearsOf(absolute func(string) (int, int), text string, year int) (start, end int) {
	if start, end = absolute(text); start != 0 || end != 0 {
		return start, end
	}
	if reDigitYear.MatchString(normalize(text)) {
		return 0, 0
	}
	return relativeYear(text, year)
}

var reDigitYear = regexp.MustCompile(`(?:19|20)[0-9]{2}年`)
