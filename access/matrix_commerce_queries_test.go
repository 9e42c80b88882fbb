package access_test

func commerceQueryCases() []Case { return nil }
