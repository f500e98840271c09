// An assertion between non-empty interfaces whose target method the
// dynamic type lacks.
package main

type I interface{ M() }
type J interface {
	M()
	N()
}
type T int

func (T) M() {}

func main() {
	var i I = T(1)
	_, ok := i.(J)
	println(ok)
	_ = i.(J)
}
