// unsafe.Pointer conversions and arithmetic through uintptr; append(s, t...)
// of slices and of a string to []byte.
package main

import "unsafe"

type T struct {
	a int8
	b int64
}

func main() {
	var t T
	p := unsafe.Pointer(&t)
	q := (*int64)(unsafe.Pointer(uintptr(p) + unsafe.Offsetof(t.b)))
	*q = 42
	println(t.b, unsafe.Sizeof(t), p == unsafe.Pointer(&t))
	xs := []int{1, 2}
	ys := append(xs, xs...)
	ys = append(ys, []int{7}...)
	bs := append([]byte("ab"), "cd"...)
	println(len(ys), ys[3], ys[4], string(bs))
}
