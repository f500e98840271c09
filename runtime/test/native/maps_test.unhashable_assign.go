// An unhashable dynamic key type in a map assignment.
package main

func main() {
	m := map[interface{}]int64{}
	var k interface{} = []int{1}
	m[k] = 1
}
