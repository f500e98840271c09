// Conversions from slices to array pointers share the array; a slice too
// short panics with gc's message.
package main

func main() {
	s := []int{1, 2, 3, 4, 5}
	p := (*[3]int)(s)
	p[1] = 20
	println(s[1], len(p))
	q := (*[2]int)(s[3:])
	println(q[0], q[1])
	var e []int
	z := (*[0]int)(e)
	println(z == nil)
	_ = (*[8]int)(s)
}
