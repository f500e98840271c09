// gc's report for an assignment to a nil map with an int32 key (gc's
// mapassign_fast32): mapfast_test.cpp's "nilmap_fast32" mode must print
// the same first lines.
package main

func main() {
	var m map[int32]int64
	m[1] = 2
}
