// Runtime errors recovered as error values: their Error methods through
// interface assertions.
package main

func try(f func()) {
	defer func() {
		e := recover().(error)
		println(e.Error())
	}()
	f()
}

func main() {
	var x interface{} = "s"
	try(func() { _ = x.(int) })
	try(func() { var a []int; _ = a[3] })
	try(func() { var p *int; _ = *p })
	try(func() { z := 0; _ = 1 / z })
	try(func() { var m map[int]int; m[1] = 2 })
}
