// s[:x] of a string, x > len(s).
package main

//go:noinline
func n(x int) int { return x }

//go:noinline
func u(x uint) uint { return x }

var sink interface{}

func main() {
	s := "abc"
	sink = s[:n(4)]
}
