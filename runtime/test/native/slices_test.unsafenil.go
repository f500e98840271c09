// unsafe.Slice(nil, len) with len > 0.
package main

import "unsafe"

//go:noinline
func n(x int) int { return x }

var sink interface{}

var _ = unsafe.Pointer(nil)

func main() {
	sink = unsafe.Slice((*int)(nil), n(1))
}
