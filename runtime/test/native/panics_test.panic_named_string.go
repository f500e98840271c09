// panic(v): A defined string type: TYPE("value").
package main

type S string

func main() {
	panic(S("x"))
}
