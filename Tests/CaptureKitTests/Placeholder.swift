import Testing

@Test func placeholderCaptureKitTests() { #expect(1 + 1 == 2) }
