// A failed assertion to a concrete type: gc's TypeAssertionError message.
package main

func main() {
	var e interface{} = "hello"
	println(e.(string))
	println(e.(int))
}
