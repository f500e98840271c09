// A failed assertion from a non-empty interface to a concrete type names
// the static interface type, the dynamic type and the asserted one.
package main

type I interface{ M() }
type T int
type U int

func (T) M() {}
func (U) M() {}

func main() {
	var i I = T(1)
	_, ok := i.(U)
	println(ok)
	println(i.(T) == 1)
	_ = i.(U)
}
