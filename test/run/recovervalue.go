// Recovered values as interface{} values: compared with == (the dynamic
// types, then the values) and with nil, kept in a package variable, and
// panicked again (the report prints the value).
package main

var saved interface{}

func keep() { saved = recover() }

func get(n int) interface{} {
	defer keep()
	panic(n)
}

func same(x, y interface{}) bool { return x == y }

func main() {
	get(1)
	a := saved
	get(1)
	b := saved
	get(2)
	c := saved
	println(a == b, a != c, a == nil, same(a, b), same(a, c))
	var e interface{}
	println(e == nil, recover() == nil, same(e, nil))
	panic(c)
}
