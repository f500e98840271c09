// gc's report for an assignment to a nil map: maps_test.cpp's "nilmap" mode
// must print the same first lines.
package main

func main() {
	var m map[int64]int64
	m[1] = 2
}
