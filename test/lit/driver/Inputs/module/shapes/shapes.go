// Package shapes is a package of the program's own module.
package shapes

import (
	"fmt"

	"example.com/app/internal/units"
)

type Shape interface {
	Area() float64
}

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }

func (r Rect) String() string { return fmt.Sprintf("rect %gx%g", r.W, r.H) }

var count = 0

func New(w, h float64) Shape {
	count++
	return Rect{units.Scale(w), units.Scale(h)}
}

func Count() int { return count }

func init() { count = 100 }
