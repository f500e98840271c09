// unsafe.Sizeof, Alignof and Offsetof of values whose size depends on a
// type parameter are computed per instance (not constants), and x++ of a
// complex type parameter adds complex(1, 0).
package main

import "unsafe"

func size[T any](x T) uintptr  { return unsafe.Sizeof(x) }
func align[T any](x T) uintptr { return unsafe.Alignof(x) }

type pair[T any] struct {
	first T
	n     int
}

func (p *pair[T]) offset() uintptr { return unsafe.Offsetof(p.n) }

type number interface {
	int32 | float64 | complex64 | complex128
}

func inc[T number](x T) T {
	x++
	return x
}

func main() {
	var e any
	println(size(e), align(e), size("abc"), size(int8(1)), align(int16(1)), size([3]int32{}))
	var a pair[any]
	var b pair[int8]
	println(a.offset(), b.offset(), unsafe.Sizeof(b))
	println(inc(int32(5)), inc(2.5), real(inc(complex64(5))), imag(inc(complex128(1+2i))))
}
