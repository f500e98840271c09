package main

// A method called on the result of another method's call: the outer
// call is of its own method (origo once called the inner one again).

type TT int

var log string

func (t TT) a(s string) TT {
	log += "a(" + s + ")"
	return t
}

func (TT) b(s string) string {
	log += "b(" + s + ")"
	return s
}

type P struct{ n int }

func (p *P) inc() *P { p.n++; return p }
func (p P) get() int  { return p.n }

func main() {
	var t TT
	s := t.a("1").b("3")
	println(s, log)
	log = ""
	s = t.a("1").a(t.b("2")).b("3") + t.a("4").b("5")
	println(s, log)
	p := &P{}
	println(p.inc().inc().get())
}
