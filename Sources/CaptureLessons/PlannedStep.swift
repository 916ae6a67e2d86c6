import TCPCore
import TimelineKit

/// One step of the lesson being written, before it becomes text.
struct PlannedStep {
    enum Action: Equatable {
        case call(HostID, UserCall)
        case deliver(HostID, Segment)
        case drop(HostID, Segment)
        case reorder(HostID)
        /// A segment the sender's engine never sent: a copy the network made, or an ACK the engine has no reason for.
        case inject(HostID, Segment)
        case wait(milliseconds: UInt64)
        case say
    }

    var action: Action
    /// `#` lines written above the step: what in the capture the step was inferred from.
    var comments: [String] = []
    var narration: LocalizedText?
    /// The capture step (0-based) a wire step shows; nil for a segment the capture does not show.
    var captureStep: Int?
    /// A delivery of a segment the engine sent in answer to a segment, not to a call or a timer: what it carries
    /// follows from what the ladder shows, so it can be asked.
    var answersSegment = false
    /// Set on a delivery that is a question.
    var quiz: [QuizField]?
    /// Both hosts' states after the step, written as `expect` when the step changed one of them.
    var expect: PerHost<ConnectionState>?

    init(_ action: Action, comments: [String] = [], captureStep: Int? = nil) {
        self.action = action
        self.comments = comments
        self.captureStep = captureStep
    }

    var isWire: Bool {
        switch action {
        case .deliver, .drop, .inject: true
        case .call, .wait, .say, .reorder: false
        }
    }
}
