package b

import "./a"

type B struct{ X a.X }

// Contains itself through an instance of an imported generic type.
type Bad a.T[Bad]
