// delete with an unhashable key panics even when the map is empty.
package main

func main() {
	m := map[interface{}]int64{}
	var k interface{} = []int{1}
	delete(m, k)
}
