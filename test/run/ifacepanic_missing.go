// An assertion to an interface type whose method the dynamic type lacks:
// the runtime builds the itab, finds M missing and panics as gc.
package main

type I interface{ M() }
type T int

func (T) N() {}

func main() {
	var e interface{} = T(1)
	_, ok := e.(I)
	println(ok)
	var i I = e.(I)
	i.M()
}
