// Comparing interfaces holding equal uncomparable dynamic types panics;
// different dynamic types compare unequal without looking at the data.
package main

func main() {
	var a, b interface{} = []int{1}, "x"
	println(a == b)
	b = []int{1}
	println(a == b)
}
