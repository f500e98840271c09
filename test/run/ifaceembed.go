// Method sets with embedding: methods promoted through embedded values,
// pointers and interfaces reach interfaces through pkg.(*S).m wrappers;
// a value's method set has promoted pointer methods only through embedded
// pointers; converting between distinct interface types with the same
// methods makes the target's itab (so == holds); struct types that print
// alike but differ (embedded alias names) are distinct dynamic types.
package main

type T int

func (t T) V() int   { return int(t) }
func (t *T) P() int  { *t++; return int(*t) }

type V interface{ V() int }
type P interface {
	P() int
	V() int
}

type S struct {
	name string
	T
}

type SP struct {
	*T
	n int
}

type Named interface{ Name() string }

type Inner struct{ name string }

func (i Inner) Name() string { return "inner " + i.name }

type Outer struct {
	Inner
	extra int
}

type Deep struct {
	Outer
}

type WithIface struct {
	Named
	k int
}

type I interface{ M() int }
type J interface{ M() int }

type R struct{ x int }

func (r *R) M() int { return r.x }

type Int = int
type A = struct{ int }
type B = struct{ Int }

func main() {
	s := S{"s", 5}
	var v V = s
	println(v.V())
	var p P = &s
	println(p.P(), p.V(), s.T)
	var e interface{} = s
	_, ok := e.(P)
	println(ok)
	_, ok = e.(V)
	println(ok)

	t := T(40)
	sp := SP{&t, 1}
	p = sp // *T is embedded: P is in SP's method set
	println(p.P(), p.V(), t)

	var n Named = Deep{Outer{Inner{"d"}, 1}}
	println(n.Name())
	n = &Outer{Inner{"o"}, 2}
	println(n.Name())
	w := WithIface{Inner{"w"}, 3}
	n = w
	println(n.Name())
	var empty WithIface
	n = empty
	println(n != nil)

	r := &R{7}
	var i1, i2 I
	var j J = r
	i1 = r
	i2 = j
	println(i1 == i2, i2.M())
	var anon interface{ M() int } = r
	i2 = anon
	println(i1 == i2)

	var x, y interface{} = A{}, B{}
	println(x == y, x == A{}, y == B{})
}
