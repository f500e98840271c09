// Comparing two interfaces holding the same uncomparable type.
package main

func main() {
	var a, b interface{} = []int{1}, []int{1}
	println(a == b)
}
