// Deferred interface method calls: the interface value and the arguments
// are evaluated at the defer statement, and a nil interface panics there
// (issue 15975).
package main

type Closer interface{ Close(n int) }

type F struct{ name string }

func (f F) Close(n int) { println("close", f.name, n) }

var fail bool

func nilDefer() {
	var x Closer
	defer x.Close(1)
	fail = true
}

func main() {
	var c Closer = F{"a"}
	n := 1
	defer c.Close(n)
	n = 2
	c = F{"b"}
	defer c.Close(n)
	defer func() {
		println("recovered:", recover() != nil, "fail:", fail)
	}()
	nilDefer()
}
