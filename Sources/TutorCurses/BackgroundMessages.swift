import TutorSession

/// Messages made off the main loop (lessons parsed and run in the background), picked up between key reads.
public protocol BackgroundMessages: AnyObject {
    /// Whether every message has been handed over.
    var isFinished: Bool { get }
    /// The messages ready now, without waiting.
    func poll() -> [Message]
    /// Waits for the rest and returns them.
    func finish() -> [Message]
}
