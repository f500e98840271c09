// Two types that print alike, from different scopes.
package main

func other() interface{} {
	type T int
	return T(1)
}

var sink interface{}

func main() {
	type T int
	sink = other().(T)
}
