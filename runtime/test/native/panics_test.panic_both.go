// panic(v): Error wins over String.
package main

type B struct{}

func (B) Error() string  { return "error" }
func (B) String() string { return "string" }

func main() {
	panic(B{})
}
