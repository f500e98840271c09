// panic(v): A defined uint8 type.
package main

type U8 uint8

func main() {
	panic(U8(200))
}
