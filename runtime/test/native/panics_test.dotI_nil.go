// i.(T) with i nil.
package main

type I interface{ M() }
type T struct{}

func (T) M() {}

var sink interface{}

func main() {
	var x I
	sink = x.(T)
}
