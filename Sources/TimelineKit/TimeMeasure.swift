import TCPCore

/// What a `time` question measures, from which moment to which, when it is not the default (from the sending of
/// the segment shown before to the sending of this one). Written after the fields of a `quiz` line:
/// `quiz time until A CLOSED` (before a `wait`: when a timer that sends nothing changes a state, as TIME_WAIT's
/// 2MSL timer does, RFC 9293 §3.10.8), `quiz time since A connect` (from an application's call),
/// `quiz time until arrival since A connect` (when the segment reaches its receiver).
///
/// The lesson names only the moments; the runner reads their virtual times from the engine (`start`, `end`,
/// `leaving`, `reason`), so no answer is ever typed in a lesson.
public struct TimeMeasure: Hashable, Sendable {
    /// A moment on the virtual clock.
    public enum Moment: Hashable, Sendable {
        /// The question's segment leaves its sender (the default end).
        case sent
        /// The question's segment reaches its receiver.
        case arrival
        /// The segment shown before the question was sent (the default start).
        case previousSegment
        /// A host's application made this call (`connect`, `close`, …), the last time before the question.
        case call(HostID, String)
        /// A host entered this state: as a start, the last time before the question; as an end, during the
        /// question's step.
        case state(HostID, ConnectionState)
    }

    public var until: Moment
    public var since: Moment
    /// 1-based columns of the moments' words in the `quiz` line, for `check`'s messages.
    public var untilColumn: Int
    public var sinceColumn: Int
    /// Virtual milliseconds of the two moments, read from the engine by the runner.
    public var start: UInt64 = 0
    public var end: UInt64 = 0
    /// For an end that is a state change: the state the host leaves (shown on screen while the question is up,
    /// so the question can name it without naming the answer) and the rule that changed it.
    public var leaving: ConnectionState?
    public var reason: Rule?

    public init(until: Moment, since: Moment, untilColumn: Int = 1, sinceColumn: Int = 1) {
        self.until = until
        self.since = since
        self.untilColumn = untilColumn
        self.sinceColumn = sinceColumn
    }

    /// The answer: milliseconds from `start` to `end`.
    public var elapsed: UInt64 { end - min(start, end) }

    /// The host whose state change ends the interval, when a state change ends it.
    public var stateHost: HostID? {
        if case .state(let host, _) = until { return host }
        return nil
    }

    /// The calls a `since` may name, as the lesson writes them.
    public static let callVerbs = ["listen", "connect", "send", "read", "shutdown", "close", "abort"]

    /// Whether `call` is the call `verb` names (`send` names `send 100` and `send 100 more`).
    public static func call(_ call: UserCall, isNamed verb: String) -> Bool {
        call.description.split(separator: " ").first.map(String.init) == verb
    }
}

extension TimeMeasure {
    /// The question in words, as a noun phrase: "how long after A's connect() this segment leaves" is asked as
    /// "How long after A's connect() does this segment leave?". An end that is a state change is named by the state
    /// the host leaves (on screen already), never by the state it reaches (the answer).
    public func question(_ language: Language) -> String {
        switch language {
        case .en:
            let since = Self.sinceWords(self.since, .en)
            switch until {
            case .arrival: return "how long after \(since) does this segment arrive"
            case .state(let host, _):
                return "how long after \(since) does \(host) leave \(leaving?.description ?? "its state")"
            case .sent, .previousSegment, .call:
                return "how long after \(since) does this segment leave"
            }
        case .zh:
            let since = Self.sinceWords(self.since, .zh)
            switch until {
            case .arrival: return "从\(since)到这个报文段到达的时间间隔"
            case .state(let host, _):
                return "从\(since)到主机\(host)离开\(leaving?.description ?? "当前状态")的时间间隔"
            case .sent, .previousSegment, .call: return "从\(since)到这个报文段发出的时间间隔"
            }
        }
    }

    /// The start moment in words: "the segment before it", "A's connect()", "A enters TIME_WAIT".
    public static func sinceWords(_ moment: Moment, _ language: Language) -> String {
        switch (moment, language) {
        case (.call(let host, let verb), .en): "\(host)'s \(verb)()"
        case (.call(let host, let verb), .zh): "主机\(host)调用\(verb)()"
        case (.state(let host, let state), .en): "\(host) enters \(state)"
        case (.state(let host, let state), .zh): "主机\(host)进入\(state)"
        case (.sent, .en), (.arrival, .en), (.previousSegment, .en): "the segment before it"
        case (.sent, .zh), (.arrival, .zh), (.previousSegment, .zh): "前一个报文段"
        }
    }

    /// The end moment as it happened: "A: TIME_WAIT → CLOSED", "this segment reached B", "A sent it".
    public func endWords(sender: HostID, receiver: HostID, _ language: Language) -> String {
        switch (until, language) {
        case (.state(let host, let state), .en): "\(host): \(leaving.map { "\($0) → " } ?? "")\(state)"
        case (.state(let host, let state), .zh): "主机\(host)：\(leaving.map { "\($0) → " } ?? "")\(state)"
        case (.arrival, .en): "the segment reached \(receiver)"
        case (.arrival, .zh): "报文段到达主机\(receiver)"
        case (_, .en): "\(sender) sent it"
        case (_, .zh): "主机\(sender)发出它"
        }
    }
}
