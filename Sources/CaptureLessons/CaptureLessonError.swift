/// Why a captured connection cannot become a faithful lesson. Each message names the packet and what the engine
/// would do instead, so that an author knows what to edit or to capture again.
public struct CaptureLessonError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
