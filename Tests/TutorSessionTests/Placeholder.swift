import Testing

@Test func placeholderTutorSessionTests() { #expect(1 + 1 == 2) }
