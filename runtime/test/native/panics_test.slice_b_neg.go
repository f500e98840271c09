// s[x:] with x < 0.
package main

//go:noinline
func n(x int) int { return x }

//go:noinline
func u(x uint) uint { return x }

var sink interface{}

func main() {
	s := make([]int, 3, 5)
	sink = s[n(-3):]
}
