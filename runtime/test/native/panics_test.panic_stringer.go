// panic(v): A value with a String method: its result.
package main

type St int

func (St) String() string { return "St!" }

func main() {
	panic(St(1))
}
