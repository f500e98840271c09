// An assertion of a nil interface to an interface type.
package main

type I interface{ M() }

func main() {
	var e interface{}
	_, ok := e.(I)
	println(ok)
	_ = e.(I)
}
