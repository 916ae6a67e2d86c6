import TCPCore
import TimelineKit

/// A segment sent again before the capture shows it arrived: the sender's retransmission timer resent it
/// (RFC 9293 §3.8.1). The sender's engine runs its own timer, so the step keeps when the engine resends and
/// how long the capture's stack waited (`RetransmissionTiming`).
extension ConnectionInference {
    /// Fires the sender's retransmission timer when it resends this very segment, and keeps the engine's wait
    /// with the capture's. Nothing changes when the timer would do something else first (a delayed ACK, a
    /// keep-alive, giving up): then the engine does not explain the moment and the step says nothing about it.
    mutating func fireRetransmissionTimer(_ index: Int) {
        let sender = senders[index]
        let segment = packets[index].segment
        guard let deadline = endpoints[sender].retransmissionDeadline,
            let previous = steps.indices.last(where: { earlier in
                earlier < index && steps[earlier].from == sender && steps[earlier].segment.seq == segment.seq
                    && steps[earlier].segment.sequenceLength > 0
            })
        else { return }
        var trial = endpoints[sender]
        reaction.clear()
        trial.advance(to: deadline, into: &reaction)
        guard let resent = reaction.sent.first, resent.segment.seq == segment.seq,
            reaction.sent.allSatisfy({ $0.because == .retransmissionTimeout }), reaction.transitions.isEmpty,
            reaction.errors.isEmpty
        else { return }
        let engineLast = timerSentAt[previous] ?? milliseconds(steps[previous].time)
        guard engineLast <= deadline else { return }
        endpoints[sender] = trial
        timerSentAt[index] = deadline
        let engineWait = deadline - engineLast
        let capturedNanoseconds = max(0, steps[index].time.nanoseconds &- steps[previous].time.nanoseconds)
        let capturedWait = UInt64(
            capturedNanoseconds / 1_000_000 + (capturedNanoseconds % 1_000_000 >= 500_000 ? 1 : 0))
        steps[index].retransmissionTimer = RetransmissionTiming(engineWait: engineWait, capturedWait: capturedWait)
    }
}
