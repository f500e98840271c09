// Defined types whose declarations refer to each other through pointers
// (type T2 T1 while T1 is being declared) are valid and usable.
package main

type T1 struct {
	Next *T2
	v    int
}

type T2 T1

type T3 struct{ Next *T4 }
type T4 T5
type T5 T3

func main() {
	a := &T2{v: 1}
	b := T1{Next: a, v: 2}
	c := T2(b)
	println(c.v, c.Next.v, c.Next.Next == nil)
	var x T3
	x.Next = &T4{}
	println(x.Next.Next == nil)
}
