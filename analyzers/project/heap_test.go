package project_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/fpcheck/fpcheck/analyzers/project"
)

// liveHeap is the heap in use after a full collection.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// TestLiveHeapAfterLoad: the facts kept after loading are a fraction of
// the input. WXML documents kept every element with every attribute and a
// copy of the text, and every file kept its text for the whole run: the
// live heap after loading was about three times the size of the files.
func TestLiveHeapAfterLoad(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const pages = 300
	wxml := strings.Repeat(`<view class="row" wx:if="{{ a > b && list.length < 10 }}">
  <text>{{ item.name }} 价格 {{ price < 100 ? '便宜' : '贵' }}</text>
  <card title="{{ title }}" bind:tap="onTap" data-id="{{ item.id }}"></card>
  <image src="/images/{{ item.icon }}.png" mode="aspectFit" lazy-load></image>
</view>
`, 20) + `<import src="/templates/t.wxml"/>` + "\n"
	var list []string
	input := 0
	for i := range pages {
		list = append(list, fmt.Sprintf("%q", fmt.Sprintf("pages/p%d/index", i)))
		base := fmt.Sprintf("pages/p%d/index", i)
		write(base+".wxml", wxml)
		write(base+".wxss", ".row { display: flex; }\n/* 样式 */\n")
		input += len(wxml) + 38
	}
	write("templates/t.wxml", `<template name="t"><view/></template>`)
	write("app.json", `{"pages": [`+strings.Join(list, ",")+`]}`)
	before := liveHeap()
	p, err := project.Load(dir, project.Options{})
	if err != nil {
		t.Fatal(err)
	}
	live := liveHeap() - before
	runtime.KeepAlive(p)
	t.Logf("%d bytes of input, %d bytes live after loading (%.2f per input byte)", input, live, float64(live)/float64(input))
	if live > uint64(input)/2 {
		t.Errorf("%d bytes live after loading %d bytes of files; want at most half the input", live, input)
	}
}
