// defer delete(m, k): the map and the key are evaluated at the defer
// statement (open-coded and in a loop).
package main

func f(m map[string]int) {
	k := "a"
	defer delete(m, k)
	k = "b"
	defer println("len before the deletes", len(m))
	for i := 0; i < 2; i++ {
		defer delete(m, "c")
	}
}

func main() {
	m := map[string]int{"a": 1, "b": 2, "c": 3}
	f(m)
	println(len(m), m["b"])
}
