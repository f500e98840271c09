// e.(I) with e nil: gc's panicnildottype.
package main

type I interface{ M() }

var sink interface{}

func main() {
	var x interface{}
	sink = x.(I)
}
