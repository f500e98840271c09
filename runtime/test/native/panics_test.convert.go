// (*[4]int)(s) with len(s) == 3.
package main

//go:noinline
func n(x int) int { return x }

//go:noinline
func u(x uint) uint { return x }

var sink interface{}

func main() {
	s := make([]int, 3, 5)
	sink = (*[4]int)(s)
}
