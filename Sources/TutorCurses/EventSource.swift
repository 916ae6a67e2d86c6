import TutorSession

/// Something besides the keyboard that brings the app messages while it runs full screen: lessons loading in
/// the background today, a link to a class server next. The runtime polls every source between key reads, so
/// a new source is one more conforming type handed to `TerminalRuntime.sources`, not another loop.
public protocol EventSource: AnyObject {
    /// Begins the work; called once the first frame is on the screen, so that it does not compete with it.
    func start()
    /// Whether messages may still come: while any source is active, the runtime polls often.
    var isActive: Bool { get }
    /// The messages ready now, without waiting.
    func poll() -> [Message]
    /// The messages a key must not overtake, waited for (lessons the key will act on); [] when there are none.
    func messagesBeforeKey() -> [Message]
}
