package main

import (
	"fmt"

	"example.com/app/shapes"
)

func main() {
	s := shapes.New(1.5, 2)
	fmt.Println(s, s.Area(), shapes.Count())
}
