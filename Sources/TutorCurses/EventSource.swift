import TutorSession

/// Something besides the keyboard that brings the app messages while it runs full screen: lessons loading in
/// the background, a link to a class server. A new source is one more conforming type handed to
/// `TerminalRuntime.sources`, not another loop.
///
/// A source with a `readableDescriptor` (a socket) is waited on together with the keyboard, in one poll(2):
/// it costs nothing while nothing comes, and its message is taken the moment it arrives. A source without one
/// (a background thread) is polled every few milliseconds while it is active.
public protocol EventSource: AnyObject {
    /// Begins the work; called once the first frame is on the screen, so that it does not compete with it.
    func start()
    /// Whether messages may still come: only active sources are waited on or polled.
    var isActive: Bool { get }
    /// The messages ready now, without waiting.
    func poll() -> [Message]
    /// The messages a key must not overtake, waited for (lessons the key will act on); [] when there are none.
    func messagesBeforeKey() -> [Message]
    /// A descriptor that turns readable when messages arrive, or nil for a source that must be polled.
    var readableDescriptor: Int32? { get }
    /// Whether messages already read wait in the source's own buffer, where the descriptor cannot show them:
    /// the runtime then takes them without waiting.
    var hasBufferedMessages: Bool { get }
}

extension EventSource {
    public var readableDescriptor: Int32? { nil }
    public var hasBufferedMessages: Bool { false }
}
