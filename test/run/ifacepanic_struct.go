// Interfaces holding equal uncomparable structs: gc's message names the
// struct type.
package main

type S struct{ xs []int }

func main() {
	var a, b interface{} = S{[]int{1}}, S{[]int{1}}
	println(a != nil)
	println(a == b)
}
