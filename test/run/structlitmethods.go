// Methods promoted to struct literal types (struct{ T }, struct{ *T }):
// method tables, interface conversions and assertions, method expressions.
package main

type S1 string

func (s *S1) val() int { return 2 }

type T struct{ x int }

func (t T) get() int { return t.x }

type Val interface{ val() int }
type Getter interface{ get() int }

func main() {
	var e interface{} = struct{ *S1 }{}
	v, ok := e.(Val)
	println(ok, v.val())
	var g Getter = struct {
		T
		y int
	}{T{5}, 6}
	println(g.get())
	var pg Getter = &struct{ T }{T{7}}
	println(pg.get())
	x := struct{ T }{T{8}}
	println(x.get(), struct{ T }.get(x))
	_, ok2 := e.(Getter)
	println(ok2)
	// Method expressions and values of literal types.
	f := interface{ get() int }.get
	println(f(T{9}), interface{ get() int }.get(x))
	h := struct{ T }.get
	println(h(struct{ T }{T{10}}))
	var lit interface{ get() int } = T{11}
	mv := lit.get
	println(mv())
	// Method values of methods promoted from embedded interfaces.
	n := Holder{Getter: T{12}}
	nv := n.get
	pn := &Holder{Getter: T{13}}
	pv := pn.get
	n.Getter = T{14} // nv keeps the interface value it was made with
	println(nv(), pv(), n.get())
}

type Holder struct {
	Getter
	z int
}
