// defer panic(v) of any value: an error (a pointer type with methods) and
// an interface{}, converted at the defer statement.
package main

type E struct{ msg string }

func (e *E) Error() string { return "E: " + e.msg }

func f(err error) {
	defer func() {
		r := recover()
		println("recovered:", r.(error).Error())
	}()
	defer panic(err)
	err = nil
}

func g() {
	var v interface{} = 42
	defer panic(v)
}

func main() {
	f(&E{"deferred"})
	defer func() { println("main:", recover().(int)) }()
	g()
}
