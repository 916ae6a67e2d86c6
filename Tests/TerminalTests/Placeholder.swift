import Testing

@Test func placeholderTerminalTests() { #expect(1 + 1 == 2) }
