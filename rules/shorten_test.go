package rules

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestShortenNeverSplitsACharacter(t *testing.T) {
	long := strings.Repeat("支付", 30) // 60 characters, 180 bytes
	got := shorten(long)
	if !utf8.ValidString(got) {
		t.Fatalf("shorten produced invalid UTF-8: %q", got)
	}
	if want := strings.Repeat("支付", 18) + "支..."; got != want {
		t.Errorf("shorten = %q, want %q", got, want)
	}
	if got := shorten("exports.beforeRequestPayment = 42"); got != "exports.beforeRequestPayment = 42" {
		t.Errorf("short snippet changed: %q", got)
	}
	ascii := strings.Repeat("a", 41)
	if got := shorten(ascii); got != strings.Repeat("a", 37)+"..." {
		t.Errorf("shorten(41 a) = %q", got)
	}
}
