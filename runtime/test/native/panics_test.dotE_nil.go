// e.(T) with e nil.
package main

type T struct{ A int }

var sink interface{}

func main() {
	var x interface{}
	sink = x.(T)
}
