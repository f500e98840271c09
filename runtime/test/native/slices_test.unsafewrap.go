// unsafe.Slice whose end wraps around the address space.
package main

import "unsafe"

//go:noinline
func n(x int) int { return x }

var sink interface{}

var _ = unsafe.Pointer(nil)

func main() {
	var a [4]int
	sink = unsafe.Slice(&a[0], n(1<<61))
}
