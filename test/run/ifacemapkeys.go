// Maps with keys that need the descriptors' hashers: interface keys of
// several dynamic types (also defined types with methods), struct and
// array keys (generated hash and equality), arrays of interfaces.
package main

type K struct {
	a int
	s string
}

type Shape interface{ Area() int }
type Sq int

func (s Sq) Area() int { return int(s * s) }

func main() {
	m := map[interface{}]int{}
	m[1] = 10
	m["a"] = 20
	m[K{1, "x"}] = 30
	m[2.5] = 40
	m[Sq(3)] = 50
	println(len(m), m[1], m["a"], m[K{1, "x"}], m[2.5], m[Sq(3)], m[K{1, "y"}])
	delete(m, "a")
	_, ok := m["a"]
	println(len(m), ok)
	ms := map[Shape]string{Sq(2): "two"}
	println(ms[Sq(2)], len(ms[Sq(3)]))
	var c interface{} = complex(1, 2)
	println(c == complex(1, 2), c.(complex128) == 1+2i)
	mk := map[K]int{{1, "a"}: 1, {2, "b"}: 2}
	println(mk[K{2, "b"}], mk[K{3, "c"}])
	var e interface{} = m
	if mm, ok := e.(map[interface{}]int); ok {
		println(len(mm))
	}
	arr := map[[2]interface{}]bool{{1, "x"}: true}
	println(arr[[2]interface{}{1, "x"}], arr[[2]interface{}{1, "y"}])
}
