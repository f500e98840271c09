// gc's report for an assignment to a nil map with a string key (gc's
// mapassign_faststr): mapfast_test.cpp's "nilmap_faststr" mode must print
// the same first lines.
package main

func main() {
	var m map[string]int64
	m["k"] = 2
}
