// A lookup in a nil map still hashes the key, so it panics too.
package main

func main() {
	var m map[interface{}]int64
	var k interface{} = map[string]int{}
	_ = m[k]
}
