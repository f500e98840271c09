// Calls of methods promoted from interfaces embedded in structs (through
// the struct, a pointer to it, and an embedded pointer), and such structs
// in interfaces (the pkg.(*S).m wrappers call through the field's itab).
package main

type Namer interface{ Name() string }
type N string

func (n N) Name() string { return "n:" + string(n) }

type Holder struct {
	Namer
	id int
}

type Outer struct {
	*Holder
}

func main() {
	h := Holder{N("a"), 1}
	println(h.Name())
	hp := &h
	println(hp.Name())
	o := Outer{&h}
	println(o.Name())
	h.Namer = N("b")
	println(o.Name())
	var n Namer = o
	println(n.Name())
}
