// A runtime error inside a method: the traceback names the method as gc
// does (main.Count.Div).
package main

type Count int

func (c Count) Div(d Count) Count { return c / d }

func main() {
	var z Count
	println(Count(6).Div(3))
	println(Count(1).Div(z))
}
