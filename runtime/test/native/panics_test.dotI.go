// i.(T) with i holding another type.
package main

type I interface{ M() }
type T struct{}
type U struct{}

func (T) M() {}
func (U) M() {}

var sink interface{}

func main() {
	var x I = T{}
	sink = x.(U)
}
