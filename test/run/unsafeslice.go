// unsafe.Add and unsafe.Slice, with gc's check of a negative length.
package main

import "unsafe"

func main() {
	arr := [4]int32{10, 20, 30, 40}
	p := unsafe.Pointer(&arr[0])
	q := (*int32)(unsafe.Add(p, 8))
	println(*q)
	s := unsafe.Slice(&arr[1], 3)
	println(len(s), cap(s), s[2])
	var np *int
	_ = unsafe.Slice(np, 0)
	n := -1
	_ = unsafe.Slice(&arr[0], n)
}
