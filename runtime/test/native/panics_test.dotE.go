// e.(T) with e holding another type.
package main

var sink interface{}

func main() {
	var x interface{} = "s"
	sink = x.(int)
}
