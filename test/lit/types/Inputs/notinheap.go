package p

type a struct{}

//go:notinheap
type b a

//go:notinheap
type c byte

var _ = (*b)(new(a))
var _ = []c("x")
