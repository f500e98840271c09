// Type switches and assertions on composite types written in place
// (*[4]byte, []int, func() int, struct{...}, *T), several types per case
// binding the interface value itself, default in the middle, and nil.
package main

type T struct{ n int }

func kind(x interface{}) string {
	switch v := x.(type) {
	case *[4]byte:
		v[0] = 9
		return "array pointer"
	case []int:
		return "slice of " + string(rune('0'+len(v)))
	case func() int:
		return "func " + string(rune('0'+v()))
	default:
		return "other"
	case struct{ a, b int }:
		return "struct " + string(rune('0'+v.a+v.b))
	case *T, T:
		_, isPtr := v.(*T)
		if isPtr {
			return "*T"
		}
		return "T"
	case nil:
		return "nil"
	}
}

func main() {
	var a [4]byte
	println(kind(&a), a[0])
	println(kind([]int{1, 2, 3}))
	println(kind(func() int { return 4 }))
	println(kind(struct{ a, b int }{2, 5}))
	println(kind(&T{1}), kind(T{2}), kind(nil), kind(1.5))
	var e interface{} = []int{7}
	if s, ok := e.([]int); ok {
		println(s[0], len(s))
	}
	f, ok := e.(func() int)
	println(f == nil, ok)
}
