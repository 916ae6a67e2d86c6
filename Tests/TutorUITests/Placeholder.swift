import Testing

@Test func placeholderTutorUITests() { #expect(1 + 1 == 2) }
