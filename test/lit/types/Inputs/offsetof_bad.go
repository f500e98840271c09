package p

import "unsafe"

type T struct {
	A int
	*B
}

func (t T) Method() {}

type B struct{ X, Y int }

var t T

const N1 = unsafe.Offsetof(t.X)
const N5 = unsafe.Offsetof(t.Method)
const N3 = unsafe.Offsetof(t.B.X)
