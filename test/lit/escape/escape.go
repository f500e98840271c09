// Variables and allocations: what stays in the frame and what moves to
// the heap, in gc's -m words, sorted by position.
// RUN: %origo build -stop-after=escape %s | FileCheck %s --implicit-check-not='{{heap|not escape|leaking}}'

package main

type T struct{ a, b int }

var g *int
var gt *T

func returned() *int {
	x := 1
	return &x
}

// A local whose address is taken but stays in the frame: no message.
func local() int {
	y := 2
	p := &y
	*p = 3
	return y
}

func allocs(n int) {
	p := new(int)
	g = new(int)
	t := &T{1, 2}
	gt = &T{}
	s := make([]int, 10)
	s2 := make([]int, n)
	big := make([]byte, 100000)
	u := []int{1, 2}
	println(*p, t.a, s[0], s2, big[0], u[1])
}

// Loop depth: an allocation inside a loop whose address is kept by a
// variable declared outside it escapes; one kept inside does not.
func loops() {
	var last *int
	for i := 0; i < 3; i++ {
		q := new(int)
		*q = i
		last = q
		tmp := new(int)
		*tmp = *q
	}
	println(*last)
	var ps []*int
	for i := 0; i < 3; i++ {
		v := i
		ps = append(ps, &v)
	}
	println(len(ps))
}

// A label a later goto jumps back to starts a loop.
func gotoLoop() {
	z := 0
	var keep *int
again:
	w := z
	keep = &w
	z++
	if z < 3 {
		goto again
	}
	println(*keep)
}

func main() {
	println(*returned(), local())
	allocs(3)
	loops()
	gotoLoop()
}

// gc 1.19 -gcflags=-m says the same (sorted by position):
// CHECK: escape.go:13:2: moved to heap: x
// CHECK-NEXT: escape.go:26:10: new(int) does not escape
// CHECK-NEXT: escape.go:27:9: new(int) escapes to heap
// CHECK-NEXT: escape.go:28:7: &T{...} does not escape
// CHECK-NEXT: escape.go:29:7: &T{} escapes to heap
// CHECK-NEXT: escape.go:30:11: make([]int, 10) does not escape
// CHECK-NEXT: escape.go:31:12: make([]int, n) escapes to heap
// CHECK-NEXT: escape.go:32:13: make([]byte, 100000) escapes to heap
// CHECK-NEXT: escape.go:33:12: []int{...} does not escape
// CHECK-NEXT: escape.go:42:11: new(int) escapes to heap
// CHECK-NEXT: escape.go:45:13: new(int) does not escape
// CHECK-NEXT: escape.go:51:3: moved to heap: v
// CHECK-NEXT: escape.go:62:2: moved to heap: w
