import Testing

@Test func placeholderTCPCoreTests() { #expect(1 + 1 == 2) }
