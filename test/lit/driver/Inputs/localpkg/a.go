package a

type T[P any] struct{ f P }

type X int

func New() X { return 1 }
