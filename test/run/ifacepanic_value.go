// panic with a value whose type has an Error method: the report shows it.
package main

type E string

func (e E) Error() string { return "custom: " + string(e) }

func main() {
	var err error = E("boom")
	println(err.Error())
	panic(err)
}
