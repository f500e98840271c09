// Comparisons of interface values with constants in switches (a nil
// interface tag against concrete cases), method expressions of type
// parameters, and append whose new length overflows int.
package main

type S1 struct{ n int }

func (s *S1) M() int { return s.n }

type S2 struct{ n int }

func (s S2) M() int { return s.n * 10 }

func call[T interface{ M() int }](t T) int {
	f := T.M
	return f(t)
}

func kind(x interface{}) string {
	switch x {
	case int(0):
		return "int zero"
	case "a":
		return "string a"
	case nil:
		return "nil"
	}
	return "other"
}

func F[T, U int]() interface{} {
	switch interface{}(nil) {
	case int(0), T(0), U(0):
		return "matched"
	}
	return map[interface{}]int{int(0): 0, T(0): 1, U(0): 2}
}

func main() {
	println(kind(0), kind("a"), kind(nil), kind(1.5))
	println(len(F[int, int]().(map[interface{}]int)))
	println(call(&S1{3}), call(S2{4}), call(&S2{5}))
	defer func() { println("recovered:", recover() != nil) }()
	n := int(^uint(0) >> 1)
	a := make([]struct{}, n)
	b := make([]struct{}, n)
	_ = append(a, b...)
	println("not reached")
}
