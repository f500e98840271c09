// Parameter leaks (gc's tags) and their use at calls, recursion
// included: bottom-up over the call graph, one batch per strongly
// connected component.
// RUN: %origo build -stop-after=escape %s | FileCheck %s --implicit-check-not='{{heap|not escape|leaking}}'

package main

var g *int

func id(p *int) *int { return p }

func sink(p *int) { g = p }

func content(pp **int) { g = *pp }

func read(p *int) int { return *p }

// Self-recursion: p only read.
func rec(n int, p *int) int {
	if n == 0 {
		return *p
	}
	return rec(n-1, p)
}

// Mutual recursion: q reaches the heap through odd.
func even(n int, q *int) bool {
	if n == 0 {
		return true
	}
	return odd(n-1, q)
}

func odd(n int, q *int) bool {
	if n == 0 {
		g = q
		return false
	}
	return even(n-1, q)
}

func main() {
	a := *id(new(int))
	p := id(new(int))
	g = p
	sink(new(int))
	x := 1
	var px *int = &x
	content(&px)
	b := read(new(int))
	y := 2
	c := rec(3, &y)
	z := 3
	println(a, b, c, even(4, &z))
}

// gc 1.19 -gcflags=-m says the same (sorted by position):
// CHECK: params.go:10:9: leaking param: p to result ~r0 level=0
// CHECK-NEXT: params.go:12:11: leaking param: p
// CHECK-NEXT: params.go:14:14: leaking param content: pp
// CHECK-NEXT: params.go:16:11: p does not escape
// CHECK-NEXT: params.go:19:17: p does not escape
// CHECK-NEXT: params.go:27:18: leaking param: q
// CHECK-NEXT: params.go:34:17: leaking param: q
// CHECK-NEXT: params.go:43:14: new(int) does not escape
// CHECK-NEXT: params.go:44:13: new(int) escapes to heap
// CHECK-NEXT: params.go:46:10: new(int) escapes to heap
// CHECK-NEXT: params.go:47:2: moved to heap: x
// CHECK-NEXT: params.go:50:15: new(int) does not escape
// CHECK-NEXT: params.go:53:2: moved to heap: z
