// make([]T, len, cap) with cap*size over maxAlloc.
package main

import "unsafe"

//go:noinline
func n(x int) int { return x }

var sink interface{}

var _ = unsafe.Pointer(nil)

func main() {
	sink = make([]int, n(3), n(1<<60))
}
