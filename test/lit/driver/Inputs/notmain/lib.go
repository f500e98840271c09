package notmain

func F() int { return 1 }
