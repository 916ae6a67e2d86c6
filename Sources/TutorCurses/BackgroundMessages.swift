import TutorSession

/// Messages made off the main loop (lessons parsed and run in the background), picked up between key reads.
public protocol BackgroundMessages: AnyObject {
    /// Begins the work; called once the first frame is on the screen, so that it does not compete with it.
    func start()
    /// Whether every message has been handed over.
    var isFinished: Bool { get }
    /// The messages ready now, without waiting.
    func poll() -> [Message]
    /// Waits for the rest and returns them.
    func finish() -> [Message]
}
