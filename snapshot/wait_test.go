package snapshot

import (
	"testing"
	"time"
)

func TestNextWait(t *testing.T) {
	const interval, max = 5 * time.Second, time.Minute
	for _, tc := range []struct {
		prev      time.Duration
		permanent bool
		want      time.Duration
	}{
		{interval, false, interval},
		{40 * time.Second, false, interval}, // a transient error or success resets
		{interval, true, 10 * time.Second},
		{20 * time.Second, true, 40 * time.Second},
		{40 * time.Second, true, max},
		{max, true, max},
	} {
		if got := nextWait(tc.prev, tc.permanent, interval, max); got != tc.want {
			t.Errorf("nextWait(%s, %v) = %s, want %s", tc.prev, tc.permanent, got, tc.want)
		}
	}
}
