// Switches on arrays and structs compare by value; nil passed where a
// pointer, slice or map is expected; elided &T in literals; print of a
// multi-value call.
package main

type P struct{ x, y int }

func pair() (int, string) { return 7, "seven" }

func count(p *P, s []int, m map[string]int) int {
	n := 0
	if p == nil {
		n++
	}
	if s == nil {
		n++
	}
	if m == nil {
		n++
	}
	return n
}

func main() {
	a := [2]int{0, 1}
	switch a {
	case [2]int{0, 0}:
		println("wrong")
	case [2]int{0, 1}:
		println("array ok")
	}
	switch (P{1, 2}) {
	case P{2, 1}:
		println("wrong")
	default:
		println("struct default")
	}
	println(count(nil, nil, nil))
	ps := []*P{{1, 2}, {3, 4}}
	println(ps[1].y)
	println(pair())
}
