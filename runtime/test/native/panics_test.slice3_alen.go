// a[:y:x] of an array, x > len(a).
package main

//go:noinline
func n(x int) int { return x }

//go:noinline
func u(x uint) uint { return x }

var sink interface{}

func main() {
	var a [4]int
	sink = a[:n(1):n(5)]
}
