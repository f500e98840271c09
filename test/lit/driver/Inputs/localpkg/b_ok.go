package b

import "./a"

type B struct{ X a.X }
