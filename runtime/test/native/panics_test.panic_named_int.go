// panic(v): A defined int type.
package main

type I int

func main() {
	panic(I(-3))
}
