package access_test

func commerceMutationCases() []Case { return nil }
