// append growing a slice of 2^48-byte elements beyond maxAlloc.
package main

import "unsafe"

//go:noinline
func n(x int) int { return x }

var sink interface{}

var _ = unsafe.Pointer(nil)

func main() {
	var b byte
	s := unsafe.Slice((*[1 << 48]byte)(unsafe.Pointer(&b)), 1)
	s = append(s, s...)
	sink = s
}
