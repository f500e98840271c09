// Methods with value receivers on named basic types: calls with the
// receiver as first argument, chained calls, several results, unnamed
// receivers.
package main

type Celsius float64
type Name string
type Count int

func (c Celsius) Fahrenheit() float64 { return float64(c)*9/5 + 32 }
func (n Name) Greet(greeting string) string { return greeting + ", " + string(n) }
func (c Count) Add(d Count) Count { return c + d }
func (c Count) Twice() (Count, Count) { return c, c * 2 }
func (Count) Zero() int { return 0 }

func main() {
	c := Celsius(100)
	println(c.Fahrenheit())
	n := Name("gopher")
	println(n.Greet("hello"))
	var k Count = 3
	k = k.Add(4).Add(5)
	a, b := k.Twice()
	println(k, a, b, k.Zero())
	println(Count(1).Add(Count(2).Add(3)))
}
