// make([]T, len) with len*size over maxAlloc: a len error.
package main

import "unsafe"

//go:noinline
func n(x int) int { return x }

var sink interface{}

var _ = unsafe.Pointer(nil)

func main() {
	sink = make([]int, n(1<<60))
}
